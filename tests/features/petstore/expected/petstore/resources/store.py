from __future__ import annotations

import httpx

from .._base_client import AsyncAPIResource, Endpoint, SyncAPIResource
from .._types import Body, Headers, NOT_GIVEN, NotGiven, Query

__all__ = ["StoreResource", "AsyncStoreResource"]

_GET_INVENTORY: Endpoint[dict[str, int]] = Endpoint(
    method="GET",
    path="/store/inventory",
    response=dict[str, int],
    response_kind="json",
    security=[],
)


class StoreResource(SyncAPIResource):
    """Operations tagged 'store'."""

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
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )


class AsyncStoreResource(AsyncAPIResource):
    """Operations tagged 'store'."""

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
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )
