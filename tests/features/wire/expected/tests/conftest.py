"""Fixtures of the generated tests. They run against any server of the API, a mock server of
its spec in particular (`prism mock SPEC`), whose address is $WIRE_BASE_URL;
without it they are skipped."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from wire import Wire


@pytest.fixture
def client() -> Iterator[Wire]:
    base_url = os.environ.get("WIRE_BASE_URL")
    if not base_url:
        pytest.skip("set $WIRE_BASE_URL to the server to test against")
    with Wire(
        base_url=base_url,
        max_retries=0,
    ) as client:
        yield client
