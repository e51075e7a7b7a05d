"""Fixtures of the generated tests. They run against any server of the API, a mock server of
its spec in particular (`prism mock SPEC`), whose address is $CHAT_BASE_URL;
without it they are skipped."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from chat import Chat


@pytest.fixture
def client() -> Iterator[Chat]:
    base_url = os.environ.get("CHAT_BASE_URL")
    if not base_url:
        pytest.skip("set $CHAT_BASE_URL to the server to test against")
    with Chat(
        base_url=base_url,
        max_retries=0,
    ) as client:
        yield client
