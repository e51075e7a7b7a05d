"""mypy: the generator itself, and every committed generated client under --strict."""

import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT
from .golden import FEATURES, feature_names
from .test_reference import examples_module

pytestmark = pytest.mark.slow


def mypy(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--no-incremental", *args], cwd=cwd, capture_output=True, text=True, timeout=600
    )


def test_generator_is_typed() -> None:
    result = mypy()
    assert result.returncode == 0, result.stdout


GOLDEN_CLIENTS = pytest.mark.parametrize(
    ("project", "package"),
    [(ROOT / "generated" / "firecrawl", "firecrawl")]
    + [
        (
            FEATURES / name / "expected",
            next(p.name for p in (FEATURES / name / "expected").iterdir() if p.is_dir() and p.name != "tests"),
        )
        for name in feature_names()
    ],
    ids=lambda value: value if isinstance(value, str) else value.parent.name,
)


@GOLDEN_CLIENTS
def test_generated_clients_pass_mypy_strict(project: Path, package: str, tmp_path: Path) -> None:
    """The package, its contract tests and the example calls of its methods' docstrings."""
    examples = tmp_path / "docstring_examples.py"
    examples.write_text(examples_module(project, package), encoding="utf-8")
    # as seen from the oldest Python the clients support: what 3.11 added is an error
    result = mypy(
        "--strict", "--python-version", "3.10", "--explicit-package-bases", package, "tests", str(examples), cwd=project
    )
    assert result.returncode == 0, result.stdout


@GOLDEN_CLIENTS
def test_generated_clients_pass_ruff(project: Path, package: str) -> None:
    """pyflakes' checks (unused imports and names, undefined names) and pycodestyle's errors,
    with no configuration: the user's ruff sees the same."""
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--isolated", "--no-cache", "--select", "F,E4,E7,E9", package, "tests"],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout


USAGE = """
import asyncio
from firecrawl import AsyncFirecrawl, Firecrawl, NotFoundError
from firecrawl.types import StopInteractiveScrapeBrowserSessionResponse

client = Firecrawl(api_key="k", timeout=5.0)
result: StopInteractiveScrapeBrowserSessionResponse = client.scraping.stop_interactive_scrape_browser_session(
    job_id="550e8400-e29b-41d4-a716-446655440000", timeout=2.0, extra_headers={"X-Trace": "1"}
)
ok: bool | None = result.success
try:
    client.scraping.stop_interactive_scrape_browser_session(job_id="x")
except NotFoundError as error:
    status: int = error.status_code

async def main() -> None:
    async with AsyncFirecrawl() as async_client:
        other = await async_client.scraping.stop_interactive_scrape_browser_session(job_id="x")
        reveal: StopInteractiveScrapeBrowserSessionResponse = other
"""


def test_typed_usage_checks_and_wrong_types_are_errors(tmp_path: Path) -> None:
    project = ROOT / "generated" / "firecrawl"
    good = tmp_path / "good.py"
    good.write_text(USAGE)
    result = mypy("--strict", str(good), cwd=project)
    assert result.returncode == 0, result.stdout
    bad = tmp_path / "bad.py"
    bad.write_text(
        USAGE
        + "client.scraping.stop_interactive_scrape_browser_session(job_id=123)\n"
        + "client.scraping.stop_interactive_scrape_browser_session()\n"
        + "client.scraping.stop_interactive_scrape_browser_session('a', 'b')\n"
        + "wrong: int = client.scraping.stop_interactive_scrape_browser_session(job_id='x')\n"
    )
    result = mypy("--strict", str(bad), cwd=project)
    assert result.returncode == 1
    assert (
        'Argument "job_id" to "stop_interactive_scrape_browser_session" of "ScrapingResource" has '
        'incompatible type "int"' in result.stdout
    )
    assert 'Missing positional argument "job_id"' in result.stdout
    assert "Too many positional arguments" in result.stdout
    assert (
        'Incompatible types in assignment (expression has type "StopInteractiveScrapeBrowserSessionResponse", '
        'variable has type "int")' in result.stdout
    )


def test_tags_given_alone_type_check_where_the_spec_shows_them(tmp_path: Path) -> None:
    """The zoo's `Duties` defaults to ["feeding"]: a tag alone stands for its object, unless
    the variant needs more (`training` needs an enclosure)."""
    project = FEATURES / "schemas" / "expected"
    usage = (
        "from zoo import Zoo\n"
        "keepers = Zoo().keepers\n"
        'keepers.assign_duties(id="x", duties=["feeding", "cleaning", {"task": "training", "enclosure": "B"}])\n'
        'duties = keepers.get_keeper(id="x").duties or []\n'
        "named: list[str] = [duty if isinstance(duty, str) else duty.task for duty in duties]\n"
    )
    good = tmp_path / "good.py"
    good.write_text(usage)
    result = mypy("--strict", str(good), cwd=project)
    assert result.returncode == 0, result.stdout
    bad = tmp_path / "bad.py"
    bad.write_text(usage + 'keepers.assign_duties(id="x", duties=["training"])\n')
    result = mypy("--strict", str(bad), cwd=project)
    assert result.returncode == 1, result.stdout
    assert "bad.py:6: error: List item 0 has incompatible type \"Literal['training']\"" in result.stdout, result.stdout


SURFACE = """
import datetime
from petstore import Petstore
from petstore.types import Organisation, Pet

client = Petstore(api_key="k")
owner = Organisation(kind="organisation", legal_name="Shelter Ltd")
pet = Pet(id=7, name="Rex", weight_kg=3.5, created_at=datetime.datetime(2024, 5, 1), owner=owner)
pets: list[Pet] = client.pets.list_pets(tags=("a", "b"), ids=range(1, 3))
same: Pet = client.pets.get_pet(7, timeout=2.0)
also: Pet = client.pets.get_pet(pet_id=7)
young: list[Pet] = client.pets.list_pets(filter={"color": "red", "min_age": 2})
with client.pets.with_streaming_response.get_pet(7) as streamed:
    status: int = streamed.status_code
    chunks: list[bytes] = list(streamed.iter_bytes())
    parsed: Pet = streamed.parse()
"""


def test_the_surface_type_checks_as_users_write_it(tmp_path: Path) -> None:
    """The petstore client as its README writes it: models and dicts with Python names, any
    sequence for a list, path parameters by position or by name."""
    project = FEATURES / "petstore" / "expected"
    good = tmp_path / "good.py"
    good.write_text(SURFACE)
    result = mypy("--strict", str(good), cwd=project)
    assert result.returncode == 0, result.stdout
    bad = tmp_path / "bad.py"
    bad.write_text(
        SURFACE
        + 'Pet(id=7, name="Rex", weightKg=3.5)\nclient.pets.list_pets(ids=("1", "2"))\nclient.pets.list_pets(5)\n'
        + 'client.pets.list_pets(filter={"minAge": 2})\n'
    )
    result = mypy("--strict", str(bad), cwd=project)
    assert result.returncode == 1
    assert 'Unexpected keyword argument "weightKg" for "Pet"' in result.stdout, result.stdout
    assert 'Argument "ids" to "list_pets" of "PetsResource" has incompatible type "tuple[str, str]"' in result.stdout
    assert 'Too many positional arguments for "list_pets" of "PetsResource"' in result.stdout
    assert 'error: Argument "filter" to "list_pets" of "PetsResource" has incompatible type' in result.stdout
