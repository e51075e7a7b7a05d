"""The generator's code stays in rooms a reader can take in: short functions, modules of one job, and
imports that go one way (a module never imports, however indirectly, one that imports it)."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

from .conftest import ROOT

GENERATOR = ROOT / "generator"
MAX_FUNCTION_LINES = 80
MAX_MODULE_LINES = 650


def modules() -> dict[str, Path]:
    """Every module of the generator by its dotted name (a package by its own name)."""
    found = {}
    for path in sorted(GENERATOR.rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


def imported_modules(name: str, path: Path, known: dict[str, Path]) -> Iterator[str]:
    """The generator's modules that `name` imports anywhere in its code: at the top, inside functions
    and under `TYPE_CHECKING` alike, relative imports resolved."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            candidates = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                origin = ".".join(base + ([node.module] if node.module else []))
            else:
                origin = node.module or ""
            # `from . import x` imports the module `x` when there is one, else a name of the package
            candidates = [f"{origin}.{alias.name}" for alias in node.names] + [origin]
        else:
            continue
        for candidate in candidates:
            while candidate and candidate not in known:
                candidate = candidate.rpartition(".")[0]
            if candidate and candidate != name:
                yield candidate


def import_graph() -> dict[str, set[str]]:
    known = modules()
    return {name: set(imported_modules(name, path, known)) for name, path in known.items()}


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import loop of `graph` as the modules along it, or None."""
    finished: set[str] = set()
    on_path: list[str] = []

    def visit(module: str) -> list[str] | None:
        if module in on_path:
            return [*on_path[on_path.index(module) :], module]
        if module in finished:
            return None
        on_path.append(module)
        for imported in sorted(graph[module]):
            if (cycle := visit(imported)) is not None:
                return cycle
        on_path.pop()
        finished.add(module)
        return None

    for module in sorted(graph):
        if (cycle := visit(module)) is not None:
            return cycle
    return None


def test_no_module_of_the_generator_imports_itself_through_others() -> None:
    cycle = find_cycle(import_graph())
    assert cycle is None, "import loop: " + " -> ".join(cycle or [])


def test_the_import_graph_holds_imports_inside_functions_and_its_loops_are_found() -> None:
    # the check above proves nothing unless it can fail
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None
    graph = import_graph()
    assert "generator.diff" in graph["generator.pipeline"]  # imported inside a function, only on request
    assert "generator.ir.model" in graph["generator.render.views.waiting"]  # `from ...ir.model import`


def test_no_function_of_the_generator_is_over_80_lines() -> None:
    too_long = []
    for path in modules().values():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    too_long.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name}: {length} lines")
    assert not too_long, "\n".join(too_long)


def test_no_module_of_the_generator_is_over_650_lines() -> None:
    too_long = [
        f"{path.relative_to(ROOT)}: {lines} lines"
        for path in modules().values()
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    ]
    assert not too_long, "\n".join(too_long)
