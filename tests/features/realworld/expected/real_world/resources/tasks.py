from __future__ import annotations

import datetime
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
from ..types.task import Task

__all__ = [
    "TasksResource",
    "AsyncTasksResource",
    "TasksResourceWithRawResponse",
    "AsyncTasksResourceWithRawResponse",
]

_GET_TASK: Endpoint[Task] = Endpoint(
    method="GET",
    path="/tasks/{task_gid}",
    response=Task,
    response_kind="json",
)

_UPDATE_TASK: Endpoint[None] = Endpoint(
    method="PATCH",
    path="/tasks/{task_gid}",
    response=None,
    response_kind="none",
    body_encoding="json",
    content_type="application/merge-patch+json",
)


class TasksResource(SyncAPIResource):
    """Operations tagged 'Tasks'."""

    @functools.cached_property
    def with_raw_response(self) -> TasksResourceWithRawResponse:
        """The same methods, returning a RawResponse: status, headers and the parsed value."""
        return TasksResourceWithRawResponse(self)

    def get_task(
        self,
        *,
        task_gid: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> Task:
        """GET /tasks/{task_gid}

        Args:
          task_gid (str):
        """
        return self._client.request(
            _GET_TASK,
            Call(
                path={"task_gid": task_gid},
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    def update_task(
        self,
        *,
        task_gid: str,
        name: str | NotGiven = NOT_GIVEN,
        due_at: datetime.datetime | None | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> None:
        """PATCH /tasks/{task_gid}

        Args:
          task_gid (str):
          name (str):
          due_at (datetime.datetime | None):
        """
        return self._client.request(
            _UPDATE_TASK,
            Call(
                path={"task_gid": task_gid},
                body={"name": name, "due_at": due_at},
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )


class TasksResourceWithRawResponse:
    """The methods of `TasksResource`, each returning a RawResponse."""

    def __init__(self, resource: TasksResource) -> None:
        self.get_task = raw_response_wrapper(resource.get_task)
        self.update_task = raw_response_wrapper(resource.update_task)


class AsyncTasksResource(AsyncAPIResource):
    """Operations tagged 'Tasks'."""

    @functools.cached_property
    def with_raw_response(self) -> AsyncTasksResourceWithRawResponse:
        """The same methods, returning a RawResponse: status, headers and the parsed value."""
        return AsyncTasksResourceWithRawResponse(self)

    async def get_task(
        self,
        *,
        task_gid: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> Task:
        """GET /tasks/{task_gid}

        Args:
          task_gid (str):
        """
        return await self._client.request(
            _GET_TASK,
            Call(
                path={"task_gid": task_gid},
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    async def update_task(
        self,
        *,
        task_gid: str,
        name: str | NotGiven = NOT_GIVEN,
        due_at: datetime.datetime | None | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> None:
        """PATCH /tasks/{task_gid}

        Args:
          task_gid (str):
          name (str):
          due_at (datetime.datetime | None):
        """
        return await self._client.request(
            _UPDATE_TASK,
            Call(
                path={"task_gid": task_gid},
                body={"name": name, "due_at": due_at},
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )


class AsyncTasksResourceWithRawResponse:
    """The methods of `AsyncTasksResource`, each returning a RawResponse."""

    def __init__(self, resource: AsyncTasksResource) -> None:
        self.get_task = async_raw_response_wrapper(resource.get_task)
        self.update_task = async_raw_response_wrapper(resource.update_task)
