"""Fixtures of the generated tests.

They run against the server whose address is in $REAL_WORLD_TEST_BASE_URL, a mock
server of the API's spec in particular (`prism mock SPEC`), and are skipped without it. They
never use $REAL_WORLD_BASE_URL, which may point at the production API.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from real_world import RealWorld


@pytest.fixture
def client() -> Iterator[RealWorld]:
    base_url = os.environ.get("REAL_WORLD_TEST_BASE_URL")
    if not base_url:
        pytest.skip("set $REAL_WORLD_TEST_BASE_URL to the server to test against")
    with RealWorld(
        base_url=base_url,
        max_retries=0,
    ) as client:
        yield client
