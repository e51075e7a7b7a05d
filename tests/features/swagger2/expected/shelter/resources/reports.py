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

__all__ = [
    "ReportsResource",
    "AsyncReportsResource",
    "ReportsResourceWithRawResponse",
    "AsyncReportsResourceWithRawResponse",
]

_GET_REPORT: Endpoint[str] = Endpoint(
    method="GET",
    path="/reports/{year}",
    response=str,
    response_kind="text",
    security=[["apiKey"]],
    accept="text/csv",
)


class ReportsResource(SyncAPIResource):
    """Operations tagged 'reports'."""

    @functools.cached_property
    def with_raw_response(self) -> ReportsResourceWithRawResponse:
        """The same methods, returning a RawResponse: status, headers and the parsed value."""
        return ReportsResourceWithRawResponse(self)

    def get_report(
        self,
        *,
        year: int,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> str:
        """GET /reports/{year}

        Args:
          year (int):
        """
        return self._client.request(
            _GET_REPORT,
            Call(
                path={"year": year},
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )


class ReportsResourceWithRawResponse:
    """The methods of `ReportsResource`, each returning a RawResponse."""

    def __init__(self, resource: ReportsResource) -> None:
        self.get_report = raw_response_wrapper(resource.get_report)


class AsyncReportsResource(AsyncAPIResource):
    """Operations tagged 'reports'."""

    @functools.cached_property
    def with_raw_response(self) -> AsyncReportsResourceWithRawResponse:
        """The same methods, returning a RawResponse: status, headers and the parsed value."""
        return AsyncReportsResourceWithRawResponse(self)

    async def get_report(
        self,
        *,
        year: int,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> str:
        """GET /reports/{year}

        Args:
          year (int):
        """
        return await self._client.request(
            _GET_REPORT,
            Call(
                path={"year": year},
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )


class AsyncReportsResourceWithRawResponse:
    """The methods of `AsyncReportsResource`, each returning a RawResponse."""

    def __init__(self, resource: AsyncReportsResource) -> None:
        self.get_report = async_raw_response_wrapper(resource.get_report)
