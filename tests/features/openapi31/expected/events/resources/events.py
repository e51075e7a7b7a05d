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
from ..types.list_events import ListEventsResponse

__all__ = [
    "EventsResource",
    "AsyncEventsResource",
    "EventsResourceWithRawResponse",
    "AsyncEventsResourceWithRawResponse",
]

_LIST_EVENTS: Endpoint[ListEventsResponse] = Endpoint(
    method="GET",
    path="/events",
    response=ListEventsResponse,
    response_kind="json",
    security=[["basic"]],
)


class EventsResource(SyncAPIResource):
    """Operations tagged 'events'."""

    @functools.cached_property
    def with_raw_response(self) -> EventsResourceWithRawResponse:
        """The same methods, returning a RawResponse: status, headers and the parsed value."""
        return EventsResourceWithRawResponse(self)

    def list_events(
        self,
        *,
        since: datetime.datetime | None | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> ListEventsResponse:
        """GET /events

        Args:
          since (datetime.datetime | None):
        """
        return self._client.request(
            _LIST_EVENTS,
            Call(
                query={"since": since},
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )


class EventsResourceWithRawResponse:
    """The methods of `EventsResource`, each returning a RawResponse."""

    def __init__(self, resource: EventsResource) -> None:
        self.list_events = raw_response_wrapper(resource.list_events)


class AsyncEventsResource(AsyncAPIResource):
    """Operations tagged 'events'."""

    @functools.cached_property
    def with_raw_response(self) -> AsyncEventsResourceWithRawResponse:
        """The same methods, returning a RawResponse: status, headers and the parsed value."""
        return AsyncEventsResourceWithRawResponse(self)

    async def list_events(
        self,
        *,
        since: datetime.datetime | None | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> ListEventsResponse:
        """GET /events

        Args:
          since (datetime.datetime | None):
        """
        return await self._client.request(
            _LIST_EVENTS,
            Call(
                query={"since": since},
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )


class AsyncEventsResourceWithRawResponse:
    """The methods of `AsyncEventsResource`, each returning a RawResponse."""

    def __init__(self, resource: AsyncEventsResource) -> None:
        self.list_events = async_raw_response_wrapper(resource.list_events)
