"""Contract tests of `client.events`: each operation called with arguments the spec
accepts, and each documented error status, asked of the server, raised as its exception."""

from __future__ import annotations

from events import Events
from events.types import ListEventsResponse


def test_list_events(client: Events) -> None:
    result = client.events.list_events()
    assert isinstance(result, ListEventsResponse)
