"""firecrawl-py 4.54.0 against the client the Firecrawl preset generates: the same call sites
(tests/differential/scenario.py) run under both, against one fake Firecrawl server that
firecrawl-py itself runs on; every difference in what they send, return, raise or let mypy
--strict accept is listed, with its reason, in examples/firecrawl/differences.toml.

firecrawl-py's own environment is built on first use from tests/differential/firecrawl-py.txt
(pinned, with hashes) into .venv-firecrawl-py. After a change to the generator or the preset:
`make differences` rewrites the listing and the README's table."""

from __future__ import annotations

from pathlib import Path

import pytest

from .differential import listing, spec_defaults
from .differential.compare import (
    SPEC,
    Run,
    caught_alike,
    differences,
    ignored_field_still_differs,
    preset_overlays,
    run_everything,
)

pytestmark = pytest.mark.slow
REFRESH = "`make differences`"


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Run:
    return run_everything(tmp_path_factory.mktemp("differential"))


def test_the_scenario_is_a_firecrawl_py_program_that_runs_on_the_fake_server(run: Run) -> None:
    assert len(run.observed) >= 40
    firecrawl_py = {site: seen.outcomes["firecrawl-py"] for site, seen in run.observed.items()}
    misuse = {site: outcome for site, outcome in firecrawl_py.items() if outcome.get("kind") in ("usage", "error")}
    assert misuse == {}  # every call site is firecrawl-py as written, and the fake answers it as the API would
    assert firecrawl_py["crawl_documents"]["result"] == [f"https://example.com/{page}" for page in "abc"]
    assert firecrawl_py["cancel_a_finished_crawl"]["result"] is False  # the 409
    assert firecrawl_py["crawl_wait_timeout_keeps_the_job_id"]["result"] == "crawl-slow-job-1"
    assert firecrawl_py["success_false_on_scrape"]["raises"] == "FirecrawlError"
    assert firecrawl_py["unauthorized"]["raises"] == "UnauthorizedError"
    assert firecrawl_py["http_timeout"]["kind"] == "timeout"
    # a crawl waited over several polls, then its second page fetched by the `next` URL
    wire = [
        (request["method"], request["path"], request["query"])
        for request in run.observed["crawl_documents"].requests["firecrawl-py"]
    ]
    assert wire == [("POST", "/v2/crawl", {})] + [("GET", "/v2/crawl/crawl-1", {})] * 3 + [
        ("GET", "/v2/crawl/crawl-1", {"skip": ["2"]})
    ]


def test_every_difference_is_listed_with_its_reason(run: Run) -> None:
    listed = listing.load()
    found = differences(run.observed, run.type_errors, set(listed.ignored_fields))
    appeared = sorted(set(found) - set(listed.reasons))
    gone = sorted(set(listed.reasons) - set(found))
    assert (appeared, gone) == ([], []), (
        f"differences that appeared: {[(*key, found[key]) for key in appeared]}; "
        f"that are gone: {gone}; {REFRESH} rewrites the listing"
    )
    assert "<module>" not in run.type_errors, run.type_errors["<module>"]


def test_every_body_field_left_out_of_the_comparison_still_differs(run: Run) -> None:
    for field in listing.load().ignored_fields:
        assert ignored_field_still_differs(run.observed, field), f"{field} no longer differs: list it no more"


def test_the_readme_table_is_drawn_from_the_results(run: Run) -> None:
    assert listing.readme_is_current(run.observed, listing.load()), f"{REFRESH} rewrites it"


def test_the_environment_of_firecrawl_py_is_pinned_with_hashes() -> None:
    requirements = (Path(__file__).parent / "differential" / "firecrawl-py.txt").read_text().splitlines()
    pins = [line for line in requirements if line and not line.startswith("#")]
    assert "firecrawl==4.54.0" in [pin.split()[0] for pin in pins]
    assert all("==" in pin and "--hash=sha256:" in pin for pin in pins)


def test_a_body_field_that_holds_the_specs_default_is_no_difference() -> None:
    spec = spec_defaults.defaults(SPEC, preset_overlays())
    sent = {"url": "https://example.com", "onlyMainContent": True, "maxAge": 14400000, "fastMode": False}
    # onlyMainContent: true is the spec's default; maxAge's is 2 days; fastMode's false is the
    # preset's overlays' (the spec does not list it)
    expected = {"url": "https://example.com", "maxAge": 14400000}
    assert spec.without_defaults(sent, spec.body_schema("POST", "/v2/scrape")) == expected
    without_overlays = spec_defaults.defaults(SPEC, ())
    assert (
        without_overlays.without_defaults(sent, without_overlays.body_schema("POST", "/v2/scrape"))["fastMode"] is False
    )
    crawl = {"url": "https://example.com", "scrapeOptions": {"onlyMainContent": True, "maxAge": 1}}
    assert spec.without_defaults(crawl, spec.body_schema("POST", "/v2/crawl"))["scrapeOptions"] == {"maxAge": 1}


def test_an_exception_is_the_same_when_firecrawl_pys_name_catches_it() -> None:
    theirs = {"raises": "UnauthorizedError", "kind": "status 401"}
    aliased = {
        "raises": "AuthenticationError",
        "kind": "status 401",
        "catchable_as": ["AuthenticationError", "UnauthorizedError"],
    }
    assert caught_alike(theirs, aliased)
    assert not caught_alike(theirs, {**aliased, "catchable_as": ["AuthenticationError", "APIStatusError"]})
    assert not caught_alike(theirs, {**aliased, "kind": "status 403"})
    assert not caught_alike(theirs, {"result": None})
