"""The oldest Python the generated clients support, 3.10, checked without a 3.10 interpreter.

Two static checks need no 3.10 interpreter: every generated file parses with 3.10's grammar
(below), and mypy checks every golden client as 3.10 sees the standard library and typing
(`--python-version 3.10` in test_typecheck.py); neither sees a difference in behaviour at run
time between two versions of a module. Where a 3.10 interpreter with httpx and pydantic is at
hand ($CLIENTGEN_PYTHON310, else `python3.10` on the PATH), every module of every golden client
is also imported with it (else that test is skipped, and says why)."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest

from .golden import DEFAULT_OUTPUT, DEFAULT_PACKAGE, FEATURES, feature_names

FLOOR = (3, 10)
CLIENTS = [DEFAULT_OUTPUT] + [FEATURES / name / "expected" for name in feature_names()]


@pytest.mark.parametrize("project", CLIENTS, ids=lambda project: project.parent.name)
def test_generated_code_parses_with_the_floor_grammar(project: Path) -> None:
    for path in sorted(project.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        ast.parse(source, filename=str(path), feature_version=FLOOR)
        compile(source, str(path), "exec", dont_inherit=True)


@pytest.mark.parametrize("project", CLIENTS, ids=lambda project: project.parent.name)
def test_generated_package_declares_the_floor(project: Path) -> None:
    metadata = tomllib.loads((project / "pyproject.toml").read_text(encoding="utf-8"))
    assert metadata["project"]["requires-python"] == ">=3.10"


def test_the_floor_grammar_check_sees_311_syntax() -> None:
    """The check above is not vacuous: 3.11's `except*` fails it."""
    with pytest.raises(SyntaxError):
        ast.parse("try:\n    pass\nexcept* ValueError:\n    pass\n", feature_version=FLOOR)


IMPORT_EVERY_MODULE = """
import importlib, pkgutil, sys
package = importlib.import_module(sys.argv[1])
for module in pkgutil.walk_packages(package.__path__, sys.argv[1] + "."):
    importlib.import_module(module.name)
assert sys.version_info[:2] == (3, 10), sys.version
"""


def floor_interpreter() -> str:
    """A 3.10 interpreter that has the clients' dependencies, or skip."""
    python = os.environ.get("CLIENTGEN_PYTHON310") or shutil.which("python3.10")
    if python is None:
        pytest.skip("no Python 3.10 here ($CLIENTGEN_PYTHON310 or python3.10 on the PATH)")
    probe = subprocess.run([python, "-c", "import httpx, pydantic"], capture_output=True, timeout=60)
    if probe.returncode != 0:
        pytest.skip(f"{python} lacks httpx or pydantic")
    return python


@pytest.mark.parametrize("project", CLIENTS, ids=lambda project: project.parent.name)
def test_every_module_imports_on_the_floor(project: Path) -> None:
    python = floor_interpreter()
    package = (
        DEFAULT_PACKAGE
        if project == DEFAULT_OUTPUT
        else next(path.name for path in project.iterdir() if (path / "__init__.py").is_file() and path.name != "tests")
    )
    result = subprocess.run(
        [python, "-c", IMPORT_EVERY_MODULE, package], cwd=project, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
