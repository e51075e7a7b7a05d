"""The Firecrawl preset (examples/firecrawl) as a user copies it: its target generates under
--strict from Firecrawl's spec, and its usage file, every row of its README's table written as a
firecrawl-py user would, type-checks and runs against a local server that plays Firecrawl."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

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
    client = str(preset / "generated" / "firecrawl")
    return {**os.environ, "FIRECRAWL_API_KEY": "fc-test", "FIRECRAWL_BASE_URL": base_url, "PYTHONPATH": client}


def test_the_usage_file_type_checks_with_the_generated_client(preset: Path) -> None:
    checked = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "usage.py"],
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
    assert {"url": "https://example.com/slow", "formats": ["markdown"], "timeout": 30000} in server.bodies
    # a pydantic model class where the API takes a JSON Schema: sent as its schema
    json_formats = [f for body in server.bodies for f in body.get("formats", []) if isinstance(f, dict)]
    assert json_formats[0]["schema"]["title"] == "Product" and set(json_formats[0]["schema"]["properties"]) == {
        "name",
        "price",
    }
    assert next(body for body in server.bodies if "prompt" in body and "urls" in body)["schema"]["title"] == "Product"


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
