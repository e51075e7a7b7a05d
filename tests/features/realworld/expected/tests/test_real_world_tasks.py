"""Contract tests of `client.tasks`: each operation called with arguments the spec
accepts, and each documented error status, asked of the server, raised as its exception."""

from __future__ import annotations

from real_world import RealWorld
from real_world.types import Task


def test_get_task(client: RealWorld) -> None:
    result = client.tasks.get_task(task_gid="sample")
    assert isinstance(result, Task)


def test_update_task(client: RealWorld) -> None:
    # the client parses the response into the declared type, or raises
    client.tasks.update_task(task_gid="sample")
