"""Fixtures of the generated tests.

They run against the server whose address is in $VAULT_TEST_BASE_URL, a mock
server of the API's spec in particular (`prism mock SPEC`), and are skipped without it. They
never use $VAULT_BASE_URL, which may point at the production API.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from vault import Vault


@pytest.fixture
def client() -> Iterator[Vault]:
    base_url = os.environ.get("VAULT_TEST_BASE_URL")
    if not base_url:
        pytest.skip("set $VAULT_TEST_BASE_URL to the server to test against")
    with Vault(
        header_key="test-header-key",
        query_key="test-query-key",
        cookie_key="test-cookie-key",
        token="test-token",
        username="test-username",
        password="test-password",
        base_url=base_url,
        max_retries=0,
    ) as client:
        yield client
