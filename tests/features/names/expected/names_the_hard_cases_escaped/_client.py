"""The clients of the Names: the "hard" cases \\ escaped: `NamesTheHardCasesEscaped` and `AsyncNamesTheHardCasesEscaped`."""

from __future__ import annotations

import os
from functools import cached_property
from typing import TYPE_CHECKING, Mapping

import httpx

from ._base_client import DEFAULT_TIMEOUT, AsyncAPIClient, Credential, SecurityScheme, SyncAPIClient
from ._types import Timeout

if TYPE_CHECKING:
    from .resources.user_accounts import AsyncUserAccountsResource, UserAccountsResource

__all__ = ["NamesTheHardCasesEscaped", "AsyncNamesTheHardCasesEscaped"]

SECURITY_SCHEMES: dict[str, SecurityScheme] = {}


def _base_url(base_url: str | httpx.URL | None) -> str | httpx.URL:
    """The base URL: the argument, else $NAMES_THE_HARD_CASES_ESCAPED_BASE_URL, else the API's first server."""
    if base_url is not None:
        return base_url
    from_environment = os.environ.get("NAMES_THE_HARD_CASES_ESCAPED_BASE_URL")
    if not from_environment:
        raise ValueError(
            "the API declares no absolute server URL: pass base_url= or set NAMES_THE_HARD_CASES_ESCAPED_BASE_URL"
        )
    return from_environment


def _credentials() -> dict[str, Credential]:
    """Each credential from its argument, else from its environment variable."""
    return {}


class NamesTheHardCasesEscaped(SyncAPIClient):
    """Descriptions with \"\""triple quotes\"\"", a backslash \\ and a trailing quote\" """

    def __init__(
        self,
        *,
        base_url: str | httpx.URL | None = None,
        timeout: Timeout = DEFAULT_TIMEOUT,
        default_headers: Mapping[str, str] | None = None,
        http_client: httpx.Client | None = None,
    ) -> None:
        """Create a client.

        Args:
          base_url: Defaults to $NAMES_THE_HARD_CASES_ESCAPED_BASE_URL, then to nothing (required).
          timeout: Seconds (or an httpx.Timeout) for each request; None waits forever.
          default_headers: Headers sent with every request.
          http_client: An httpx client of your own (proxies, transports, limits).
        """
        super().__init__(
            base_url=_base_url(base_url),
            credentials=_credentials(),
            security_schemes=SECURITY_SCHEMES,
            timeout=timeout,
            default_headers=default_headers,
            http_client=http_client,
        )

    @cached_property
    def user_accounts(self) -> UserAccountsResource:
        """Operations tagged User Accounts."""
        from .resources.user_accounts import UserAccountsResource

        return UserAccountsResource(self)


class AsyncNamesTheHardCasesEscaped(AsyncAPIClient):
    """Descriptions with \"\""triple quotes\"\"", a backslash \\ and a trailing quote\" """

    def __init__(
        self,
        *,
        base_url: str | httpx.URL | None = None,
        timeout: Timeout = DEFAULT_TIMEOUT,
        default_headers: Mapping[str, str] | None = None,
        http_client: httpx.AsyncClient | None = None,
    ) -> None:
        """Create a client.

        Args:
          base_url: Defaults to $NAMES_THE_HARD_CASES_ESCAPED_BASE_URL, then to nothing (required).
          timeout: Seconds (or an httpx.Timeout) for each request; None waits forever.
          default_headers: Headers sent with every request.
          http_client: An httpx client of your own (proxies, transports, limits).
        """
        super().__init__(
            base_url=_base_url(base_url),
            credentials=_credentials(),
            security_schemes=SECURITY_SCHEMES,
            timeout=timeout,
            default_headers=default_headers,
            http_client=http_client,
        )

    @cached_property
    def user_accounts(self) -> AsyncUserAccountsResource:
        """Operations tagged User Accounts."""
        from .resources.user_accounts import AsyncUserAccountsResource

        return AsyncUserAccountsResource(self)
