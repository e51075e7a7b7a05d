"""OpenAPI Overlay 1.0: a user's own fixes and additions to a spec they do not own, applied to the
loaded document before it is validated.

Each action selects nodes with a JSONPath `target` (RFC 9535, as the Overlay specification says:
`$.paths['/pets'].get`, `$.paths.*.get.parameters[?@.name == 'limit' && @.in == 'query']`,
`$..[?@.deprecated]`, ...), then either removes them (`remove: true`) or merges `update` into
them: into an object, an object is merged key by key at every depth, any other value replacing
the one it meets; onto an array, the update is appended. A target that selects nothing is a
warning, never a silent no-op: the spec changed under the overlay, often because the upstream
fixed what the action works around (`stale-overlays = "error"` in the configuration makes it an
error).
"""

from __future__ import annotations

import copy
import hashlib
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .errors import Diagnostic, stale
from .load import Document, load_data

_VERSION = re.compile(r"^1\.0\.\d+$")
_OVERLAY_KEYS = frozenset({"overlay", "info", "extends", "actions"})
_ACTION_KEYS = frozenset({"target", "description", "update", "remove"})

NodeLocation = tuple[str | int, ...]
"""Keys and indices from the document's root to a node."""


def overlaid_sha256(document: Document, overlays: Sequence[Path]) -> str:
    """The digest that names what a client was built from (the manifest's `spec_sha256`): every
    file of the spec, so call it once the IR has read them all, and the overlays."""
    if not overlays:
        return document.sha256
    digest = hashlib.sha256(document.sha256.encode())
    for overlay in overlays:
        digest.update(overlay.read_bytes())
    return digest.hexdigest()


def apply_overlay(document: dict[str, Any], overlay_path: Path) -> list[Diagnostic]:
    """Apply the actions of one overlay file to `document`, in order; the warnings of those
    whose target selects nothing. Every error and warning names the overlay file and the action
    (`file:line#/actions/2`)."""
    overlay = load_data(overlay_path)
    warnings = []
    for index, action in enumerate(_actions(overlay)):
        pointer = f"/actions/{index}"
        try:
            applied = _apply(document, action)
        except _ActionError as exc:
            raise overlay.error(pointer + exc.where, str(exc)) from None
        if not applied:
            message = (
                f"target {action['target']!r} selects nothing: the upstream may have fixed this; remove the action?"
            )
            warnings.append(Diagnostic(overlay.location(pointer), stale(message)))
    return warnings


def _actions(overlay: Document) -> list[dict[str, Any]]:
    """The actions of a checked overlay document."""
    data: Any = overlay.data
    if not isinstance(data, dict) or "overlay" not in data:
        raise overlay.error("", "not an Overlay document: no 'overlay' field (overlay: 1.0.0)")
    version = data["overlay"]
    if not isinstance(version, str) or not _VERSION.match(version):
        raise overlay.error("/overlay", f"Overlay version {version!r} is not supported (1.0.x)")
    _check_keys(overlay, data, "", _OVERLAY_KEYS)
    info = data.get("info")
    if not isinstance(info, dict) or not all(isinstance(info.get(key), str) for key in ("title", "version")):
        raise overlay.error("/info", "an overlay needs `info` with a `title` and a `version` (strings)")
    actions = data.get("actions")
    if not isinstance(actions, list) or not actions:
        raise overlay.error("/actions" if "actions" in data else "", "an overlay needs a non-empty list of `actions`")
    for index, action in enumerate(actions):
        pointer = f"/actions/{index}"
        if not isinstance(action, dict):
            raise overlay.error(pointer, "an action must be a mapping")
        if "copy" in action:
            raise overlay.error(
                pointer + "/copy", "`copy` is an Overlay 1.1 action; this generator applies Overlay 1.0"
            )
        _check_keys(overlay, action, pointer, _ACTION_KEYS)
        if not isinstance(action.get("target"), str):
            raise overlay.error(pointer, "an action needs a `target`: a JSONPath such as $.paths['/pets'].get")
        if "remove" in action and not isinstance(action["remove"], bool):
            raise overlay.error(pointer + "/remove", f"`remove` must be true or false, not {action['remove']!r}")
        if action.get("remove") is not True and "update" not in action:
            raise overlay.error(pointer, "an action needs `update` or `remove: true`")
    return actions


def _check_keys(overlay: Document, node: dict[str, Any], pointer: str, known: frozenset[str]) -> None:
    for key in node:
        if key not in known and not key.startswith("x-"):
            raise overlay.error(f"{pointer}/{key}", f"unknown field {key!r} (known: {', '.join(sorted(known))}, x-...)")


class _ActionError(Exception):
    def __init__(self, message: str, where: str = "") -> None:
        super().__init__(message)
        self.where = where
        """The pointer, within the action, of what is wrong."""


def _apply(document: dict[str, Any], action: dict[str, Any]) -> bool:
    """Whether the action's target selected anything (to change)."""
    import jsonpath_rfc9535 as jsonpath  # only when there are overlays

    target = action["target"]
    try:
        found = jsonpath.find(target, document)
    except jsonpath.JSONPathError as exc:
        raise _ActionError(f"invalid target {target!r}: {exc}", "/target") from None
    # RFC 9535 may select a node twice (`$..*`, `['a','a']`); each is changed once
    locations: list[NodeLocation] = sorted({tuple(node.location) for node in found}, reverse=True)
    if not locations:
        return False
    if action.get("remove") is True:
        if () in locations:
            raise _ActionError("`remove` cannot remove the whole document", "/target")
        # deepest and last first: removing an item leaves the indices before it valid
        for location in locations:
            parent = _node_at(document, location[:-1])
            del parent[location[-1]]
        return True
    update = action["update"]
    for location in reversed(locations):  # in document order
        node = _node_at(document, location)
        if isinstance(node, list):
            node.append(copy.deepcopy(update))
        elif isinstance(node, dict):
            if not isinstance(update, dict):
                raise _ActionError(
                    f"target selects an object at {_path(location)}; its `update` must be an object too", "/update"
                )
            _merge(node, update)
        else:
            raise _ActionError(
                f"target selects {_kind(node)} at {_path(location)}: select the object that holds it, and update that",
                "/target",
            )
    return True


def _merge(target: dict[str, Any], update: dict[str, Any]) -> None:
    for key, value in update.items():
        if isinstance(value, dict) and isinstance(target.get(key), dict):
            _merge(target[key], value)
        else:
            target[key] = copy.deepcopy(value)


def _node_at(document: Any, location: NodeLocation) -> Any:
    node = document
    for step in location:
        node = node[step]
    return node


def _path(location: NodeLocation) -> str:
    return "$" + "".join(f"[{step}]" if isinstance(step, int) else f"[{step!r}]" for step in location)


def _kind(node: Any) -> str:
    return "null" if node is None else f"a {type(node).__name__} value"
