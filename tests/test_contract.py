"""Contract tests: the committed Firecrawl client against Prism, an independent mock server of
its own spec, which refuses any request the spec does not allow."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

import pytest

from .conftest import ROOT
from .prism import prism

pytestmark = pytest.mark.slow

SPEC = ROOT / "specs" / "firecrawl-v2.yaml"
CLIENT = ROOT / "generated" / "firecrawl"
JOB = str(uuid.UUID(int=7))  # jobId is a uuid: Prism checks the format


@pytest.fixture(scope="module", params=[None, 1, 2, 3], ids=["static", "seed-1", "seed-2", "seed-3"])
def base_url(request: pytest.FixtureRequest) -> Iterator[str]:
    with prism(SPEC, seed=request.param) as url:
        yield url


@pytest.fixture
def firecrawl(import_client: Callable[[Path, str], ModuleType]) -> ModuleType:
    return import_client(CLIENT, "firecrawl")


def test_the_operation_succeeds_and_parses(firecrawl: ModuleType, base_url: str) -> None:
    with firecrawl.Firecrawl(api_key="fc-test", base_url=base_url, max_retries=0) as client:
        result = client.scraping.stop_interactive_scrape_browser_session(job_id=JOB)
    assert isinstance(result, firecrawl.types.StopInteractiveScrapeBrowserSessionResponse)


@pytest.mark.parametrize(("status", "error"), [("403", "PermissionDeniedError"), ("404", "NotFoundError")])
def test_documented_errors_raise_typed_exceptions(firecrawl: ModuleType, base_url: str, status: str, error: str) -> None:
    with firecrawl.Firecrawl(api_key="fc-test", base_url=base_url, max_retries=0) as client:
        with pytest.raises(getattr(firecrawl, error)) as raised:
            client.scraping.stop_interactive_scrape_browser_session(job_id=JOB, extra_headers={"Prefer": f"code={status}"})
    assert raised.value.status_code == int(status)
    assert raised.value.parsed is not None  # the body, parsed into the error schema the spec gives


def test_prism_refuses_what_the_spec_does_not_allow(firecrawl: ModuleType, base_url: str) -> None:
    """The judge is strict: a jobId that is not a uuid is refused (422), so the passes above mean something."""
    with firecrawl.Firecrawl(api_key="fc-test", base_url=base_url, max_retries=0) as client:
        with pytest.raises(firecrawl.UnprocessableEntityError):
            client.scraping.stop_interactive_scrape_browser_session(job_id="not-a-uuid")
