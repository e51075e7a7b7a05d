"""Contract tests of `client.pets`: each operation called with arguments the spec
accepts, and each documented error status, asked of the server, raised as its exception."""

from __future__ import annotations

import pytest

from petstore import APIStatusError, NotFoundError, Petstore, UnprocessableEntityError
from petstore.types import Pet


def test_list_pets(client: Petstore) -> None:
    result = client.pets.list_pets()
    assert isinstance(result, list)


def test_create_pet(client: Petstore) -> None:
    result = client.pets.create_pet(name="sample")
    assert isinstance(result, Pet)


@pytest.mark.parametrize(
    ("status", "error"),
    [(422, UnprocessableEntityError)],
)
def test_create_pet_errors(client: Petstore, status: int, error: type[APIStatusError]) -> None:
    with pytest.raises(error) as raised:
        client.pets.create_pet(name="sample", extra_headers={"Prefer": f"code={status}"})
    assert raised.value.status_code == status


def test_get_pet(client: Petstore) -> None:
    result = client.pets.get_pet(pet_id=1)
    assert isinstance(result, Pet)


@pytest.mark.parametrize(
    ("status", "error"),
    [(404, NotFoundError)],
)
def test_get_pet_errors(client: Petstore, status: int, error: type[APIStatusError]) -> None:
    with pytest.raises(error) as raised:
        client.pets.get_pet(pet_id=1, extra_headers={"Prefer": f"code={status}"})
    assert raised.value.status_code == status


def test_delete_pet(client: Petstore) -> None:
    # the client parses the response into the declared type, or raises
    client.pets.delete_pet(pet_id=1)


def test_find_pets_by_tags(client: Petstore) -> None:
    result = client.pets.find_pets_by_tags(tags=["sample"])
    assert isinstance(result, list)
