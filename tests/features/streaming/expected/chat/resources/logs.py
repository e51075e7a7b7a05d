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
from .._streaming import AsyncStream, Stream
from .._types import Body, Headers, NOT_GIVEN, NotGiven, Query

__all__ = [
    "LogsResource",
    "AsyncLogsResource",
    "LogsResourceWithRawResponse",
    "AsyncLogsResourceWithRawResponse",
]

_TAIL_LOGS: Endpoint[str] = Endpoint(
    method="GET",
    path="/logs",
    response=str,
    response_kind="stream",
    accept="text/event-stream",
)


class LogsResource(SyncAPIResource):
    """Operations tagged 'logs'."""

    @functools.cached_property
    def with_raw_response(self) -> LogsResourceWithRawResponse:
        """The same methods, returning a RawResponse: status, headers and the parsed value."""
        return LogsResourceWithRawResponse(self)

    def tail_logs(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> Stream[str]:
        """GET /logs"""
        return self._client.stream(
            _TAIL_LOGS,
            Call(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )


class LogsResourceWithRawResponse:
    """The methods of `LogsResource`, each returning a RawResponse."""

    def __init__(self, resource: LogsResource) -> None:
        self.tail_logs = raw_response_wrapper(resource.tail_logs)


class AsyncLogsResource(AsyncAPIResource):
    """Operations tagged 'logs'."""

    @functools.cached_property
    def with_raw_response(self) -> AsyncLogsResourceWithRawResponse:
        """The same methods, returning a RawResponse: status, headers and the parsed value."""
        return AsyncLogsResourceWithRawResponse(self)

    async def tail_logs(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> AsyncStream[str]:
        """GET /logs"""
        return await self._client.stream(
            _TAIL_LOGS,
            Call(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )


class AsyncLogsResourceWithRawResponse:
    """The methods of `AsyncLogsResource`, each returning a RawResponse."""

    def __init__(self, resource: AsyncLogsResource) -> None:
        self.tail_logs = async_raw_response_wrapper(resource.tail_logs)
