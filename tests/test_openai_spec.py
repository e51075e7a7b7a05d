"""OpenAI's published spec (../shared/specs/openai, 3 MB, OpenAPI 3.1) as a user generates it:
with its contract tests, and the package and the tests pass mypy --strict together."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from .conftest import ROOT

OPENAI_SPEC = ROOT.parent / "shared" / "specs" / "openai" / "openapi.yaml"


def test_openais_spec_generates_with_its_tests_and_type_checks(tmp_path: Path) -> None:
    output = tmp_path / "openai"
    generated = subprocess.run(
        [sys.executable, "-m", "generator", "generate", str(OPENAI_SPEC), "--output", str(output), "-q"],
        capture_output=True, text=True, cwd=ROOT, timeout=600,
    )  # fmt: skip
    assert generated.returncode == 0, generated.stderr
    assert len(list((output / "tests").glob("test_*.py"))) > 30
    checked = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "open_ai", "tests"],
        capture_output=True, text=True, cwd=output, timeout=1200,
    )  # fmt: skip
    assert checked.returncode == 0, checked.stdout[-3000:]
