"""Fixtures of the generated tests. They run against any server of the API, a mock server of
its spec in particular (`prism mock SPEC`), whose address is $SHELTER_BASE_URL;
without it they are skipped."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from shelter import Shelter


@pytest.fixture
def client() -> Iterator[Shelter]:
    base_url = os.environ.get("SHELTER_BASE_URL")
    if not base_url:
        pytest.skip("set $SHELTER_BASE_URL to the server to test against")
    with Shelter(
        api_key="test-api-key",
        username="test-username",
        password="test-password",
        oauth="test-oauth",
        base_url=base_url,
        max_retries=0,
    ) as client:
        yield client
