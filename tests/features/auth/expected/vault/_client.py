"""The clients of the Vault API: `Vault` and `AsyncVault`."""

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
    from .resources.secrets import AsyncSecretsResource, SecretsResource

__all__ = ["Vault", "AsyncVault"]

SERVERS = (
    Server(
        url="https://vault.example",
    ),
)
SECURITY_SCHEMES: dict[str, SecurityScheme] = {
    "headerKey": SecurityScheme(
        kind="api_key",
        location="header",
        name="X-Vault-Key",
        hint="pass header_key= to the client or set VAULT_HEADER_KEY",
    ),
    "queryKey": SecurityScheme(
        kind="api_key",
        location="query",
        name="key",
        hint="pass query_key= to the client or set VAULT_QUERY_KEY",
    ),
    "cookieKey": SecurityScheme(
        kind="api_key",
        location="cookie",
        name="vault_session",
        hint="pass cookie_key= to the client or set VAULT_COOKIE_KEY",
    ),
    "token": SecurityScheme(
        kind="bearer",
        location="header",
        name="Authorization",
        hint="pass token= to the client or set VAULT_TOKEN",
    ),
    "basic": SecurityScheme(
        kind="basic",
        location="header",
        name="Authorization",
        hint="pass username= and password= to the client or set VAULT_USERNAME and VAULT_PASSWORD",
    ),
}


def _base_url(
    base_url: str | httpx.URL | None, server: int | None, server_variables: Mapping[str, str] | None
) -> str | httpx.URL:
    """The argument; else the chosen server; else $VAULT_BASE_URL; else the first server."""
    if base_url is not None:
        return base_url
    if server is None and server_variables is None:
        from_environment = os.environ.get("VAULT_BASE_URL")
        if from_environment:
            return from_environment
    return server_url(SERVERS, server or 0, server_variables or {})


def _credentials(
    header_key: str | None,
    query_key: str | None,
    cookie_key: str | None,
    token: str | None,
    username: str | None,
    password: str | None,
) -> dict[str, Credential]:
    """Each credential from its argument, else from its environment variable. An empty value
    counts as none (a CI secret that is not set arrives as an empty variable): the request is
    not sent, and MissingCredentialsError says what to set."""
    header_key = header_key or os.environ.get("VAULT_HEADER_KEY") or None
    query_key = query_key or os.environ.get("VAULT_QUERY_KEY") or None
    cookie_key = cookie_key or os.environ.get("VAULT_COOKIE_KEY") or None
    token = token or os.environ.get("VAULT_TOKEN") or None
    username = username or os.environ.get("VAULT_USERNAME") or None
    password = password or os.environ.get("VAULT_PASSWORD") or None
    return {
        "headerKey": header_key,
        "queryKey": query_key,
        "cookieKey": cookie_key,
        "token": token,
        "basic": (username, password) if username is not None and password is not None else None,
    }


class Vault(SyncAPIClient):
    """Vault API"""

    def __init__(
        self,
        *,
        header_key: str | None = None,
        query_key: str | None = None,
        cookie_key: str | None = None,
        token: str | None = None,
        username: str | None = None,
        password: str | None = None,
        base_url: str | httpx.URL | None = None,
        timeout: Timeout = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str] | None = None,
        http_client: httpx.Client | None = None,
    ) -> None:
        """Create a client.

        Args:
          header_key: Defaults to the environment variable VAULT_HEADER_KEY.
          query_key: Defaults to the environment variable VAULT_QUERY_KEY.
          cookie_key: Defaults to the environment variable VAULT_COOKIE_KEY.
          token: Defaults to the environment variable VAULT_TOKEN.
          username: Defaults to the environment variable VAULT_USERNAME.
          password: Defaults to the environment variable VAULT_PASSWORD.
          base_url: Defaults to $VAULT_BASE_URL, then to the API's first server.
          timeout: Seconds (or an httpx.Timeout) for each request; None waits forever.
          max_retries: Retries of a request that failed to connect, timed out, or got a 408,
            409, 429 or 5xx response; 0 turns retrying off.
          default_headers: Headers sent with every request.
          http_client: An httpx client of your own (proxies, transports, limits).
        """
        super().__init__(
            base_url=_base_url(base_url, None, None),
            credentials=_credentials(header_key, query_key, cookie_key, token, username, password),
            security_schemes=SECURITY_SCHEMES,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            http_client=http_client,
        )

    @property
    def secrets(self) -> SecretsResource:
        """Operations tagged secrets."""
        from .resources.secrets import SecretsResource

        return self._resource(SecretsResource)


class AsyncVault(AsyncAPIClient):
    """Vault API"""

    def __init__(
        self,
        *,
        header_key: str | None = None,
        query_key: str | None = None,
        cookie_key: str | None = None,
        token: str | None = None,
        username: str | None = None,
        password: str | None = None,
        base_url: str | httpx.URL | None = None,
        timeout: Timeout = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str] | None = None,
        http_client: httpx.AsyncClient | None = None,
    ) -> None:
        """Create a client.

        Args:
          header_key: Defaults to the environment variable VAULT_HEADER_KEY.
          query_key: Defaults to the environment variable VAULT_QUERY_KEY.
          cookie_key: Defaults to the environment variable VAULT_COOKIE_KEY.
          token: Defaults to the environment variable VAULT_TOKEN.
          username: Defaults to the environment variable VAULT_USERNAME.
          password: Defaults to the environment variable VAULT_PASSWORD.
          base_url: Defaults to $VAULT_BASE_URL, then to the API's first server.
          timeout: Seconds (or an httpx.Timeout) for each request; None waits forever.
          max_retries: Retries of a request that failed to connect, timed out, or got a 408,
            409, 429 or 5xx response; 0 turns retrying off.
          default_headers: Headers sent with every request.
          http_client: An httpx client of your own (proxies, transports, limits).
        """
        super().__init__(
            base_url=_base_url(base_url, None, None),
            credentials=_credentials(header_key, query_key, cookie_key, token, username, password),
            security_schemes=SECURITY_SCHEMES,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            http_client=http_client,
        )

    @property
    def secrets(self) -> AsyncSecretsResource:
        """Operations tagged secrets."""
        from .resources.secrets import AsyncSecretsResource

        return self._resource(AsyncSecretsResource)
