from __future__ import annotations

import functools
from typing import Literal

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
from .._wire import Encoding
from ..types.get_report import (
    GetReportFilter,
    GetReportFilterParam,
    GetReportXSort,
    GetReportXSortParam,
)

__all__ = [
    "ReportsResource",
    "AsyncReportsResource",
    "ReportsResourceWithRawResponse",
    "AsyncReportsResourceWithRawResponse",
]

_GET_REPORT: Endpoint[None] = Endpoint(
    method="GET",
    path="/reports/{id}/report{format}",
    response=None,
    response_kind="none",
    encodings={
        "path": {"id": Encoding("matrix", explode=True), "format": Encoding("label")},
        "query": {
            "redirect": Encoding("form", explode=True, allow_reserved=True),
            "filter": Encoding(content_type="application/json"),
        },
        "header": {"X-Sort": Encoding("simple", explode=True)},
        "cookie": {"prefs": Encoding("form")},
    },
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
        id: list[int],
        format: Literal["pdf", "csv"],
        redirect: str | NotGiven = NOT_GIVEN,
        filter: GetReportFilter | GetReportFilterParam | NotGiven = NOT_GIVEN,
        x_sort: GetReportXSort | GetReportXSortParam | NotGiven = NOT_GIVEN,
        prefs: list[str] | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> None:
        """GET /reports/{id}/report{format}

        Args:
          id (list[int]):
          format (Literal["pdf", "csv"]):
          redirect (str):
          filter (GetReportFilter | GetReportFilterParam):
          x_sort (GetReportXSort | GetReportXSortParam):
          prefs (list[str]):
        """
        return self._client.request(
            _GET_REPORT,
            Call(
                path={"id": id, "format": format},
                query={"redirect": redirect, "filter": filter},
                headers={"X-Sort": x_sort},
                cookies={"prefs": prefs},
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
        id: list[int],
        format: Literal["pdf", "csv"],
        redirect: str | NotGiven = NOT_GIVEN,
        filter: GetReportFilter | GetReportFilterParam | NotGiven = NOT_GIVEN,
        x_sort: GetReportXSort | GetReportXSortParam | NotGiven = NOT_GIVEN,
        prefs: list[str] | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> None:
        """GET /reports/{id}/report{format}

        Args:
          id (list[int]):
          format (Literal["pdf", "csv"]):
          redirect (str):
          filter (GetReportFilter | GetReportFilterParam):
          x_sort (GetReportXSort | GetReportXSortParam):
          prefs (list[str]):
        """
        return await self._client.request(
            _GET_REPORT,
            Call(
                path={"id": id, "format": format},
                query={"redirect": redirect, "filter": filter},
                headers={"X-Sort": x_sort},
                cookies={"prefs": prefs},
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
