"""Arguments as the API reads them: the OpenAPI styles (RFC 6570 and the styles the specification
adds) of path, query, header and cookie parameters and of form fields, and the parts of
multipart bodies."""

from __future__ import annotations

import codecs
import datetime
import functools
import json
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Mapping, Sequence, cast
from urllib.parse import quote, quote_plus

import pydantic

from ._types import NOT_GIVEN, Body


@dataclass(frozen=True)
class Encoding:
    """How one parameter or form field is written: by `style`, as the specification's Parameter
    and Encoding Objects say, or, with no style, as its value in the media type `content_type`
    (JSON; text when None)."""

    style: str | None = None
    """matrix, label or simple in a path; form, spaceDelimited, pipeDelimited or deepObject in a
    query or a form body; simple in a header; form in a cookie."""
    explode: bool = False
    allow_reserved: bool = False
    """Query and form bodies: RFC 3986's reserved characters are written as they are, except
    those a query or a form would misread (`[`, `]`, `#`, `&`, `=`, `+`)."""
    content_type: str | None = None
    headers: Mapping[str, str] = field(default_factory=dict)
    """Multipart: the headers of each part of the field."""


# The specification's defaults, for parameters and fields the endpoint gives no encoding
SIMPLE = Encoding("simple")
"""Path and header parameters."""
FORM = Encoding("form", explode=True)
"""Query and cookie parameters, fields of a form body."""
CONTENT = Encoding()
"""Fields of a multipart body."""

Escape = Callable[[str], str]
_RESERVED = ":/?@!$'()*,;"
"""RFC 3986's reserved characters less those a query or a form body would misread."""
_LONE_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
_PREFIXES = {"simple": "", "label": ".", "matrix": ";"}


def escape_uri(text: str) -> str:
    """Percent-encode all but RFC 3986's unreserved characters (RFC 6570's expansion)."""
    return quote(text, safe="")


def _escape_form(text: str) -> str:
    """`escape_uri` as a form body writes it (RFC 1866): a space is `+`."""
    return quote_plus(text, safe="")


def _reserved(quote_function: Callable[..., str], text: str) -> str:
    """RFC 6570's reserved expansion: reserved characters and percent-encoded triples pass."""
    return quote_function(_LONE_PERCENT.sub("%25", text), safe=_RESERVED + "%")


def _as_is(text: str) -> str:
    """Headers, cookies and multipart parts are not percent-encoded."""
    return text


def _jsonable(value: object) -> Any:
    """A value as JSON data: models by wire name with only the fields that were set,
    arguments not given left out, a model class as its JSON Schema (where the API takes one)."""
    if isinstance(value, type) and issubclass(value, pydantic.BaseModel):
        return value.model_json_schema()
    if isinstance(value, pydantic.BaseModel):
        return value.model_dump(mode="json", by_alias=True, exclude_unset=True)
    if isinstance(value, Mapping):
        return {str(key): _jsonable(item) for key, item in value.items() if item is not NOT_GIVEN}
    if isinstance(value, Sequence) and not isinstance(value, (str, bytes, bytearray)):
        return [_jsonable(item) for item in value]
    if isinstance(value, (datetime.datetime, datetime.date, datetime.time)):
        return value.isoformat()
    return value


