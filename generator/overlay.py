"""OpenAPI Overlay 1.0: a user's own fixes and additions to a spec they do not own, applied to the
loaded document before it is validated. Each action selects nodes with a JSONPath `target`, then
merges `update` into them (objects are merged key by key, other values replaced; an update of an
array appends to it) or, with `remove: true`, removes them.

JSONPath, the part overlays use: `$`, `.name`, `['name']`, `[n]`, `*`, `..name` (at any depth)
and filters `[?(@.name == 'value')]` (also `!=`, and `@.name` alone for presence)."""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .errors import GeneratorError

Location = tuple[Any, Any]
"""(container, key or index) of a selected node; the root is (holder, 0)."""


@dataclass(frozen=True)
class _Step:
    kind: str  # "child", "index", "wildcard", "descendant", "filter"
    value: Any = None


_NAME = r"[A-Za-z_$][\w$-]*"
_TOKEN = re.compile(
    rf"""\.\.(?P<descendant>{_NAME}|\*)
    | \.(?P<child>{_NAME}) | \.(?P<dot_wildcard>\*)
    | \[\s*(?P<quoted>'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")\s*\]
    | \[\s*(?P<index>-?\d+)\s*\] | \[\s*(?P<wildcard>\*)\s*\]
    | \[\s*\?\(?\s*@(?P<filter_path>(?:\.{_NAME}|\[\s*(?:'[^']*'|"[^"]*")\s*\])+)\s*
        (?:(?P<op>==|!=)\s*(?P<operand>'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?|true|false|null))?\s*\)?\s*\]""",
    re.VERBOSE,
)


_FILTER_KEY = re.compile(rf"\.({_NAME})|\[\s*('[^']*'|\"[^\"]*\")\s*\]")


def parse_path(text: str) -> list[_Step]:
    """The steps of a JSONPath; ValueError when it is not one we understand."""
    if not text.startswith("$"):
        raise ValueError("a JSONPath starts with $")
    steps, position = [], 1
    while position < len(text):
        match = _TOKEN.match(text, position)
        if match is None:
            raise ValueError(f"cannot read {text[position:]!r}")
        position = match.end()
        if match.group("descendant") is not None:
            steps.append(_Step("descendant", match.group("descendant")))
        elif match.group("child") is not None:
            steps.append(_Step("child", match.group("child")))
        elif match.group("quoted") is not None:
            steps.append(_Step("child", _unquote(match.group("quoted"))))
        elif match.group("index") is not None:
            steps.append(_Step("index", int(match.group("index"))))
        elif match.group("wildcard") is not None or match.group("dot_wildcard") is not None:
            steps.append(_Step("wildcard"))
        else:
            keys = [name or _unquote(quoted) for name, quoted in _FILTER_KEY.findall(match.group("filter_path"))]
            operand = match.group("operand")
            steps.append(_Step("filter", (keys, match.group("op"), yaml.safe_load(operand) if operand else None)))
    return steps


def _unquote(text: str) -> str:
    return str(yaml.safe_load(text))


def select(root: Any, steps: list[_Step]) -> list[Location]:
    """The locations the steps reach from the document's root, in document order."""
    holder = [root]
    locations: list[Location] = [(holder, 0)]
    for step in steps:
        locations = [found for location in locations for found in _apply(step, location)]
    return locations


def _children(node: Any) -> Iterator[Location]:
    if isinstance(node, dict):
        yield from ((node, key) for key in node)
    elif isinstance(node, list):
        yield from ((node, index) for index in range(len(node)))


def _apply(step: _Step, location: Location) -> Iterator[Location]:
    node = location[0][location[1]]
    if step.kind == "child":
        if isinstance(node, dict) and step.value in node:
            yield node, step.value
    elif step.kind == "index":
        if isinstance(node, list) and -len(node) <= step.value < len(node):
            yield node, step.value % len(node)
    elif step.kind == "wildcard":
        yield from _children(node)
    elif step.kind == "descendant":
        stack = [location]
        while stack:
            container, key = stack.pop(0)
            value = container[key]
            for child in _children(value):
                if step.value == "*" or (isinstance(value, dict) and child[1] == step.value):
                    yield child
                stack.append(child)
    elif step.kind == "filter":
        keys, operator, operand = step.value
        for child in _children(node):
            present, value = _lookup(child[0][child[1]], keys)
            if operator is None and present or operator == "==" and present and value == operand:
                yield child
            elif operator == "!=" and (not present or value != operand):
                yield child


def _lookup(node: Any, keys: list[str]) -> tuple[bool, Any]:
    for key in keys:
        if not isinstance(node, dict) or key not in node:
            return False, None
        node = node[key]
    return True, node


def _merge(target: Any, update: Any) -> Any:
    if isinstance(target, dict) and isinstance(update, dict):
        for key, value in update.items():
            target[key] = _merge(target[key], value) if key in target else copy.deepcopy(value)
        return target
    return copy.deepcopy(update)


def apply_overlay(document: dict[str, Any], overlay_path: Path) -> None:
    """Apply the actions of one overlay file to `document`, in order; errors name the overlay
    and the action."""
    try:
        overlay = yaml.safe_load(overlay_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise GeneratorError(overlay_path, f"cannot read the overlay: {exc}") from None
    if not isinstance(overlay, dict) or not str(overlay.get("overlay", "")).startswith("1."):
        raise GeneratorError(overlay_path, "not an Overlay 1.x document (it needs `overlay: 1.0.0`)")
    actions = overlay.get("actions")
    if not isinstance(actions, list) or not actions:
        raise GeneratorError(overlay_path, "an overlay needs a list of actions")
    for index, action in enumerate(actions):
        where = f"{overlay_path}#/actions/{index}"

        def fail(message: str, where: str = where) -> GeneratorError:
            return GeneratorError(where, message)

        if not isinstance(action, dict) or not isinstance(action.get("target"), str):
            raise fail("an action needs a `target` (a JSONPath)")
        remove, update = action.get("remove") is True, action.get("update")
        if not remove and update is None:
            raise fail("an action needs `update` or `remove: true`")
        try:
            locations = select(document, parse_path(action["target"]))
        except ValueError as exc:
            raise fail(f"invalid target {action['target']!r}: {exc}") from None
        if not locations:
            raise fail(f"target {action['target']!r} matches nothing in the spec")
        if remove:
            if any(container[key] is document for container, key in locations):
                raise fail("an action cannot remove the whole document")
            # list items from the last, so that earlier indices still hold
            for container, key in sorted(locations, key=lambda found: found[1] if isinstance(found[1], int) else 0, reverse=True):
                del container[key]
            continue
        for container, key in locations:
            target = container[key]
            if isinstance(target, list):
                target.append(copy.deepcopy(update))
            else:
                container[key] = _merge(target, update)
