"""Fixtures of the generated tests.

They run against the server whose address is in $CHAT_TEST_BASE_URL, a mock
server of the API's spec in particular (`prism mock SPEC`), and are skipped without it. They
never use $CHAT_BASE_URL, which may point at the production API.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from chat import Chat


@pytest.fixture
def client() -> Iterator[Chat]:
    base_url = os.environ.get("CHAT_TEST_BASE_URL")
    if not base_url:
        pytest.skip("set $CHAT_TEST_BASE_URL to the server to test against")
    with Chat(
        base_url=base_url,
        max_retries=0,
    ) as client:
        yield client
