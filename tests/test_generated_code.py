"""The generated code as a reviewer reads it: every golden feature client (and, in
test_firecrawl_preset.py, the preset's) passes ruff's import, pyflakes and upgrade rules and black,
shows no public runtime member its README does not document, and declares every third-party
package it imports."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import tomllib
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

from generator.format import LINE_LENGTH

from .conftest import generate_into
from .golden import FEATURES

PROJECTS = sorted(FEATURES.glob("*/expected")) + [FEATURES.parent.parent / "generated" / "firecrawl"]
Importer = Callable[[Path, str], ModuleType]


def package_of(project: Path) -> Path:
    [package] = [path.parent for path in project.glob("*/__init__.py") if path.parent.name != "tests"]
    return package


def lint_problems(project: Path) -> str:
    """What `ruff check --select I,F,UP` and `black --check` say of a generated project, run from
    its folder as its maintainer would (so the package is first-party); "" when both pass."""
    ruff = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--isolated", "--no-cache", "--select", "I,F,UP",
         "--target-version", "py310", "--line-length", str(LINE_LENGTH), "--output-format", "concise", "."],
        cwd=project, capture_output=True, text=True,
    )  # fmt: skip
    black = subprocess.run(
        [sys.executable, "-m", "black", "--check", "--quiet", "--line-length", str(LINE_LENGTH), "."],
        cwd=project, capture_output=True, text=True,
    )  # fmt: skip
    problems = (ruff.stdout if ruff.returncode else "") + (black.stderr if black.returncode else "")
    return problems or ("" if ruff.returncode == black.returncode == 0 else ruff.stderr + black.stderr)


def documented_members(readme: str) -> set[str]:
    """The members the README's "Use" section says a client has besides the API's."""
    paragraph = re.search(r"the public members of a client are\n?(.*?)\.\n", readme, re.S)
    assert paragraph is not None, "the README lists no public members of the client"
    return {name.removesuffix("()") for name in re.findall(r"`([^`]+)`", paragraph.group(1))}


def runtime_members(client: object) -> set[str]:
    """The public members of a client object, less its resources and the API's operations on it
    (methods, and the descriptors that put a resource's method on the client)."""
    own = vars(type(client))
    api = {name for name, value in own.items() if hasattr(value, "__get__")}
    return {name for name in dir(client) if not name.startswith("_")} - api


def undeclared_imports(project: Path) -> set[str]:
    """The third-party modules the package and its tests import whose distribution the generated
    pyproject.toml does not declare (the tests' in the `test` extra)."""
    package = package_of(project)
    project_table = tomllib.loads((project / "pyproject.toml").read_text())["project"]
    declared = set(project_table["dependencies"])
    for extra in project_table.get("optional-dependencies", {}).values():
        declared |= set(extra)
    distributions = {re.split(r"[<>=!~ \[;]", requirement, maxsplit=1)[0].lower() for requirement in declared}
    imported: set[str] = set()
    for path in [*package.rglob("*.py"), *(project / "tests").glob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import):
                imported |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                imported.add(node.module.split(".")[0])
    third_party = imported - set(sys.stdlib_module_names) - {package.name, "__future__"}
    return {module for module in third_party if module.replace("_", "-") not in distributions}


@pytest.mark.parametrize("project", PROJECTS, ids=lambda project: project.parent.name)
def test_a_generated_client_passes_ruffs_import_and_upgrade_rules_and_black(project: Path) -> None:
    assert lint_problems(project) == ""


@pytest.mark.parametrize("project", PROJECTS, ids=lambda project: project.parent.name)
def test_a_generated_client_declares_every_package_it_imports(project: Path) -> None:
    assert undeclared_imports(project) == set()


@pytest.mark.parametrize("project", PROJECTS, ids=lambda project: project.parent.name)
def test_the_public_members_of_a_client_are_the_ones_its_readme_documents(
    project: Path, import_client: Importer
) -> None:
    package = import_client(project, package_of(project).name)
    documented = documented_members((project / "README.md").read_text())
    for name in package._client.__all__:  # the sync and the async client
        client_class = getattr(package, name)
        client = client_class(base_url="http://127.0.0.1:9")
        assert runtime_members(client) == documented, name


def test_an_optional_field_of_any_value_is_not_written_any_or_none(tmp_path: Path) -> None:
    """`Any | None` says nothing `Any` does not (Firecrawl's `json` field of a document)."""
    spec = tmp_path / "spec.yaml"
    spec.write_text(
        "openapi: 3.0.3\ninfo: {title: Drift, version: '1'}\npaths:\n  /things:\n    get:\n"
        "      operationId: getThing\n      responses:\n        '200':\n          description: ok\n"
        "          content:\n            application/json:\n              schema:\n"
        "                type: object\n                properties:\n                  json: {}\n"
        "                  count: {type: integer}\n"
    )
    client = generate_into(spec, tmp_path / "out")
    [module] = (client / "drift" / "types").glob("get_thing.py")
    source = module.read_text()
    assert "json_: Any = Field(" in source and "count: int | None = None" in source
    assert "Any | None" not in source
