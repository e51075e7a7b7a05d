"""Contract tests of `client.renders`: each operation called with arguments the spec
accepts, and each documented error status, asked of the server, raised as its exception."""

from __future__ import annotations

import pytest

from render_farm import APIStatusError, PaymentRequiredError, RenderFarm, ServiceUnavailableError
from render_farm.types import GetRenderResponse, StartRenderResponse


def test_start_render(client: RenderFarm) -> None:
    result = client.renders.start_render(scene="sample")
    assert isinstance(result, StartRenderResponse)


@pytest.mark.parametrize(
    ("status", "error"),
    [(402, PaymentRequiredError)],
)
def test_start_render_errors(client: RenderFarm, status: int, error: type[APIStatusError]) -> None:
    with pytest.raises(error) as raised:
        client.renders.start_render(scene="sample", extra_headers={"Prefer": f"code={status}"})
    assert raised.value.status_code == status


def test_get_render(client: RenderFarm) -> None:
    result = client.renders.get_render(render_id="sample")
    assert isinstance(result, GetRenderResponse)


@pytest.mark.parametrize(
    ("status", "error"),
    [(503, ServiceUnavailableError)],
)
def test_get_render_errors(client: RenderFarm, status: int, error: type[APIStatusError]) -> None:
    with pytest.raises(error) as raised:
        client.renders.get_render(render_id="sample", extra_headers={"Prefer": f"code={status}"})
    assert raised.value.status_code == status
