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
    "StoreResource",
    "AsyncStoreResource",
    "StoreResourceWithRawResponse",
    "AsyncStoreResourceWithRawResponse",
]

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
        self.get_inventory = raw_response_wrapper(resource.get_inventory)


class AsyncStoreResource(AsyncAPIResource):
    """Operations tagged 'store'."""

    @functools.cached_property
    def with_raw_response(self) -> AsyncStoreResourceWithRawResponse:
        """The same methods, returning a RawResponse: status, headers and the parsed value."""
        return AsyncStoreResourceWithRawResponse(self)

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
        self.get_inventory = async_raw_response_wrapper(resource.get_inventory)
