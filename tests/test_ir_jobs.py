"""The IR of the extensions' options: `x-clientgen-timeout`, the `options` of `x-clientgen-wait`,
`-job` and `-pages`, `collect`, `page`, `watch`, and `until` values the spec's enum does not allow."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.config import load_targets
from generator.errors import GeneratorError
from generator.pipeline import generate_files

from .conftest import ROOT, write_spec
from .test_ir import build

FIRECRAWL_SPEC = ROOT.parent / "shared" / "specs" / "firecrawl" / "v2-openapi.json"

SPEC = """
openapi: 3.0.3
info: {title: Jobs, version: '1'}
paths:
  /jobs:
    post:
      operationId: startJob
      START
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                timeout: {type: integer}
                name: {type: string}
      responses:
        '200':
          description: Started.
          content:
            application/json:
              schema: {type: object, properties: {id: {type: string}}}
  /jobs/{id}:
    get:
      operationId: getJob
      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
      STATUS
      responses:
        '200':
          description: A job.
          content:
            application/json:
              schema:
                type: object
                properties:
                  status: {type: string, enum: [running, done, failed]}
                  items: {type: array, items: {type: string}}
                  next: {type: string}
"""
WAIT = "x-clientgen-wait: {property: status, until: [done, failed]}"
JOB = "x-clientgen-job: {status: getJob, id: id}"


def built(tmp_path: Path, start: str = "", status: str = WAIT):  # type: ignore[no-untyped-def]
    return build(write_spec(tmp_path, SPEC.replace("START", start).replace("STATUS", status)))


def operation(api, name: str):  # type: ignore[no-untyped-def]
    return next(o for o in api.operations if o.name == name)


def test_a_server_time_limit_keeps_the_name_timeout(tmp_path: Path) -> None:
    api, warnings = built(tmp_path, "x-clientgen-timeout: {argument: timeout, unit: ms, margin: 5}")
    start = operation(api, "start_job")
    assert [p.name for p in start.parameters] == ["timeout", "name"]
    assert start.option_names["timeout"] == "request_timeout"
    limit = start.server_timeout
    assert (limit.parameter, limit.location, limit.wire_name) == ("timeout", "body", "timeout")
    assert (limit.seconds_per_unit, limit.margin) == (0.001, 5.0) and not warnings.items


def test_without_the_extension_the_spec_argument_gives_way(tmp_path: Path) -> None:
    api, _ = built(tmp_path)
    start = operation(api, "start_job")
    assert [p.name for p in start.parameters] == ["body_timeout", "name"]
    assert start.option_names["timeout"] == "timeout" and start.server_timeout is None


def test_options_rename_a_jobs_waiting_options(tmp_path: Path) -> None:
    job = "x-clientgen-job: {status: getJob, id: id, options: {max_wait: timeout, max_pages: pages}}"
    api, _ = built(tmp_path, job)
    start = operation(api, "start_job")
    assert start.option_names == {
        "extra_headers": "extra_headers",
        "extra_query": "extra_query",
        "extra_body": "extra_body",
        "timeout": "request_timeout",
        "base_url": "base_url",
        "poll_interval": "poll_interval",
        "max_wait": "timeout",
        "max_pages": "pages",
        "max_results": "max_results",
    }
    # the body field `timeout` is not the server's limit here: it gives way, as before
    assert [p.name for p in start.parameters] == ["body_timeout", "name"]
    assert operation(api, "get_job").option_names["max_wait"] == "max_wait"  # the status's own


def test_collect_page_and_watch_add_options_and_methods(tmp_path: Path) -> None:
    status = WAIT.replace("]}", "], watch: watch_job}") + (
        "\n      x-clientgen-pages: {items: items, next: next, collect: true, page: get_job_page,"
        " options: {max_time: max_wait_time}}"
    )
    api, _ = built(tmp_path, status=status)
    get_job = operation(api, "get_job")
    assert get_job.pages.collect and get_job.pages.page_method == "get_job_page"
    assert get_job.wait.watch == "watch_job"
    assert {"all_pages", "max_time"} <= set(get_job.option_names)
    assert get_job.option_names["max_time"] == "max_wait_time"
    assert get_job.added_methods == ["get_job_until_done", "watch_job", "iter_get_job", "get_job_page"]


def test_a_collecting_operation_without_a_wait_iterates_rather_than_returning_a_page_object(tmp_path: Path) -> None:
    """Its own method returns the whole answer, every page's items in it; `x-clientgen-pages`
    without `name` or `collect` would make it return a page object instead."""
    api, _ = built(tmp_path, status="x-clientgen-pages: {items: items, next: next, collect: true}")
    get_job = operation(api, "get_job")
    assert (get_job.pages.name, get_job.pages.style, get_job.pages.collect) == ("iter_get_job", "next_url", True)
    assert get_job.added_methods == ["iter_get_job"]
    assert {"all_pages", "max_pages", "max_results", "max_time"} <= set(get_job.option_names)


@pytest.mark.parametrize(
    ("start", "status", "where", "message"),
    [
        (
            "x-clientgen-timeout: {argument: nope, unit: ms}",
            WAIT,
            "/paths/~1jobs/post/x-clientgen-timeout/argument",
            "'nope' is no query parameter or body field of this operation (those: name, timeout)",
        ),
        (
            "x-clientgen-timeout: {argument: name, unit: ms}",
            WAIT,
            "/paths/~1jobs/post/x-clientgen-timeout/argument",
            "'name' is not a number",
        ),
        (
            "x-clientgen-timeout: {argument: timeout, unit: hours}",
            WAIT,
            "/paths/~1jobs/post/x-clientgen-timeout/unit",
            "must be one of ms, s, min",
        ),
        (
            "x-clientgen-timeout: {argument: timeout, unit: s, margin: -1}",
            WAIT,
            "/paths/~1jobs/post/x-clientgen-timeout/margin",
            "must be a number of seconds, 0 or more",
        ),
        (
            "x-clientgen-timeout: {argument: timeout, unit: ms}\n      "
            + JOB.replace("}", ", options: {max_wait: timeout}}"),
            WAIT,
            "/paths/~1jobs/post/x-clientgen-timeout/argument",
            "the argument 'timeout' is the name of an option too",
        ),
        (
            JOB.replace("}", ", options: {wait: timeout}}"),
            WAIT,
            "/paths/~1jobs/post/x-clientgen-job/options/wait",
            "'wait' is no option of these methods (those: poll_interval, max_wait, max_pages, max_results)",
        ),
        (
            JOB.replace("}", ", options: {max_wait: maxWait}}"),
            WAIT,
            "/paths/~1jobs/post/x-clientgen-job/options/max_wait",
            "'maxWait' is not a Python name in snake_case",
        ),
        (
            JOB.replace("}", ", options: {max_wait: extra_body}}"),
            WAIT,
            "/paths/~1jobs/post",
            "the options 'extra_body' and 'max_wait' would both be named 'extra_body'",
        ),
        (
            "",
            "x-clientgen-pages: {items: items, next: next, collect: yes please}",
            "/paths/~1jobs~1{id}/get/x-clientgen-pages/collect",
            "must be true or false",
        ),
        (
            "",
            "x-clientgen-pages: {items: items, next: next, options: {max_pages: pages}}",
            "/paths/~1jobs~1{id}/get/x-clientgen-pages/options",
            "names the options of `collect: true`, which is not set",
        ),
        (
            "",
            "x-clientgen-pages: {style: link, items: items, page: get_job_page}",
            "/paths/~1jobs~1{id}/get/x-clientgen-pages/page",
            "a next page comes by link here, not at a URL",
        ),
        (
            "",
            "x-clientgen-pages: {style: link, items: items, collect: true}",
            "/paths/~1jobs~1{id}/get/x-clientgen-pages",
            "an iterating method of its own follows next_url or cursor pages, not link",
        ),
        (
            "",
            WAIT.replace("]}", "], watch: get_job}"),
            "/paths/~1jobs~1{id}/get/x-clientgen-wait/watch",
            "'get_job' is already a member of this resource",
        ),
    ],
)
def test_mistakes_are_one_error_at_their_place(
    tmp_path: Path, start: str, status: str, where: str, message: str
) -> None:
    with pytest.raises(GeneratorError) as caught:
        built(tmp_path, start, status)
    assert caught.value.diagnostic.location.pointer == where
    assert message in caught.value.diagnostic.message


def test_an_end_the_enum_does_not_allow_is_a_warning(tmp_path: Path) -> None:
    """The wait could never end on it: the API sends it (then the enum lacks it) or it is a typo."""
    api, warnings = built(tmp_path, status="x-clientgen-wait: {property: status, until: [done, cancelled]}")
    [warning] = warnings.items
    assert warning.location.pointer == "/paths/~1jobs~1{id}/get/x-clientgen-wait/until/1"
    assert "'cancelled' is not one of the values the spec allows for 'status' ('running', 'done', 'failed')" in (
        warning.message
    )
    assert operation(api, "get_job").wait.until == ("done", "cancelled")  # still waited on


def test_the_firecrawl_preset_ends_every_wait_on_cancelled_without_a_warning() -> None:
    """Firecrawl ends an agent `cancelled` too, which its spec's enum lacks: the preset adds it
    (the preset is strict: a warning would be an error) and names the jobs' options as
    firecrawl-py does."""
    [target] = load_targets(ROOT / "examples" / "firecrawl" / "pyproject.toml")
    api = generate_files(FIRECRAWL_SPEC, target.inputs).api
    waits = {o.operation_id: o.wait.until for o in api.operations if o.wait is not None}
    assert all("cancelled" in until for until in waits.values()) and "getAgentStatus" in waits
    names = {o.operation_id: o.option_names for o in api.operations}
    assert names["crawlUrls"]["max_wait"] == names["extractData"]["max_wait"] == names["startAgent"]["max_wait"]
    assert names["crawlUrls"]["max_wait"] == "timeout" and names["crawlUrls"]["timeout"] == "request_timeout"
    assert names["scrapeAndExtractFromUrls"]["max_wait"] == "wait_timeout"
    limits = {o.operation_id: o.server_timeout for o in api.operations if o.server_timeout is not None}
    assert {key: (limit.parameter, limit.seconds_per_unit) for key, limit in limits.items()} == {
        "scrapeAndExtractFromUrl": ("timeout", 0.001),
        "scrapeAndExtractFromUrls": ("timeout", 0.001),
        "mapUrls": ("timeout", 0.001),
        "searchAndScrape": ("timeout", 0.001),
        "interactWithScrapeBrowserSession": ("timeout", 1.0),
        "executeBrowserCode": ("timeout", 1.0),
    }
