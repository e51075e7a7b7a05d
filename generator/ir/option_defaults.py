"""`x-clientgen-sent-default`: a value the client sends for a field of an object whenever it sends
that object and the call leaves the field out. An SDK's own defaults that differ from the API's
(firecrawl-py asks for pages cached at most 4 hours whenever a call gives any scrape option),
kept by the client without changing what the API documents as its default."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from .. import nodes
from ..errors import escape_pointer_token
from ..load import Document
from .model import OptionDefaults, Parameter

EXTENSION = "x-clientgen-sent-default"
_JSON_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
}


def option_defaults(document: Document, schema: Any, pointer: str) -> list[OptionDefaults]:
    """The sent defaults of a JSON body's schema: of the fields of each object it is made of
    (itself, its `allOf` parts), sent when the call gives another field of that object; and of
    the fields of each object property, sent in that object whenever the call sends it."""
    found = []
    for node, where in _objects(document, schema, pointer, set()):
        properties = nodes.mapping(node, "properties")
        values = _values(document, properties, where + "/properties")
        if values:
            found.append(OptionDefaults(values, fields=tuple(properties)))
        for name, property_schema in properties.items():
            inner_pointer = f"{where}/properties/{escape_pointer_token(name)}"
            inner: dict[str, object] = {}
            for inner_node, inner_where in _objects(document, property_schema, inner_pointer, set()):
                inner.update(_values(document, nodes.mapping(inner_node, "properties"), inner_where + "/properties"))
            if inner:
                found.append(OptionDefaults(inner, within=name))
    return found


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
    note = f"Unless given, `{_json(value)}` is sent whenever the call gives another of the options it goes with."
    return f"{description.rstrip()}\n\n{note}" if description else note


def _json(value: object) -> str:
    return "true" if value is True else "false" if value is False else "null" if value is None else str(value)


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


def _values(document: Document, properties: dict[str, Any], pointer: str) -> dict[str, object]:
    """The sent defaults among `properties`, each checked against its property's type."""
    values: dict[str, object] = {}
    for name, raw in properties.items():
        node, where = document.resolve(raw, f"{pointer}/{escape_pointer_token(name)}")
        if not isinstance(node, dict) or EXTENSION not in node:
            continue
        value = node[EXTENSION]
        if not _fits(value, node.get("type")):
            raise document.error(
                f"{where}/{EXTENSION}", f"must be a string, a number or a boolean the field takes, not {value!r}"
            )
        values[name] = value
    return values


def _fits(value: object, json_type: object) -> bool:
    """A string, number or boolean, of the field's type where it has one (a boolean is no number)."""
    if not isinstance(value, (str, int, float)):
        return False
    kinds = _JSON_TYPES.get(str(json_type))
    return kinds is None or isinstance(value, kinds) and isinstance(value, bool) == (bool in kinds)
