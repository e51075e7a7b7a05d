"""Request and response bodies: the media type the client sends or reads, the request body's
arguments (a structured body's fields flattened into the method's) and the responses' types."""

from __future__ import annotations

import http
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from typing import Any

from .. import naming, nodes
from ..errors import Warnings, escape_pointer_token
from ..load import Document, split_pointer
from .model import (
    BodyEncoding,
    Encoding,
    OptionDefaults,
    Parameter,
    RequestBody,
    Response,
    default_encoding,
    stream_kind,
)
from .option_defaults import EXTENSION as OPTION_DEFAULT
from .option_defaults import described, option_defaults
from .parameters import argument_default, style_encoding
from .samples import BINARY, required_by_variant, sample
from .schemas import SchemaBuilder, joined
from .type_exprs import ANY, NONE, Field, ListOf, MapOf, Model, Primitive, Ref, TypeExpr, UnionOf

FLATTEN_EXTENSION = "x-clientgen-flatten"
FLATTEN_FUNCTION = "flattened_object"
"""The runtime's function (in `_wire`) that puts a flattened property's fields into its object."""


def is_json_media_type(media_type: str) -> bool:
    essence = media_type.split(";")[0].strip().lower()
    return essence == "application/json" or essence.endswith("+json")


def _body_argument_sample(body: RequestBody, sampled: object) -> object:
    """What the generated tests pass as a body given whole: nothing for an optional body, a
    file's bytes for an upload, else the schema's sample."""
    if not body.required:
        return None
    if body.type == Primitive("file"):
        return BINARY
    return "sample" if sampled is None else sampled


def _body_encoding(media_type: str) -> BodyEncoding:
    essence = media_type.split(";")[0].strip().lower()
    if is_json_media_type(essence):
        return "json"
    if stream_kind(essence) == "lines":
        return "lines"
    if essence == "multipart/form-data":
        return "multipart"
    if essence == "application/x-www-form-urlencoded":
        return "form"
    if essence.startswith("text/"):
        return "text"
    return "binary"


_ENCODING_PREFERENCE: tuple[BodyEncoding, ...] = ("json", "lines", "multipart", "form", "binary", "text")


def _preferred_media_type(content: dict[str, Any]) -> str | None:
    """The media type the client sends or reads when several are offered."""
    if not content:
        return None
    return min(content, key=lambda media_type: _ENCODING_PREFERENCE.index(_body_encoding(media_type)))


def _offered_stream(content: dict[str, Any], chosen: str) -> str | None:
    """The stream a response offers beside the body `chosen` (JSON, or bytes: an event stream
    rather than JSON lines), which a flag of the request chooses."""
    if stream_kind(chosen) is not None:
        return None
    for kind in ("events", "lines"):
        offered = next((media_type for media_type in content if stream_kind(media_type) == kind), None)
        if offered is not None:
            return offered
    return None


def _status_phrase(status: str) -> str:
    if status == "default":
        return "default"
    if status.upper().endswith("XX"):
        return {"1": "informational", "2": "success", "3": "redirect", "4": "client error", "5": "server error"}.get(
            status[0], status
        )
    try:
        return http.HTTPStatus(int(status)).phrase
    except ValueError:
        return f"status {status}"


