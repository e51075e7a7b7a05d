"""The clients of the Zoo API: `Zoo` and `AsyncZoo`."""

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
    from .resources.animals import AsyncAnimalsResource, AnimalsResource
    from .resources.keepers import AsyncKeepersResource, KeepersResource
    from .resources.events import AsyncEventsResource, EventsResource
    from .resources.tree import AsyncTreeResource, TreeResource

__all__ = ["Zoo", "AsyncZoo"]

SERVERS = (
    Server(
        url="https://zoo.example",
    ),
)
SECURITY_SCHEMES: dict[str, SecurityScheme] = {}


def _base_url(
    base_url: str | httpx.URL | None, server: int | None, server_variables: Mapping[str, str] | None
) -> str | httpx.URL:
    """The argument; else the chosen server; else $ZOO_BASE_URL; else the first server."""
    if base_url is not None:
        return base_url
    if server is None and server_variables is None:
        from_environment = os.environ.get("ZOO_BASE_URL")
        if from_environment:
            return from_environment
    return server_url(SERVERS, server or 0, server_variables or {})


def _credentials() -> dict[str, Credential]:
    """Each credential from its argument, else from its environment variable. An empty value
    counts as none (a CI secret that is not set arrives as an empty variable): the request is
    not sent, and MissingCredentialsError says what to set."""
    return {}


class Zoo(SyncAPIClient):
    """Zoo API"""

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
          base_url: Defaults to $ZOO_BASE_URL, then to the API's first server.
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
    def animals(self) -> AnimalsResource:
        """Operations tagged animals."""
        from .resources.animals import AnimalsResource

        return self._resource(AnimalsResource)

    @property
    def keepers(self) -> KeepersResource:
        """Operations tagged keepers."""
        from .resources.keepers import KeepersResource

        return self._resource(KeepersResource)

    @property
    def events(self) -> EventsResource:
        """Operations tagged events."""
        from .resources.events import EventsResource

        return self._resource(EventsResource)

    @property
    def tree(self) -> TreeResource:
        """Operations tagged tree."""
        from .resources.tree import TreeResource

        return self._resource(TreeResource)


class AsyncZoo(AsyncAPIClient):
    """Zoo API"""

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
          base_url: Defaults to $ZOO_BASE_URL, then to the API's first server.
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
    def animals(self) -> AsyncAnimalsResource:
        """Operations tagged animals."""
        from .resources.animals import AsyncAnimalsResource

        return self._resource(AsyncAnimalsResource)

    @property
    def keepers(self) -> AsyncKeepersResource:
        """Operations tagged keepers."""
        from .resources.keepers import AsyncKeepersResource

        return self._resource(AsyncKeepersResource)

    @property
    def events(self) -> AsyncEventsResource:
        """Operations tagged events."""
        from .resources.events import AsyncEventsResource

        return self._resource(AsyncEventsResource)

    @property
    def tree(self) -> AsyncTreeResource:
        """Operations tagged tree."""
        from .resources.tree import AsyncTreeResource

        return self._resource(AsyncTreeResource)
