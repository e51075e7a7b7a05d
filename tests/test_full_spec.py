"""The full upstream Firecrawl v2 spec: every operation becomes a method, every file compiles,
the package imports, and mypy --strict is clean. Generated into a temporary folder."""

import compileall
import importlib
import inspect
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

from generator.inputs import Inputs
from generator.pipeline import generate_files
from generator.write import write_project

from .conftest import FULL_SPEC

pytestmark = pytest.mark.slow
PACKAGE = "firecrawl_v2"


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    output = tmp_path_factory.mktemp("full") / "client"
    write_project(generate_files(FULL_SPEC, Inputs(package_name=PACKAGE)).files, output)
    return output


def public_methods(cls: type) -> list[str]:
    return [name for name, _ in inspect.getmembers(cls, inspect.isfunction) if not name.startswith("_")]


def test_every_operation_is_a_method_sync_and_async(
    project: Path, import_client: Callable[[Path, str], ModuleType]
) -> None:
    package = import_client(project, PACKAGE)
    client = package.FirecrawlV2(api_key="k")
    async_client = package.AsyncFirecrawlV2(api_key="k")
    resources = [name for name, value in vars(type(client)).items() if isinstance(value, property)]
    sync_methods = {(r, m) for r in resources for m in public_methods(type(getattr(client, r)))}
    async_methods = {(r, m) for r in resources for m in public_methods(type(getattr(async_client, r)))}
    assert len(resources) == 16
    assert len(sync_methods) == 51
    assert sync_methods == async_methods
    assert ("scraping", "parse_file") in sync_methods and ("search", "search_and_scrape") in sync_methods
    assert all(inspect.iscoroutinefunction(getattr(type(getattr(async_client, r)), m)) for r, m in async_methods)


def test_every_file_compiles_and_every_module_imports(project: Path) -> None:
    assert compileall.compile_dir(project / PACKAGE, quiet=1)
    script = (
        "import importlib, pkgutil, sys; import firecrawl_v2 as p; "
        "names = [m.name for m in pkgutil.walk_packages(p.__path__, 'firecrawl_v2.')]; "
        "[importlib.import_module(n) for n in names]; print(len(names))"
    )
    result = subprocess.run(
        [sys.executable, "-W", "error", "-c", script], cwd=project, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) > 100


# Firecrawl's docs write `formats` as names, objects, or both; the spec's default shows names
USAGE = f"""
from {PACKAGE} import FirecrawlV2
from {PACKAGE}.types import FormatsJson
scraping = FirecrawlV2(api_key="k").scraping
scraping.scrape_and_extract_from_url(url="https://a.example", formats=["markdown", {{"type": "json", "prompt": "p"}}])
scraping.scrape_and_extract_from_url(
    url="https://a.example", formats=(FormatsJson(type="json"), "links"), parsers=["pdf"]
)
"""


def test_mypy_strict_is_clean_and_formats_type_check_as_the_docs_write_them(project: Path) -> None:
    (project / "usage.py").write_text(USAGE)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--no-incremental",
            "--explicit-package-bases",
            PACKAGE,
            "tests",
            "usage.py",
        ],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Success: no issues found" in result.stdout


def test_argument_docs_give_a_server_default_once(project: Path) -> None:
    search = " ".join((project / PACKAGE / "resources" / "search.py").read_text().split())  # unwrapped
    # the spec's description of `sources` says "Defaults to ['web']." itself
    assert "Defaults to ['web']." in search and 'Defaults to ["web"] on the server' not in search
    assert (
        "limit: Maximum number of results to return (per source type when using multiple sources). Defaults "
        "to 10 on the server." in search
    )


def test_full_client_against_a_server(
    project: Path, import_client: Callable[[Path, str], ModuleType], tmp_path: Path
) -> None:
    """Firecrawl's multipart POST /parse, a scrape with models and dicts, open enums and extras."""
    from .http_server import TestServer
    from .test_client_features import multipart_parts

    package = import_client(project, PACKAGE)
    types = importlib.import_module(f"{PACKAGE}.types")
    document = tmp_path / "report.pdf"
    document.write_bytes(b"%PDF-1.7 binary\x00")
    scraped = {
        "success": True,
        "data": {"markdown": "# Hi", "metadata": {"title": "Hi", "statusCode": 200, "newField": 1}},
        "warning": None,
    }
    with TestServer() as server:
        client = package.FirecrawlV2(api_key="fc-1", base_url=server.url)
        server.reply(200, scraped)
        result = client.scraping.parse_file(file=document, options={"formats": [{"type": "markdown"}]})
        assert result.data.markdown == "# Hi" and result.data.metadata.model_extra == {"newField": 1}
        parts = multipart_parts(server.requests[0])
        assert parts["file"] == ("report.pdf", "application/pdf", b"%PDF-1.7 binary\x00")
        assert parts["options"] == (None, "application/json", b'{"formats":[{"type":"markdown"}]}')

        server.reply(200, scraped)
        client.scraping.scrape_and_extract_from_url(
            url="https://example.com",
            formats=[types.FormatsMarkdown(type="markdown"), types.FormatsJson(type="json", prompt="facts")],
            location={"country": "DE"},
            body_timeout=30000,  # the body's own `timeout`; `timeout=` is the per-call option
            timeout=60.0,
        )
        assert server.requests[1].json() == {
            "url": "https://example.com",
            "formats": [{"type": "markdown"}, {"type": "json", "prompt": "facts"}],
            "location": {"country": "DE"},
            "timeout": 30000,
        }
