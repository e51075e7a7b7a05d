from __future__ import annotations

import functools
from typing import Literal

import httpx

from .._base_client import (
    AsyncAPIResource,
    Call,
    Endpoint,
    SyncAPIResource,
    async_raw_response_wrapper,
    raw_response_wrapper,
)
from .._types import Body, FileTypes, Headers, NOT_GIVEN, NotGiven, Query
from .._wire import Encoding
from ..types.animal import Animal
from ..types.problem import Problem

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
    errors={
        "default": Problem,
    },
    security=[["apiKey"]],
    encodings={
        "query": {
            "colors": Encoding("form"),
            "sizes": Encoding("pipeDelimited"),
            "names": Encoding("spaceDelimited"),
        },
    },
)

_ADMIT_ANIMAL: Endpoint[Animal] = Endpoint(
    method="POST",
    path="/animals",
    response=Animal,
    response_kind="json",
    errors={
        "default": Problem,
    },
    security=[["oauth"]],
    body_encoding="json",
)

_GET_ANIMAL: Endpoint[Animal] = Endpoint(
    method="GET",
    path="/animals/{animalId}",
    response=Animal,
    response_kind="json",
    errors={
        "404": Problem,
    },
    security=[["apiKey"]],
)

_UPDATE_ANIMAL: Endpoint[Animal] = Endpoint(
    method="PUT",
    path="/animals/{animalId}",
    response=Animal,
    response_kind="json",
    security=[["oauth"]],
    body_encoding="json",
)

_UPLOAD_PHOTO: Endpoint[None] = Endpoint(
    method="POST",
    path="/animals/{animalId}/photo",
    response=None,
    response_kind="none",
    security=[["apiKey"]],
    body_encoding="multipart",
)

_DOWNLOAD_PHOTO: Endpoint[bytes] = Endpoint(
    method="GET",
    path="/animals/{animalId}/photo",
    response=bytes,
    response_kind="bytes",
    security=[["apiKey"]],
    accept="image/png",
)


