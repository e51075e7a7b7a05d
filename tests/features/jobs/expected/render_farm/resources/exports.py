from __future__ import annotations

import functools
from collections.abc import AsyncIterator, Iterator

import httpx

from .._base_client import (
    AsyncAPIResource,
    Call,
    Endpoint,
    SyncAPIResource,
    async_raw_response_wrapper,
    job_id,
    raw_response_wrapper,
)
from .._types import Body, Headers, NOT_GIVEN, NotGiven, Query
from ..types.get_export import GetExportResponse
from ..types.start_export import StartExportResponse

__all__ = [
    "ExportsResource",
    "AsyncExportsResource",
    "ExportsResourceWithRawResponse",
    "AsyncExportsResourceWithRawResponse",
]

_START_EXPORT: Endpoint[StartExportResponse] = Endpoint(
    method="POST",
    path="/exports",
    response=StartExportResponse,
    response_kind="json",
    security=[["token"]],
)

_GET_EXPORT: Endpoint[GetExportResponse] = Endpoint(
    method="GET",
    path="/exports/{exportId}",
    response=GetExportResponse,
    response_kind="json",
    security=[["token"]],
)


class ExportsResource(SyncAPIResource):
    """Operations tagged 'exports'."""

    @functools.cached_property
    def with_raw_response(self) -> ExportsResourceWithRawResponse:
        """The same methods, returning a RawResponse: status, headers and the parsed value."""
        return ExportsResourceWithRawResponse(self)

    def start_export(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> StartExportResponse:
        """Export every frame rendered so far"""
        return self._client.request(
            _START_EXPORT,
            Call(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    def start_export_and_wait(
        self,
        *,
        poll_interval: float = 1.0,
        max_wait: float | None = None,
        max_pages: int | None = None,
        max_results: int | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> GetExportResponse:
        """Start a job with `start_export`, wait until it ends with `get_export_until_done`, and
        return the answer with the items of every page.

        Args:
          The arguments of `start_export`, and:
          poll_interval (float): Seconds between calls.
          max_wait (float | None): Give up after this many seconds, raising `WaitTimeoutError` (its
              `last` is the last answer). None waits as long as it takes.
          max_pages (int | None): Read no more than this many pages.
          max_results (int | None): Keep no more than this many items. When a limit stops the
              collection, the answer's next-page field says where to go on; else it is None.
        """
        # `_job`: no parameter's name starts with an underscore
        _job = self.start_export(
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )
        return self.get_export_until_done(
            export_id=job_id(_job.export_id),
            poll_interval=poll_interval,
            max_wait=max_wait,
            max_pages=max_pages,
            max_results=max_results,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    def get_export(
        self,
        *,
        export_id: str,
        cursor: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> GetExportResponse:
        """GET /exports/{exportId}

        Args:
          export_id (str):
          cursor (str):
        """
        return self._client.request(
            _GET_EXPORT,
            Call(
                path={"exportId": export_id},
                query={"cursor": cursor},
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    def get_export_until_done(
        self,
        *,
        export_id: str,
        cursor: str | NotGiven = NOT_GIVEN,
        poll_interval: float = 1.0,
        max_wait: float | None = None,
        max_pages: int | None = None,
        max_results: int | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> GetExportResponse:
        """Call `get_export` until `state` is `"finished"`, and return that answer with the items
        of every page in its `files`.

        Args:
          The arguments of `get_export`, and:
          poll_interval (float): Seconds between calls.
          max_wait (float | None): Give up after this many seconds, raising `WaitTimeoutError` (its
              `last` is the last answer). None waits as long as it takes.
          max_pages (int | None): Read no more than this many pages.
          max_results (int | None): Keep no more than this many items. When a limit stops the
              collection, the answer's next-page field says where to go on; else it is None.
        """
        # `_answer`, `_next`: no parameter's name starts with an underscore
        _answer = self._client.wait(
            lambda: self.get_export(
                export_id=export_id,
                cursor=cursor,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
            attribute="state",
            until=("finished",),
            poll_interval=poll_interval,
            max_wait=max_wait,
        )
        return self._client.collect(
            _answer,
            items_attribute="files",
            next_attribute="cursor",
            following=lambda _next: self.get_export(
                export_id=export_id,
                cursor=_next,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
            max_pages=max_pages,
            max_results=max_results,
        )

    def iter_get_export(
        self,
        *,
        export_id: str,
        cursor: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> Iterator[str]:
        """Call `get_export` and yield the items of its answer's `files`, then those of the call
        with its `cursor` as `cursor`, and so on while there is one.

        Args:
          The arguments of `get_export`; its per-call options apply to every page.
        """
        # `_page`: no parameter's name starts with an underscore
        _page = self.get_export(
            export_id=export_id,
            cursor=cursor,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )
        while True:
            yield from _page.files or []
            if not _page.cursor:
                return
            _page = self.get_export(
                export_id=export_id,
                cursor=_page.cursor,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            )


class ExportsResourceWithRawResponse:
    """The methods of `ExportsResource`, each returning a RawResponse."""

    def __init__(self, resource: ExportsResource) -> None:
        self.start_export = raw_response_wrapper(resource.start_export)
        self.get_export = raw_response_wrapper(resource.get_export)


class AsyncExportsResource(AsyncAPIResource):
    """Operations tagged 'exports'."""

    @functools.cached_property
    def with_raw_response(self) -> AsyncExportsResourceWithRawResponse:
        """The same methods, returning a RawResponse: status, headers and the parsed value."""
        return AsyncExportsResourceWithRawResponse(self)

    async def start_export(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> StartExportResponse:
        """Export every frame rendered so far"""
        return await self._client.request(
            _START_EXPORT,
            Call(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    async def start_export_and_wait(
        self,
        *,
        poll_interval: float = 1.0,
        max_wait: float | None = None,
        max_pages: int | None = None,
        max_results: int | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> GetExportResponse:
        """Start a job with `start_export`, wait until it ends with `get_export_until_done`, and
        return the answer with the items of every page.

        Args:
          The arguments of `start_export`, and:
          poll_interval (float): Seconds between calls.
          max_wait (float | None): Give up after this many seconds, raising `WaitTimeoutError` (its
              `last` is the last answer). None waits as long as it takes.
          max_pages (int | None): Read no more than this many pages.
          max_results (int | None): Keep no more than this many items. When a limit stops the
              collection, the answer's next-page field says where to go on; else it is None.
        """
        # `_job`: no parameter's name starts with an underscore
        _job = await self.start_export(
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )
        return await self.get_export_until_done(
            export_id=job_id(_job.export_id),
            poll_interval=poll_interval,
            max_wait=max_wait,
            max_pages=max_pages,
            max_results=max_results,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def get_export(
        self,
        *,
        export_id: str,
        cursor: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> GetExportResponse:
        """GET /exports/{exportId}

        Args:
          export_id (str):
          cursor (str):
        """
        return await self._client.request(
            _GET_EXPORT,
            Call(
                path={"exportId": export_id},
                query={"cursor": cursor},
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    async def get_export_until_done(
        self,
        *,
        export_id: str,
        cursor: str | NotGiven = NOT_GIVEN,
        poll_interval: float = 1.0,
        max_wait: float | None = None,
        max_pages: int | None = None,
        max_results: int | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> GetExportResponse:
        """Call `get_export` until `state` is `"finished"`, and return that answer with the items
        of every page in its `files`.

        Args:
          The arguments of `get_export`, and:
          poll_interval (float): Seconds between calls.
          max_wait (float | None): Give up after this many seconds, raising `WaitTimeoutError` (its
              `last` is the last answer). None waits as long as it takes.
          max_pages (int | None): Read no more than this many pages.
          max_results (int | None): Keep no more than this many items. When a limit stops the
              collection, the answer's next-page field says where to go on; else it is None.
        """
        # `_answer`, `_next`: no parameter's name starts with an underscore
        _answer = await self._client.wait(
            lambda: self.get_export(
                export_id=export_id,
                cursor=cursor,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
            attribute="state",
            until=("finished",),
            poll_interval=poll_interval,
            max_wait=max_wait,
        )
        return await self._client.collect(
            _answer,
            items_attribute="files",
            next_attribute="cursor",
            following=lambda _next: self.get_export(
                export_id=export_id,
                cursor=_next,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
            max_pages=max_pages,
            max_results=max_results,
        )

    async def iter_get_export(
        self,
        *,
        export_id: str,
        cursor: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> AsyncIterator[str]:
        """Call `get_export` and yield the items of its answer's `files`, then those of the call
        with its `cursor` as `cursor`, and so on while there is one.

        Args:
          The arguments of `get_export`; its per-call options apply to every page.
        """
        # `_page`: no parameter's name starts with an underscore
        _page = await self.get_export(
            export_id=export_id,
            cursor=cursor,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )
        while True:
            for _item in _page.files or []:
                yield _item
            if not _page.cursor:
                return
            _page = await self.get_export(
                export_id=export_id,
                cursor=_page.cursor,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            )


class AsyncExportsResourceWithRawResponse:
    """The methods of `AsyncExportsResource`, each returning a RawResponse."""

    def __init__(self, resource: AsyncExportsResource) -> None:
        self.start_export = async_raw_response_wrapper(resource.start_export)
        self.get_export = async_raw_response_wrapper(resource.get_export)
