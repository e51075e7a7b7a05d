"""The clients of the Real World: `RealWorld` and `AsyncRealWorld`."""

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
    from .resources.activities import ActivitiesResource, AsyncActivitiesResource
    from .resources.calls import AsyncCallsResource, CallsResource
    from .resources.payments import AsyncPaymentsResource, PaymentsResource
    from .resources.tasks import AsyncTasksResource, TasksResource
    from .resources.users import AsyncUsersResource, UsersResource

__all__ = ["RealWorld", "AsyncRealWorld"]

SERVERS = (
    Server(
        url="https://api.example.com",
    ),
)
SECURITY_SCHEMES: dict[str, SecurityScheme] = {}


def _base_url(
    base_url: str | httpx.URL | None, server: int | None, server_variables: Mapping[str, str] | None
) -> str | httpx.URL:
    """The argument; else the chosen server; else $REAL_WORLD_BASE_URL; else the first server."""
    if base_url is not None:
        return base_url
    if server is None and server_variables is None:
        from_environment = os.environ.get("REAL_WORLD_BASE_URL")
        if from_environment:
            return from_environment
    return server_url(SERVERS, server or 0, server_variables or {})


def _credentials() -> dict[str, Credential]:
    """Each credential from its argument, else from its environment variable. An empty value
    counts as none (a CI secret that is not set arrives as an empty variable): the request is
    not sent, and MissingCredentialsError says what to set."""
    return {}


class RealWorld(SyncAPIClient):
    """Real World"""

    def __init__(
        self,
        *,
        base_url: str | httpx.URL | None = None,
        timeout: Timeout = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        strict_response_validation: bool = False,
        default_headers: Mapping[str, str] | None = None,
        http_client: httpx.Client | None = None,
    ) -> None:
        """Create a client.

        Args:
          base_url: Defaults to $REAL_WORLD_BASE_URL, then to the API's first server.
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
            base_url=_base_url(base_url, None, None),
            credentials=_credentials(),
            security_schemes=SECURITY_SCHEMES,
            timeout=timeout,
            max_retries=max_retries,
            strict_response_validation=strict_response_validation,
            default_headers=default_headers,
            http_client=http_client,
        )

    @property
    def users(self) -> UsersResource:
        """Operations tagged Users."""
        from .resources.users import UsersResource

        return self._resource(UsersResource)

    @property
    def tasks(self) -> TasksResource:
        """Operations tagged Tasks."""
        from .resources.tasks import TasksResource

        return self._resource(TasksResource)

    @property
    def activities(self) -> ActivitiesResource:
        """Operations tagged Activities."""
        from .resources.activities import ActivitiesResource

        return self._resource(ActivitiesResource)

    @property
    def calls(self) -> CallsResource:
        """Operations tagged Calls."""
        from .resources.calls import CallsResource

        return self._resource(CallsResource)

    @property
    def payments(self) -> PaymentsResource:
        """Operations tagged Payments."""
        from .resources.payments import PaymentsResource

        return self._resource(PaymentsResource)


class AsyncRealWorld(AsyncAPIClient):
    """Real World"""

    def __init__(
        self,
        *,
        base_url: str | httpx.URL | None = None,
        timeout: Timeout = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        strict_response_validation: bool = False,
        default_headers: Mapping[str, str] | None = None,
        http_client: httpx.AsyncClient | None = None,
    ) -> None:
        """Create a client.

        Args:
          base_url: Defaults to $REAL_WORLD_BASE_URL, then to the API's first server.
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
            base_url=_base_url(base_url, None, None),
            credentials=_credentials(),
            security_schemes=SECURITY_SCHEMES,
            timeout=timeout,
            max_retries=max_retries,
            strict_response_validation=strict_response_validation,
            default_headers=default_headers,
            http_client=http_client,
        )

    @property
    def users(self) -> AsyncUsersResource:
        """Operations tagged Users."""
        from .resources.users import AsyncUsersResource

        return self._resource(AsyncUsersResource)

    @property
    def tasks(self) -> AsyncTasksResource:
        """Operations tagged Tasks."""
        from .resources.tasks import AsyncTasksResource

        return self._resource(AsyncTasksResource)

    @property
    def activities(self) -> AsyncActivitiesResource:
        """Operations tagged Activities."""
        from .resources.activities import AsyncActivitiesResource

        return self._resource(AsyncActivitiesResource)

    @property
    def calls(self) -> AsyncCallsResource:
        """Operations tagged Calls."""
        from .resources.calls import AsyncCallsResource

        return self._resource(AsyncCallsResource)

    @property
    def payments(self) -> AsyncPaymentsResource:
        """Operations tagged Payments."""
        from .resources.payments import AsyncPaymentsResource

        return self._resource(AsyncPaymentsResource)
