from __future__ import annotations

import datetime

import httpx

from .._base_client import AsyncAPIResource, Endpoint, SyncAPIResource
from .._types import Body, Headers, NOT_GIVEN, NotGiven, Query
from ..types.list_events import ListEventsResponse

__all__ = ["EventsResource", "AsyncEventsResource"]

_LIST_EVENTS: Endpoint[ListEventsResponse] = Endpoint(
    method="GET",
    path="/events",
    response=ListEventsResponse,
    response_kind="json",
    security=[["basic"]],
)


class EventsResource(SyncAPIResource):
    """Operations tagged 'events'."""

    def list_events(
        self,
        *,
        since: datetime.datetime | None | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> ListEventsResponse:
        """GET /events"""
        return self._client.request(
            _LIST_EVENTS,
            query={"since": since},
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )


class AsyncEventsResource(AsyncAPIResource):
    """Operations tagged 'events'."""

    async def list_events(
        self,
        *,
        since: datetime.datetime | None | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> ListEventsResponse:
        """GET /events"""
        return await self._client.request(
            _LIST_EVENTS,
            query={"since": since},
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )
