"""An operation's parameters (path-level and its own) to the arguments of its method."""

from __future__ import annotations

from typing import Any

from .. import naming, nodes, openapi32
from ..errors import GeneratorError, Warnings, escape_pointer_token
from ..load import Document
from .model import Encoding, Parameter, ParameterLocation, default_encoding
from .samples import sample
from .schemas import SchemaBuilder, joined
from .type_exprs import ANY, NO_DEFAULT, LiteralOf, TypeExpr

PARAMETER_LOCATIONS: tuple[ParameterLocation, ...] = ("path", "query", "header", "cookie")
FORM = "application/x-www-form-urlencoded"

# Headers that frame the message, which httpx writes from the body and the URL: a value given by
# the caller would contradict them (Vercel's uploads declare Content-Length).
TRANSPORT_HEADERS = frozenset({"content-length", "transfer-encoding", "host", "connection"})

# Header parameters that make a retried call safe: one key per call, reused on every retry.
IDEMPOTENCY_HEADERS = frozenset({"idempotency-key", "x-idempotency-key"})
IDEMPOTENCY_ARGUMENT = "idempotency_key"
"""The argument of a key the client makes itself (the configuration's `idempotency-header`)."""
NAME_EXTENSION = "x-clientgen-name"


class ParameterBuilder:
    """Builds the parameters of a document's operations."""

    def __init__(self, document: Document, schemas: SchemaBuilder, warnings: Warnings, samples: dict[str, Any]) -> None:
        self._document = document
        self._schemas = schemas
        self._warnings = warnings
        self._samples = samples
        """samples of referenced schemas, by $ref (shared with the bodies)"""
        self._querystrings: set[str] = set()
        """Pointers of OpenAPI 3.2 querystring parameters, read as exploded form query objects."""

    def parameters(
        self,
        node: dict[str, Any],
        pointer: str,
        path_item: dict[str, Any],
        path: str,
        hint: str,
        arguments: naming.Scope,
    ) -> list[Parameter]:
        # Operation parameters override path-level ones with the same name and location.
        merged: dict[tuple[str, str], tuple[dict[str, Any], str]] = {}
        for owner, owner_pointer in ((path_item, openapi32.path_item_pointer(pointer)), (node, pointer)):
            raw = owner.get("parameters") or []
            if not isinstance(raw, list):
                raise self._document.error(owner_pointer + "/parameters", "parameters must be a list")
            for index, item in enumerate(raw):
                parameter, parameter_pointer = self._document.resolve(item, f"{owner_pointer}/parameters/{index}")
                if not isinstance(parameter, dict) or not isinstance(parameter.get("name"), str):
                    raise self._document.error(parameter_pointer, "a parameter must be a mapping with a name")
                declared = self._declared(parameter, parameter_pointer)
                if declared is not None:
                    merged[(declared["name"], declared["in"])] = (declared, parameter_pointer)
        for name in _path_template_names(path):
            if (name, "path") not in merged:
                self._warnings.add(
                    self._document.location(pointer),
                    f"path parameter {{{name}}} is not declared; it is taken as a required string",
                )
                merged[(name, "path")] = (
                    {"name": name, "in": "path", "required": True, "schema": {"type": "string"}},
                    pointer,
                )
        # path parameters first, in the order of the path (they are the positional arguments)
        template = _path_template_names(path)
        ordered = sorted(
            merged.values(),
            key=lambda item: (
                PARAMETER_LOCATIONS.index(item[0]["in"]),
                template.index(item[0]["name"]) if item[0]["in"] == "path" and item[0]["name"] in template else 0,
            ),
        )
        return [
            self._parameter(parameter, parameter_pointer, hint, arguments) for parameter, parameter_pointer in ordered
        ]

    def _declared(self, parameter: dict[str, Any], pointer: str) -> dict[str, Any] | None:
        """The parameter as the client takes it, or None (with a warning) when it is left out."""
        location = parameter.get("in")
        if location == "querystring":  # OpenAPI 3.2's: the whole query as one value
            media_types = list(nodes.mapping(parameter, "content"))
            if media_types != [FORM]:
                self._warnings.add(
                    self._document.location(pointer + "/content"),
                    f"a querystring parameter of {', '.join(media_types) or 'no media type'} is not "
                    f"supported yet (only {FORM}); the parameter is left out",
                )
                return None
            # a form is the query's own syntax: its object's properties, each a query parameter
            self._querystrings.add(pointer)
            return {**parameter, "in": "query"}
        if location not in PARAMETER_LOCATIONS:
            raise self._document.error(
                pointer + "/in", f"parameter location {location!r} is not one of path, query, header, cookie"
            )
        if location == "header" and parameter["name"].lower() in TRANSPORT_HEADERS:
            self._warnings.add(
                self._document.location(pointer),
                f"header {parameter['name']} is the HTTP client's to set (from the body and the URL);"
                " the parameter is left out",
            )
            return None
        return parameter

    def _parameter(self, parameter: dict[str, Any], pointer: str, hint: str, arguments: naming.Scope) -> Parameter:
        wire_name = parameter["name"]
        location = parameter["in"]
        schema, schema_pointer = parameter.get("schema"), pointer + "/schema"
        content = nodes.mapping(parameter, "content")
        if schema is None and content:
            media_type = next(iter(content))
            media, media_pointer = self._document.resolve(
                content[media_type], f"{pointer}/content/{escape_pointer_token(media_type)}"
            )  # OpenAPI 3.2's may be a `$ref` to `components/mediaTypes`
            schema = media.get("schema") if isinstance(media, dict) else None
            schema_pointer = media_pointer + "/schema"
            form = pointer in self._querystrings
            encoding = Encoding("form", explode=True) if form else Encoding(None, content_type=media_type)
        else:
            encoding = style_encoding(parameter, location)
        type_ = ANY if schema is None else self._schemas.type_of(schema, schema_pointer, joined(hint, wire_name))
        required = location == "path" or parameter.get("required") is True
        declared = schema.get("default") if isinstance(schema, dict) and "default" in schema else NO_DEFAULT
        return Parameter(
            name=self._argument_name(parameter, pointer, arguments),
            wire_name=wire_name,
            location=location,
            type=type_,
            required=required,
            description=nodes.text(parameter, "description"),
            default=argument_default(required, type_, declared),
            deprecated=parameter.get("deprecated") is True,
            encoding=encoding,
            whole_query=pointer in self._querystrings,
            sample=self._parameter_sample(schema, location)
            if location == "path" or parameter.get("required") is True
            else None,
        )

    def _argument_name(self, parameter: dict[str, Any], pointer: str, arguments: naming.Scope) -> str:
        """The name `x-clientgen-name` chooses (a hand-written SDK's: `job_id` for `{id}`), else
        the snake_case of the spec's, prefixed by its location when taken."""
        chosen = parameter.get(NAME_EXTENSION)
        if chosen is None:
            name = naming.attribute_name(parameter["name"])
            return arguments.claim_first(name, f"{parameter['in']}_{name}")
        where = f"{pointer}/{NAME_EXTENSION}"
        if not isinstance(chosen, str) or naming.attribute_name(chosen) != chosen or chosen.startswith("_"):
            raise self._document.error(where, f"{chosen!r} is not a Python argument name in snake_case")
        if not arguments.try_claim(chosen):
            raise self._document.error(where, f"{chosen!r} is already an argument of this operation")
        return chosen

    def _parameter_sample(self, schema: Any, location: str) -> Any:
        """A parameter's sample; for a path parameter never empty (the client refuses that),
        though the schema allows it (AWS's `pattern: .*`, `minLength: 0`)."""
        value = sample(self._document, schema, cache=self._samples)
        if location == "path" and value == "" and isinstance(schema, dict):
            try:
                resolved, _ = self._document.resolve(schema, "") if "$ref" in schema else (schema, "")
            except GeneratorError:
                return "sample"
            value = sample(self._document, {**resolved, "minLength": 1}) or "sample"
        return value


def argument_default(required: bool, type_: TypeExpr, declared: object) -> object:
    """What an argument defaults to: for an optional one, the spec's default (documented; the
    server applies it); for a required constant, its one allowed value, which the client sends
    unless told otherwise (AWS's `X-Amz-Target`, `Action`, `Version`); else nothing."""
    if not required:
        return declared
    if isinstance(type_, LiteralOf) and len(type_.values) == 1:
        return type_.values[0]
    return NO_DEFAULT


def style_encoding(node: dict[str, Any], location: ParameterLocation) -> Encoding:
    """The style, explode and allowReserved of a Parameter or Encoding Object (whose fields
    follow a query parameter's), with the specification's defaults: form in a query or a
    cookie, simple in a path or a header; explode when the style is form. allowReserved applies
    to queries only."""
    style = nodes.text(node, "style") or default_encoding(location).style
    return Encoding(
        style,
        explode=node.get("explode", style == "form") is True,
        allow_reserved=location == "query" and node.get("allowReserved") is True,
    )


def _path_template_names(path: str) -> list[str]:
    names = []
    for segment in path.split("{")[1:]:
        if "}" in segment:
            names.append(segment.split("}", 1)[0])
    return names
