"""The Firecrawl preset (examples/firecrawl) as a user copies it: its target generates under
--strict from Firecrawl's spec, and its usage file, every row of its README's table written as a
firecrawl-py user would, type-checks and runs against a local server that plays Firecrawl."""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import httpx
import pytest

from .conftest import ROOT
from .fake_firecrawl import POLLS_BEFORE_DONE, FakeFirecrawl
from .http_server import TestServer
from .test_generated_code import documented_members, lint_problems, runtime_members, undeclared_imports

PRESET = ROOT / "examples" / "firecrawl"
SPEC = ROOT.parent / "shared" / "specs" / "firecrawl" / "v2-openapi.json"


@pytest.fixture(scope="module")
def preset(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The preset copied into a fresh folder and brought up to date as its README says: `update`
    takes the spec (from a loopback server here, not from `source`) and generates."""
    folder = tmp_path_factory.mktemp("preset")
    shutil.copytree(PRESET, folder, dirs_exist_ok=True)
    with TestServer() as server:
        server.reply(200, body=SPEC.read_bytes(), headers={"Content-Type": "application/json"})
        updated = subprocess.run(
            [sys.executable, "-m", "generator", "update", "--from", f"{server.url}/v2-openapi.json"],
            cwd=folder, capture_output=True, text=True, timeout=600,
        )  # fmt: skip
    assert updated.returncode == 0, updated.stderr  # strict = true in the preset: no warning either
    assert "warning" not in updated.stderr
    assert (folder / "specs" / "firecrawl-v2.json").read_bytes() == SPEC.read_bytes()
    return folder


def usage_environment(preset: Path, base_url: str) -> dict[str, str]:
    """The key, and the server as a firecrawl-py user names a self-hosted one: no `/v2`."""
    client = str(preset / "generated" / "firecrawl")
    host = base_url.removesuffix("/v2")
    return {**os.environ, "FIRECRAWL_API_KEY": "fc-test", "FIRECRAWL_API_URL": host, "PYTHONPATH": client}


def test_the_usage_file_type_checks_with_the_generated_client(preset: Path) -> None:
    checked = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "usage.py", "webhook_receiver.py"],
        cwd=preset, capture_output=True, text=True, timeout=900,
        env={**os.environ, "MYPYPATH": str(preset / "generated" / "firecrawl")},
    )  # fmt: skip
    assert checked.returncode == 0, checked.stdout


def test_every_row_of_the_table_runs_against_a_server_that_plays_firecrawl(preset: Path) -> None:
    with FakeFirecrawl() as server:
        ran = subprocess.run(
            [sys.executable, "usage.py"], cwd=preset, capture_output=True, text=True, timeout=300,
            env=usage_environment(preset, server.base_url),
        )  # fmt: skip
    assert ran.returncode == 0, ran.stderr
    lines = dict(line.split(": ", 1) for line in ran.stdout.splitlines())
    assert lines["scrape"] == "# https://example.com"
    assert lines["json"] == "name='Widget' price=9.5"  # the json format's output, as the pydantic model
    # one call: polled until done, then every page (two pages, three documents)
    assert lines["crawl"] == "completed ['https://example.com/a', 'https://example.com/b', 'https://example.com/c']"
    assert lines["batch"] == "['# https://example.com/a', '# https://example.com/b', '# https://example.com/c']"
    assert lines["crawl status"] == "scraping 0 of 3"
    assert lines["watch"] == "[('scraping', 0), ('completed', 3)]"  # the second poll, then every page
    assert lines["next page"] == "['https://example.com/c']"
    assert lines["limited"] == "# https://example.com/slow"
    assert lines["map"].count("url='https://example.com/") == 2
    assert lines["search"] == "['https://firecrawl.dev']"
    assert lines["extract"] == lines["agent"] == "completed {'name': 'Widget', 'price': 9.5}"
    assert lines["parse"].startswith("parsed ")
    assert lines["interact"] == lines["stop"] == "True"
    assert lines["out of credits"] == "402"
    assert lines["async"] == "# https://example.com 3"
    requests = server.requests
    assert requests[:2] == [("POST", "/v2/scrape")] * 2  # a 429, then the same call after its Retry-After
    first_crawl = [path for method, path in requests if path.startswith("/v2/crawl/crawl-1")]
    assert first_crawl == ["/v2/crawl/crawl-1"] * (POLLS_BEFORE_DONE + 1) + ["/v2/crawl/crawl-1?skip=2"]
    assert ("DELETE", "/v2/scrape/s1/interact") in requests
    # `timeout=` of a scrape is the API's own (ms), not an HTTP timeout of 30,000 s
    slow = {
        "url": "https://example.com/slow",
        "origin": "python-clientgen",
        "formats": ["markdown"],
        "timeout": 30000,
        "maxAge": 14400000,
    }
    assert slow in server.bodies
    # a pydantic model class where the API takes a JSON Schema: sent as its schema
    json_formats = [f for body in server.bodies for f in body.get("formats", []) if isinstance(f, dict)]
    assert json_formats[0]["schema"]["title"] == "Product" and set(json_formats[0]["schema"]["properties"]) == {
        "name",
        "price",
    }
    assert next(body for body in server.bodies if "prompt" in body and "urls" in body)["schema"]["title"] == "Product"


def test_envelopes_errors_and_retries_are_firecrawl_pys(
    preset: Path, import_client: Callable[[Path, str], ModuleType]
) -> None:
    """A 200 that says `success: false` raises FirecrawlError with the API's message; a cancel
    answers a bool, and False to a 409 (a crawl that has ended), which is not retried; a 401 is
    UnauthorizedError."""
    firecrawl = import_client(preset / "generated" / "firecrawl", "firecrawl")
    with TestServer() as server:
        server.reply(200, {"success": False, "error": "All scraping engines failed"})
        server.reply(200, {"success": True, "status": "cancelled"})
        server.reply(409, {"success": False, "error": "Crawl already completed"})
        server.reply(401, {"success": False, "error": "Invalid token"})
        client = firecrawl.Firecrawl(api_key="fc-test", base_url=f"{server.url}/v2")
        with pytest.raises(firecrawl.FirecrawlError, match="All scraping engines failed") as failed:
            client.scrape("https://example.com")
        assert failed.value.status_code == 200
        assert client.cancel_crawl("c1") is True
        assert client.cancel_crawl("c1") is False
        with pytest.raises(firecrawl.UnauthorizedError) as unauthorized:
            client.get_credit_usage()
        assert isinstance(unauthorized.value, firecrawl.FirecrawlError)
        assert firecrawl.AuthenticationError is firecrawl.UnauthorizedError  # the usual name, kept
        assert [(r.method, r.path) for r in server.requests] == [
            ("POST", "/v2/scrape"),
            ("DELETE", "/v2/crawl/c1"),
            ("DELETE", "/v2/crawl/c1"),  # the 409, once
            ("GET", "/v2/team/credit-usage"),
        ]


def test_the_client_is_made_as_firecrawl_py_makes_it(
    preset: Path, import_client: Callable[[Path, str], ModuleType], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`Firecrawl("fc-...")`; `api_url=` a self-hosted server's host (the API's /v2 added), which
    needs no key: then no Authorization header at all."""
    for name in ("FIRECRAWL_API_KEY", "FIRECRAWL_API_URL", "FIRECRAWL_BASE_URL"):
        monkeypatch.delenv(name, raising=False)
    firecrawl = import_client(preset / "generated" / "firecrawl", "firecrawl")
    usage = {"success": True, "data": {"remainingCredits": 5}}
    with TestServer() as server:
        for _ in range(3):
            server.reply(200, usage)
        firecrawl.Firecrawl("fc-positional", api_url=server.url).get_credit_usage()
        firecrawl.Firecrawl(api_url=server.url + "/").get_credit_usage()
        monkeypatch.setenv("FIRECRAWL_API_URL", server.url)
        firecrawl.Firecrawl().get_credit_usage()
    assert [r.path for r in server.requests] == ["/v2/team/credit-usage"] * 3
    assert [r.headers.get("authorization") for r in server.requests] == ["Bearer fc-positional", None, None]


def test_the_preset_client_reads_as_a_reviewer_expects(
    preset: Path, import_client: Callable[[Path, str], ModuleType]
) -> None:
    """ruff's import, pyflakes and upgrade rules and black pass; every third-party import is
    declared; the clients show no public member but the API's and those the README documents."""
    project = preset / "generated" / "firecrawl"
    assert lint_problems(project) == ""
    assert undeclared_imports(project) == set()
    firecrawl = import_client(project, "firecrawl")
    readme = (project / "README.md").read_text()
    # the first example is the call the preset puts forward, not the spec's first operation
    assert 'client = Firecrawl()\nresult = client.scrape("...")\n' in readme
    # a name on the client is its resource's method, not a copy of its signature and docstring
    client = firecrawl.Firecrawl(api_key="k")
    assert client.scrape == client.scraping.scrape and client.scrape.__doc__ == client.scraping.scrape.__doc__
    assert len((project / "firecrawl" / "_client.py").read_text().splitlines()) < 1000
    documented = documented_members(readme)
    for client in (firecrawl.Firecrawl(api_key="k"), firecrawl.AsyncFirecrawl(api_key="k")):
        assert runtime_members(client) == documented


def signed(event: dict[str, object], secret: bytes) -> tuple[bytes, dict[str, str]]:
    """A delivery as Firecrawl signs it: X-Firecrawl-Signature: sha256=<hex HMAC-SHA256 of the body>."""
    body = json.dumps(event).encode()
    return body, {"X-Firecrawl-Signature": "sha256=" + hmac.new(secret, body, hashlib.sha256).hexdigest()}


def test_the_webhook_receiver_reads_signed_events_typed_and_refuses_forged_ones(preset: Path) -> None:
    env = {**usage_environment(preset, "http://127.0.0.1:9"), "FIRECRAWL_WEBHOOK_SECRET": "whsecret"}
    receiver = subprocess.Popen(
        [sys.executable, "webhook_receiver.py", "0"], cwd=preset, env=env, stdout=subprocess.PIPE, text=True
    )
    try:
        assert receiver.stdout is not None
        port = int(receiver.stdout.readline().split()[-1])
        page = {"markdown": "# a", "metadata": {"sourceURL": "https://example.com/a", "statusCode": 200}}
        deliveries = [
            ({"success": True, "type": "crawl.page", "id": "j1", "webhookId": "w1", "data": [page]}, b"whsecret"),
            ({"success": False, "type": "batch_scrape.failed", "id": "b1", "error": "cancelled"}, b"whsecret"),
            ({"success": True, "type": "agent.action", "id": "a1", "data": [{"action": "search", "creditsUsed": 2}]},
             b"whsecret"),
            ({"success": True, "type": "monitor.page", "id": "m1"}, b"whsecret"),  # not in the overlay
            ({"success": True, "type": "crawl.completed", "id": "j1"}, b"forged"),
        ]  # fmt: skip
        statuses = []
        for event, secret in deliveries:
            body, headers = signed(event, secret)
            statuses.append(httpx.post(f"http://127.0.0.1:{port}/", content=body, headers=headers).status_code)
        assert statuses == [204, 204, 204, 204, 401]
    finally:
        receiver.terminate()
        printed = receiver.communicate(timeout=10)[0].splitlines()
    assert printed == [
        "crawl.page j1 https://example.com/a",  # data read as the preset's Document
        "batch_scrape.failed b1 failed: cancelled",
        "agent.action a1 search:2.0",
        "unknown event {'success': True, 'type': 'monitor.page', 'id': 'm1'}",
    ]


def test_firecrawl_py_arguments_reach_the_wire_as_it_sends_them(
    preset: Path, import_client: Callable[[Path, str], ModuleType], tmp_path: Path
) -> None:
    """overlays/arguments.yaml and the preset's body-defaults: firecrawl-py's names for the ids,
    its positionals, a crawl's scrape options as arguments, `origin` in every JSON body, an
    idempotency key on a batch scrape, a file to parse by its path."""
    firecrawl = import_client(preset / "generated" / "firecrawl", "firecrawl")
    report = tmp_path / "report.pdf"
    report.write_bytes(b"%PDF-1.4 the report")
    with TestServer() as server:
        client = firecrawl.Firecrawl(api_key="fc-test", base_url=server.url + "/v2")
        for _ in range(5):
            server.reply(200, {"success": True, "id": "c1", "url": "https://api/v2/crawl/c1"})
        server.reply(200, {"success": True, "data": {"markdown": "# the report"}})  # the parse
        server.reply(200, {"success": True, "id": "a1"})
        client.start_crawl("https://example.com", formats=["markdown"], only_main_content=True, integration="zap")
        client.get_crawl_status(job_id="c1")
        client.cancel_crawl(crawl_id="c1")
        client.start_batch_scrape(["https://a.example"], idempotency_key="batch-1")
        client.interact("s1", "await page.click('a')")
        client.parse(str(report))
        client.start_agent(["https://a.example"], prompt="Find the price")
        with pytest.raises(ValueError, match="scrape_options= is given with fields"):
            client.crawl("https://example.com", scrape_options={"formats": ["html"]}, formats=["markdown"])
    crawl, status, cancel, batch, interact, parse, agent = server.requests
    assert crawl.json() == {
        "url": "https://example.com",
        # firecrawl-py's cache age goes with any scrape option (x-clientgen-sent-default)
        "scrapeOptions": {"formats": ["markdown"], "onlyMainContent": True, "maxAge": 14400000},
        "origin": "python-clientgen",
        "integration": "zap",
    }
    assert [(r.method, r.path) for r in (status, cancel)] == [("GET", "/v2/crawl/c1"), ("DELETE", "/v2/crawl/c1")]
    assert batch.headers["x-idempotency-key"] == "batch-1" and batch.json()["origin"] == "python-clientgen"
    assert interact.json() == {"code": "await page.click('a')", "origin": "python-clientgen"}
    [file] = [part for part in parse.parts() if part.name == "file"]
    assert (file.filename, file.content) == ("report.pdf", b"%PDF-1.4 the report")
    assert agent.json() == {"urls": ["https://a.example"], "prompt": "Find the price", "origin": "python-clientgen"}
