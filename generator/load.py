"""Stage 1: read a spec file (YAML or JSON) into plain Python data, and resolve local `$ref`s."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .errors import GeneratorError, Location

MAX_SPEC_BYTES = 64 * 1024 * 1024
MAX_NESTING = 256


class _SpecLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """YAML's safe loader, minus implicit timestamps: `version: 2024-01-01` stays a string."""


_SpecLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass(frozen=True)
class Document:
    """A parsed spec: its file, its data and a digest of its bytes."""

    path: Path
    data: dict[str, Any]
    sha256: str

    def location(self, pointer: str | None = None) -> Location:
        return Location(self.path, pointer)

    def error(self, pointer: str | None, message: str) -> GeneratorError:
        return GeneratorError(self.location(pointer), message)

    def resolve(self, node: Any, pointer: str) -> tuple[Any, str]:
        """Follow `$ref`s from `node` (found at `pointer`) to a node that is not a reference.

        Returns the target and its own pointer, so names and messages can say where it is.
        """
        seen: set[str] = set()
        while isinstance(node, dict) and "$ref" in node:
            ref = node["$ref"]
            if not isinstance(ref, str):
                raise self.error(pointer + "/$ref", "$ref must be a string")
            if not ref.startswith("#"):
                raise self.error(
                    pointer + "/$ref",
                    f"$ref {ref!r} points outside this file; only local references (#/...) are supported",
                )
            target_pointer = ref[1:]
            if target_pointer in seen:
                raise self.error(pointer + "/$ref", f"$ref {ref!r} is part of a reference cycle")
            seen.add(target_pointer)
            node = self.lookup(target_pointer, referrer=pointer + "/$ref")
            pointer = target_pointer
        return node, pointer

    def lookup(self, pointer: str, *, referrer: str) -> Any:
        """The node at a JSON pointer; an error at `referrer` if there is none."""
        if pointer and not pointer.startswith("/"):
            raise self.error(referrer, f"$ref '#{pointer}' is not a valid JSON pointer")
        node: Any = self.data
        for raw in pointer.split("/")[1:]:
            token = raw.replace("~1", "/").replace("~0", "~")
            if isinstance(node, dict) and token in node:
                node = node[token]
            elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
                node = node[int(token)]
            else:
                raise self.error(referrer, f"$ref '#{pointer}' points to nothing")
        return node


def load_document(path: Path) -> Document:
    """Read and parse a spec file. Every failure is a GeneratorError naming the file."""
    try:
        size = path.stat().st_size
        if size > MAX_SPEC_BYTES:
            raise GeneratorError(path, f"file is {size} bytes; the limit is {MAX_SPEC_BYTES}")
        raw = path.read_bytes()
    except FileNotFoundError:
        raise GeneratorError(path, "no such file") from None
    except IsADirectoryError:
        raise GeneratorError(path, "is a folder, not a spec file") from None
    except OSError as exc:
        raise GeneratorError(path, f"cannot read: {exc.strerror or exc}") from None
    data = parse_spec_text(path, raw)
    return Document(path=path, data=data, sha256=hashlib.sha256(raw).hexdigest())


def parse_spec_text(path: Path, raw: bytes) -> dict[str, Any]:
    """Parse the bytes of a spec into a dict; checks that it is an OpenAPI 3.x document."""
    if not raw.strip():
        raise GeneratorError(path, "file is empty")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise GeneratorError(path, f"not UTF-8 text (byte {exc.start} is invalid)") from None
    if "\x00" in text:
        raise GeneratorError(path, "not a text file (contains NUL bytes)")
    if path.suffix.lower() == ".json" or text.lstrip().startswith(("{", "[")):
        data = _parse_json(path, text)
    else:
        data = _parse_yaml(path, text)
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else f"a {type(data).__name__}"
        raise GeneratorError(path, f"not an OpenAPI document: the top level is {kind}, not a mapping")
    if "openapi" not in data:
        if "swagger" in data:
            raise GeneratorError(
                Location(path, "/swagger"),
                f"Swagger {data['swagger']} is not supported; convert the spec to OpenAPI 3",
            )
        raise GeneratorError(Location(path, ""), "not an OpenAPI document: no 'openapi' field")
    return data


def _parse_json(path: Path, text: str) -> Any:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise GeneratorError(
            Location(path, line=exc.lineno, column=exc.colno), f"JSON syntax error: {exc.msg}"
        ) from None
    except RecursionError:
        raise GeneratorError(path, f"nested deeper than {MAX_NESTING} levels") from None
    _normalise(path, data)
    return data


def _parse_yaml(path: Path, text: str) -> Any:
    try:
        documents = list(yaml.load_all(text, Loader=_SpecLoader))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "invalid YAML"
        location = Location(path, line=mark.line + 1, column=mark.column + 1) if mark else Location(path)
        raise GeneratorError(location, f"YAML syntax error: {problem}") from None
    except yaml.YAMLError as exc:
        raise GeneratorError(path, f"YAML error: {exc}") from None
    except RecursionError:
        raise GeneratorError(path, f"nested deeper than {MAX_NESTING} levels") from None
    if len(documents) != 1:
        raise GeneratorError(path, f"expected one YAML document, found {len(documents)}")
    _normalise(path, documents[0])
    return documents[0]


def _key_text(key: Any) -> str:
    if isinstance(key, bool):
        return "true" if key else "false"
    if key is None:
        return "null"
    return str(key)


def _normalise(path: Path, data: Any) -> None:
    """Check the nesting depth and, for YAML, turn keys such as `200:` into strings.

    Iterative, and each node is visited once even when YAML aliases share it."""
    seen: set[int] = set()
    stack: list[tuple[Any, int]] = [(data, 0)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_NESTING:
            raise GeneratorError(path, f"nested deeper than {MAX_NESTING} levels")
        if id(node) in seen:
            continue
        if isinstance(node, dict):
            seen.add(id(node))
            if not all(isinstance(key, str) for key in node):
                items = list(node.items())
                node.clear()
                node.update((_key_text(key), value) for key, value in items)
            stack.extend((value, depth + 1) for value in node.values())
        elif isinstance(node, list):
            seen.add(id(node))
            stack.extend((value, depth + 1) for value in node)
