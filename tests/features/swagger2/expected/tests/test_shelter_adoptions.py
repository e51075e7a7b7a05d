"""Contract tests of `client.adoptions`: each operation called with arguments the spec
accepts, and each documented error status, asked of the server, raised as its exception."""

from __future__ import annotations

import pytest

from shelter import APIStatusError, NotFoundError, Shelter
from shelter.types import Adoption


def test_apply_for_adoption(client: Shelter) -> None:
    result = client.adoptions.apply_for_adoption(animal_id=1, adopter="sample")
    assert isinstance(result, Adoption)


def test_get_adoption(client: Shelter) -> None:
    result = client.adoptions.get_adoption(adoption_id=1)
    assert isinstance(result, Adoption)


@pytest.mark.parametrize(
    ("status", "error"),
    [(404, NotFoundError)],
)
def test_get_adoption_errors(client: Shelter, status: int, error: type[APIStatusError]) -> None:
    with pytest.raises(error) as raised:
        client.adoptions.get_adoption(adoption_id=1, extra_headers={"Prefer": f"code={status}"})
    assert raised.value.status_code == status
