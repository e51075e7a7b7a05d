"""Formatting only what changed: the manifest's rendered hashes let a regeneration reuse the
formatted files of the output folder; the result is byte-identical to a fresh generation."""

import json
from pathlib import Path

import pytest

import generator.format
from generator.pipeline import generate_files
from generator.write import MANIFEST, write_project

from .conftest import FULL_SPEC


@pytest.fixture
def black_calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files formatted again (not taken from the output folder)."""
    calls: list[str] = []
    original = generator.format._plan

    def counting(path: str, source: str) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
        calls.append(path)
        return original(path, source)

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
