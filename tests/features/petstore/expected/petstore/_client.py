"""The clients of the Petstore API: `Petstore` and `AsyncPetstore`."""

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
    ServerVariable,
    SyncAPIClient,
    server_url,
)
from ._types import Timeout

if TYPE_CHECKING:
    from .resources.pets import AsyncPetsResource, PetsResource
    from .resources.store import AsyncStoreResource, StoreResource

__all__ = ["Petstore", "AsyncPetstore"]

SERVERS = (
    Server(
        url="https://{region}.pets.example/v1",
        description="Production",
        variables={
            "region": ServerVariable(default="eu", enum=["eu", "us"]),
        },
    ),
    Server(
        url="http://localhost:4010",
        description="Local mock",
    ),
)
SECURITY_SCHEMES: dict[str, SecurityScheme] = {
    "apiKey": SecurityScheme(
        kind="api_key",
        location="header",
        name="X-API-Key",
        hint="pass api_key= to the client or set PETSTORE_API_KEY",
    ),
}


def _base_url(
    base_url: str | httpx.URL | None, server: int | None, server_variables: Mapping[str, str] | None
) -> str | httpx.URL:
    """The argument; else the chosen server; else $PETSTORE_BASE_URL; else the first server."""
    if base_url is not None:
        return base_url
    if server is None and server_variables is None:
        from_environment = os.environ.get("PETSTORE_BASE_URL")
        if from_environment:
            return from_environment
    return server_url(SERVERS, server or 0, server_variables or {})


def _credentials(api_key: str | None) -> dict[str, Credential]:
    """Each credential from its argument, else from its environment variable. An empty value
    counts as none (a CI secret that is not set arrives as an empty variable): the request is
    not sent, and MissingCredentialsError says what to set."""
    api_key = api_key or os.environ.get("PETSTORE_API_KEY") or None
    return {
        "apiKey": api_key,
    }


class Petstore(SyncAPIClient):
    """A small pet store."""

    def __init__(
        self,
        *,
        api_key: str | None = None,
        base_url: str | httpx.URL | None = None,
        server: int | None = None,
        server_variables: Mapping[str, str] | None = None,
        timeout: Timeout = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        strict_response_validation: bool = False,
        default_headers: Mapping[str, str] | None = None,
        http_client: httpx.Client | None = None,
    ) -> None:
        """Create a client.

        Args:
          api_key: Defaults to the environment variable PETSTORE_API_KEY.
          base_url: Defaults to $PETSTORE_BASE_URL, then to the API's first server.
          server: Which of the API's servers (SERVERS) to use, by index.
          server_variables: Values for the variables of the server's URL.
          timeout: Seconds (or an httpx.Timeout) for each request; None waits forever.
          max_retries: Retries of a request that failed to connect, timed out, or got a 408,
            409, 429 or 5xx response; 0 turns retrying off.
          strict_response_validation: Raise APIResponseValidationError for a response that does
            not match the API's description. By default such a response does not fail the call:
            what fits is typed, what does not is kept as received (and logged at debug level).
          default_headers: Headers sent with every request.
          http_client: An httpx client of your own (proxies, transports, limits).
        """
        super().__init__(
            base_url=_base_url(base_url, server, server_variables),
            credentials=_credentials(api_key),
            security_schemes=SECURITY_SCHEMES,
            timeout=timeout,
            max_retries=max_retries,
            strict_response_validation=strict_response_validation,
            default_headers=default_headers,
            http_client=http_client,
        )

    @property
    def pets(self) -> PetsResource:
        """Everything about your pets."""
        from .resources.pets import PetsResource

        return self._resource(PetsResource)

    @property
    def store(self) -> StoreResource:
        """Operations tagged store."""
        from .resources.store import StoreResource

        return self._resource(StoreResource)


class AsyncPetstore(AsyncAPIClient):
    """A small pet store."""

    def __init__(
        self,
        *,
        api_key: str | None = None,
        base_url: str | httpx.URL | None = None,
        server: int | None = None,
        server_variables: Mapping[str, str] | None = None,
        timeout: Timeout = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        strict_response_validation: bool = False,
        default_headers: Mapping[str, str] | None = None,
        http_client: httpx.AsyncClient | None = None,
    ) -> None:
        """Create a client.

        Args:
          api_key: Defaults to the environment variable PETSTORE_API_KEY.
          base_url: Defaults to $PETSTORE_BASE_URL, then to the API's first server.
          server: Which of the API's servers (SERVERS) to use, by index.
          server_variables: Values for the variables of the server's URL.
          timeout: Seconds (or an httpx.Timeout) for each request; None waits forever.
          max_retries: Retries of a request that failed to connect, timed out, or got a 408,
            409, 429 or 5xx response; 0 turns retrying off.
          strict_response_validation: Raise APIResponseValidationError for a response that does
            not match the API's description. By default such a response does not fail the call:
            what fits is typed, what does not is kept as received (and logged at debug level).
          default_headers: Headers sent with every request.
          http_client: An httpx client of your own (proxies, transports, limits).
        """
        super().__init__(
            base_url=_base_url(base_url, server, server_variables),
            credentials=_credentials(api_key),
            security_schemes=SECURITY_SCHEMES,
            timeout=timeout,
            max_retries=max_retries,
            strict_response_validation=strict_response_validation,
            default_headers=default_headers,
            http_client=http_client,
        )

    @property
    def pets(self) -> AsyncPetsResource:
        """Everything about your pets."""
        from .resources.pets import AsyncPetsResource

        return self._resource(AsyncPetsResource)

    @property
    def store(self) -> AsyncStoreResource:
        """Operations tagged store."""
        from .resources.store import AsyncStoreResource

        return self._resource(AsyncStoreResource)
