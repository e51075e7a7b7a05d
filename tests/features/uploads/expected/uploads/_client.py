"""The clients of the Uploads: `Uploads` and `AsyncUploads`."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Mapping

import httpx

from ._base_client import (
    DEFAULT_MAX_RETRIES,
    DEFAULT_TIMEOUT,
    AsyncAPIClient,
    Credential,
    SecurityScheme,
    Server,
    SyncAPIClient,
    server_url,
)
from ._types import Timeout

if TYPE_CHECKING:
    from .resources.documents import AsyncDocumentsResource, DocumentsResource
    from .resources.auth import AsyncAuthResource, AuthResource

__all__ = ["Uploads", "AsyncUploads"]

SERVERS = (
    Server(
        url="http://localhost:8080",
    ),
)
SECURITY_SCHEMES: dict[str, SecurityScheme] = {
    "token": SecurityScheme(
        kind="bearer",
        location="header",
        name="Authorization",
        hint="pass api_key= to the client or set UPLOADS_API_KEY",
    ),
}


def _base_url(
    base_url: str | httpx.URL | None, server: int | None, server_variables: Mapping[str, str] | None
) -> str | httpx.URL:
    """The argument; else the chosen server; else $UPLOADS_BASE_URL; else the first server."""
    if base_url is not None:
        return base_url
    if server is None and server_variables is None:
        from_environment = os.environ.get("UPLOADS_BASE_URL")
        if from_environment:
            return from_environment
    return server_url(SERVERS, server or 0, server_variables or {})


def _credentials(api_key: str | None) -> dict[str, Credential]:
    """Each credential from its argument, else from its environment variable. An empty value
    counts as none (a CI secret that is not set arrives as an empty variable): the request is
    not sent, and MissingCredentialsError says what to set."""
    api_key = api_key or os.environ.get("UPLOADS_API_KEY") or None
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
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str] | None = None,
        http_client: httpx.Client | None = None,
    ) -> None:
        """Create a client.

        Args:
          api_key: Defaults to the environment variable UPLOADS_API_KEY.
          base_url: Defaults to $UPLOADS_BASE_URL, then to the API's first server.
          timeout: Seconds (or an httpx.Timeout) for each request; None waits forever.
          max_retries: Retries of a request that failed to connect, timed out, or got a 408,
            409, 429 or 5xx response; 0 turns retrying off.
          default_headers: Headers sent with every request.
          http_client: An httpx client of your own (proxies, transports, limits).
        """
        super().__init__(
            base_url=_base_url(base_url, None, None),
            credentials=_credentials(api_key),
            security_schemes=SECURITY_SCHEMES,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            http_client=http_client,
        )

    @property
    def documents(self) -> DocumentsResource:
        """Operations tagged documents."""
        from .resources.documents import DocumentsResource

        return self._resource(DocumentsResource)

    @property
    def auth(self) -> AuthResource:
        """Operations tagged auth."""
        from .resources.auth import AuthResource

        return self._resource(AuthResource)


class AsyncUploads(AsyncAPIClient):
    """Uploads"""

    def __init__(
        self,
        *,
        api_key: str | None = None,
        base_url: str | httpx.URL | None = None,
        timeout: Timeout = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str] | None = None,
        http_client: httpx.AsyncClient | None = None,
    ) -> None:
        """Create a client.

        Args:
          api_key: Defaults to the environment variable UPLOADS_API_KEY.
          base_url: Defaults to $UPLOADS_BASE_URL, then to the API's first server.
          timeout: Seconds (or an httpx.Timeout) for each request; None waits forever.
          max_retries: Retries of a request that failed to connect, timed out, or got a 408,
            409, 429 or 5xx response; 0 turns retrying off.
          default_headers: Headers sent with every request.
          http_client: An httpx client of your own (proxies, transports, limits).
        """
        super().__init__(
            base_url=_base_url(base_url, None, None),
            credentials=_credentials(api_key),
            security_schemes=SECURITY_SCHEMES,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            http_client=http_client,
        )

    @property
    def documents(self) -> AsyncDocumentsResource:
        """Operations tagged documents."""
        from .resources.documents import AsyncDocumentsResource

        return self._resource(AsyncDocumentsResource)

    @property
    def auth(self) -> AsyncAuthResource:
        """Operations tagged auth."""
        from .resources.auth import AsyncAuthResource

        return self._resource(AsyncAuthResource)
