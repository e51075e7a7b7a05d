"""Fixtures of the generated tests.

They run against the server whose address is in $NAMES_THE_HARD_CASES_ESCAPED_TEST_BASE_URL, a mock
server of the API's spec in particular (`prism mock SPEC`), and are skipped without it. They
never use $NAMES_THE_HARD_CASES_ESCAPED_BASE_URL, which may point at the production API.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from names_the_hard_cases_escaped import NamesTheHardCasesEscaped


@pytest.fixture
def client() -> Iterator[NamesTheHardCasesEscaped]:
    base_url = os.environ.get("NAMES_THE_HARD_CASES_ESCAPED_TEST_BASE_URL")
    if not base_url:
        pytest.skip("set $NAMES_THE_HARD_CASES_ESCAPED_TEST_BASE_URL to the server to test against")
    with NamesTheHardCasesEscaped(
        base_url=base_url,
        max_retries=0,
    ) as client:
        yield client
