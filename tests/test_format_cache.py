"""Formatting only what changed: black's output for each unit is remembered by that unit, in
the user's cache folder (generator/format_cache.py), never taken from an output folder; the
result is byte-identical to formatting from scratch."""

import importlib.metadata
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import generator.format
import generator.format_cache
from generator.format_cache import DATABASE, KEPT_DAYS, cache_folder, recall, remember
from generator.pipeline import generate_files
from generator.write import MANIFEST, write_project

from .conftest import FULL_SPEC, ROOT, forge


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache of this test's own."""
    folder = tmp_path / "format-cache"
    monkeypatch.setenv("CLIENTGEN_CACHE_DIR", str(folder))
    return folder


@pytest.fixture
def black_calls(cache: Path, monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """The (file, unit) black formats (those the cache does not have)."""
    calls: list[tuple[str, str]] = []
    original = generator.format._black_all

    def counting(jobs: list[tuple[str, str]]) -> list[str]:
        calls.extend(jobs)
        return original(jobs)

    monkeypatch.setattr(generator.format, "_black_all", counting)
    return calls


def test_regeneration_formats_nothing_again(tmp_path: Path, black_calls: list[tuple[str, str]]) -> None:
    out = tmp_path / "client"
    fresh = generate_files(FULL_SPEC).files
    assert black_calls, "the spec has units only black lays out"
    write_project(fresh, out)
    black_calls.clear()
    assert generate_files(FULL_SPEC, previous=out).files == fresh
    assert generate_files(FULL_SPEC).files == fresh  # into another folder, or none: the cache is the user's
    assert black_calls == []


def test_a_small_spec_change_reformats_only_the_unit_it_touches(
    tmp_path: Path, black_calls: list[tuple[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "client"
    write_project(generate_files(FULL_SPEC).files, out)
    spec = json.loads(FULL_SPEC.read_text())
    responses = spec["paths"]["/extract"]["post"]["responses"]
    responses["404"] = responses["400"]
    changed = tmp_path / "spec.json"
    changed.write_text(json.dumps(spec))
    black_calls.clear()
    incremental = generate_files(changed, previous=out).files
    [(path, unit)] = black_calls  # of the file's units, only its endpoint constant goes to black
    assert path == "firecrawl/resources/extraction.py" and '"404": ErrorResponse' in unit
    monkeypatch.setenv("CLIENTGEN_CACHE_DIR", str(tmp_path / "empty"))
    assert incremental == generate_files(changed).files  # the same bytes as from scratch


def test_the_output_folder_is_never_read_for_formatted_text(tmp_path: Path, black_calls: list[tuple[str, str]]) -> None:
    """A file edited in the folder, with its new hash put into the manifest (a forged
    manifest): the regeneration writes what the spec gives, not the folder's text."""
    out = tmp_path / "client"
    fresh = generate_files(FULL_SPEC).files
    write_project(fresh, out)
    forged = "firecrawl/types/formats.py"
    forge(out, forged, "print('planted')\n")
    shutil.rmtree(os.environ["CLIENTGEN_CACHE_DIR"])  # nothing remembered: every unit goes to black again
    black_calls.clear()
    again = generate_files(FULL_SPEC, previous=out).files
    assert again == fresh
    assert forged in {path for path, _ in black_calls}


def test_another_black_release_formats_again(
    black_calls: list[tuple[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The key holds black's exact release, not only the major version the manifest records."""
    generate_files(FULL_SPEC)
    black_calls.clear()
    real_version = importlib.metadata.version
    monkeypatch.setattr(
        generator.format_cache.importlib.metadata,
        "version",
        lambda name: "26.99.0" if name == "black" else real_version(name),
    )
    generate_files(FULL_SPEC)
    assert black_calls


@pytest.mark.parametrize(
    "damage", ["a file where the folder goes", "a corrupt database", "a folder where the database goes"]
)
def test_an_unusable_cache_is_no_cache(cache: Path, damage: str, black_calls: list[tuple[str, str]]) -> None:
    fresh = generate_files(FULL_SPEC).files
    shutil.rmtree(cache)
    if damage == "a file where the folder goes":
        cache.write_text("not a folder")
    elif damage == "a corrupt database":
        cache.mkdir()
        (cache / DATABASE).write_bytes(b"\x00garbage" * 1000)
    else:
        (cache / DATABASE).mkdir(parents=True)
    black_calls.clear()
    assert generate_files(FULL_SPEC).files == fresh
    assert black_calls
    black_calls.clear()
    assert generate_files(FULL_SPEC).files == fresh
    assert black_calls  # nothing was remembered, and nothing failed


def test_concurrent_generations_share_the_cache(tmp_path: Path, cache: Path) -> None:
    command = [sys.executable, "-m", "generator", "generate", str(FULL_SPEC), "-q", "--output"]
    runs = [subprocess.Popen([*command, str(tmp_path / f"client{n}")], cwd=ROOT, stderr=subprocess.PIPE, text=True)
            for n in range(3)]  # fmt: skip
    for run in runs:
        _, errors = run.communicate(timeout=600)
        assert run.returncode == 0 and errors == "", errors
    trees = [{p.relative_to(tmp_path / f"client{n}"): p.read_bytes() for p in (tmp_path / f"client{n}").rglob("*")
              if p.is_file()} for n in range(3)]  # fmt: skip
    assert trees[0] == trees[1] == trees[2]
    assert (cache / DATABASE).is_file()


def test_where_the_cache_lives(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("CLIENTGEN_CACHE_DIR", str(tmp_path / "chosen"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_folder() == tmp_path / "chosen"
    monkeypatch.delenv("CLIENTGEN_CACHE_DIR")
    assert cache_folder() == tmp_path / "xdg" / "clientgen"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative")  # to be ignored, says the XDG specification
    assert cache_folder() == tmp_path / "home" / ".cache" / "clientgen"


def test_units_unused_for_a_while_are_dropped(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    day = 20_000
    monkeypatch.setattr(generator.format_cache.time, "time", lambda: day * 86_400.0)
    remember({"old": "a", "used": "b"})
    day += KEPT_DAYS // 2
    assert recall(["used"]) == {"used": "b"}  # used again: kept for another KEPT_DAYS
    day += KEPT_DAYS // 2 + 1
    remember({"new": "c"})
    assert recall(["old", "used", "new"]) == {"used": "b", "new": "c"}


def test_parallel_formatting_gives_the_same_bytes(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    serial = generate_files(FULL_SPEC).files
    shutil.rmtree(cache)
    monkeypatch.setattr(generator.format, "PARALLEL_FROM_LINES", 0)
    assert generate_files(FULL_SPEC).files == serial


@pytest.mark.slow
def test_check_passes_under_every_black_release_the_dependency_allows(tmp_path: Path) -> None:
    """A client generated with the oldest black release of the allowed range is up to date for
    `check` under the installed one (pre-commit, CI runners and laptops each install their own
    release): the manifest records black's major version, which alone decides its stable style."""
    requirement = re.search(r'"black>=([\d.]+),<(\d+)"', (ROOT / "pyproject.toml").read_text())
    assert requirement is not None
    oldest = requirement.group(1) + ".0" * (2 - requirement.group(1).count("."))
    installed = importlib.metadata.version("black")
    assert installed != oldest, "the test needs another black release than the installed one"
    assert installed.split(".")[0] == oldest.split(".")[0] == str(int(requirement.group(2)) - 1)
    site = Path.home() / ".cache" / "clientgen-tests" / f"black-{oldest}"
    if not site.is_dir():
        download = tmp_path / "black"
        subprocess.run(
            [sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--no-deps",
             "--target", str(download), f"black=={oldest}"],
            check=True, timeout=600,
        )  # fmt: skip
        site.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(download, site)
    older = {**os.environ, "PYTHONPATH": str(site)}
    version = subprocess.run([sys.executable, "-c", "import black; print(black.__version__)"], env=older,
                             capture_output=True, text=True, check=True)  # fmt: skip
    assert version.stdout.strip() == oldest
    out = tmp_path / "client"
    command = [sys.executable, "-m", "generator"]
    target = [str(FULL_SPEC), "--output", str(out), "--package-name", "firecrawl", "-q"]
    subprocess.run([*command, "generate", *target], env=older, cwd=ROOT, check=True, timeout=600)
    written = json.loads((out / MANIFEST).read_text())["formatter"]
    assert written == f"black {installed.split('.')[0]} stable style, line length 100"
    checked = subprocess.run([*command, "check", *target], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert checked.returncode == 0, checked.stderr
