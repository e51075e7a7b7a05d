"""Counting operations: in a spec (paths x HTTP methods) and in a generated package."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
PROPERTY_DECORATORS = {"property", "cached_property"}


def resolve_local_ref(document: Any, ref: str) -> Any:
    """The node a local `$ref` ("#/a/b~1c") names, or None when it names nothing here."""
    if not ref.startswith("#"):
        return None
    node = document
    for token in ref[1:].split("/")[1:]:
        token = token.replace("~1", "/").replace("~0", "~")
        if isinstance(node, dict) and token in node:
            node = node[token]
        elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        else:
            return None
    return node


def spec_operations(document: Any) -> list[tuple[str, str]]:
    """Every (METHOD, path) of the spec's `paths`, following a path item's local `$ref`.

    Webhooks are not counted: a client does not call them.
    """
    paths = document.get("paths") if isinstance(document, dict) else None
    if not isinstance(paths, dict):
        return []
    operations: list[tuple[str, str]] = []
    for path, item in paths.items():
        seen: set[int] = set()
        while isinstance(item, dict) and isinstance(item.get("$ref"), str) and id(item) not in seen:
            seen.add(id(item))
            item = resolve_local_ref(document, item["$ref"])
        if not isinstance(item, dict):
            continue
        operations.extend((method.upper(), str(path)) for method in HTTP_METHODS if isinstance(item.get(method), dict))
    return operations


def _is_property(function: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    for decorator in function.decorator_list:
        name = decorator.attr if isinstance(decorator, ast.Attribute) else getattr(decorator, "id", "")
        if name in PROPERTY_DECORATORS:
            return True
    return False


def is_sync_resource_class(node: ast.ClassDef) -> bool:
    """Classes that carry one method per operation: subclasses of `SyncAPIResource`, so not the
    async twins or the raw-response wrappers, whatever their names."""
    return any(isinstance(base, ast.Name) and base.id == "SyncAPIResource" for base in node.bases)


def resource_methods(source: str) -> list[str]:
    """ "Class.method" for each public method (not property) of the sync resource classes in `source`."""
    methods: list[str] = []
    for node in ast.parse(source).body:
        if isinstance(node, ast.ClassDef) and is_sync_resource_class(node):
            methods.extend(
                f"{node.name}.{member.name}"
                for member in node.body
                if isinstance(member, (ast.FunctionDef, ast.AsyncFunctionDef))
                and not member.name.startswith("_")
                and not _is_property(member)
            )
    return methods


def clientgen_operations(package: Path) -> int:
    """Operations in a clientgen package: methods of the sync resource classes in resources/*.py."""
    return sum(
        len(resource_methods(path.read_text(encoding="utf-8"))) for path in sorted((package / "resources").glob("*.py"))
    )


def opc_operations(package: Path) -> int:
    """Operations in an openapi-python-client package: one module per endpoint under api/<tag>/."""
    return sum(1 for path in (package / "api").rglob("*.py") if path.name != "__init__.py")
