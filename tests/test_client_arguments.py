"""The arguments feature client (tests/features/arguments) against a real HTTP server: path
parameters by their own names, positionals, a nested object's fields as arguments, body fields
sent by default, an idempotency key the client makes, files given by their paths."""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

from .golden import FEATURES
from .http_server import TestServer

Importer = Callable[[Path, str], ModuleType]
JOB = {"id": "j1", "status": "running"}


@pytest.fixture
def arguments(import_client: Importer) -> ModuleType:
    return import_client(FEATURES / "arguments" / "expected", "arguments")


@pytest.fixture
def client(arguments: ModuleType, server: TestServer) -> object:
    return arguments.Arguments(base_url=server.url, max_retries=2)


# --- names and positions -----------------------------------------------------------------------


def test_a_path_parameter_takes_the_name_x_clientgen_name_gives(client: object, server: TestServer) -> None:
    server.reply(200, JOB)
    server.reply(200, JOB)
    server.reply(200, {"output": "ok"})
    client.jobs.get_job(job_id="j1")  # type: ignore[attr-defined]
    client.jobs.get_job("j2")  # type: ignore[attr-defined]
    client.jobs.run_code("j3", "print(1)")  # type: ignore[attr-defined]  # code is positional too
    assert [(r.method, r.path) for r in server.requests] == [
        ("GET", "/jobs/j1"),
        ("GET", "/jobs/j2"),
        ("POST", "/jobs/j3/run"),
    ]
    assert server.requests[2].json()["code"] == "print(1)"
    with pytest.raises(TypeError):
        client.jobs.get_job(id="j1")  # type: ignore[attr-defined]


def test_an_optional_positional_may_be_left_out(client: object, server: TestServer) -> None:
    server.reply(200, JOB)
    server.reply(200, JOB)
    client.jobs.start_job("https://example.com", 5)  # type: ignore[attr-defined]
    client.jobs.start_job("https://example.com")  # type: ignore[attr-defined]
    first, second = (request.json() for request in server.requests)
    assert first["limit"] == 5 and "limit" not in second


# --- flattened options ---------------------------------------------------------------------------


def test_a_flattened_propertys_fields_fill_its_object(client: object, server: TestServer) -> None:
    server.reply(200, JOB)
    client.jobs.start_job(  # type: ignore[attr-defined]
        "https://example.com", limit=3, formats=["markdown"], only_main_content=True, location={"country_code": "DE"}
    )
    body = server.requests[0].json()
    assert body["pageOptions"] == {
        "formats": ["markdown"],
        "onlyMainContent": True,
        "location": {"countryCode": "DE"},
        "maxAge": 14400000,  # x-clientgen-sent-default
    }
    assert body["url"] == "https://example.com" and body["limit"] == 3


def test_the_whole_object_or_its_fields_never_both(client: object, server: TestServer) -> None:
    server.reply(200, JOB)
    client.jobs.start_job("https://example.com", page_options={"only_main_content": False})  # type: ignore[attr-defined]
    assert server.requests[0].json()["pageOptions"] == {"onlyMainContent": False, "maxAge": 14400000}
    server.reply(200, JOB)
    client.jobs.start_job("https://example.com")  # type: ignore[attr-defined]
    assert "pageOptions" not in server.requests[1].json()
    with pytest.raises(ValueError, match=r"page_options= .*formats"):
        client.jobs.start_job(  # type: ignore[attr-defined]
            "https://example.com", page_options={"mobile": True}, formats=["html"]
        )
    assert len(server.requests) == 2  # nothing sent
    # the field `except` leaves out is no argument: `timeout` stays the body's own
    parameters = inspect.signature(client.jobs.start_job).parameters  # type: ignore[attr-defined]
    assert "page_options_timeout" not in parameters and "body_timeout" in parameters


# --- body defaults ------------------------------------------------------------------------------


def test_a_configured_body_field_is_sent_unless_the_call_gives_one(client: object, server: TestServer) -> None:
    server.reply(200, JOB)
    server.reply(200, JOB)
    server.reply(200, {"output": ""})
    client.jobs.start_job("https://example.com")  # type: ignore[attr-defined]
    client.jobs.start_job("https://example.com", origin="my-app", integration="zapier")  # type: ignore[attr-defined]
    client.jobs.run_code("j1", "1")  # type: ignore[attr-defined]
    first, second, third = (request.json() for request in server.requests)
    assert first["origin"] == third["origin"] == "arguments-sdk/1.0"
    assert (second["origin"], second["integration"]) == ("my-app", "zapier")
    assert "integration" not in first


# --- sent defaults (x-clientgen-sent-default) ---------------------------------------------------


def test_a_sent_default_goes_with_the_options_of_its_object(client: object, server: TestServer) -> None:
    """`maxAge` (PageOptions') is sent whenever another of PageOptions' fields is, never alone."""
    for _ in range(4):
        server.reply(200, JOB)
    client.jobs.scrape_page("https://example.com")  # type: ignore[attr-defined]
    client.jobs.scrape_page("https://example.com", formats=["markdown"])  # type: ignore[attr-defined]
    client.jobs.scrape_page("https://example.com", timeout=500, max_age=0)  # type: ignore[attr-defined]
    client.jobs.scrape_page("https://example.com", formats=["html"], extra_body={"maxAge": 1})  # type: ignore[attr-defined]
    bodies = [request.json() for request in server.requests]
    assert bodies[0] == {"url": "https://example.com", "origin": "arguments-sdk/1.0"}
    assert bodies[1] == {**bodies[0], "formats": ["markdown"], "maxAge": 14400000}
    assert bodies[2]["maxAge"] == 0 and bodies[3]["maxAge"] == 1