class AnimalsResource(SyncAPIResource):
    """The animals in the shelter."""

    @functools.cached_property
    def with_raw_response(self) -> AnimalsResourceWithRawResponse:
        """The same methods, returning a RawResponse: status, headers and the parsed value."""
        return AnimalsResourceWithRawResponse(self)

    def list_animals(
        self,
        *,
        limit: int | NotGiven = NOT_GIVEN,
        species: list[Literal["cat", "dog"]] | NotGiven = NOT_GIVEN,
        colors: list[str] | NotGiven = NOT_GIVEN,
        sizes: list[int] | NotGiven = NOT_GIVEN,
        names: list[str] | NotGiven = NOT_GIVEN,
        neutered: bool | NotGiven = NOT_GIVEN,
        x_request_id: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> list[Animal]:
        """List the animals.

        Args:
          limit (int): Defaults to 20 on the server.
          species (list[Literal["cat", "dog"]]):
          colors (list[str]):
          sizes (list[int]):
          names (list[str]):
          neutered (bool):
          x_request_id (str):

        Raises:
          APIStatusError: default Something went wrong.
        """
        return self._client.request(
            _LIST_ANIMALS,
            Call(
                query={
                    "limit": limit,
                    "species": species,
                    "colors": colors,
                    "sizes": sizes,
                    "names": names,
                    "neutered": neutered,
                },
                headers={"X-Request-Id": x_request_id},
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    def admit_animal(
        self,
        *,
        name: str,
        kind: str,
        chip: str | None | NotGiven = NOT_GIVEN,
        status: Literal["available", "adopted"] | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> Animal:
        """POST /animals

        Args:
          name (str):
          kind (str): Cat or Dog.
          chip (str | None): The microchip
          status (Literal["available", "adopted"]):

        Raises:
          APIStatusError: default Something went wrong.
        """
        return self._client.request(
            _ADMIT_ANIMAL,
            Call(
                body={"name": name, "kind": kind, "chip": chip, "status": status},
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    def get_animal(
        self,
        *,
        animal_id: int,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> Animal:
        """GET /animals/{animalId}

        Args:
          animal_id (int):

        Raises:
          NotFoundError: 404 Something went wrong.
        """
        return self._client.request(
            _GET_ANIMAL,
            Call(
                path={"animalId": animal_id},
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    def update_animal(
        self,
        *,
        animal_id: int,
        name: str,
        kind: str,
        chip: str | None | NotGiven = NOT_GIVEN,
        status: Literal["available", "adopted"] | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> Animal:
        """PUT /animals/{animalId}

        Args:
          animal_id (int):
          name (str):
          kind (str): Cat or Dog.
          chip (str | None): The microchip
          status (Literal["available", "adopted"]):
        """
        return self._client.request(
            _UPDATE_ANIMAL,
            Call(
                path={"animalId": animal_id},
                body={"name": name, "kind": kind, "chip": chip, "status": status},
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    def upload_photo(
        self,
        *,
        animal_id: int,
        photo: FileTypes,
        caption: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> None:
        """POST /animals/{animalId}/photo

        Args:
          animal_id (int):
          photo (FileTypes): The picture.
          caption (str):
        """
        return self._client.request(
            _UPLOAD_PHOTO,
            Call(
                path={"animalId": animal_id},
                body={"photo": photo, "caption": caption},
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    def download_photo(
        self,
        *,
        animal_id: int,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> bytes:
        """GET /animals/{animalId}/photo

        Args:
          animal_id (int):
        """
        return self._client.request(
            _DOWNLOAD_PHOTO,
            Call(
                path={"animalId": animal_id},
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
        self.admit_animal = raw_response_wrapper(resource.admit_animal)
        self.get_animal = raw_response_wrapper(resource.get_animal)
        self.update_animal = raw_response_wrapper(resource.update_animal)
        self.upload_photo = raw_response_wrapper(resource.upload_photo)
        self.download_photo = raw_response_wrapper(resource.download_photo)


class AsyncAnimalsResource(AsyncAPIResource):
    """The animals in the shelter."""

    @functools.cached_property
    def with_raw_response(self) -> AsyncAnimalsResourceWithRawResponse:
        """The same methods, returning a RawResponse: status, headers and the parsed value."""
        return AsyncAnimalsResourceWithRawResponse(self)

    async def list_animals(
        self,
        *,
        limit: int | NotGiven = NOT_GIVEN,
        species: list[Literal["cat", "dog"]] | NotGiven = NOT_GIVEN,
        colors: list[str] | NotGiven = NOT_GIVEN,
        sizes: list[int] | NotGiven = NOT_GIVEN,
        names: list[str] | NotGiven = NOT_GIVEN,
        neutered: bool | NotGiven = NOT_GIVEN,
        x_request_id: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> list[Animal]:
        """List the animals.

        Args:
          limit (int): Defaults to 20 on the server.
          species (list[Literal["cat", "dog"]]):
          colors (list[str]):
          sizes (list[int]):
          names (list[str]):
          neutered (bool):
          x_request_id (str):

        Raises:
          APIStatusError: default Something went wrong.
        """
        return await self._client.request(
            _LIST_ANIMALS,
            Call(
                query={
                    "limit": limit,
                    "species": species,
                    "colors": colors,
                    "sizes": sizes,
                    "names": names,
                    "neutered": neutered,
                },
                headers={"X-Request-Id": x_request_id},
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    async def admit_animal(
        self,
        *,
        name: str,
        kind: str,
        chip: str | None | NotGiven = NOT_GIVEN,
        status: Literal["available", "adopted"] | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> Animal:
        """POST /animals

        Args:
          name (str):
          kind (str): Cat or Dog.
          chip (str | None): The microchip
          status (Literal["available", "adopted"]):

        Raises:
          APIStatusError: default Something went wrong.
        """
        return await self._client.request(
            _ADMIT_ANIMAL,
            Call(
                body={"name": name, "kind": kind, "chip": chip, "status": status},
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    async def get_animal(
        self,
        *,
        animal_id: int,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> Animal:
        """GET /animals/{animalId}

        Args:
          animal_id (int):

        Raises:
          NotFoundError: 404 Something went wrong.
        """
        return await self._client.request(
            _GET_ANIMAL,
            Call(
                path={"animalId": animal_id},
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    async def update_animal(
        self,
        *,
        animal_id: int,
        name: str,
        kind: str,
        chip: str | None | NotGiven = NOT_GIVEN,
        status: Literal["available", "adopted"] | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> Animal:
        """PUT /animals/{animalId}

        Args:
          animal_id (int):
          name (str):
          kind (str): Cat or Dog.
          chip (str | None): The microchip
          status (Literal["available", "adopted"]):
        """
        return await self._client.request(
            _UPDATE_ANIMAL,
            Call(
                path={"animalId": animal_id},
                body={"name": name, "kind": kind, "chip": chip, "status": status},
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    async def upload_photo(
        self,
        *,
        animal_id: int,
        photo: FileTypes,
        caption: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> None:
        """POST /animals/{animalId}/photo

        Args:
          animal_id (int):
          photo (FileTypes): The picture.
          caption (str):
        """
        return await self._client.request(
            _UPLOAD_PHOTO,
            Call(
                path={"animalId": animal_id},
                body={"photo": photo, "caption": caption},
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    async def download_photo(
        self,
        *,
        animal_id: int,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> bytes:
        """GET /animals/{animalId}/photo

        Args:
          animal_id (int):
        """
        return await self._client.request(
            _DOWNLOAD_PHOTO,
            Call(
                path={"animalId": animal_id},
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
        self.admit_animal = async_raw_response_wrapper(resource.admit_animal)
        self.get_animal = async_raw_response_wrapper(resource.get_animal)
        self.update_animal = async_raw_response_wrapper(resource.update_animal)
        self.upload_photo = async_raw_response_wrapper(resource.upload_photo)
        self.download_photo = async_raw_response_wrapper(resource.download_photo)
