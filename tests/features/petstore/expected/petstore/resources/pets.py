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
from .._wire import Encoding
from ..types.error import Error
from ..types.list_pets import ListPetsFilter, ListPetsFilterParam, ListPetsSort, ListPetsSortParam
from ..types.pet import Pet
from ..types.pet_status import PetStatus

__all__ = [
    "PetsResource",
    "AsyncPetsResource",
    "PetsResourceWithRawResponse",
    "AsyncPetsResourceWithRawResponse",
]

_LIST_PETS: Endpoint[list[Pet]] = Endpoint(
    method="GET",
    path="/pets",
    response=list[Pet],
    response_kind="json",
    errors={
        "default": Error,
    },
    security=[["apiKey"]],
    encodings={
        "query": {
            "tags": Encoding("form"),
            "filter": Encoding("deepObject"),
            "ids": Encoding("pipeDelimited"),
        },
    },
)

_CREATE_PET: Endpoint[Pet] = Endpoint(
    method="POST",
    path="/pets",
    response=Pet,
    response_kind="json",
    errors={
        "422": Error,
    },
    security=[["apiKey"]],
    body_encoding="json",
    idempotency_header="Idempotency-Key",
)

_GET_PET: Endpoint[Pet] = Endpoint(
    method="GET",
    path="/pets/{petId}",
    response=Pet,
    response_kind="json",
    errors={
        "404": Error,
    },
    security=[["apiKey"]],
)

_DELETE_PET: Endpoint[None] = Endpoint(
    method="DELETE",
    path="/pets/{petId}",
    response=None,
    response_kind="none",
    security=[["apiKey"]],
)

_FIND_PETS_BY_TAGS: Endpoint[list[Pet]] = Endpoint(
    method="GET",
    path="/pets/by-tags/{tags}",
    response=list[Pet],
    response_kind="json",
    security=[["apiKey"]],
)


