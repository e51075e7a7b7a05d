"""Contract tests of `client.tree`: each operation called with arguments the spec
accepts, and each documented error status, asked of the server, raised as its exception."""

from __future__ import annotations

from zoo import Zoo
from zoo.types import TreeNode


def test_get_tree(client: Zoo) -> None:
    result = client.tree.get_tree()
    assert isinstance(result, TreeNode)


def test_plant_tree(client: Zoo) -> None:
    # the client parses the response into the declared type, or raises
    client.tree.plant_tree(value="sample")
