from __future__ import annotations

import importlib
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
