"""Fixtures of the generated tests.

They run against the server whose address is in $RENDER_FARM_TEST_BASE_URL, a mock
server of the API's spec in particular (`prism mock SPEC`), and are skipped without it. They
never use $RENDER_FARM_BASE_URL, which may point at the production API.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from render_farm import RenderFarm


@pytest.fixture
def client() -> Iterator[RenderFarm]:
    base_url = os.environ.get("RENDER_FARM_TEST_BASE_URL")
    if not base_url:
        pytest.skip("set $RENDER_FARM_TEST_BASE_URL to the server to test against")
    with RenderFarm(
        api_key="test-api-key",
        base_url=base_url,
        max_retries=0,
    ) as client:
        yield client