class BodyBuilder:
    """Builds the request bodies and the responses of a document's operations."""

    def __init__(self, document: Document, schemas: SchemaBuilder, warnings: Warnings, samples: dict[str, Any]) -> None:
        self._document = document
        self._schemas = schemas
        self._warnings = warnings
        self._samples = samples
        """samples of referenced schemas, by $ref (shared with the parameters)"""

    def request_body(
        self, node: dict[str, Any], pointer: str, hint: str, arguments: naming.Scope
    ) -> tuple[RequestBody | None, list[Parameter]]:
        if "requestBody" not in node:
            if FLATTEN_EXTENSION in node:
                raise self._document.error(f"{pointer}/{FLATTEN_EXTENSION}", "the operation has no request body")
            return None, []
        body, body_pointer = self._document.resolve(node["requestBody"], pointer + "/requestBody")
        content = nodes.mapping(body, "content")
        media_type = _preferred_media_type(content)
        if media_type is None:
            self._warnings.add(self._document.location(body_pointer), "request body has no content; it is left out")
            return None, []
        media, media_pointer = self._media(content, media_type, body_pointer)
        schema_pointer = media_pointer + "/schema"
        encoding, schema = self._sent_as(media_type, media.get("schema"), schema_pointer)
        request_body = RequestBody(
            media_type=media_type,
            encoding=encoding,
            type=ANY,
            required=body.get("required") is True,
            description=nodes.text(body, "description"),
            option_defaults=self._option_defaults(encoding, schema, schema_pointer),
        )
        fields = None
        with self._shared(pointer + "/requestBody", body_pointer) as shared_name:
            body_hint = shared_name or joined(hint, "request")
            if encoding in ("json", "multipart", "form") and schema is not None:
                fields = self._schemas.object_fields(schema, schema_pointer, body_hint)
            body_sample = sample(self._document, schema, cache=self._samples) if schema is not None else None
            if fields is not None:
                request_body.flattened = True
                sampled = body_sample if isinstance(body_sample, dict) else {}
                body_fields = self._field_arguments(
                    fields, schema, sampled, (media, media_pointer, encoding), arguments
                )
                flattened = self._flattened(node, pointer, body_fields, arguments)
                return request_body, described(body_fields + flattened, request_body.option_defaults)
            if encoding == "lines":
                request_body.type, body_sample = self._records(media, media_pointer, body_hint)
            else:
                request_body.type = self._whole_body_type(encoding, schema, schema_pointer, body_hint)
        if FLATTEN_EXTENSION in node:
            raise self._document.error(
                f"{pointer}/{FLATTEN_EXTENSION}", "the request body is not an object whose properties are arguments"
            )
        parameter = Parameter(
            name=arguments.claim("body"),
            wire_name="",
            location="body",
            type=request_body.type,
            required=request_body.required,
            description=request_body.description,
            sample=_body_argument_sample(request_body, body_sample),
        )
        return request_body, [parameter]

    def _whole_body_type(self, encoding: BodyEncoding, schema: Any, pointer: str, hint: str) -> TypeExpr:
        """The type of a body given as one argument (not one of JSON lines)."""
        type_ = ANY if schema is None else self._schemas.type_of(schema, pointer, hint)
        if encoding == "binary" and type_ in (Primitive("str"), ANY):
            # the body's bytes, whether the schema says `format: binary`, only `type: string`
            # (Docker's tar archives) or nothing (Vercel's artifacts): an upload
            return Primitive("file")
        if schema is None and encoding == "text":
            return Primitive("str")
        return type_

    def _field_arguments(
        self,
        fields: list[Field],
        schema: Any,
        sampled: dict[str, Any],
        sent: tuple[dict[str, Any], str, BodyEncoding],
        arguments: naming.Scope,
    ) -> list[Parameter]:
        """The arguments of a structured body's fields (`sent`: its media type object, where that
        is, and its encoding), with the body sample's values for those the tests pass: the
        required fields and those a `oneOf` beside them requires."""
        media, media_pointer, encoding = sent
        passed = required_by_variant(self._document, schema)
        encodings = nodes.mapping(media, "encoding")
        return [
            self._body_field(
                field,
                arguments,
                sampled.get(field.wire_name) if field.required or field.wire_name in passed else None,
                self._field_encoding(encoding, field, encodings, media_pointer + "/encoding"),
            )
            for field in fields
            if not field.read_only
        ]

    def _option_defaults(self, encoding: BodyEncoding, schema: Any, pointer: str) -> list[OptionDefaults]:
        """The body's sent defaults; a warning for those the client cannot send: in a body that is
        not JSON, or where no object of the body's or of its properties' holds them."""
        found, unsent = ([], []) if schema is None else option_defaults(self._document, schema, pointer)
        if (found or unsent) and encoding != "json":
            self._warnings.add(
                self._document.location(pointer),
                f"{OPTION_DEFAULT} is only sent in JSON bodies; this {encoding} body's are not sent",
            )
            return []
        for where in unsent:
            self._warnings.add(
                self._document.location(f"{where}/{OPTION_DEFAULT}"),
                "not sent: only objects reached by properties and array items have sent defaults, not a map's values",
            )
        return found

    def _sent_as(self, media_type: str, schema: Any, schema_pointer: str) -> tuple[BodyEncoding, Any]:
        """The encoding a body is sent in and the schema it is sent by, where its media type and
        its schema disagree (with a warning)."""
        encoding = _body_encoding(media_type)
        if encoding == "binary" and self._is_structured(schema, schema_pointer):
            # bytes cannot be an object: the value is sent as JSON, in the media type declared
            self._warnings.add(
                self._document.location(schema_pointer),
                f"the body's media type is {media_type}, its schema an object or an array;"
                " it is sent as JSON in that media type",
            )
            return "json", schema
        if encoding == "multipart" and self._is_string(schema, schema_pointer):
            # a multipart body is named parts: a lone file (loket.nl's uploads) is sent as one
            self._warnings.add(
                self._document.location(schema_pointer),
                f"a {media_type} body must be an object of parts; the string is sent as the part 'file'",
            )
            return encoding, {"type": "object", "required": ["file"], "properties": {"file": schema}}
        return encoding, schema

    def _resolved(self, schema: Any, pointer: str) -> dict[str, Any]:
        """A schema with its `$ref` followed; {} for one that is not a mapping."""
        resolved, _ = self._document.resolve(schema, pointer) if isinstance(schema, dict) else (schema, pointer)
        return resolved if isinstance(resolved, dict) else {}

    def _is_string(self, schema: Any, pointer: str) -> bool:
        return self._resolved(schema, pointer).get("type") == "string"

    def _is_structured(self, schema: Any, pointer: str) -> bool:
        """Whether a schema describes an object or an array (by its type or its keywords)."""
        resolved = self._resolved(schema, pointer)
        kind = resolved.get("type")
        return kind in ("object", "array") or (kind is None and any(key in resolved for key in ("properties", "items")))

    def _field_encoding(self, kind: BodyEncoding, field: Field, encodings: dict[str, Any], pointer: str) -> Encoding:
        """How a field of a form or multipart body is written: by the style its Encoding Object
        gives, or as its value in a media type (its `contentType`, else JSON for objects and text
        for the rest); a field of a form body with no Encoding Object in style form."""
        if kind == "json":
            return default_encoding(kind)
        where = f"{pointer}/{escape_pointer_token(field.wire_name)}"
        entry, where = self._document.resolve(encodings.get(field.wire_name, {}), where)
        if not isinstance(entry, dict):
            raise self._document.error(where, "an encoding must be a mapping")
        headers = self._part_headers(entry, where) if kind == "multipart" else ()
        if any(key in entry for key in ("style", "explode", "allowReserved")) or (kind == "form" and not entry):
            return replace(style_encoding(entry, "query"), headers=headers)
        content_type = nodes.text(entry, "contentType") or _default_content_type(field.type)
        if content_type is not None and ("," in content_type or "*" in content_type):
            content_type = None  # a choice of types, not one the client can send
        return Encoding(None, content_type=content_type, headers=headers)

    def _part_headers(self, entry: dict[str, Any], pointer: str) -> tuple[tuple[str, str], ...]:
        """The headers of `encoding.headers` whose schema fixes the value (`const`, a one-value
        `enum` or a `default`), written in style simple; Content-Type is the encoding's own."""
        fixed = []
        for name, raw in nodes.mapping(entry, "headers").items():
            header, header_pointer = self._document.resolve(raw, f"{pointer}/headers/{escape_pointer_token(name)}")
            schema, _ = self._document.resolve(nodes.mapping(header, "schema"), header_pointer + "/schema")
            if not isinstance(schema, dict):
                continue
            enum = schema.get("enum")
            if "const" in schema:
                value = schema["const"]
            elif isinstance(enum, list) and len(enum) == 1:
                value = enum[0]
            else:
                value = schema.get("default")
            if name.lower() != "content-type" and isinstance(value, (str, int, float, bool)):
                fixed.append((name, _header_text(value)))
        return tuple(fixed)

    def _flattened(
        self, node: dict[str, Any], pointer: str, body_fields: list[Parameter], arguments: naming.Scope
    ) -> list[Parameter]:
        """The arguments `x-clientgen-flatten` adds: the fields of each optional object property
        it names (`scrapeOptions`, or `{property: scrapeOptions, except: [timeout]}`), each an
        optional keyword argument beside the property's own, named with the property's argument
        as a prefix where the name is taken."""
        entries = node.get(FLATTEN_EXTENSION, [])
        where = f"{pointer}/{FLATTEN_EXTENSION}"
        if not isinstance(entries, list):
            raise self._document.error(where, "must be a list of body properties (or {property, except} objects)")
        added: list[Parameter] = []
        for index, entry in enumerate(entries):
            wire_name, left_out = self._flatten_entry(entry, f"{where}/{index}")
            container = next((p for p in body_fields if p.wire_name == wire_name and p.within is None), None)
            if container is None:
                known = ", ".join(p.wire_name for p in body_fields) or "none"
                raise self._document.error(
                    f"{where}/{index}", f"the body has no property {wire_name!r} (those: {known})"
                )
            model = _object_model(container.type)
            if model is None or container.required:
                raise self._document.error(
                    f"{where}/{index}", f"{wire_name!r} must be an optional object with properties to be flattened"
                )
            fields = [field for field in model.request_fields if field.wire_name not in left_out]
            unknown = sorted(left_out - {field.wire_name for field in model.request_fields})
            if unknown:
                raise self._document.error(f"{where}/{index}/except", f"{model.name} has no property {unknown[0]!r}")
            for field in fields:
                parameter = self._body_field(
                    replace(field, required=False), arguments, None, Encoding(None), container.name
                )
                added.append(replace(parameter, within=(container.name, naming.argument_name(field.name))))
        return added

    def _flatten_entry(self, entry: Any, where: str) -> tuple[str, set[str]]:
        """A property `x-clientgen-flatten` names and the fields it leaves out."""
        if isinstance(entry, str):
            return entry, set()
        left_out = entry.get("except", []) if isinstance(entry, dict) else None
        if (
            not isinstance(entry, dict)
            or not isinstance(entry.get("property"), str)
            or not isinstance(left_out, list)
            or not all(isinstance(name, str) for name in left_out)
        ):
            raise self._document.error(where, "must be a property's name or {property: name, except: [names]}")
        return entry["property"], set(left_out)

    @staticmethod
    def _body_field(
        field: Field, arguments: naming.Scope, sample_value: object, encoding: Encoding, prefix: str = "body"
    ) -> Parameter:
        name = naming.argument_name(field.name)
        return Parameter(
            name=arguments.claim_first(name, f"{prefix}_{name}"),
            wire_name=field.wire_name,
            location="body",
            type=field.type,
            required=field.required,
            description=field.description,
            default=argument_default(field.required, field.type, field.default),
            deprecated=field.deprecated,
            encoding=encoding,
            sample=sample_value,
        )

    @contextmanager
    def _shared(self, own_pointer: str, resolved_pointer: str) -> Iterator[str | None]:
        """For a response or request body reached through a `$ref` (shared by operations), its
        name (the last token of its place) and, while its types are built, no operation group:
        the types are named after it and live in a module of their own."""
        if resolved_pointer == own_pointer:
            yield None
            return
        with self._schemas.grouped(None):
            yield nodes.schema_name(split_pointer(resolved_pointer)[1])

    def responses(self, node: dict[str, Any], pointer: str, hint: str) -> list[Response]:
        raw = node.get("responses")
        if not isinstance(raw, dict) or not raw:
            self._warnings.add(self._document.location(pointer), "operation declares no responses")
            return []
        responses = []
        first_success = True
        for status, item in raw.items():
            status = str(status)
            if status.startswith("x-"):
                continue
            own_pointer = f"{pointer}/responses/{escape_pointer_token(status)}"
            response, response_pointer = self._document.resolve(item, own_pointer)
            if not isinstance(response, dict):
                raise self._document.error(response_pointer, "a response must be a mapping")
            content = nodes.mapping(response, "content")
            media_type = _preferred_media_type(content)
            type_: TypeExpr | None = None
            stream = None
            if media_type is not None:
                if status.startswith("2") and first_success:
                    response_hint = joined(hint, "response")
                else:
                    response_hint = joined(hint, _status_phrase(status), "response")
                with self._shared(own_pointer, response_pointer) as shared_name:
                    media, media_pointer = self._media(content, media_type, response_pointer)
                    type_ = self._response_type(media, media_type, media_pointer, shared_name or response_hint)
                    stream_media_type = _offered_stream(content, media_type) if status.startswith("2") else None
                    if stream_media_type is not None:
                        stream_media, stream_pointer = self._media(content, stream_media_type, response_pointer)
                        stream_type = self._response_type(
                            stream_media, stream_media_type, stream_pointer, shared_name or response_hint
                        )
                        stream = Response(status, None, stream_media_type, stream_type)
            if status.startswith("2"):
                first_success = False
            responses.append(
                Response(
                    status=status,
                    description=nodes.text(response, "description"),
                    media_type=media_type,
                    type=type_,
                    stream=stream,
                )
            )
        return responses

    def _media(self, content: dict[str, Any], media_type: str, owner_pointer: str) -> tuple[dict[str, Any], str]:
        """A media type object and its pointer: OpenAPI 3.2's may be a `$ref` to `components/mediaTypes`."""
        media, pointer = self._document.resolve(
            content[media_type], f"{owner_pointer}/content/{escape_pointer_token(media_type)}"
        )
        if not isinstance(media, dict):
            raise self._document.error(pointer, "a media type object must be a mapping")
        return media, pointer

    def _response_type(self, media: dict[str, Any], media_type: str, media_pointer: str, hint: str) -> TypeExpr:
        """The type of a response's body (of each item of a stream) in the media type object
        `media`, found at `media_pointer` (a `$ref`'s target)."""
        encoding = _body_encoding(media_type)
        kind = stream_kind(media_type)
        if kind == "events":
            return self._event_type(media, media_pointer, joined(hint, "event"))
        if kind == "lines":
            schema, schema_pointer = self._item_schema(media, media_pointer)
            return ANY if schema is None else self._schemas.type_of(schema, schema_pointer, joined(hint, "item"))
        if encoding == "text":
            return Primitive("str")
        if encoding != "json":
            return Primitive("bytes")
        schema = media.get("schema")
        if schema is None:
            return ANY
        return self._schemas.type_of(schema, f"{media_pointer}/schema", hint)

    def _records(self, media: dict[str, Any], media_pointer: str, hint: str) -> tuple[TypeExpr, object]:
        """A body of many records, each sent as a line (3.2's `itemSchema`, or the `schema`, is a
        record's): the type of their list, and a sample of it."""
        item_schema, item_pointer = self._item_schema(media, media_pointer)
        if item_schema is None:
            return ListOf(ANY), None
        record = self._schemas.type_of(item_schema, item_pointer, joined(hint, "record"))
        item_sample = sample(self._document, item_schema, cache=self._samples)
        return ListOf(record), [item_sample] if item_sample is not None else None

    def _item_schema(self, media: dict[str, Any], media_pointer: str) -> tuple[Any, str]:
        """The schema of each line of a line stream, and its pointer: 3.2's `itemSchema`, else
        (as specs wrote it before) the media type's `schema`, or its `items` where it describes
        the whole stream as an array."""
        if "itemSchema" in media:
            return media["itemSchema"], f"{media_pointer}/itemSchema"
        schema, pointer = media.get("schema"), f"{media_pointer}/schema"
        resolved, resolved_pointer = self._document.resolve(schema, pointer)
        if isinstance(resolved, dict) and resolved.get("type") == "array" and "items" in resolved:
            return resolved["items"], f"{resolved_pointer}/items"
        return schema, pointer

    def _event_type(self, media: dict[str, Any], media_pointer: str, hint: str) -> TypeExpr:
        """The type of each event's data: what the `schema` describes (as specs wrote it before
        3.2), or the `contentSchema` of the `data` of 3.2's `itemSchema` (the event); text when
        neither says."""
        if "itemSchema" not in media:
            schema = media.get("schema")
            if schema is None:
                return Primitive("str")
            return self._schemas.type_of(schema, f"{media_pointer}/schema", hint)
        event, event_pointer = self._document.resolve(media["itemSchema"], f"{media_pointer}/itemSchema")
        properties = nodes.mapping(event, "properties") if isinstance(event, dict) else {}
        data, data_pointer = self._document.resolve(properties.get("data", {}), f"{event_pointer}/properties/data")
        if not isinstance(data, dict) or "contentSchema" not in data:
            return Primitive("str")
        return self._schemas.type_of(data["contentSchema"], f"{data_pointer}/contentSchema", hint)


def _object_model(type_: TypeExpr) -> Model | None:
    """The model of an object property (optional or nullable: `X | None`), None for another type."""
    variants = [t for t in (type_.variants if isinstance(type_, UnionOf) else (type_,)) if t != NONE]
    if len(variants) == 1 and isinstance(variants[0], Ref) and isinstance(variants[0].target, Model):
        return variants[0].target
    return None


def _default_content_type(type_: TypeExpr) -> str | None:
    """The specification's default media type of a form field or a multipart part: JSON for an
    object or an array of objects; None (text, or a file's own type) for the rest."""
    if isinstance(type_, ListOf):
        type_ = type_.item
    return "application/json" if _is_object(type_) else None


def _is_object(type_: TypeExpr) -> bool:
    if isinstance(type_, Ref):
        return isinstance(type_.target, Model) or _is_object(type_.target.type)
    if isinstance(type_, UnionOf):
        variants = [variant for variant in type_.variants if variant != NONE]
        return bool(variants) and all(_is_object(variant) for variant in variants)
    return isinstance(type_, MapOf)


def _header_text(value: str | int | float | bool) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
