"""The clients of the Uploads: `Uploads` and `AsyncUploads`."""

from __future__ import annotations

import os
from functools import cached_property
from typing import TYPE_CHECKING, Mapping

import httpx

from ._base_client import DEFAULT_TIMEOUT, AsyncAPIClient, Credential, SecurityScheme, SyncAPIClient
from ._types import Timeout

if TYPE_CHECKING:
    from .resources.documents import AsyncDocumentsResource, DocumentsResource
    from .resources.auth import AsyncAuthResource, AuthResource

__all__ = ["Uploads", "AsyncUploads"]

DEFAULT_BASE_URL = "http://localhost:8080"
SECURITY_SCHEMES: dict[str, SecurityScheme] = {
    "token": SecurityScheme(
        kind="bearer",
        location="header",
        name="Authorization",
        hint="pass api_key= to the client or set UPLOADS_API_KEY",
    ),
}


def _base_url(base_url: str | httpx.URL | None) -> str | httpx.URL:
    """The base URL: the argument, else $UPLOADS_BASE_URL, else the API's first server."""
    if base_url is not None:
        return base_url
    return os.environ.get("UPLOADS_BASE_URL") or DEFAULT_BASE_URL


def _credentials(api_key: str | None) -> dict[str, Credential]:
    """Each credential from its argument, else from its environment variable."""
    api_key = api_key if api_key is not None else os.environ.get("UPLOADS_API_KEY")
    return {
        "token": api_key,
    }


class Uploads(SyncAPIClient):
    """Uploads"""

    def __init__(
        self,
        *,
        api_key: str | None = None,
        base_url: str | httpx.URL | None = None,
        timeout: Timeout = DEFAULT_TIMEOUT,
        default_headers: Mapping[str, str] | None = None,
        http_client: httpx.Client | None = None,
    ) -> None:
        """Create a client.

        Args:
          api_key: Defaults to the environment variable UPLOADS_API_KEY.
          base_url: Defaults to $UPLOADS_BASE_URL, then to http://localhost:8080.
          timeout: Seconds (or an httpx.Timeout) for each request; None waits forever.
          default_headers: Headers sent with every request.
          http_client: An httpx client of your own (proxies, transports, limits).
        """
        super().__init__(
            base_url=_base_url(base_url),
            credentials=_credentials(api_key),
            security_schemes=SECURITY_SCHEMES,
            timeout=timeout,
            default_headers=default_headers,
            http_client=http_client,
        )

    @cached_property
    def documents(self) -> DocumentsResource:
        """Operations tagged documents."""
        from .resources.documents import DocumentsResource

        return DocumentsResource(self)

    @cached_property
    def auth(self) -> AuthResource:
        """Operations tagged auth."""
        from .resources.auth import AuthResource

        return AuthResource(self)


class AsyncUploads(AsyncAPIClient):
    """Uploads"""

    def __init__(
        self,
        *,
        api_key: str | None = None,
        base_url: str | httpx.URL | None = None,
        timeout: Timeout = DEFAULT_TIMEOUT,
        default_headers: Mapping[str, str] | None = None,
        http_client: httpx.AsyncClient | None = None,
    ) -> None:
        """Create a client.

        Args:
          api_key: Defaults to the environment variable UPLOADS_API_KEY.
          base_url: Defaults to $UPLOADS_BASE_URL, then to http://localhost:8080.
          timeout: Seconds (or an httpx.Timeout) for each request; None waits forever.
          default_headers: Headers sent with every request.
          http_client: An httpx client of your own (proxies, transports, limits).
        """
        super().__init__(
            base_url=_base_url(base_url),
            credentials=_credentials(api_key),
            security_schemes=SECURITY_SCHEMES,
            timeout=timeout,
            default_headers=default_headers,
            http_client=http_client,
        )

    @cached_property
    def documents(self) -> AsyncDocumentsResource:
        """Operations tagged documents."""
        from .resources.documents import AsyncDocumentsResource

        return AsyncDocumentsResource(self)

    @cached_property
    def auth(self) -> AsyncAuthResource:
        """Operations tagged auth."""
        from .resources.auth import AsyncAuthResource

        return AsyncAuthResource(self)