class PetsResource(SyncAPIResource):
    """Everything about your pets."""

    @functools.cached_property
    def with_raw_response(self) -> PetsResourceWithRawResponse:
        """The same methods, returning a RawResponse: status, headers and the parsed value."""
        return PetsResourceWithRawResponse(self)

    def list_pets(
        self,
        *,
        limit: int | NotGiven = NOT_GIVEN,
        tags: list[str] | NotGiven = NOT_GIVEN,
        status: PetStatus | NotGiven = NOT_GIVEN,
        filter: ListPetsFilter | ListPetsFilterParam | NotGiven = NOT_GIVEN,
        ids: list[int] | NotGiven = NOT_GIVEN,
        sort: ListPetsSort | ListPetsSortParam | NotGiven = NOT_GIVEN,
        x_request_id: str | NotGiven = NOT_GIVEN,
        session: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> list[Pet]:
        """List pets

        Args:
          limit (int): How many pets to return. Defaults to 20 on the server.
          tags (list[str]):
          status (PetStatus):
          filter (ListPetsFilter | ListPetsFilterParam):
          ids (list[int]):
          sort (ListPetsSort | ListPetsSortParam):
          x_request_id (str):
          session (str):

        Raises:
          APIStatusError: default Unexpected error.
        """
        return self._client.request(
            _LIST_PETS,
            Call(
                query={
                    "limit": limit,
                    "tags": tags,
                    "status": status,
                    "filter": filter,
                    "ids": ids,
                    "sort": sort,
                },
                headers={"X-Request-Id": x_request_id},
                cookies={"session": session},
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    def create_pet(
        self,
        *,
        idempotency_key: str | NotGiven = NOT_GIVEN,
        name: str,
        tag: str | None | NotGiven = NOT_GIVEN,
        status: PetStatus | NotGiven = NOT_GIVEN,
        birthday: datetime.date | NotGiven = NOT_GIVEN,
        weight_kg: float | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> Pet:
        """Add a pet

        Adds a pet to the store. The name must be unique.

        Args:
          idempotency_key (str): Makes a retried request safe to repeat.
          name (str): The pet's name.
          tag (str | None):
          status (PetStatus): Where the pet is in the sales process.
          birthday (datetime.date):
          weight_kg (float):

        Raises:
          UnprocessableEntityError: 422 Invalid pet.
        """
        return self._client.request(
            _CREATE_PET,
            Call(
                headers={"Idempotency-Key": idempotency_key},
                body={
                    "name": name,
                    "tag": tag,
                    "status": status,
                    "birthday": birthday,
                    "weightKg": weight_kg,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    def get_pet(
        self,
        *,
        pet_id: int,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> Pet:
        """Find a pet by ID

        Args:
          pet_id (int):

        Raises:
          NotFoundError: 404 No such pet.
        """
        return self._client.request(
            _GET_PET,
            Call(
                path={"petId": pet_id},
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    def delete_pet(
        self,
        *,
        pet_id: int,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> None:
        """DELETE /pets/{petId}

        Deprecated.

        Args:
          pet_id (int):
        """
        return self._client.request(
            _DELETE_PET,
            Call(
                path={"petId": pet_id},
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    def find_pets_by_tags(
        self,
        *,
        tags: list[str],
        x_trace: list[str] | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> list[Pet]:
        """GET /pets/by-tags/{tags}

        Args:
          tags (list[str]):
          x_trace (list[str]):
        """
        return self._client.request(
            _FIND_PETS_BY_TAGS,
            Call(
                path={"tags": tags},
                headers={"X-Trace": x_trace},
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )


class PetsResourceWithRawResponse:
    """The methods of `PetsResource`, each returning a RawResponse."""

    def __init__(self, resource: PetsResource) -> None:
        self.list_pets = raw_response_wrapper(resource.list_pets)
        self.create_pet = raw_response_wrapper(resource.create_pet)
        self.get_pet = raw_response_wrapper(resource.get_pet)
        self.delete_pet = raw_response_wrapper(resource.delete_pet)
        self.find_pets_by_tags = raw_response_wrapper(resource.find_pets_by_tags)


class AsyncPetsResource(AsyncAPIResource):
    """Everything about your pets."""

    @functools.cached_property
    def with_raw_response(self) -> AsyncPetsResourceWithRawResponse:
        """The same methods, returning a RawResponse: status, headers and the parsed value."""
        return AsyncPetsResourceWithRawResponse(self)

    async def list_pets(
        self,
        *,
        limit: int | NotGiven = NOT_GIVEN,
        tags: list[str] | NotGiven = NOT_GIVEN,
        status: PetStatus | NotGiven = NOT_GIVEN,
        filter: ListPetsFilter | ListPetsFilterParam | NotGiven = NOT_GIVEN,
        ids: list[int] | NotGiven = NOT_GIVEN,
        sort: ListPetsSort | ListPetsSortParam | NotGiven = NOT_GIVEN,
        x_request_id: str | NotGiven = NOT_GIVEN,
        session: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> list[Pet]:
        """List pets

        Args:
          limit (int): How many pets to return. Defaults to 20 on the server.
          tags (list[str]):
          status (PetStatus):
          filter (ListPetsFilter | ListPetsFilterParam):
          ids (list[int]):
          sort (ListPetsSort | ListPetsSortParam):
          x_request_id (str):
          session (str):

        Raises:
          APIStatusError: default Unexpected error.
        """
        return await self._client.request(
            _LIST_PETS,
            Call(
                query={
                    "limit": limit,
                    "tags": tags,
                    "status": status,
                    "filter": filter,
                    "ids": ids,
                    "sort": sort,
                },
                headers={"X-Request-Id": x_request_id},
                cookies={"session": session},
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    async def create_pet(
        self,
        *,
        idempotency_key: str | NotGiven = NOT_GIVEN,
        name: str,
        tag: str | None | NotGiven = NOT_GIVEN,
        status: PetStatus | NotGiven = NOT_GIVEN,
        birthday: datetime.date | NotGiven = NOT_GIVEN,
        weight_kg: float | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> Pet:
        """Add a pet

        Adds a pet to the store. The name must be unique.

        Args:
          idempotency_key (str): Makes a retried request safe to repeat.
          name (str): The pet's name.
          tag (str | None):
          status (PetStatus): Where the pet is in the sales process.
          birthday (datetime.date):
          weight_kg (float):

        Raises:
          UnprocessableEntityError: 422 Invalid pet.
        """
        return await self._client.request(
            _CREATE_PET,
            Call(
                headers={"Idempotency-Key": idempotency_key},
                body={
                    "name": name,
                    "tag": tag,
                    "status": status,
                    "birthday": birthday,
                    "weightKg": weight_kg,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    async def get_pet(
        self,
        *,
        pet_id: int,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> Pet:
        """Find a pet by ID

        Args:
          pet_id (int):

        Raises:
          NotFoundError: 404 No such pet.
        """
        return await self._client.request(
            _GET_PET,
            Call(
                path={"petId": pet_id},
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    async def delete_pet(
        self,
        *,
        pet_id: int,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> None:
        """DELETE /pets/{petId}

        Deprecated.

        Args:
          pet_id (int):
        """
        return await self._client.request(
            _DELETE_PET,
            Call(
                path={"petId": pet_id},
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    async def find_pets_by_tags(
        self,
        *,
        tags: list[str],
        x_trace: list[str] | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> list[Pet]:
        """GET /pets/by-tags/{tags}

        Args:
          tags (list[str]):
          x_trace (list[str]):
        """
        return await self._client.request(
            _FIND_PETS_BY_TAGS,
            Call(
                path={"tags": tags},
                headers={"X-Trace": x_trace},
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )


class AsyncPetsResourceWithRawResponse:
    """The methods of `AsyncPetsResource`, each returning a RawResponse."""

    def __init__(self, resource: AsyncPetsResource) -> None:
        self.list_pets = async_raw_response_wrapper(resource.list_pets)
        self.create_pet = async_raw_response_wrapper(resource.create_pet)
        self.get_pet = async_raw_response_wrapper(resource.get_pet)
        self.delete_pet = async_raw_response_wrapper(resource.delete_pet)
        self.find_pets_by_tags = async_raw_response_wrapper(resource.find_pets_by_tags)
