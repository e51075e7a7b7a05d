"""Contract tests of `client.animals`: each operation called with arguments the spec
accepts, and each documented error status, asked of the server, raised as its exception."""

from __future__ import annotations

from zoo import Zoo


def test_list_animals(client: Zoo) -> None:
    result = client.animals.list_animals()
    assert isinstance(result, list)


def test_create_animal(client: Zoo) -> None:
    # the client parses the response into the declared type, or raises
    client.animals.create_animal(body={"kind": "Dog", "name": "sample"})
