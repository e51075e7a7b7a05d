from __future__ import annotations

import functools

import httpx

from .._base_client import (
    AsyncAPIResource,
    Call,
    Endpoint,
    SyncAPIResource,
    async_raw_response_wrapper,
    raw_response_wrapper,
)
from .._types import Body, Headers, NOT_GIVEN, NotGiven, Query
from ..types.call2 import Call2

__all__ = [
    "CallsResource",
    "AsyncCallsResource",
    "CallsResourceWithRawResponse",
    "AsyncCallsResourceWithRawResponse",
]

_FETCH_CALL: Endpoint[Call2] = Endpoint(
    method="GET",
    path="/Accounts/{AccountSid}/Calls/{Sid}.json",
    response=Call2,
    response_kind="json",
)


class CallsResource(SyncAPIResource):
    """Operations tagged 'Calls'."""

    @functools.cached_property
    def with_raw_response(self) -> CallsResourceWithRawResponse:
        """The same methods, returning a RawResponse: status, headers and the parsed value."""
        return CallsResourceWithRawResponse(self)

    def fetch_call(
        self,
        *,
        account_sid: str,
        sid: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> Call2:
        """GET /Accounts/{AccountSid}/Calls/{Sid}.json

        Args:
          account_sid (str):
          sid (str):
        """
        return self._client.request(
            _FETCH_CALL,
            Call(
                path={"AccountSid": account_sid, "Sid": sid},
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )


class CallsResourceWithRawResponse:
    """The methods of `CallsResource`, each returning a RawResponse."""

    def __init__(self, resource: CallsResource) -> None:
        self.fetch_call = raw_response_wrapper(resource.fetch_call)


class AsyncCallsResource(AsyncAPIResource):
    """Operations tagged 'Calls'."""

    @functools.cached_property
    def with_raw_response(self) -> AsyncCallsResourceWithRawResponse:
        """The same methods, returning a RawResponse: status, headers and the parsed value."""
        return AsyncCallsResourceWithRawResponse(self)

    async def fetch_call(
        self,
        *,
        account_sid: str,
        sid: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> Call2:
        """GET /Accounts/{AccountSid}/Calls/{Sid}.json

        Args:
          account_sid (str):
          sid (str):
        """
        return await self._client.request(
            _FETCH_CALL,
            Call(
                path={"AccountSid": account_sid, "Sid": sid},
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )


class AsyncCallsResourceWithRawResponse:
    """The methods of `AsyncCallsResource`, each returning a RawResponse."""

    def __init__(self, resource: AsyncCallsResource) -> None:
        self.fetch_call = async_raw_response_wrapper(resource.fetch_call)
