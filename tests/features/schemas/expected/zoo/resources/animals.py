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
from ..types.animal import Animal
from ..types.animal_input import AnimalInput, AnimalInputParam

__all__ = [
    "AnimalsResource",
    "AsyncAnimalsResource",
    "AnimalsResourceWithRawResponse",
    "AsyncAnimalsResourceWithRawResponse",
]

_LIST_ANIMALS: Endpoint[list[Animal]] = Endpoint(
    method="GET",
    path="/animals",
    response=list[Animal],
    response_kind="json",
)

_CREATE_ANIMAL: Endpoint[Animal] = Endpoint(
    method="POST",
    path="/animals",
    response=Animal,
    response_kind="json",
    body_encoding="json",
)


class AnimalsResource(SyncAPIResource):
    """Operations tagged 'animals'."""

    @functools.cached_property
    def with_raw_response(self) -> AnimalsResourceWithRawResponse:
        """The same methods, returning a RawResponse: status, headers and the parsed value."""
        return AnimalsResourceWithRawResponse(self)

    def list_animals(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> list[Animal]:
        """GET /animals"""
        return self._client.request(
            _LIST_ANIMALS,
            Call(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    def create_animal(
        self,
        *,
        body: AnimalInput | AnimalInputParam,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> Animal:
        """POST /animals

        Args:
          body (AnimalInput | AnimalInputParam):
        """
        return self._client.request(
            _CREATE_ANIMAL,
            Call(
                body=body,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )


class AnimalsResourceWithRawResponse:
    """The methods of `AnimalsResource`, each returning a RawResponse."""

    def __init__(self, resource: AnimalsResource) -> None:
        self.list_animals = raw_response_wrapper(resource.list_animals)
        self.create_animal = raw_response_wrapper(resource.create_animal)


class AsyncAnimalsResource(AsyncAPIResource):
    """Operations tagged 'animals'."""

    @functools.cached_property
    def with_raw_response(self) -> AsyncAnimalsResourceWithRawResponse:
        """The same methods, returning a RawResponse: status, headers and the parsed value."""
        return AsyncAnimalsResourceWithRawResponse(self)

    async def list_animals(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> list[Animal]:
        """GET /animals"""
        return await self._client.request(
            _LIST_ANIMALS,
            Call(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    async def create_animal(
        self,
        *,
        body: AnimalInput | AnimalInputParam,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> Animal:
        """POST /animals

        Args:
          body (AnimalInput | AnimalInputParam):
        """
        return await self._client.request(
            _CREATE_ANIMAL,
            Call(
                body=body,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )


class AsyncAnimalsResourceWithRawResponse:
    """The methods of `AsyncAnimalsResource`, each returning a RawResponse."""

    def __init__(self, resource: AsyncAnimalsResource) -> None:
        self.list_animals = async_raw_response_wrapper(resource.list_animals)
        self.create_animal = async_raw_response_wrapper(resource.create_animal)
