"""The replay bench (bench/replay.py) over three versions of Firecrawl's spec: every step of the
bare target and of the preset succeeds and is checked, and the versions are the ones the
default policy (zero) gives."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import FIRECRAWL_SPECS, ROOT

pytestmark = pytest.mark.slow


def test_the_replay_bench_over_three_firecrawl_versions(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, ROOT / "bench" / "replay.py", FIRECRAWL_SPECS / "history", "--config",
         ROOT / "examples" / "firecrawl", "--json", tmp_path / "replay.json"],
        capture_output=True, text=True, timeout=1800,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    record = json.loads((tmp_path / "replay.json").read_text())
    steps = record["steps"]
    assert [(step["target"], step["failures"]) for step in steps] == [("bare", []), ("firecrawl", [])] * 3
    bare = [step["bump"] for step in steps if step["target"] == "bare"]
    assert bare == ["new 0.1.0", "0.1.0 -> 0.2.0 (major)", "0.2.0 -> 0.3.0 (major)"]
    preset = [step for step in steps if step["target"] == "firecrawl"]
    assert [step["bump"] for step in preset] == bare
    # March's spec lacks what several of the preset's overlay actions fix: named, never stopping
    assert preset[0]["stale"] > 0 and preset[0]["warnings"] >= preset[0]["stale"]
    assert record["totals"]["bare"] == {
        "steps": 3,
        "failed": 0,
        "bumps": {"major": 2, "minor": 0, "patch": 0},
        "last_version": "0.3.0",
        "median_update_seconds": record["totals"]["bare"]["median_update_seconds"],
        "stale_overrides": 0,
    }
    lines = result.stdout.splitlines()
    assert len(lines) == 8 and lines[-2].startswith("bare: {") and lines[-1].startswith("firecrawl: {")
