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
    """The sent defaults of a JSON body's schema: of the fields of each object it is made of
    (itself, its `allOf` parts), sent when the call gives another field of that object; and of
    the fields of each object property, sent in that object whenever the call sends it. Then the
    pointers of those the client cannot send (deeper, or in a `oneOf` variant or an array)."""
    found: list[OptionDefaults] = []
    covered: set[str] = set()
    for node, where in _objects(document, schema, pointer, set()):
        properties = nodes.mapping(node, "properties")
        values = _values(document, properties, where + "/properties", covered)
        if values:
            found.append(OptionDefaults(values, fields=tuple(properties)))
        for name, property_schema in properties.items():
            inner_pointer = f"{where}/properties/{escape_pointer_token(name)}"
            inner: dict[str, object] = {}
            for inner_node, inner_where in _objects(document, property_schema, inner_pointer, set()):
                inner.update(
                    _values(document, nodes.mapping(inner_node, "properties"), inner_where + "/properties", covered)
                )
            if inner:
                found.append(OptionDefaults(inner, within=name))
    unsent = [where for where in _declared(document, schema, pointer, set()) if where not in covered]
    return found, unsent


def described(parameters: list[Parameter], defaults: list[OptionDefaults]) -> list[Parameter]:
    """The body's arguments, those with a sent default (a field of the body's, or of an object
    property's that `x-clientgen-flatten` made arguments of) saying when it is sent."""
    containers = {parameter.name: parameter.wire_name for parameter in parameters if parameter.within is None}
    sent = {(group.within, name): value for group in defaults for name, value in group.values.items()}

    def place(parameter: Parameter) -> tuple[str | None, str]:
        return (containers.get(parameter.within[0]) if parameter.within else None), parameter.wire_name

    return [
        replace(parameter, description=_with_note(parameter.description, sent[place(parameter)]))
        if parameter.location == "body" and place(parameter) in sent
        else parameter
        for parameter in parameters
    ]


def _with_note(description: str | None, value: object) -> str:
    note = f"Unless given, `{json.dumps(value)}` is sent whenever the call gives another of the options it goes with."
    return f"{description.rstrip()}\n\n{note}" if description else note


def _objects(document: Document, schema: Any, pointer: str, seen: set[str]) -> Iterator[tuple[dict[str, Any], str]]:
    """The object schemas `schema` is made of, resolved, with their pointers: itself where it has
    properties, then its `allOf` parts."""
    node, pointer = document.resolve(schema, pointer)
    if not isinstance(node, dict) or pointer in seen:
        return
    seen.add(pointer)
    if isinstance(node.get("properties"), dict):
        yield node, pointer
    for index, part in enumerate(node.get("allOf") or []):
        yield from _objects(document, part, f"{pointer}/allOf/{index}", seen)


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
