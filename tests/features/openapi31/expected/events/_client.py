"""The clients of the Events API: `Events` and `AsyncEvents`."""

from __future__ import annotations

import os
from functools import cached_property
from typing import TYPE_CHECKING, Mapping

import httpx

from ._base_client import DEFAULT_TIMEOUT, AsyncAPIClient, Credential, SecurityScheme, SyncAPIClient
from ._types import Timeout

if TYPE_CHECKING:
    from .resources.events import AsyncEventsResource, EventsResource

__all__ = ["Events", "AsyncEvents"]

DEFAULT_BASE_URL = "https://events.example"
SECURITY_SCHEMES: dict[str, SecurityScheme] = {
    "basic": SecurityScheme(
        kind="basic",
        location="header",
        name="Authorization",
        hint="pass username= and password= to the client or set EVENTS_USERNAME and EVENTS_PASSWORD",
    ),
}


def _base_url(base_url: str | httpx.URL | None) -> str | httpx.URL:
    """The base URL: the argument, else $EVENTS_BASE_URL, else the API's first server."""
    if base_url is not None:
        return base_url
    return os.environ.get("EVENTS_BASE_URL") or DEFAULT_BASE_URL


def _credentials(username: str | None, password: str | None) -> dict[str, Credential]:
    """Each credential from its argument, else from its environment variable."""
    username = username if username is not None else os.environ.get("EVENTS_USERNAME")
    password = password if password is not None else os.environ.get("EVENTS_PASSWORD")
    return {
        "basic": (username, password) if username is not None and password is not None else None,
    }


class Events(SyncAPIClient):
    """Events API"""

    def __init__(
        self,
        *,
        username: str | None = None,
        password: str | None = None,
        base_url: str | httpx.URL | None = None,
        timeout: Timeout = DEFAULT_TIMEOUT,
        default_headers: Mapping[str, str] | None = None,
        http_client: httpx.Client | None = None,
    ) -> None:
        """Create a client.

        Args:
          username: Defaults to the environment variable EVENTS_USERNAME.
          password: Defaults to the environment variable EVENTS_PASSWORD.
          base_url: Defaults to $EVENTS_BASE_URL, then to https://events.example.
          timeout: Seconds (or an httpx.Timeout) for each request; None waits forever.
          default_headers: Headers sent with every request.
          http_client: An httpx client of your own (proxies, transports, limits).
        """
        super().__init__(
            base_url=_base_url(base_url),
            credentials=_credentials(username, password),
            security_schemes=SECURITY_SCHEMES,
            timeout=timeout,
            default_headers=default_headers,
            http_client=http_client,
        )

    @cached_property
    def events(self) -> EventsResource:
        """Operations tagged events."""
        from .resources.events import EventsResource

        return EventsResource(self)


class AsyncEvents(AsyncAPIClient):
    """Events API"""

    def __init__(
        self,
        *,
        username: str | None = None,
        password: str | None = None,
        base_url: str | httpx.URL | None = None,
        timeout: Timeout = DEFAULT_TIMEOUT,
        default_headers: Mapping[str, str] | None = None,
        http_client: httpx.AsyncClient | None = None,
    ) -> None:
        """Create a client.

        Args:
          username: Defaults to the environment variable EVENTS_USERNAME.
          password: Defaults to the environment variable EVENTS_PASSWORD.
          base_url: Defaults to $EVENTS_BASE_URL, then to https://events.example.
          timeout: Seconds (or an httpx.Timeout) for each request; None waits forever.
          default_headers: Headers sent with every request.
          http_client: An httpx client of your own (proxies, transports, limits).
        """
        super().__init__(
            base_url=_base_url(base_url),
            credentials=_credentials(username, password),
            security_schemes=SECURITY_SCHEMES,
            timeout=timeout,
            default_headers=default_headers,
            http_client=http_client,
        )

    @cached_property
    def events(self) -> AsyncEventsResource:
        """Operations tagged events."""
        from .resources.events import AsyncEventsResource

        return AsyncEventsResource(self)
