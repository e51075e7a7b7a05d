"""The clients of the Petstore API: `Petstore` and `AsyncPetstore`."""

from __future__ import annotations

import os
from functools import cached_property
from typing import TYPE_CHECKING, Mapping

import httpx

from ._base_client import DEFAULT_TIMEOUT, AsyncAPIClient, Credential, SecurityScheme, SyncAPIClient
from ._types import Timeout

if TYPE_CHECKING:
    from .resources.pets import AsyncPetsResource, PetsResource
    from .resources.store import AsyncStoreResource, StoreResource

__all__ = ["Petstore", "AsyncPetstore"]

DEFAULT_BASE_URL = "https://eu.pets.example/v1"
SECURITY_SCHEMES: dict[str, SecurityScheme] = {
    "apiKey": SecurityScheme(
        kind="api_key",
        location="header",
        name="X-API-Key",
        hint="pass api_key= to the client or set PETSTORE_API_KEY",
    ),
}


def _base_url(base_url: str | httpx.URL | None) -> str | httpx.URL:
    """The base URL: the argument, else $PETSTORE_BASE_URL, else the API's first server."""
    if base_url is not None:
        return base_url
    return os.environ.get("PETSTORE_BASE_URL") or DEFAULT_BASE_URL


def _credentials(api_key: str | None) -> dict[str, Credential]:
    """Each credential from its argument, else from its environment variable."""
    api_key = api_key if api_key is not None else os.environ.get("PETSTORE_API_KEY")
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
        timeout: Timeout = DEFAULT_TIMEOUT,
        default_headers: Mapping[str, str] | None = None,
        http_client: httpx.Client | None = None,
    ) -> None:
        """Create a client.

        Args:
          api_key: Defaults to the environment variable PETSTORE_API_KEY.
          base_url: Defaults to $PETSTORE_BASE_URL, then to https://eu.pets.example/v1.
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
    def pets(self) -> PetsResource:
        """Everything about your pets."""
        from .resources.pets import PetsResource

        return PetsResource(self)

    @cached_property
    def store(self) -> StoreResource:
        """Operations tagged store."""
        from .resources.store import StoreResource

        return StoreResource(self)


class AsyncPetstore(AsyncAPIClient):
    """A small pet store."""

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
          api_key: Defaults to the environment variable PETSTORE_API_KEY.
          base_url: Defaults to $PETSTORE_BASE_URL, then to https://eu.pets.example/v1.
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
    def pets(self) -> AsyncPetsResource:
        """Everything about your pets."""
        from .resources.pets import AsyncPetsResource

        return AsyncPetsResource(self)

    @cached_property
    def store(self) -> AsyncStoreResource:
        """Operations tagged store."""
        from .resources.store import AsyncStoreResource

        return AsyncStoreResource(self)
