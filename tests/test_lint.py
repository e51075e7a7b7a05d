"""The generator's own code, its tests, benchmarks and examples pass ruff's lint (with the import order and
the line length of pyproject.toml) and are laid out as `ruff format` writes them."""

from __future__ import annotations

import subprocess
import sys

from .conftest import ROOT

CHECKED = ["generator", "tests", "bench", "examples"]


def ruff(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ruff", *arguments, "--no-cache", *CHECKED], cwd=ROOT, capture_output=True, text=True
    )


def test_the_code_passes_ruffs_lint() -> None:
    linted = ruff("check", "--output-format", "concise")
    assert linted.returncode == 0, linted.stdout + linted.stderr


def test_the_code_is_laid_out_as_the_formatter_writes_it() -> None:
    formatted = ruff("format", "--check")
    assert formatted.returncode == 0, formatted.stdout + formatted.stderr