def _text(value: Any) -> str:
    """JSON data as text: booleans `true`/`false`; arrays and objects deeper than a style
    reaches as RFC 6570 writes them unexploded (`a,b`, `key,value,key,value`)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ",".join(_text(item) for item in value if item is not None)
    if isinstance(value, dict):
        return ",".join(f"{key},{_text(item)}" for key, item in value.items() if item is not None)
    return str(value)


def _is_json(content_type: str | None) -> bool:
    return content_type is not None and "json" in content_type


def _content_text(value: object, content_type: str | None) -> str:
    """A value written in a media type: JSON, or text."""
    data = _jsonable(value)
    if _is_json(content_type):
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return _text(data)


def _expansion(name: str, value: object, encoding: Encoding, escape: Escape) -> str | None:
    """A path or header value in style simple, label or matrix (RFC 6570's `{x}`, `{.x}`,
    `{;x}`, with `*` when exploded); None when the value is undefined (None, [] or {})."""
    if value is None:
        return None
    style = encoding.style or "simple"
    data = (
        _jsonable(value)
        if encoding.style is not None
        else _content_text(value, encoding.content_type)
    )
    prefix = _PREFIXES.get(style, "")
    matrix = style == "matrix"
    if isinstance(data, dict):
        entries = [
            (escape(key), escape(_text(item))) for key, item in data.items() if item is not None
        ]
        if not entries:
            return None
        if encoding.explode:
            return prefix + (prefix or ",").join(
                _assigned(key, item, matrix) for key, item in entries
            )
        joined = ",".join(part for entry in entries for part in entry)
    elif isinstance(data, list):
        items = [escape(_text(item)) for item in data if item is not None]
        if not items:
            return None
        if encoding.explode:
            if matrix:
                return "".join(";" + _assigned(name, item, matrix) for item in items)
            return prefix + (prefix or ",").join(items)
        joined = ",".join(items)
    else:
        joined = escape(_text(data))
    return prefix + (_assigned(name, joined, matrix) if matrix else joined)


def _assigned(name: str, value: str, matrix: bool) -> str:
    """`name=value`; in matrix style an empty value is the name alone (RFC 6570's `;`)."""
    return name if matrix and not value else f"{name}={value}"


def _pairs(name: str, value: object, encoding: Encoding, escape: Escape) -> list[tuple[str, str]]:
    """The (name, value) pairs of a query parameter, a form field or a cookie, each escaped
    with `escape` (the delimiters the style adds are not): form, spaceDelimited, pipeDelimited,
    deepObject (nested to any depth, arrays indexed: `a[0][b]`), or the value in its media type.
    None is left out."""
    if isinstance(value, str) and encoding.style is not None:  # the most common case, first
        return [(escape(name), escape(value))]
    if encoding.style is None:
        return (
            []
            if value is None
            else [(escape(name), escape(_content_text(value, encoding.content_type)))]
        )
    data = _jsonable(value)
    if encoding.style == "deepObject":
        found: list[tuple[str, str]] = []
        _deep_object(name, data, escape, found)
        return found
    if isinstance(data, dict):
        entries = [(key, _text(item)) for key, item in data.items() if item is not None]
        if encoding.explode:
            return [(escape(key), escape(item)) for key, item in entries]
        items = [part for entry in entries for part in entry]
    elif isinstance(data, list):
        items = [_text(item) for item in data if item is not None]
        if encoding.explode:
            return [(escape(name), escape(item)) for item in items]
    elif data is None:
        return []
    else:
        return [(escape(name), escape(_text(data)))]
    if not items:
        return []
    delimiter = (
        ","
        if encoding.style == "form"
        else escape(" " if encoding.style == "spaceDelimited" else "|")
    )
    return [(escape(name), delimiter.join(escape(item) for item in items))]


def _deep_object(key: str, data: Any, escape: Escape, found: list[tuple[str, str]]) -> None:
    if isinstance(data, dict):
        for name, item in data.items():
            _deep_object(f"{key}[{name}]", item, escape, found)
    elif isinstance(data, list):
        present = [item for item in data if item is not None]
        for index, item in enumerate(present):
            _deep_object(f"{key}[{index}]", item, escape, found)
    elif data is not None:
        found.append((escape(key), escape(_text(data))))


_ESCAPES: dict[tuple[bool, bool], Escape] = {
    (False, False): escape_uri,
    (False, True): _escape_form,
    (True, False): functools.partial(_reserved, quote),
    (True, True): functools.partial(_reserved, quote_plus),
}
"""(reserved characters allowed, in a form body) -> how the names and values of a query or of a
form body are escaped."""


def query_items(
    values: Mapping[str, object], encodings: Mapping[str, Encoding], *, form_body: bool = False
) -> list[str]:
    """The `name=value` items of a query string, or of a form body, percent-encoded; arguments
    not given are left out."""
    items: list[str] = []
    for name, value in values.items():
        if value is not NOT_GIVEN:
            encoding = encodings.get(name, FORM)
            escape = _ESCAPES[encoding.allow_reserved, form_body]
            items.extend(f"{key}={item}" for key, item in _pairs(name, value, encoding, escape))
    return items


def expand_path(
    template: str, values: Mapping[str, object], encodings: Mapping[str, Encoding]
) -> str:
    """A path template with its parameters expanded; ValueError for a parameter that would be
    empty (`/crawl/{id}` with "" would be `/crawl/`, another operation). A segment that is only
    dots (a label of an empty string is `.`) is percent-encoded, since URLs drop `.` and `..`
    segments (RFC 3986, 5.2.4), and `%2E` means the same (2.3)."""
    for name, value in values.items():
        written = _expansion(name, value, encodings.get(name, SIMPLE), escape_uri)
        if not written:
            raise ValueError(
                f"the path parameter {name!r} of {template} must not be empty: got {value!r}"
            )
        template = template.replace("{" + name + "}", written)
    if "/." in template:
        segments = template.split("/")
        template = "/".join(
            segment.replace(".", "%2E") if segment in (".", "..") else segment
            for segment in segments
        )
    return template


def header_values(
    values: Mapping[str, object], encodings: Mapping[str, Encoding]
) -> dict[str, str]:
    """Header values; arguments not given and undefined values are left out."""
    written = {}
    for name, value in values.items():
        if value is not NOT_GIVEN:
            header = _expansion(name, value, encodings.get(name, SIMPLE), _as_is)
            if header is not None:
                written[name] = header
    return written


def cookie_items(values: Mapping[str, object], encodings: Mapping[str, Encoding]) -> list[str]:
    """The `name=value` items of a Cookie header in style form, each pair a cookie of its own
    (RFC 6265 separates them with `; `, not `&`)."""
    items: list[str] = []
    for name, value in values.items():
        if value is not NOT_GIVEN:
            encoding = encodings.get(name, FORM)
            items.extend(f"{key}={item}" for key, item in _pairs(name, value, encoding, _as_is))
    return items


CONTENT_TYPES = {
    "json": "application/json",
    "form": "application/x-www-form-urlencoded",
    "text": "text/plain",
    "binary": "application/octet-stream",
}
"""The media type of a body of each kind when the endpoint declares none (multipart/form-data
is httpx's, which adds the boundary)."""


def body_arguments(
    kind: str | None,
    content_type: str | None,
    body: object,
    encodings: Mapping[str, Encoding],
    extra_body: Body | None,
) -> dict[str, Any]:
    """The httpx arguments (content or files, with headers) that carry a request body of this
    kind (json, form, multipart, binary or text) in the media type `content_type` (None: the
    kind's own), text encoded in its charset."""
    if kind == "multipart":
        given = {} if body is NOT_GIVEN else cast(Mapping[str, object], body)
        return _multipart({**given, **(extra_body or {})}, encodings)
    media_type = content_type or CONTENT_TYPES[kind or "json"]
    content: bytes
    if kind in (None, "json"):
        payload = None if body is NOT_GIVEN else _jsonable(body)
        if extra_body:
            payload = {**(payload or {}), **_jsonable(extra_body)}
        if payload is None:
            return {}
        text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
        content = text.encode(_charset(media_type))
    elif kind == "form":
        given = {} if body is NOT_GIVEN else cast(Mapping[str, object], body)
        items = query_items({**given, **(extra_body or {})}, encodings, form_body=True)
        if not items:
            return {}
        content = "&".join(items).encode()
    elif body is NOT_GIVEN:
        return {}
    elif kind == "text":
        content = str(body).encode(_charset(media_type))
    else:
        content = _file_parts("body", body)[1]
    return {"content": content, "headers": {"Content-Type": media_type}}


@functools.lru_cache(maxsize=None)
def _charset(media_type: str) -> str:
    """The `charset` parameter of a media type (utf-8 when it has none Python knows)."""
    for parameter in media_type.split(";")[1:]:
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "charset":
            try:
                return codecs.lookup(value.strip().strip('"')).name
            except LookupError:
                break
    return "utf-8"


def _multipart(fields: Mapping[str, object], encodings: Mapping[str, Encoding]) -> dict[str, Any]:
    """Every field as parts, so that the body is multipart/form-data even when no file is sent:
    one part per array item, files with their media type, values by their field's encoding."""
    parts: list[tuple[str, Any]] = []
    for name, value in fields.items():
        if value is NOT_GIVEN or value is None:
            continue
        encoding = encodings.get(name, CONTENT)
        if encoding.style is not None:
            parts.extend(
                (key, (None, item.encode(), None, encoding.headers))
                for key, item in _pairs(name, value, encoding, _as_is)
            )
            continue
        for item in value if isinstance(value, (list, tuple)) and not _is_file(value) else [value]:
            if _is_file(item):
                filename, content, file_type, part_headers = _file_parts(name, item)
                media_type = file_type or encoding.content_type
                parts.append(
                    (name, (filename, content, media_type, {**encoding.headers, **part_headers}))
                )
            elif item is not None:
                data = _content_text(item, encoding.content_type).encode()
                parts.append((name, (None, data, encoding.content_type, encoding.headers)))
    return {"files": parts}


def _is_file(value: object) -> bool:
    """An upload in one of the `FileTypes` forms (a tuple of other values is an array)."""
    if isinstance(value, tuple):
        return (
            2 <= len(value) <= 4
            and isinstance(value[0], (str, type(None)))
            and _is_file_content(value[1])
        )
    return _is_file_content(value)


def _is_file_content(value: object) -> bool:
    return isinstance(value, (bytes, bytearray, os.PathLike)) or hasattr(value, "read")


def _file_parts(
    name: str, value: object
) -> tuple[str | None, bytes, str | None, Mapping[str, str]]:
    """(file name, content, media type, part headers) of an upload given in any of the
    `FileTypes` forms."""
    if isinstance(value, tuple):
        filename, content, *rest = value
        return (
            filename,
            _file_content(content),
            rest[0] if rest else None,
            rest[1] if len(rest) > 1 else {},
        )
    if isinstance(value, os.PathLike):
        return os.path.basename(os.fspath(value)), _file_content(value), None, {}
    filename = getattr(value, "name", None)
    return (
        (os.path.basename(filename) if isinstance(filename, str) else name),
        _file_content(value),
        None,
        {},
    )


def _file_content(content: object) -> bytes:
    """The bytes of an upload, read once so that a retry sends them again."""
    if isinstance(content, os.PathLike):
        with open(content, "rb") as file:
            return file.read()
    if isinstance(content, (bytes, bytearray)):
        return bytes(content)
    data = cast(Any, content).read()
    return data.encode() if isinstance(data, str) else bytes(data)
