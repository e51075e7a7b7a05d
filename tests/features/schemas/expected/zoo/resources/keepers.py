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
from ..types.duties import Duties, DutiesParam
from ..types.keeper import Keeper

__all__ = [
    "KeepersResource",
    "AsyncKeepersResource",
    "KeepersResourceWithRawResponse",
    "AsyncKeepersResourceWithRawResponse",
]

_GET_KEEPER: Endpoint[Keeper] = Endpoint(
    method="GET",
    path="/keepers/{id}",
    response=Keeper,
    response_kind="json",
)

_ASSIGN_DUTIES: Endpoint[None] = Endpoint(
    method="PUT",
    path="/keepers/{id}/duties",
    response=None,
    response_kind="none",
    body_encoding="json",
)


class KeepersResource(SyncAPIResource):
    """Operations tagged 'keepers'."""

    @functools.cached_property
    def with_raw_response(self) -> KeepersResourceWithRawResponse:
        """The same methods, returning a RawResponse: status, headers and the parsed value."""
        return KeepersResourceWithRawResponse(self)

    def get_keeper(
        self,
        *,
        id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> Keeper:
        """GET /keepers/{id}

        Args:
          id (str):
        """
        return self._client.request(
            _GET_KEEPER,
            Call(
                path={"id": id},
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    def assign_duties(
        self,
        *,
        id: str,
        duties: Duties | DutiesParam,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> None:
        """PUT /keepers/{id}/duties

        Args:
          id (str):
          duties (Duties | DutiesParam): What a keeper does. A duty that needs no details may be
              given by its task alone.
        """
        return self._client.request(
            _ASSIGN_DUTIES,
            Call(
                path={"id": id},
                body={"duties": duties},
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )


class KeepersResourceWithRawResponse:
    """The methods of `KeepersResource`, each returning a RawResponse."""

    def __init__(self, resource: KeepersResource) -> None:
        self.get_keeper = raw_response_wrapper(resource.get_keeper)
        self.assign_duties = raw_response_wrapper(resource.assign_duties)


class AsyncKeepersResource(AsyncAPIResource):
    """Operations tagged 'keepers'."""

    @functools.cached_property
    def with_raw_response(self) -> AsyncKeepersResourceWithRawResponse:
        """The same methods, returning a RawResponse: status, headers and the parsed value."""
        return AsyncKeepersResourceWithRawResponse(self)

    async def get_keeper(
        self,
        *,
        id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> Keeper:
        """GET /keepers/{id}

        Args:
          id (str):
        """
        return await self._client.request(
            _GET_KEEPER,
            Call(
                path={"id": id},
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    async def assign_duties(
        self,
        *,
        id: str,
        duties: Duties | DutiesParam,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> None:
        """PUT /keepers/{id}/duties

        Args:
          id (str):
          duties (Duties | DutiesParam): What a keeper does. A duty that needs no details may be
              given by its task alone.
        """
        return await self._client.request(
            _ASSIGN_DUTIES,
            Call(
                path={"id": id},
                body={"duties": duties},
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )


class AsyncKeepersResourceWithRawResponse:
    """The methods of `AsyncKeepersResource`, each returning a RawResponse."""

    def __init__(self, resource: AsyncKeepersResource) -> None:
        self.get_keeper = async_raw_response_wrapper(resource.get_keeper)
        self.assign_duties = async_raw_response_wrapper(resource.assign_duties)
