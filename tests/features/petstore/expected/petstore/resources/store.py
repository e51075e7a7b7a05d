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
    raw_response_wrapper,
)
from .._types import Body, Headers, NOT_GIVEN, NotGiven, Query
from ..types.get_adoption import GetAdoptionResponse
from ..types.list_adoption_history import ListAdoptionHistoryResponse
from ..types.list_adoptions import ListAdoptionsResponse, ListAdoptionsResponseAdoptionsItem

__all__ = [
    "StoreResource",
    "AsyncStoreResource",
    "StoreResourceWithRawResponse",
    "AsyncStoreResourceWithRawResponse",
]

_LIST_ADOPTIONS: Endpoint[ListAdoptionsResponse] = Endpoint(
    method="GET",
    path="/adoptions",
    response=ListAdoptionsResponse,
    response_kind="json",
    security=[["apiKey"]],
)

_LIST_ADOPTION_HISTORY: Endpoint[ListAdoptionHistoryResponse] = Endpoint(
    method="GET",
    path="/adoptions/history",
    response=ListAdoptionHistoryResponse,
    response_kind="json",
    security=[["apiKey"]],
)

_GET_ADOPTION: Endpoint[GetAdoptionResponse] = Endpoint(
    method="GET",
    path="/adoptions/{adoptionId}",
    response=GetAdoptionResponse,
    response_kind="json",
    security=[["apiKey"]],
)

_GET_INVENTORY: Endpoint[dict[str, int]] = Endpoint(
    method="GET",
    path="/store/inventory",
    response=dict[str, int],
    response_kind="json",
)


class StoreResource(SyncAPIResource):
    """Operations tagged 'store'."""

    @functools.cached_property
    def with_raw_response(self) -> StoreResourceWithRawResponse:
        """The same methods, returning a RawResponse: status, headers and the parsed value."""
        return StoreResourceWithRawResponse(self)

    def list_adoptions(
        self,
        *,
        page: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> ListAdoptionsResponse:
        """GET /adoptions

        Args:
          page (int):
        """
        return self._client.request(
            _LIST_ADOPTIONS,
            Call(
                query={"page": page},
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    def iter_adoptions(
        self,
        *,
        page: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> Iterator[ListAdoptionsResponseAdoptionsItem]:
        """Call `list_adoptions` and yield the items of its answer's `adoptions`, then those of
        the page at its `next` URL, and so on while there is one.

        Args:
          The arguments of `list_adoptions`; its per-call options apply to every page.
        """
        # `_page`: no parameter's name starts with an underscore
        _page = self.list_adoptions(
            page=page,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )
        while True:
            yield from _page.adoptions or []
            if not _page.next:
                return
            _page = self._client.next_page(
                _LIST_ADOPTIONS,
                _page.next,
                Call(
                    extra_headers=extra_headers,
                    extra_query=extra_query,
                    extra_body=extra_body,
                    timeout=timeout,
                ),
            )

    def list_adoption_history(
        self,
        *,
        cursor: str | NotGiven = NOT_GIVEN,
        pet_id: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> ListAdoptionHistoryResponse:
        """GET /adoptions/history

        Args:
          cursor (str):
          pet_id (int):
        """
        return self._client.request(
            _LIST_ADOPTION_HISTORY,
            Call(
                query={"cursor": cursor, "petId": pet_id},
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    def iter_list_adoption_history(
        self,
        *,
        cursor: str | NotGiven = NOT_GIVEN,
        pet_id: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> Iterator[str]:
        """Call `list_adoption_history` and yield the items of its answer's `events`, then those
        of the call with its `next_cursor` as `cursor`, and so on while there is one.

        Args:
          The arguments of `list_adoption_history`; its per-call options apply to every page.
        """
        # `_page`: no parameter's name starts with an underscore
        _page = self.list_adoption_history(
            cursor=cursor,
            pet_id=pet_id,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )
        while True:
            yield from _page.events or []
            if not _page.next_cursor:
                return
            _page = self.list_adoption_history(
                cursor=_page.next_cursor,
                pet_id=pet_id,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            )

    def get_adoption(
        self,
        *,
        adoption_id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> GetAdoptionResponse:
        """An adoption, which the shop reviews

        Args:
          adoption_id (str):
        """
        return self._client.request(
            _GET_ADOPTION,
            Call(
                path={"adoptionId": adoption_id},
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    def get_adoption_until_done(
        self,
        *,
        adoption_id: str,
        poll_interval: float = 2.0,
        max_wait: float | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> GetAdoptionResponse:
        """Call `get_adoption` until `status` is `"approved"` or `"rejected"`, and return that
        answer.

        Args:
          The arguments of `get_adoption`, and:
          poll_interval (float): Seconds between calls.
          max_wait (float | None): Give up after this many seconds, raising `WaitTimeoutError` (its
              `last` is the last answer). None waits as long as it takes.
        """
        return self._client.wait(
            lambda: self.get_adoption(
                adoption_id=adoption_id,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
            attribute="status",
            until=("approved", "rejected"),
            poll_interval=poll_interval,
            max_wait=max_wait,
        )

    def get_inventory(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> dict[str, int]:
        """Count pets by status"""
        return self._client.request(
            _GET_INVENTORY,
            Call(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )


class StoreResourceWithRawResponse:
    """The methods of `StoreResource`, each returning a RawResponse."""

    def __init__(self, resource: StoreResource) -> None:
        self.list_adoptions = raw_response_wrapper(resource.list_adoptions)
        self.list_adoption_history = raw_response_wrapper(resource.list_adoption_history)
        self.get_adoption = raw_response_wrapper(resource.get_adoption)
        self.get_inventory = raw_response_wrapper(resource.get_inventory)


class AsyncStoreResource(AsyncAPIResource):
    """Operations tagged 'store'."""

    @functools.cached_property
    def with_raw_response(self) -> AsyncStoreResourceWithRawResponse:
        """The same methods, returning a RawResponse: status, headers and the parsed value."""
        return AsyncStoreResourceWithRawResponse(self)

    async def list_adoptions(
        self,
        *,
        page: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> ListAdoptionsResponse:
        """GET /adoptions

        Args:
          page (int):
        """
        return await self._client.request(
            _LIST_ADOPTIONS,
            Call(
                query={"page": page},
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    async def iter_adoptions(
        self,
        *,
        page: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> AsyncIterator[ListAdoptionsResponseAdoptionsItem]:
        """Call `list_adoptions` and yield the items of its answer's `adoptions`, then those of
        the page at its `next` URL, and so on while there is one.

        Args:
          The arguments of `list_adoptions`; its per-call options apply to every page.
        """
        # `_page`: no parameter's name starts with an underscore
        _page = await self.list_adoptions(
            page=page,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )
        while True:
            for _item in _page.adoptions or []:
                yield _item
            if not _page.next:
                return
            _page = await self._client.next_page(
                _LIST_ADOPTIONS,
                _page.next,
                Call(
                    extra_headers=extra_headers,
                    extra_query=extra_query,
                    extra_body=extra_body,
                    timeout=timeout,
                ),
            )

    async def list_adoption_history(
        self,
        *,
        cursor: str | NotGiven = NOT_GIVEN,
        pet_id: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> ListAdoptionHistoryResponse:
        """GET /adoptions/history

        Args:
          cursor (str):
          pet_id (int):
        """
        return await self._client.request(
            _LIST_ADOPTION_HISTORY,
            Call(
                query={"cursor": cursor, "petId": pet_id},
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    async def iter_list_adoption_history(
        self,
        *,
        cursor: str | NotGiven = NOT_GIVEN,
        pet_id: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> AsyncIterator[str]:
        """Call `list_adoption_history` and yield the items of its answer's `events`, then those
        of the call with its `next_cursor` as `cursor`, and so on while there is one.

        Args:
          The arguments of `list_adoption_history`; its per-call options apply to every page.
        """
        # `_page`: no parameter's name starts with an underscore
        _page = await self.list_adoption_history(
            cursor=cursor,
            pet_id=pet_id,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )
        while True:
            for _item in _page.events or []:
                yield _item
            if not _page.next_cursor:
                return
            _page = await self.list_adoption_history(
                cursor=_page.next_cursor,
                pet_id=pet_id,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            )

    async def get_adoption(
        self,
        *,
        adoption_id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> GetAdoptionResponse:
        """An adoption, which the shop reviews

        Args:
          adoption_id (str):
        """
        return await self._client.request(
            _GET_ADOPTION,
            Call(
                path={"adoptionId": adoption_id},
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    async def get_adoption_until_done(
        self,
        *,
        adoption_id: str,
        poll_interval: float = 2.0,
        max_wait: float | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> GetAdoptionResponse:
        """Call `get_adoption` until `status` is `"approved"` or `"rejected"`, and return that
        answer.

        Args:
          The arguments of `get_adoption`, and:
          poll_interval (float): Seconds between calls.
          max_wait (float | None): Give up after this many seconds, raising `WaitTimeoutError` (its
              `last` is the last answer). None waits as long as it takes.
        """
        return await self._client.wait(
            lambda: self.get_adoption(
                adoption_id=adoption_id,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
            attribute="status",
            until=("approved", "rejected"),
            poll_interval=poll_interval,
            max_wait=max_wait,
        )

    async def get_inventory(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> dict[str, int]:
        """Count pets by status"""
        return await self._client.request(
            _GET_INVENTORY,
            Call(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )


class AsyncStoreResourceWithRawResponse:
    """The methods of `AsyncStoreResource`, each returning a RawResponse."""

    def __init__(self, resource: AsyncStoreResource) -> None:
        self.list_adoptions = async_raw_response_wrapper(resource.list_adoptions)
        self.list_adoption_history = async_raw_response_wrapper(resource.list_adoption_history)
        self.get_adoption = async_raw_response_wrapper(resource.get_adoption)
        self.get_inventory = async_raw_response_wrapper(resource.get_inventory)
