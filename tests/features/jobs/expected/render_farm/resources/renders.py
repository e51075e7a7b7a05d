from __future__ import annotations

import functools
from collections.abc import AsyncIterator, Iterator, Sequence
from typing import Any

import httpx
import pydantic

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
from ..types.frame import Frame
from ..types.get_render import GetRenderResponse
from ..types.start_render import (
    StartRenderRequestChecksItem,
    StartRenderRequestChecksItemParam,
    StartRenderResponse,
)

__all__ = [
    "RendersResource",
    "AsyncRendersResource",
    "RendersResourceWithRawResponse",
    "AsyncRendersResourceWithRawResponse",
]

_START_RENDER: Endpoint[StartRenderResponse] = Endpoint(
    method="POST",
    path="/renders",
    response=StartRenderResponse,
    response_kind="json",
    security=[["token"]],
    body_encoding="json",
)

_GET_RENDER: Endpoint[GetRenderResponse] = Endpoint(
    method="GET",
    path="/renders/{renderId}",
    response=GetRenderResponse,
    response_kind="json",
    security=[["token"]],
)


class RendersResource(SyncAPIResource):
    """Operations tagged 'renders'."""

    @functools.cached_property
    def with_raw_response(self) -> RendersResourceWithRawResponse:
        """The same methods, returning a RawResponse: status, headers and the parsed value."""
        return RendersResourceWithRawResponse(self)

    def start_render(
        self,
        *,
        scene: str,
        frames: int | NotGiven = NOT_GIVEN,
        metadata_schema: dict[str, Any] | type[pydantic.BaseModel] | NotGiven = NOT_GIVEN,
        checks: (
            Sequence[StartRenderRequestChecksItem | StartRenderRequestChecksItemParam] | NotGiven
        ) = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> StartRenderResponse:
        """Start rendering a scene

        Args:
          scene (str): The scene to render.
          frames (int): How many frames.
          metadata_schema (dict[str, Any] | type[pydantic.BaseModel]): A JSON Schema that each
              frame's metadata follows.
          checks (Sequence[StartRenderRequestChecksItem | StartRenderRequestChecksItemParam]):
              Checks run on each frame, each with the JSON Schema of its result.

        Raises:
          PaymentRequiredError: 402 Out of render credits.
        """
        return self._client.request(
            _START_RENDER,
            Call(
                body={
                    "scene": scene,
                    "frames": frames,
                    "metadataSchema": metadata_schema,
                    "checks": checks,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    def render(
        self,
        *,
        scene: str,
        frames: int | NotGiven = NOT_GIVEN,
        metadata_schema: dict[str, Any] | type[pydantic.BaseModel] | NotGiven = NOT_GIVEN,
        checks: (
            Sequence[StartRenderRequestChecksItem | StartRenderRequestChecksItemParam] | NotGiven
        ) = NOT_GIVEN,
        poll_interval: float = 0.5,
        max_wait: float | None = None,
        max_pages: int | None = None,
        max_results: int | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> GetRenderResponse:
        """Start a job with `start_render`, wait until it ends with `wait_for_render`, and return
        the answer with the items of every page.

        Args:
          The arguments of `start_render`, and:
          poll_interval (float): Seconds between calls.
          max_wait (float | None): Give up after this many seconds, raising `WaitTimeoutError` (its
              `last` is the last answer). None waits as long as it takes.
          max_pages (int | None): Read no more than this many pages.
          max_results (int | None): Keep no more than this many items. When a limit stops the
              collection, the answer's next-page field says where to go on; else it is None.
        """
        # `_job`: no parameter's name starts with an underscore
        _job = self.start_render(
            scene=scene,
            frames=frames,
            metadata_schema=metadata_schema,
            checks=checks,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )
        return self.wait_for_render(
            render_id=job_id(_job.id),
            poll_interval=poll_interval,
            max_wait=max_wait,
            max_pages=max_pages,
            max_results=max_results,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    def get_render(
        self,
        *,
        render_id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> GetRenderResponse:
        """A render's status and a page of its frames

        Args:
          render_id (str):

        Raises:
          ServiceUnavailableError: 503 The farm is busy; try again later.
        """
        return self._client.request(
            _GET_RENDER,
            Call(
                path={"renderId": render_id},
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    def wait_for_render(
        self,
        *,
        render_id: str,
        poll_interval: float = 0.5,
        max_wait: float | None = None,
        max_pages: int | None = None,
        max_results: int | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> GetRenderResponse:
        """Call `get_render` until `status` is `"done"` or `"failed"`, and return that answer
        with the items of every page in its `frames`.

        Args:
          The arguments of `get_render`, and:
          poll_interval (float): Seconds between calls.
          max_wait (float | None): Give up after this many seconds, raising `WaitTimeoutError` (its
              `last` is the last answer). None waits as long as it takes.
          max_pages (int | None): Read no more than this many pages.
          max_results (int | None): Keep no more than this many items. When a limit stops the
              collection, the answer's next-page field says where to go on; else it is None.
        """
        # `_answer`, `_next`: no parameter's name starts with an underscore
        _answer = self._client.wait(
            lambda: self.get_render(
                render_id=render_id,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
            attribute="status",
            until=("done", "failed"),
            poll_interval=poll_interval,
            max_wait=max_wait,
        )
        return self._client.collect(
            _answer,
            items_attribute="frames",
            next_attribute="next",
            following=lambda _next: self._client.next_page(
                _GET_RENDER,
                _next,
                Call(
                    extra_headers=extra_headers,
                    extra_query=extra_query,
                    extra_body=extra_body,
                    timeout=timeout,
                ),
            ),
            max_pages=max_pages,
            max_results=max_results,
        )

    def iter_frames(
        self,
        *,
        render_id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> Iterator[Frame]:
        """Call `get_render` and yield the items of its answer's `frames`, then those of the page
        at its `next` URL, and so on while there is one.

        Args:
          The arguments of `get_render`; its per-call options apply to every page.
        """
        # `_page`: no parameter's name starts with an underscore
        _page = self.get_render(
            render_id=render_id,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )
        while True:
            yield from _page.frames or []
            if not _page.next:
                return
            _page = self._client.next_page(
                _GET_RENDER,
                _page.next,
                Call(
                    extra_headers=extra_headers,
                    extra_query=extra_query,
                    extra_body=extra_body,
                    timeout=timeout,
                ),
            )


class RendersResourceWithRawResponse:
    """The methods of `RendersResource`, each returning a RawResponse."""

    def __init__(self, resource: RendersResource) -> None:
        self.start_render = raw_response_wrapper(resource.start_render)
        self.get_render = raw_response_wrapper(resource.get_render)


class AsyncRendersResource(AsyncAPIResource):
    """Operations tagged 'renders'."""

    @functools.cached_property
    def with_raw_response(self) -> AsyncRendersResourceWithRawResponse:
        """The same methods, returning a RawResponse: status, headers and the parsed value."""
        return AsyncRendersResourceWithRawResponse(self)

    async def start_render(
        self,
        *,
        scene: str,
        frames: int | NotGiven = NOT_GIVEN,
        metadata_schema: dict[str, Any] | type[pydantic.BaseModel] | NotGiven = NOT_GIVEN,
        checks: (
            Sequence[StartRenderRequestChecksItem | StartRenderRequestChecksItemParam] | NotGiven
        ) = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> StartRenderResponse:
        """Start rendering a scene

        Args:
          scene (str): The scene to render.
          frames (int): How many frames.
          metadata_schema (dict[str, Any] | type[pydantic.BaseModel]): A JSON Schema that each
              frame's metadata follows.
          checks (Sequence[StartRenderRequestChecksItem | StartRenderRequestChecksItemParam]):
              Checks run on each frame, each with the JSON Schema of its result.

        Raises:
          PaymentRequiredError: 402 Out of render credits.
        """
        return await self._client.request(
            _START_RENDER,
            Call(
                body={
                    "scene": scene,
                    "frames": frames,
                    "metadataSchema": metadata_schema,
                    "checks": checks,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    async def render(
        self,
        *,
        scene: str,
        frames: int | NotGiven = NOT_GIVEN,
        metadata_schema: dict[str, Any] | type[pydantic.BaseModel] | NotGiven = NOT_GIVEN,
        checks: (
            Sequence[StartRenderRequestChecksItem | StartRenderRequestChecksItemParam] | NotGiven
        ) = NOT_GIVEN,
        poll_interval: float = 0.5,
        max_wait: float | None = None,
        max_pages: int | None = None,
        max_results: int | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> GetRenderResponse:
        """Start a job with `start_render`, wait until it ends with `wait_for_render`, and return
        the answer with the items of every page.

        Args:
          The arguments of `start_render`, and:
          poll_interval (float): Seconds between calls.
          max_wait (float | None): Give up after this many seconds, raising `WaitTimeoutError` (its
              `last` is the last answer). None waits as long as it takes.
          max_pages (int | None): Read no more than this many pages.
          max_results (int | None): Keep no more than this many items. When a limit stops the
              collection, the answer's next-page field says where to go on; else it is None.
        """
        # `_job`: no parameter's name starts with an underscore
        _job = await self.start_render(
            scene=scene,
            frames=frames,
            metadata_schema=metadata_schema,
            checks=checks,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )
        return await self.wait_for_render(
            render_id=job_id(_job.id),
            poll_interval=poll_interval,
            max_wait=max_wait,
            max_pages=max_pages,
            max_results=max_results,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def get_render(
        self,
        *,
        render_id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> GetRenderResponse:
        """A render's status and a page of its frames

        Args:
          render_id (str):

        Raises:
          ServiceUnavailableError: 503 The farm is busy; try again later.
        """
        return await self._client.request(
            _GET_RENDER,
            Call(
                path={"renderId": render_id},
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    async def wait_for_render(
        self,
        *,
        render_id: str,
        poll_interval: float = 0.5,
        max_wait: float | None = None,
        max_pages: int | None = None,
        max_results: int | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> GetRenderResponse:
        """Call `get_render` until `status` is `"done"` or `"failed"`, and return that answer
        with the items of every page in its `frames`.

        Args:
          The arguments of `get_render`, and:
          poll_interval (float): Seconds between calls.
          max_wait (float | None): Give up after this many seconds, raising `WaitTimeoutError` (its
              `last` is the last answer). None waits as long as it takes.
          max_pages (int | None): Read no more than this many pages.
          max_results (int | None): Keep no more than this many items. When a limit stops the
              collection, the answer's next-page field says where to go on; else it is None.
        """
        # `_answer`, `_next`: no parameter's name starts with an underscore
        _answer = await self._client.wait(
            lambda: self.get_render(
                render_id=render_id,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
            attribute="status",
            until=("done", "failed"),
            poll_interval=poll_interval,
            max_wait=max_wait,
        )
        return await self._client.collect(
            _answer,
            items_attribute="frames",
            next_attribute="next",
            following=lambda _next: self._client.next_page(
                _GET_RENDER,
                _next,
                Call(
                    extra_headers=extra_headers,
                    extra_query=extra_query,
                    extra_body=extra_body,
                    timeout=timeout,
                ),
            ),
            max_pages=max_pages,
            max_results=max_results,
        )

    async def iter_frames(
        self,
        *,
        render_id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> AsyncIterator[Frame]:
        """Call `get_render` and yield the items of its answer's `frames`, then those of the page
        at its `next` URL, and so on while there is one.

        Args:
          The arguments of `get_render`; its per-call options apply to every page.
        """
        # `_page`: no parameter's name starts with an underscore
        _page = await self.get_render(
            render_id=render_id,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )
        while True:
            for _item in _page.frames or []:
                yield _item
            if not _page.next:
                return
            _page = await self._client.next_page(
                _GET_RENDER,
                _page.next,
                Call(
                    extra_headers=extra_headers,
                    extra_query=extra_query,
                    extra_body=extra_body,
                    timeout=timeout,
                ),
            )


class AsyncRendersResourceWithRawResponse:
    """The methods of `AsyncRendersResource`, each returning a RawResponse."""

    def __init__(self, resource: AsyncRendersResource) -> None:
        self.start_render = async_raw_response_wrapper(resource.start_render)
        self.get_render = async_raw_response_wrapper(resource.get_render)
