"""Contract tests of `client.auth`: each operation called with arguments the spec
accepts, and each documented error status, asked of the server, raised as its exception."""

from __future__ import annotations

from uploads import Uploads
from uploads.types import LoginResponse


def test_login(client: Uploads) -> None:
    result = client.auth.login(username="sample", password="sample")
    assert isinstance(result, LoginResponse)
