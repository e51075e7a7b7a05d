"""Contract tests of `client.reports`: each operation called with arguments the spec
accepts, and each documented error status, asked of the server, raised as its exception."""

from __future__ import annotations

from shelter import Shelter


def test_get_report(client: Shelter) -> None:
    result = client.reports.get_report(year=1)
    assert isinstance(result, str)
