"""The clients of the Wire: `Wire` and `AsyncWire`."""

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
    from .resources.reports import AsyncReportsResource, ReportsResource
    from .resources.customers import AsyncCustomersResource, CustomersResource
    from .resources.documents import AsyncDocumentsResource, DocumentsResource

__all__ = ["Wire", "AsyncWire"]

SERVERS = (
    Server(
        url="http://api.test",
    ),
)
SECURITY_SCHEMES: dict[str, SecurityScheme] = {}


def _base_url(
    base_url: str | httpx.URL | None, server: int | None, server_variables: Mapping[str, str] | None
) -> str | httpx.URL:
    """The argument; else the chosen server; else $WIRE_BASE_URL; else the first server."""
    if base_url is not None:
        return base_url
    if server is None and server_variables is None:
        from_environment = os.environ.get("WIRE_BASE_URL")
        if from_environment:
            return from_environment
    return server_url(SERVERS, server or 0, server_variables or {})


def _credentials() -> dict[str, Credential]:
    """Each credential from its argument, else from its environment variable. An empty value
    counts as none (a CI secret that is not set arrives as an empty variable): the request is
    not sent, and MissingCredentialsError says what to set."""
    return {}


class Wire(SyncAPIClient):
    """Wire"""

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
          base_url: Defaults to $WIRE_BASE_URL, then to the API's first server.
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
    def reports(self) -> ReportsResource:
        """Operations tagged reports."""
        from .resources.reports import ReportsResource

        return self._resource(ReportsResource)

    @property
    def customers(self) -> CustomersResource:
        """Operations tagged customers."""
        from .resources.customers import CustomersResource

        return self._resource(CustomersResource)

    @property
    def documents(self) -> DocumentsResource:
        """Operations tagged documents."""
        from .resources.documents import DocumentsResource

        return self._resource(DocumentsResource)


class AsyncWire(AsyncAPIClient):
    """Wire"""

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
          base_url: Defaults to $WIRE_BASE_URL, then to the API's first server.
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
    def reports(self) -> AsyncReportsResource:
        """Operations tagged reports."""
        from .resources.reports import AsyncReportsResource

        return self._resource(AsyncReportsResource)

    @property
    def customers(self) -> AsyncCustomersResource:
        """Operations tagged customers."""
        from .resources.customers import AsyncCustomersResource

        return self._resource(AsyncCustomersResource)

    @property
    def documents(self) -> AsyncDocumentsResource:
        """Operations tagged documents."""
        from .resources.documents import AsyncDocumentsResource

        return self._resource(AsyncDocumentsResource)
