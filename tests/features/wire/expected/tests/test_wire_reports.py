"""Contract tests of `client.reports`: each operation called with arguments the spec
accepts, and each documented error status, asked of the server, raised as its exception."""

from __future__ import annotations

from wire import Wire


def test_get_report(client: Wire) -> None:
    # the client parses the response into the declared type, or raises
    client.reports.get_report(id=[1], format="pdf")
