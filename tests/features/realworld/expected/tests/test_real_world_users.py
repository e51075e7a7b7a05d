"""Contract tests of `client.users`: each operation called with arguments the spec
accepts, and each documented error status, asked of the server, raised as its exception."""

from __future__ import annotations

from real_world import RealWorld


def test_get_user(client: RealWorld) -> None:
    # the client parses the response into the declared type, or raises
    client.users.get_user(login="sample")


def test_put_avatar(client: RealWorld) -> None:
    # the client parses the response into the declared type, or raises
    client.users.put_avatar(login="sample", body=b"sample")
