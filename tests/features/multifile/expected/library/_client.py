"""The clients of the Library API: `Library` and `AsyncLibrary`."""

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
    from .resources.books import AsyncBooksResource, BooksResource

__all__ = ["Library", "AsyncLibrary"]

SERVERS = (
    Server(
        url="https://library.example/api",
    ),
)
SECURITY_SCHEMES: dict[str, SecurityScheme] = {}


def _base_url(
    base_url: str | httpx.URL | None, server: int | None, server_variables: Mapping[str, str] | None
) -> str | httpx.URL:
    """The argument; else the chosen server; else $LIBRARY_BASE_URL; else the first server."""
    if base_url is not None:
        return base_url
    if server is None and server_variables is None:
        from_environment = os.environ.get("LIBRARY_BASE_URL")
        if from_environment:
            return from_environment
    return server_url(SERVERS, server or 0, server_variables or {})


def _credentials() -> dict[str, Credential]:
    """Each credential from its argument, else from its environment variable. An empty value
    counts as none (a CI secret that is not set arrives as an empty variable): the request is
    not sent, and MissingCredentialsError says what to set."""
    return {}


class Library(SyncAPIClient):
    """Library API"""

    def __init__(
        self,
        *,
        base_url: str | httpx.URL | None = None,
        timeout: Timeout = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str] | None = None,
        http_client: httpx.Client | None = None,
    ) -> None:
        """Create a client.

        Args:
          base_url: Defaults to $LIBRARY_BASE_URL, then to the API's first server.
          timeout: Seconds (or an httpx.Timeout) for each request; None waits forever.
          max_retries: Retries of a request that failed to connect, timed out, or got a 408,
            409, 429 or 5xx response; 0 turns retrying off.
          default_headers: Headers sent with every request.
          http_client: An httpx client of your own (proxies, transports, limits).
        """
        super().__init__(
            base_url=_base_url(base_url, None, None),
            credentials=_credentials(),
            security_schemes=SECURITY_SCHEMES,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            http_client=http_client,
        )

    @property
    def books(self) -> BooksResource:
        """Operations tagged books."""
        from .resources.books import BooksResource

        return self._resource(BooksResource)


class AsyncLibrary(AsyncAPIClient):
    """Library API"""

    def __init__(
        self,
        *,
        base_url: str | httpx.URL | None = None,
        timeout: Timeout = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str] | None = None,
        http_client: httpx.AsyncClient | None = None,
    ) -> None:
        """Create a client.

        Args:
          base_url: Defaults to $LIBRARY_BASE_URL, then to the API's first server.
          timeout: Seconds (or an httpx.Timeout) for each request; None waits forever.
          max_retries: Retries of a request that failed to connect, timed out, or got a 408,
            409, 429 or 5xx response; 0 turns retrying off.
          default_headers: Headers sent with every request.
          http_client: An httpx client of your own (proxies, transports, limits).
        """
        super().__init__(
            base_url=_base_url(base_url, None, None),
            credentials=_credentials(),
            security_schemes=SECURITY_SCHEMES,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            http_client=http_client,
        )

    @property
    def books(self) -> AsyncBooksResource:
        """Operations tagged books."""
        from .resources.books import AsyncBooksResource

        return self._resource(AsyncBooksResource)
