"""The clients of the Shelter API: `Shelter` and `AsyncShelter`."""

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
    from .resources.adoptions import AsyncAdoptionsResource, AdoptionsResource
    from .resources.reports import AsyncReportsResource, ReportsResource

__all__ = ["Shelter", "AsyncShelter"]

SERVERS = (
    Server(
        url="http://localhost:8080/v1",
    ),
    Server(
        url="https://localhost:8080/v1",
    ),
)
SECURITY_SCHEMES: dict[str, SecurityScheme] = {
    "apiKey": SecurityScheme(
        kind="api_key",
        location="header",
        name="X-API-Key",
        hint="pass api_key= to the client or set SHELTER_API_KEY",
    ),
    "staff": SecurityScheme(
        kind="basic",
        location="header",
        name="Authorization",
        hint="pass username= and password= to the client or set SHELTER_USERNAME and SHELTER_PASSWORD",
    ),
    "oauth": SecurityScheme(
        kind="bearer",
        location="header",
        name="Authorization",
        hint="pass oauth= to the client or set SHELTER_OAUTH",
    ),
}


def _base_url(
    base_url: str | httpx.URL | None, server: int | None, server_variables: Mapping[str, str] | None
) -> str | httpx.URL:
    """The argument; else the chosen server; else $SHELTER_BASE_URL; else the first server."""
    if base_url is not None:
        return base_url
    if server is None and server_variables is None:
        from_environment = os.environ.get("SHELTER_BASE_URL")
        if from_environment:
            return from_environment
    return server_url(SERVERS, server or 0, server_variables or {})


def _credentials(
    api_key: str | None, username: str | None, password: str | None, oauth: str | None
) -> dict[str, Credential]:
    """Each credential from its argument, else from its environment variable. An empty value
    counts as none (a CI secret that is not set arrives as an empty variable): the request is
    not sent, and MissingCredentialsError says what to set."""
    api_key = api_key or os.environ.get("SHELTER_API_KEY") or None
    username = username or os.environ.get("SHELTER_USERNAME") or None
    password = password or os.environ.get("SHELTER_PASSWORD") or None
    oauth = oauth or os.environ.get("SHELTER_OAUTH") or None
    return {
        "apiKey": api_key,
        "staff": (username, password) if username is not None and password is not None else None,
        "oauth": oauth,
    }


class Shelter(SyncAPIClient):
    """The animals of a shelter, and their adoption."""

    def __init__(
        self,
        *,
        api_key: str | None = None,
        username: str | None = None,
        password: str | None = None,
        oauth: str | None = None,
        base_url: str | httpx.URL | None = None,
        server: int | None = None,
        server_variables: Mapping[str, str] | None = None,
        timeout: Timeout = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str] | None = None,
        http_client: httpx.Client | None = None,
    ) -> None:
        """Create a client.

        Args:
          api_key: Defaults to the environment variable SHELTER_API_KEY.
          username: Defaults to the environment variable SHELTER_USERNAME.
          password: Defaults to the environment variable SHELTER_PASSWORD.
          oauth: Defaults to the environment variable SHELTER_OAUTH.
          base_url: Defaults to $SHELTER_BASE_URL, then to the API's first server.
          server: Which of the API's servers (SERVERS) to use, by index.
          server_variables: Values for the variables of the server's URL.
          timeout: Seconds (or an httpx.Timeout) for each request; None waits forever.
          max_retries: Retries of a request that failed to connect, timed out, or got a 408,
            409, 429 or 5xx response; 0 turns retrying off.
          default_headers: Headers sent with every request.
          http_client: An httpx client of your own (proxies, transports, limits).
        """
        super().__init__(
            base_url=_base_url(base_url, server, server_variables),
            credentials=_credentials(api_key, username, password, oauth),
            security_schemes=SECURITY_SCHEMES,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            http_client=http_client,
        )

    @property
    def animals(self) -> AnimalsResource:
        """The animals in the shelter."""
        from .resources.animals import AnimalsResource

        return self._resource(AnimalsResource)

    @property
    def adoptions(self) -> AdoptionsResource:
        """Applications to adopt an animal."""
        from .resources.adoptions import AdoptionsResource

        return self._resource(AdoptionsResource)

    @property
    def reports(self) -> ReportsResource:
        """Operations tagged reports."""
        from .resources.reports import ReportsResource

        return self._resource(ReportsResource)


class AsyncShelter(AsyncAPIClient):
    """The animals of a shelter, and their adoption."""

    def __init__(
        self,
        *,
        api_key: str | None = None,
        username: str | None = None,
        password: str | None = None,
        oauth: str | None = None,
        base_url: str | httpx.URL | None = None,
        server: int | None = None,
        server_variables: Mapping[str, str] | None = None,
        timeout: Timeout = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str] | None = None,
        http_client: httpx.AsyncClient | None = None,
    ) -> None:
        """Create a client.

        Args:
          api_key: Defaults to the environment variable SHELTER_API_KEY.
          username: Defaults to the environment variable SHELTER_USERNAME.
          password: Defaults to the environment variable SHELTER_PASSWORD.
          oauth: Defaults to the environment variable SHELTER_OAUTH.
          base_url: Defaults to $SHELTER_BASE_URL, then to the API's first server.
          server: Which of the API's servers (SERVERS) to use, by index.
          server_variables: Values for the variables of the server's URL.
          timeout: Seconds (or an httpx.Timeout) for each request; None waits forever.
          max_retries: Retries of a request that failed to connect, timed out, or got a 408,
            409, 429 or 5xx response; 0 turns retrying off.
          default_headers: Headers sent with every request.
          http_client: An httpx client of your own (proxies, transports, limits).
        """
        super().__init__(
            base_url=_base_url(base_url, server, server_variables),
            credentials=_credentials(api_key, username, password, oauth),
            security_schemes=SECURITY_SCHEMES,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            http_client=http_client,
        )

    @property
    def animals(self) -> AsyncAnimalsResource:
        """The animals in the shelter."""
        from .resources.animals import AsyncAnimalsResource

        return self._resource(AsyncAnimalsResource)

    @property
    def adoptions(self) -> AsyncAdoptionsResource:
        """Applications to adopt an animal."""
        from .resources.adoptions import AsyncAdoptionsResource

        return self._resource(AsyncAdoptionsResource)

    @property
    def reports(self) -> AsyncReportsResource:
        """Operations tagged reports."""
        from .resources.reports import AsyncReportsResource

        return self._resource(AsyncReportsResource)
