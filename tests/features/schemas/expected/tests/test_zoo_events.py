"""Contract tests of `client.events`: each operation called with arguments the spec
accepts, and each documented error status, asked of the server, raised as its exception."""

from __future__ import annotations

from zoo import Zoo


def test_list_events(client: Zoo) -> None:
    result = client.events.list_events()
    assert isinstance(result, list)
