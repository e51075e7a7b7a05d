"""Sample values that a schema accepts, for the tests the generator writes with each client:
the smallest valid value (required properties only), with formats, enums and bounds honoured,
and the schema's own example where it fits the schema."""

from __future__ import annotations

import copy
import math
from typing import Any

from ..errors import GeneratorError
from ..load import Document
from ..validate import conforms


class Binary:
    """A file to upload: the sample of a binary string."""

    def __repr__(self) -> str:
        return "Binary()"


BINARY = Binary()

_FORMATS: dict[str, str] = {
    "date-time": "2024-01-01T00:00:00Z",
    "date": "2024-01-01",
    "time": "12:00:00",
    "uuid": "00000000-0000-4000-8000-000000000000",
    "email": "user@example.com",
    "idn-email": "user@example.com",
    "uri": "https://example.com",
    "url": "https://example.com",
    "iri": "https://example.com",
    "uri-reference": "https://example.com",
    "hostname": "example.com",
    "ipv4": "127.0.0.1",
    "ipv6": "::1",
    "byte": "c2FtcGxl",
}
_MAX_DEPTH = 24


def sample(document: Document, schema: Any, depth: int = 0, cache: dict[str, Any] | None = None) -> Any:
    """A value `schema` accepts (best effort: patterns are not followed). `cache` keeps the
    samples of referenced schemas, which many operations share."""
    if depth > _MAX_DEPTH or not isinstance(schema, dict):
        return "sample"
    if "$ref" in schema and isinstance(schema["$ref"], str):
        if cache is not None and schema["$ref"] in cache:
            return copy.deepcopy(cache[schema["$ref"]])
        try:
            target, _ = document.resolve(schema, "")
        except GeneratorError:
            return "sample"
        value = sample(document, target, depth + 1, cache)
        if cache is not None and depth == 0:  # deeper ones were cut by the depth limit
            cache[schema["$ref"]] = copy.deepcopy(value)
        return value
    for key in ("const",):
        if key in schema:
            return schema[key]
    enum = [value for value in schema.get("enum") or [] if value is not None]
    if enum:
        return enum[0]
    if schema.get("format") not in (None, "binary") and _type(schema) in ("string", None):
        known = _FORMATS.get(str(schema.get("format")))
        if known is not None:
            return known
    for key in ("example", "default"):
        if key in schema and schema[key] is not None and _fits(document, schema[key], schema):
            return schema[key]
    examples = schema.get("examples")
    if isinstance(examples, list) and examples and _fits(document, examples[0], schema):
        return examples[0]
    if isinstance(schema.get("allOf"), list):
        merged: dict[str, Any] = {}
        for part in schema["allOf"]:
            value = sample(document, part, depth + 1)
            if isinstance(value, dict):
                merged.update(value)
        own = {key: value for key, value in schema.items() if key != "allOf"}
        value = _object(document, own, depth) if "properties" in own else {}
        return {**merged, **value} if merged or value else sample(document, schema["allOf"][0], depth + 1)
    for key in ("oneOf", "anyOf"):
        variants = [v for v in schema.get(key) or [] if not (isinstance(v, dict) and _type(v) == "null")]
        if variants:
            value = sample(document, variants[0], depth + 1)
            tag = _discriminator_tag(schema, variants[0])
            if tag is not None and isinstance(value, dict):
                value[tag[0]] = tag[1]
            return value
    kind = _type(schema)
    if kind == "object" or (kind is None and "properties" in schema):
        return _object(document, schema, depth)
    if kind == "array":
        # one item at least: an empty array tells little, and some servers mishandle one in a path
        count = max(schema["minItems"] if isinstance(schema.get("minItems"), int) else 1, 1)
        if schema.get("maxItems") == 0:
            count = 0
        prefix = schema.get("prefixItems")
        if isinstance(prefix, list) and prefix:
            return [sample(document, item, depth + 1) for item in prefix]
        return [sample(document, schema.get("items"), depth + 1) for _ in range(count)]
    if kind == "integer":
        return int(_number(schema, 1))
    if kind == "number":
        return _number(schema, 1.5)
    if kind == "boolean":
        return True
    if kind == "null":
        return None
    if kind == "string" or kind is None:
        if schema.get("format") == "binary" or schema.get("contentMediaType") == "application/octet-stream":
            return BINARY
        length = schema["minLength"] if isinstance(schema.get("minLength"), int) else 0
        return "sample" + "s" * max(0, length - len("sample"))
    return "sample"


def _discriminator_tag(schema: dict[str, Any], variant: Any) -> tuple[str, str] | None:
    """(property, value) that selects `variant` by the schema's discriminator: its key in the
    mapping, or else the name of the schema it refers to."""
    discriminator = schema.get("discriminator")
    if not isinstance(discriminator, dict) or not isinstance(discriminator.get("propertyName"), str):
        return None
    ref = variant.get("$ref") if isinstance(variant, dict) else None
    if not isinstance(ref, str):
        return None
    mapping: dict[str, Any] = discriminator["mapping"] if isinstance(discriminator.get("mapping"), dict) else {}
    name = ref.rsplit("/", 1)[-1]
    tag = next((key for key, target in mapping.items() if target in (ref, name)), name)
    return discriminator["propertyName"], tag


def _object(document: Document, schema: dict[str, Any], depth: int) -> dict[str, Any]:
    properties: dict[str, Any] = schema["properties"] if isinstance(schema.get("properties"), dict) else {}
    required = [name for name in schema.get("required") or [] if isinstance(name, str) and name in properties]
    return {
        name: sample(document, properties[name], depth + 1)
        for name in required
        if not (isinstance(properties[name], dict) and properties[name].get("readOnly") is True)
    }


def _type(schema: dict[str, Any]) -> str | None:
    kind = schema.get("type")
    if isinstance(kind, list):
        kind = next((name for name in kind if name != "null"), None)
    return kind if isinstance(kind, str) else None


def _number(schema: dict[str, Any], fallback: float) -> float:
    value = fallback
    low, high = schema.get("minimum"), schema.get("maximum")
    if isinstance(low, (int, float)) and not isinstance(low, bool):
        value = max(value, low + (1 if schema.get("exclusiveMinimum") is True else 0))
    exclusive_low = schema.get("exclusiveMinimum")
    if isinstance(exclusive_low, (int, float)) and not isinstance(exclusive_low, bool):
        value = max(value, exclusive_low + 1)
    if isinstance(high, (int, float)) and not isinstance(high, bool):
        value = min(value, high)
    return value if math.isfinite(value) else fallback


def _fits(document: Document, value: Any, schema: dict[str, Any]) -> bool:
    """The value conforms to the schema, bounds of strings and numbers included."""
    if not conforms(document, value, schema):
        return False
    if isinstance(value, str):
        low, high = schema.get("minLength"), schema.get("maxLength")
        if isinstance(low, int) and len(value) < low or isinstance(high, int) and len(value) > high:
            return False
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        low, high = schema.get("minimum"), schema.get("maximum")
        if isinstance(low, (int, float)) and value < low or isinstance(high, (int, float)) and value > high:
            return False
    if isinstance(value, list):
        low = schema.get("minItems")
        if isinstance(low, int) and len(value) < low:
            return False
    return True
