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
from ..types.adoption import Adoption
from ..types.problem import Problem

__all__ = [
    "AdoptionsResource",
    "AsyncAdoptionsResource",
    "AdoptionsResourceWithRawResponse",
    "AsyncAdoptionsResourceWithRawResponse",
]

_APPLY_FOR_ADOPTION: Endpoint[Adoption] = Endpoint(
    method="POST",
    path="/adoptions",
    response=Adoption,
    response_kind="json",
    security=[["staff"]],
    body_encoding="form",
)

_GET_ADOPTION: Endpoint[Adoption] = Endpoint(
    method="GET",
    path="/adoptions/{adoptionId}",
    response=Adoption,
    response_kind="json",
    errors={
        "404": Problem,
    },
    security=[["apiKey"]],
)


class AdoptionsResource(SyncAPIResource):
    """Applications to adopt an animal."""

    @functools.cached_property
    def with_raw_response(self) -> AdoptionsResourceWithRawResponse:
        """The same methods, returning a RawResponse: status, headers and the parsed value."""
        return AdoptionsResourceWithRawResponse(self)

    def apply_for_adoption(
        self,
        *,
        animal_id: int,
        adopter: str,
        notes: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> Adoption:
        """POST /adoptions

        Args:
          animal_id (int):
          adopter (str):
          notes (str):
        """
        return self._client.request(
            _APPLY_FOR_ADOPTION,
            Call(
                body={"animalId": animal_id, "adopter": adopter, "notes": notes},
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    def get_adoption(
        self,
        *,
        adoption_id: int,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> Adoption:
        """GET /adoptions/{adoptionId}

        Args:
          adoption_id (int):

        Raises:
          NotFoundError: 404 Something went wrong.
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


class AdoptionsResourceWithRawResponse:
    """The methods of `AdoptionsResource`, each returning a RawResponse."""

    def __init__(self, resource: AdoptionsResource) -> None:
        self.apply_for_adoption = raw_response_wrapper(resource.apply_for_adoption)
        self.get_adoption = raw_response_wrapper(resource.get_adoption)


class AsyncAdoptionsResource(AsyncAPIResource):
    """Applications to adopt an animal."""

    @functools.cached_property
    def with_raw_response(self) -> AsyncAdoptionsResourceWithRawResponse:
        """The same methods, returning a RawResponse: status, headers and the parsed value."""
        return AsyncAdoptionsResourceWithRawResponse(self)

    async def apply_for_adoption(
        self,
        *,
        animal_id: int,
        adopter: str,
        notes: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> Adoption:
        """POST /adoptions

        Args:
          animal_id (int):
          adopter (str):
          notes (str):
        """
        return await self._client.request(
            _APPLY_FOR_ADOPTION,
            Call(
                body={"animalId": animal_id, "adopter": adopter, "notes": notes},
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    async def get_adoption(
        self,
        *,
        adoption_id: int,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> Adoption:
        """GET /adoptions/{adoptionId}

        Args:
          adoption_id (int):

        Raises:
          NotFoundError: 404 Something went wrong.
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


class AsyncAdoptionsResourceWithRawResponse:
    """The methods of `AsyncAdoptionsResource`, each returning a RawResponse."""

    def __init__(self, resource: AsyncAdoptionsResource) -> None:
        self.apply_for_adoption = async_raw_response_wrapper(resource.apply_for_adoption)
        self.get_adoption = async_raw_response_wrapper(resource.get_adoption)
