"""The full upstream Firecrawl v2 spec: every operation becomes a method, every file compiles,
the package imports, and mypy --strict is clean. Generated into a temporary folder."""

import compileall
import inspect
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

from generator.pipeline import generate_files
from generator.write import write_project

from .conftest import FULL_SPEC

pytestmark = pytest.mark.slow
PACKAGE = "firecrawl_v2"


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    output = tmp_path_factory.mktemp("full") / "client"
    write_project(generate_files(FULL_SPEC, package_name=PACKAGE).files, output)
    return output


def public_methods(cls: type) -> list[str]:
    return [name for name, _ in inspect.getmembers(cls, inspect.isfunction) if not name.startswith("_")]


def test_every_operation_is_a_method_sync_and_async(project: Path, import_client: Callable[[Path, str], ModuleType]) -> None:
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
    assert all(
        inspect.iscoroutinefunction(getattr(type(getattr(async_client, r)), m)) for r, m in async_methods
    )


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


def test_mypy_strict_is_clean(project: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", PACKAGE],
        cwd=project, capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Success: no issues found" in result.stdout
