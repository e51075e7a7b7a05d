"""Formatting only what changed: the manifest's rendered hashes let a regeneration reuse the
formatted files of the output folder; the result is byte-identical to a fresh generation."""

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
from generator.pipeline import generate_files
from generator.write import MANIFEST, write_project

from .conftest import FULL_SPEC, ROOT


@pytest.fixture
def black_calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files formatted again (not taken from the output folder)."""
    calls: list[str] = []
    original = generator.format._plan

    def counting(
        path: str, source: str, trust_layout: bool
    ) -> tuple[list[tuple[str, str, bool]], list[tuple[str, str]]]:
        calls.append(path)
        return original(path, source, trust_layout)

    monkeypatch.setattr(generator.format, "_plan", counting)
    monkeypatch.setattr(generator.format, "PARALLEL_FROM_LINES", 10**9)  # count in this process
    return calls


def test_regeneration_reuses_unchanged_files(tmp_path: Path, black_calls: list[str]) -> None:
    out = tmp_path / "client"
    fresh = generate_files(FULL_SPEC).files
    write_project(fresh, out)
    black_calls.clear()
    again = generate_files(FULL_SPEC, previous=out).files
    assert black_calls == []
    assert again == fresh


def test_a_small_spec_change_reformats_only_what_it_touches(tmp_path: Path, black_calls: list[str]) -> None:
    out = tmp_path / "client"
    write_project(generate_files(FULL_SPEC).files, out)
    spec = json.loads(FULL_SPEC.read_text())
    spec["paths"]["/team/queue-status"]["get"]["summary"] = "How busy the queue is"
    changed = tmp_path / "spec.json"
    changed.write_text(json.dumps(spec))
    black_calls.clear()
    incremental = generate_files(changed, previous=out).files
    assert black_calls == ["firecrawl/resources/miscellaneous.py"]
    black_calls.clear()
    assert incremental == generate_files(changed).files  # the same bytes as from scratch


def test_edited_files_and_another_formatter_are_not_trusted(tmp_path: Path, black_calls: list[str]) -> None:
    out = tmp_path / "client"
    write_project(generate_files(FULL_SPEC).files, out)
    (out / "firecrawl" / "_client.py").write_text("# edited by hand\n")
    black_calls.clear()
    generate_files(FULL_SPEC, previous=out)
    assert black_calls == ["firecrawl/_client.py"]
    record = json.loads((out / MANIFEST).read_text())
    record["formatter"] = "black 0.0"
    (out / MANIFEST).write_text(json.dumps(record))
    black_calls.clear()
    generate_files(FULL_SPEC, previous=out)
    assert len(black_calls) == len([path for path in record["rendered"]])


def test_parallel_formatting_gives_the_same_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    serial = generate_files(FULL_SPEC).files
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