def test_a_sent_default_fills_its_object_wherever_the_call_sends_it(arguments: ModuleType, server: TestServer) -> None:
    server.reply(200, JOB)
    server.reply(200, JOB)

    async def calls() -> None:
        async with arguments.AsyncArguments(base_url=server.url) as client:
            await client.jobs.start_job("https://example.com")
            await client.jobs.start_job("https://example.com", page_options={"max_age": 5})

    asyncio.run(calls())
    first, second = (request.json() for request in server.requests)
    assert "pageOptions" not in first and second["pageOptions"] == {"maxAge": 5}


def test_a_sent_default_is_documented_on_its_argument(client: object) -> None:
    documented = " ".join((inspect.getdoc(client.jobs.scrape_page) or "").split())  # type: ignore[attr-defined]
    assert "Unless given, `14400000` is sent whenever the call gives another of the options" in documented


# --- idempotency keys ---------------------------------------------------------------------------


def test_one_key_per_call_the_same_on_its_retries(client: object, server: TestServer) -> None:
    server.reply(503, headers={"Retry-After": "0"})
    server.reply(503, headers={"Retry-After": "0"})
    server.reply(200, JOB)
    server.reply(200, JOB)
    client.jobs.start_job("https://example.com")  # type: ignore[attr-defined]
    client.jobs.cancel_job("j1")  # type: ignore[attr-defined]
    keys = [request.headers.get("x-idempotency-key") for request in server.requests]
    assert len(keys) == 4 and all(keys)
    assert keys[0] == keys[1] == keys[2] != keys[3]


def test_a_key_given_is_sent_and_a_get_has_none(client: object, server: TestServer) -> None:
    server.reply(200, JOB)
    server.reply(200, JOB)
    client.jobs.start_job("https://example.com", idempotency_key="mine")  # type: ignore[attr-defined]
    client.jobs.get_job("j1")  # type: ignore[attr-defined]
    assert server.requests[0].headers["x-idempotency-key"] == "mine"
    assert "x-idempotency-key" not in server.requests[1].headers
    with pytest.raises(TypeError):
        client.jobs.get_job("j1", idempotency_key="mine")  # type: ignore[attr-defined]


def test_async_calls_keep_their_key_on_retries(arguments: ModuleType, server: TestServer) -> None:
    server.reply(503, headers={"Retry-After": "0"})
    server.reply(200, JOB)

    async def main() -> None:
        async with arguments.AsyncArguments(base_url=server.url) as client:
            await client.jobs.cancel_job("j1")

    asyncio.run(main())
    first, second = (request.headers["x-idempotency-key"] for request in server.requests)
    assert first == second


# --- files by their paths -----------------------------------------------------------------------


def test_a_str_path_sends_the_files_bytes(client: object, server: TestServer, tmp_path: Path) -> None:
    report = tmp_path / "report.pdf"
    report.write_bytes(b"%PDF-1.4 the report")
    server.reply(200, {"name": "report.pdf", "size": 19})
    server.reply(204)
    notes = tmp_path / "notes.txt"
    notes.write_bytes(b"notes")
    client.files.upload(str(report), purpose="parse", attachments=[str(notes), report])  # type: ignore[attr-defined]
    client.files.upload_raw(body=str(report))  # type: ignore[attr-defined]
    parts = [(part.name, part.filename, part.content) for part in server.requests[0].parts()]
    assert parts == [
        ("file", "report.pdf", b"%PDF-1.4 the report"),
        ("purpose", None, b"parse"),
        ("attachments", "notes.txt", b"notes"),
        ("attachments", "report.pdf", b"%PDF-1.4 the report"),
    ]
    assert server.requests[1].body == b"%PDF-1.4 the report"


def test_a_str_that_is_no_file_is_an_error_naming_the_argument(
    client: object, server: TestServer, tmp_path: Path
) -> None:
    with pytest.raises(ValueError, match=r"^file='/no/such/report.pdf' is no path of a file"):
        client.files.upload("/no/such/report.pdf")  # type: ignore[attr-defined]
    with pytest.raises(ValueError, match=r"^body="):
        client.files.upload_raw(body=str(tmp_path))  # type: ignore[attr-defined]  # a folder
    with pytest.raises(ValueError, match=r"^attachments\[1\]='nope.txt' is no path of a file"):
        client.files.upload(b"%PDF", attachments=[b"a", "nope.txt"])  # type: ignore[attr-defined]
    assert server.requests == []


def test_a_sent_default_fills_each_object_at_its_path(arguments: ModuleType) -> None:
    """Array items and deeper objects: each object there gets what it lacks, nothing else moves."""
    defaults = arguments._wire.OptionDefaults({"maxAge": 1}, within=["targets", "*", "options"])
    body = {"targets": [{"options": {"formats": []}}, {"url": "u"}, {"options": {"maxAge": 5}}], "x": 1}
    assert defaults.filled(body) == {
        "targets": [{"options": {"formats": [], "maxAge": 1}}, {"url": "u"}, {"options": {"maxAge": 5}}],
        "x": 1,
    }
    assert defaults.filled({"x": 1}) == {"x": 1} and defaults.filled(None) is None
