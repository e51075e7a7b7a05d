from __future__ import annotations

import hashlib
import importlib
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import settings

from generator.inputs import Inputs
from generator.pipeline import generate_files
from generator.write import write_project

from .http_server import TestServer

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
FIRECRAWL_SPECS = SHARED / "specs" / "firecrawl"
FULL_SPEC = FIRECRAWL_SPECS / "v2-openapi.json"

# The golden clients' own tests need a server: test_contract.py runs them against Prism.
collect_ignore_glob = ["features/*/expected/*"]

# Property tests draw the same examples on every run, so CI meets the examples met here and a
# landing never fails by chance; `--hypothesis-profile explore` draws new ones.
settings.register_profile("fixed", derandomize=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile("fixed")


def pytest_configure(config: pytest.Config) -> None:
    if not FULL_SPEC.is_file():
        raise pytest.UsageError(f"test data missing: {FULL_SPEC} (../shared must sit beside the project)")


@pytest.fixture(scope="session", autouse=True)
def format_cache_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """black's cache (generator/format_cache.py) in a folder of the test run, never the home
    folder's; shared by the tests, as one user's generations share it. Subprocesses inherit it."""
    folder = tmp_path_factory.mktemp("format-cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CLIENTGEN_CACHE_DIR", str(folder))
        yield folder


@pytest.fixture
def server() -> Iterator[TestServer]:
    with TestServer() as running:
        yield running


def write_spec(folder: Path, text: str, name: str = "spec.yaml") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def import_client() -> Iterator[Callable[[Path, str], ModuleType]]:
    """Import a generated package from its project folder; forget it again afterwards."""
    added: list[tuple[str, str]] = []

    def load(project: Path, package: str) -> ModuleType:
        sys.path.insert(0, str(project))
        added.append((str(project), package))
        importlib.invalidate_caches()
        return importlib.import_module(package)

    yield load
    for path, package in added:
        sys.path.remove(path)
        for name in [n for n in sys.modules if n == package or n.startswith(package + ".")]:
            del sys.modules[name]


def generate_into(spec: Path, output: Path, package_name: str | None = None) -> Path:
    write_project(generate_files(spec, Inputs(package_name=package_name)).files, output)
    return output


def forge(client: Path, path: str, planted: str) -> None:
    """Append a line to a generated file and put the file's new hash into the manifest, as a
    pull request can."""
    with (client / path).open("a") as file:
        file.write(planted)
    manifest = client / ".clientgen.json"
    record = json.loads(manifest.read_text())
    record["files"][path] = hashlib.sha256((client / path).read_bytes()).hexdigest()
    manifest.write_text(json.dumps(record, indent=2, sort_keys=True) + "\n")
