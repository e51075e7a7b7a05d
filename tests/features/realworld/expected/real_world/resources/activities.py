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
    "ActivitiesResource",
    "AsyncActivitiesResource",
    "ActivitiesResourceWithRawResponse",
    "AsyncActivitiesResourceWithRawResponse",
]

_POST_ACTIVITY: Endpoint[None] = Endpoint(
    method="POST",
    path="/activities",
    response=None,
    response_kind="none",
    body_encoding="json",
    content_type='application/ld+json; profile="https://www.w3.org/ns/activitystreams"',
)

_CREATE_GADGET: Endpoint[None] = Endpoint(
    method="POST",
    path="/gadgets",
    response=None,
    response_kind="none",
    body_encoding="json",
    content_type="application/vnd.example.gadget+json",
)

_POST_NOTE: Endpoint[None] = Endpoint(
    method="POST",
    path="/notes",
    response=None,
    response_kind="none",
    body_encoding="text",
    content_type="text/plain; charset=iso-8859-1",
)

_SUBSCRIBE: Endpoint[None] = Endpoint(
    method="POST",
    path="/subscriptions",
    response=None,
    response_kind="none",
    body_encoding="form",
    content_type="application/x-www-form-urlencoded; charset=UTF-8",
)


class ActivitiesResource(SyncAPIResource):
    """Operations tagged 'Activities'."""

    @functools.cached_property
    def with_raw_response(self) -> ActivitiesResourceWithRawResponse:
        """The same methods, returning a RawResponse: status, headers and the parsed value."""
        return ActivitiesResourceWithRawResponse(self)

    def post_activity(
        self,
        *,
        type: str,
        summary: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> None:
        """POST /activities

        Args:
          type (str):
          summary (str):
        """
        return self._client.request(
            _POST_ACTIVITY,
            Call(
                body={"type": type, "summary": summary},
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    def create_gadget(
        self,
        *,
        name: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> None:
        """POST /gadgets

        Args:
          name (str):
        """
        return self._client.request(
            _CREATE_GADGET,
            Call(
                body={"name": name},
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    def post_note(
        self,
        *,
        body: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> None:
        """POST /notes

        Args:
          body (str):
        """
        return self._client.request(
            _POST_NOTE,
            Call(
                body=body,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    def subscribe(
        self,
        *,
        email: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> None:
        """POST /subscriptions

        Args:
          email (str):
        """
        return self._client.request(
            _SUBSCRIBE,
            Call(
                body={"email": email},
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )


class ActivitiesResourceWithRawResponse:
    """The methods of `ActivitiesResource`, each returning a RawResponse."""

    def __init__(self, resource: ActivitiesResource) -> None:
        self.post_activity = raw_response_wrapper(resource.post_activity)
        self.create_gadget = raw_response_wrapper(resource.create_gadget)
        self.post_note = raw_response_wrapper(resource.post_note)
        self.subscribe = raw_response_wrapper(resource.subscribe)


class AsyncActivitiesResource(AsyncAPIResource):
    """Operations tagged 'Activities'."""

    @functools.cached_property
    def with_raw_response(self) -> AsyncActivitiesResourceWithRawResponse:
        """The same methods, returning a RawResponse: status, headers and the parsed value."""
        return AsyncActivitiesResourceWithRawResponse(self)

    async def post_activity(
        self,
        *,
        type: str,
        summary: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> None:
        """POST /activities

        Args:
          type (str):
          summary (str):
        """
        return await self._client.request(
            _POST_ACTIVITY,
            Call(
                body={"type": type, "summary": summary},
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    async def create_gadget(
        self,
        *,
        name: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> None:
        """POST /gadgets

        Args:
          name (str):
        """
        return await self._client.request(
            _CREATE_GADGET,
            Call(
                body={"name": name},
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    async def post_note(
        self,
        *,
        body: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> None:
        """POST /notes

        Args:
          body (str):
        """
        return await self._client.request(
            _POST_NOTE,
            Call(
                body=body,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    async def subscribe(
        self,
        *,
        email: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> None:
        """POST /subscriptions

        Args:
          email (str):
        """
        return await self._client.request(
            _SUBSCRIBE,
            Call(
                body={"email": email},
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )


class AsyncActivitiesResourceWithRawResponse:
    """The methods of `AsyncActivitiesResource`, each returning a RawResponse."""

    def __init__(self, resource: AsyncActivitiesResource) -> None:
        self.post_activity = async_raw_response_wrapper(resource.post_activity)
        self.create_gadget = async_raw_response_wrapper(resource.create_gadget)
        self.post_note = async_raw_response_wrapper(resource.post_note)
        self.subscribe = async_raw_response_wrapper(resource.subscribe)
