"""Contract tests of `client.calls`: each operation called with arguments the spec
accepts, and each documented error status, asked of the server, raised as its exception."""

from __future__ import annotations

from real_world import RealWorld
from real_world.types import Call2


def test_fetch_call(client: RealWorld) -> None:
    result = client.calls.fetch_call(
        account_sid="AC00000000000000000000000000000000", sid="CA00000000000000000000000000000000"
    )
    assert isinstance(result, Call2)
