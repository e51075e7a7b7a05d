"""Contract tests of `client.logs`: each operation called with arguments the spec
accepts, and each documented error status, asked of the server, raised as its exception."""

from __future__ import annotations

from chat import Chat


def test_tail_logs(client: Chat) -> None:
    for _ in client.logs.tail_logs():
        pass
