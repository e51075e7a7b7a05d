"""Contract tests of `client.animals`: each operation called with arguments the spec
accepts, and each documented error status, asked of the server, raised as its exception."""

from __future__ import annotations

import pytest

from shelter import APIStatusError, NotFoundError, Shelter
from shelter.types import Animal


def test_list_animals(client: Shelter) -> None:
    result = client.animals.list_animals()
    assert isinstance(result, list)


def test_admit_animal(client: Shelter) -> None:
    result = client.animals.admit_animal(name="sample", kind="sample")
    assert isinstance(result, Animal)


def test_get_animal(client: Shelter) -> None:
    result = client.animals.get_animal(animal_id=1)
    assert isinstance(result, Animal)


@pytest.mark.parametrize(
    ("status", "error"),
    [(404, NotFoundError)],
)
def test_get_animal_errors(client: Shelter, status: int, error: type[APIStatusError]) -> None:
    with pytest.raises(error) as raised:
        client.animals.get_animal(animal_id=1, extra_headers={"Prefer": f"code={status}"})
    assert raised.value.status_code == status


def test_update_animal(client: Shelter) -> None:
    result = client.animals.update_animal(animal_id=1, name="sample", kind="sample")
    assert isinstance(result, Animal)


def test_upload_photo(client: Shelter) -> None:
    # the client parses the response into the declared type, or raises
    client.animals.upload_photo(animal_id=1, photo=b"sample")


def test_download_photo(client: Shelter) -> None:
    result = client.animals.download_photo(animal_id=1)
    assert isinstance(result, bytes)
