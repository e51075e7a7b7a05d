"""`x-clientgen-sent-default`: a value the client sends for a field of an object whenever it sends
that object and the call leaves the field out. An SDK's own defaults that differ from the API's
(firecrawl-py asks for pages cached at most 4 hours whenever a call gives any scrape option),
kept by the client without changing what the API documents as its default."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from .. import nodes
from ..errors import escape_pointer_token
from ..load import Document
from .model import OptionDefaults, Parameter
from .samples import fits

EXTENSION = "x-clientgen-sent-default"


def option_defaults(document: Document, schema: Any, pointer: str) -> tuple[list[OptionDefaults], list[str]]:
    """The sent defaults of a JSON body's schema, by the place of the object that holds them: of
    the body's own fields (itself, its `allOf` parts), sent when the call gives another of them;
    of an object at a path of properties and array items (`targets`, `*`, `scrapeOptions`),
    sent in it wherever the body has one; a `oneOf`/`anyOf` variant's where the object is one.
    Then the places of those the client cannot send (in a map's values, say)."""
    declared = list(_declared(document, schema, pointer, set()))
    if not declared:  # the common case: one walk of the body's schemas, each once
        return [], []
    found: list[OptionDefaults] = []
    covered: set[str] = set()
    _collect(document, schema, pointer, (), found, covered, ())
    return found, [where for where in declared if where not in covered]


def _collect(
    document: Document,
    schema: Any,
    pointer: str,
    path: tuple[str, ...],
    found: list[OptionDefaults],
    covered: set[str],
    visiting: tuple[str, ...],
) -> None:
    """The sent defaults of the object at `path` (its parts and variants together) and of those
    below it; `visiting`: the schemas on the way down, where a recursive schema stops."""
    node, pointer = document.resolve(schema, pointer)
    if not isinstance(node, dict) or pointer in visiting:
        return
    visiting += (pointer,)
    values: dict[str, object] = {}
    properties: dict[str, tuple[Any, str]] = {}
    for part, where in _parts(document, node, pointer, set()):
        own = nodes.mapping(part, "properties")
        part_values = _values(document, own, where + "/properties", covered)
        if part_values and not path:  # the body's own: each part's, when the call gives one of its fields
            found.append(OptionDefaults(part_values, fields=tuple(own)))
        values.update(part_values)
        properties.update(
            (name, (inner, f"{where}/properties/{escape_pointer_token(name)}")) for name, inner in own.items()
        )
    if values and path:
        found.append(OptionDefaults(values, within=path))
    for name, (inner, where) in properties.items():
        _collect(document, inner, where, (*path, name), found, covered, visiting)
    if isinstance(node.get("items"), dict):
        _collect(document, node["items"], pointer + "/items", (*path, "*"), found, covered, visiting)


def _parts(
    document: Document, node: dict[str, Any], pointer: str, seen: set[str]
) -> Iterator[tuple[dict[str, Any], str]]:
    """A schema and the parts and variants it is made of (`allOf`, `oneOf`, `anyOf`), resolved."""
    if pointer in seen:
        return
    seen.add(pointer)
    yield node, pointer
    for key in ("allOf", "oneOf", "anyOf"):
        for index, part in enumerate(nodes.sequence(node, key)):
            inner, where = document.resolve(part, f"{pointer}/{key}/{index}")
            if isinstance(inner, dict):
                yield from _parts(document, inner, where, seen)


def described(parameters: list[Parameter], defaults: list[OptionDefaults]) -> list[Parameter]:
    """The body's arguments, those with a sent default (a field of the body's, or of an object
    property's that `x-clientgen-flatten` made arguments of) saying when it is sent."""
    containers = {parameter.name: parameter.wire_name for parameter in parameters if parameter.within is None}
    sent = {(group.within, name): value for group in defaults for name, value in group.values.items()}

    def place(parameter: Parameter) -> tuple[tuple[str, ...] | None, str]:
        container = containers.get(parameter.within[0], "") if parameter.within else None
        return (None if container is None else (container,)), parameter.wire_name

    return [
        replace(parameter, description=_with_note(parameter.description, sent[place(parameter)]))
        if parameter.location == "body" and place(parameter) in sent
        else parameter
        for parameter in parameters
    ]


def _with_note(description: str | None, value: object) -> str:
    note = f"Unless given, `{json.dumps(value)}` is sent whenever the call gives another of the options it goes with."
    return f"{description.rstrip()}\n\n{note}" if description else note


def _values(document: Document, properties: dict[str, Any], pointer: str, covered: set[str]) -> dict[str, object]:
    """The sent defaults among `properties`, each checked against its property's schema; their
    places are added to `covered`."""
    values: dict[str, object] = {}
    for name, raw in properties.items():
        node, where = document.resolve(raw, f"{pointer}/{escape_pointer_token(name)}")
        if not isinstance(node, dict) or EXTENSION not in node:
            continue
        value = node[EXTENSION]
        if not isinstance(value, (str, int, float)) or not fits(document, value, node):
            raise document.error(
                f"{where}/{EXTENSION}", f"must be a string, a number or a boolean the field takes, not {value!r}"
            )
        values[name] = value
        covered.add(where)
    return values


def _declared(document: Document, schema: Any, pointer: str, seen: set[str]) -> Iterator[str]:
    """The places of every schema within `schema` that declares a sent default."""
    node, pointer = document.resolve(schema, pointer)
    if not isinstance(node, dict) or pointer in seen:
        return
    seen.add(pointer)
    if EXTENSION in node:
        yield pointer
    for key in ("properties", "patternProperties", "$defs"):
        for name, inner in nodes.mapping(node, key).items():
            yield from _declared(document, inner, f"{pointer}/{key}/{escape_pointer_token(name)}", seen)
    for key in ("allOf", "oneOf", "anyOf", "prefixItems"):
        for index, inner in enumerate(nodes.sequence(node, key)):
            yield from _declared(document, inner, f"{pointer}/{key}/{index}", seen)
    for key in ("items", "additionalProperties", "not"):
        if isinstance(node.get(key), dict):
            yield from _declared(document, node[key], f"{pointer}/{key}", seen)
