"""Fixtures of the generated tests. They run against any server of the API, a mock server of
its spec in particular (`prism mock SPEC`), whose address is $FIRECRAWL_BASE_URL;
without it they are skipped."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from firecrawl import Firecrawl


@pytest.fixture
def client() -> Iterator[Firecrawl]:
    base_url = os.environ.get("FIRECRAWL_BASE_URL")
    if not base_url:
        pytest.skip("set $FIRECRAWL_BASE_URL to the server to test against")
    with Firecrawl(
        api_key="test-api-key",
        base_url=base_url,
        max_retries=0,
    ) as client:
        yield client
