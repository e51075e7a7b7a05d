"""Contract tests of `client.scraping`: each operation called with arguments the spec
accepts, and each documented error status, asked of the server, raised as its exception."""

from __future__ import annotations

import pytest

from firecrawl import APIStatusError, Firecrawl, NotFoundError, PermissionDeniedError
from firecrawl.types import StopInteractiveScrapeBrowserSessionResponse


def test_stop_interactive_scrape_browser_session(client: Firecrawl) -> None:
    result = client.scraping.stop_interactive_scrape_browser_session(
        job_id="00000000-0000-4000-8000-000000000000"
    )
    assert isinstance(result, StopInteractiveScrapeBrowserSessionResponse)


@pytest.mark.parametrize(
    ("status", "error"),
    [(403, PermissionDeniedError), (404, NotFoundError)],
)
def test_stop_interactive_scrape_browser_session_errors(
    client: Firecrawl, status: int, error: type[APIStatusError]
) -> None:
    with pytest.raises(error) as raised:
        client.scraping.stop_interactive_scrape_browser_session(
            job_id="00000000-0000-4000-8000-000000000000",
            extra_headers={"Prefer": f"code={status}"},
        )
    assert raised.value.status_code == status
