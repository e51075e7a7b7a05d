"""Sample values that a schema accepts, for the tests the generator writes with each client:
the smallest valid value (required properties only), with formats, enums, patterns, lengths and
bounds honoured at every depth, and the schema's own example where it fits the schema."""

from __future__ import annotations

import copy
import math
import re
from re import _parser  # type: ignore[attr-defined]  # Python's own reading of a pattern
from typing import Any, Callable, TypeGuard

from .. import nodes
from ..errors import GeneratorError
from ..load import Document
from ..validate import conforms


class Binary:
    """A file to upload: the sample of a binary string. There is one, `BINARY`: copies of a
    sample (samples are copied as they are reused) keep it."""

    def __repr__(self) -> str:
        return "Binary()"

    def __copy__(self) -> Binary:
        return self

    def __deepcopy__(self, memo: dict[int, object]) -> Binary:
        return self


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
    "duration": "P1D",
    "json-pointer": "/sample",
    "uri-template": "https://example.com/{id}",
    "regex": "^sample$",
}
# Shorter values of some formats, for a schema whose maxLength the usual one exceeds.
_SHORT_FORMATS: dict[str, str] = {
    "email": "a@b.io",
    "idn-email": "a@b.io",
    "uri": "http://a.io",
    "url": "http://a.io",
    "iri": "http://a.io",
    "uri-reference": "/",
    "hostname": "a.io",
}
_MAX_DEPTH = 24


def sample(document: Document, schema: Any, depth: int = 0, cache: dict[str, Any] | None = None) -> Any:
    """A value `schema` accepts (best effort: a pattern Python cannot read is not followed).
    `cache` keeps the samples of referenced schemas, which many operations share."""
    if depth > _MAX_DEPTH or not isinstance(schema, dict):
        return "sample"
    if "$ref" in schema and isinstance(schema["$ref"], str):
        return _referenced(document, schema, depth, cache)
    for key in ("const",):
        if key in schema:
            return schema[key]
    enum = [value for value in schema.get("enum") or [] if value is not None]
    if enum:  # the first value that keeps the schema's other rules (a pattern beside the enum)
        return next((value for value in enum if _within(document, value, schema)), enum[0])
    if schema.get("format") not in (None, "binary") and _type(schema) in ("string", None):
        format_ = str(schema.get("format"))
        for known in (_FORMATS.get(format_), _SHORT_FORMATS.get(format_)):
            if known is not None and _within(document, known, schema):
                return known
    for key in ("example", "default"):
        if key in schema and schema[key] is not None and fits(document, schema[key], schema):
            return schema[key]
    examples = schema.get("examples")
    if isinstance(examples, list) and examples and fits(document, examples[0], schema):
        return examples[0]
    if isinstance(schema.get("allOf"), list):
        return _all_of(document, schema, depth)
    for key in ("oneOf", "anyOf"):
        declared = [v for v in schema.get(key) or [] if not (isinstance(v, dict) and _type(v) == "null")]
        if declared:
            variants = [_with_properties_beside(document, schema, key, variant) for variant in declared]
            value = sample(document, variants[0], depth + 1)
            tag = _discriminator_tag(document, schema, declared[0])
            if tag is not None and isinstance(value, dict):
                value[tag[0]] = tag[1]
            elif key == "oneOf" and isinstance(value, dict) and len(variants) > 1:
                value = _only_first(document, value, variants, depth)
            return value
    kind = _type(schema)
    if kind == "object" or (kind is None and "properties" in schema):
        return _object(document, schema, depth)
    if kind == "array":
        return _array(document, schema, depth)
    if kind == "integer":
        return int(_number(schema, 1, integer=True))
    if kind == "number":
        return _number(schema, 1.5, integer=False)
    if kind == "boolean":
        return True
    if kind == "null":
        return None
    if kind == "string" or kind is None:
        if schema.get("format") == "binary" or schema.get("contentMediaType") == "application/octet-stream":
            return BINARY
        return _string(schema)
    return "sample"


def _referenced(document: Document, schema: dict[str, Any], depth: int, cache: dict[str, Any] | None) -> Any:
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


def _all_of(document: Document, schema: dict[str, Any], depth: int) -> Any:
    merged: dict[str, Any] = {}
    # a property is required by the schema or any part, wherever it is declared (Codat's
    # `Bill` lists `required` beside an allOf whose first part has the properties)
    parts = [_resolved(document, part) for part in schema["allOf"]]
    required = {
        name
        for names in [schema.get("required"), *(part.get("required") for part in parts)]
        if isinstance(names, list)
        for name in names
        if isinstance(name, str)
    }
    for part in parts:
        if required and (isinstance(part.get("properties"), dict) or "allOf" in part):
            part = {**part, "required": sorted(required)}
        value = sample(document, part, depth + 1)
        if isinstance(value, dict):
            merged.update(value)
    own = {key: value for key, value in schema.items() if key != "allOf"}
    value = _object(document, own, depth) if "properties" in own else {}
    return {**merged, **value} if merged or value else sample(document, schema["allOf"][0], depth + 1)


def _array(document: Document, schema: dict[str, Any], depth: int) -> list[Any]:
    # one item at least: an empty array tells little, and some servers mishandle one in a path
    count = max(schema["minItems"] if isinstance(schema.get("minItems"), int) else 1, 1)
    if schema.get("maxItems") == 0:
        count = 0
    prefix = schema.get("prefixItems")
    if isinstance(prefix, list) and prefix:
        return [sample(document, item, depth + 1) for item in prefix]
    item = sample(document, schema.get("items"), depth + 1)
    if schema.get("uniqueItems") is True:
        return [_varied(document, item, index, schema.get("items")) for index in range(count)]
    return [copy.deepcopy(item) for _ in range(count)]


def _lengths(schema: dict[str, Any]) -> tuple[int, int | None]:
    low, high = schema.get("minLength"), schema.get("maxLength")
    return (low if isinstance(low, int) and low > 0 else 0), (high if isinstance(high, int) and high >= 0 else None)


def _string(schema: dict[str, Any]) -> str:
    """A string of the schema's lengths that matches its pattern: "sample" made as long as
    the lengths say, or the shortest string the pattern matches."""
    low, high = _lengths(schema)
    pattern = schema.get("pattern")
    if isinstance(pattern, str):
        found = from_pattern(pattern, low)
        if found is not None:
            return found
    text = "sample" + "s" * max(0, low - len("sample"))
    return text if high is None else text[:high]


def from_pattern(pattern: str, length: int = 0) -> str | None:
    """A string that `pattern` matches, at least `length` long where the pattern lets it grow;
    None when Python cannot read the pattern (ECMA-262 syntax it lacks) or no string was found."""
    try:
        compiled = re.compile(pattern)
        tree = _parser.parse(pattern)
    except (re.error, RecursionError, OverflowError):
        return None
    text = _PatternWriter().write(tree)
    if len(text) < length:  # longer, by more repetitions where the pattern allows them
        text = _PatternWriter(length - len(text)).write(tree)
    return text if compiled.search(text) else None


class _PatternWriter:
    """Writes the shortest string a parsed pattern matches: the first alternative, the fewest
    repetitions (more of the first open-ended one to reach a length), a character of each set."""

    _CANDIDATES = "a0A_-. bcdefghijklmnopqrstuvwxyz123456789BCDEFGHIJKLMNOPQRSTUVWXYZ"

    def __init__(self, extra: int = 0) -> None:
        self._extra = extra
        """Characters still to add by repeating more."""
        self._groups: dict[int, str] = {}

    def write(self, tree: Any) -> str:
        return self._sequence(tree)

    def _sequence(self, items: Any) -> str:
        return "".join(self._item(op, value) for op, value in items)

    def _item(self, op: Any, value: Any) -> str:
        name = str(op)
        if name == "LITERAL":
            return chr(value)
        if name == "NOT_LITERAL":
            return next(char for char in self._CANDIDATES if ord(char) != value)
        if name == "ANY":
            return "a"
        if name == "IN":
            return self._one_of(value)
        if name == "CATEGORY":
            return self._one_of([(op, value)])
        if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            low, high, item = value
            text = self._sequence(item)
            count: int = low
            if text and self._extra > 0 and (high is _parser.MAXREPEAT or high > low):
                more = -(-self._extra // len(text))  # enough to reach the length
                if high is not _parser.MAXREPEAT:
                    more = min(more, high - low)
                count += more
                self._extra -= more * len(text)
            return text * count
        if name == "SUBPATTERN":
            group, _, _, item = value
            text = self._sequence(item)
            if group is not None:
                self._groups[group] = text
            return text
        if name == "BRANCH":
            return self._sequence(value[1][0])
        if name == "GROUPREF":
            return self._groups.get(value, "")
        if name == "ATOMIC_GROUP":
            return self._sequence(value)
        if name == "GROUPREF_EXISTS":
            group, yes, no = value
            return self._sequence(yes if group in self._groups else (no or []))
        return ""  # anchors and lookarounds match no character

    def _one_of(self, items: Any) -> str:
        """A character of a set (`[a-f0-9]`, `\\d`, `[^,]`)."""
        negated = any(str(op) == "NEGATE" for op, _ in items)
        for char in self._CANDIDATES if negated else []:
            if not any(_in_set(char, op, value) for op, value in items):
                return char
        for op, value in items:
            if str(op) == "LITERAL":
                return chr(value)
            if str(op) == "RANGE":
                return chr(value[0])
            if str(op) == "CATEGORY":
                return next(char for char in self._CANDIDATES + "\t" if _in_set(char, op, value))
        return "a"


_CATEGORIES: dict[str, Callable[[str], bool]] = {
    "CATEGORY_DIGIT": str.isdigit,
    "CATEGORY_NOT_DIGIT": lambda char: not char.isdigit(),
    "CATEGORY_SPACE": str.isspace,
    "CATEGORY_NOT_SPACE": lambda char: not char.isspace(),
    "CATEGORY_WORD": lambda char: char.isalnum() or char == "_",
    "CATEGORY_NOT_WORD": lambda char: not (char.isalnum() or char == "_"),
}


def _in_set(char: str, op: Any, value: Any) -> bool:
    name = str(op)
    if name == "LITERAL":
        return bool(ord(char) == value)
    if name == "RANGE":
        return bool(value[0] <= ord(char) <= value[1])
    if name == "CATEGORY":
        test = _CATEGORIES.get(str(value))
        return test is not None and test(char)
    return False


def _varied(document: Document, value: Any, index: int, schema: Any) -> Any:
    """The `index`th of distinct items made from one sample (for `uniqueItems`): the first
    variation that keeps within the items' schema (a number moved, a string lengthened or its end
    replaced, one property of an object varied so), else the first variation at all."""
    if index == 0:
        return value
    candidates = _variations(value, index)
    fitting = (candidate for candidate in candidates if _within(document, candidate, schema))
    return next(fitting, candidates[0] if candidates else copy.deepcopy(value))


def _variations(value: Any, index: int) -> list[Any]:
    mark = str(index)
    if isinstance(value, bool):
        return [not value] if index == 1 else []
    if isinstance(value, (int, float)):
        return [value + index, value - index]
    if isinstance(value, str):
        return [value + mark] + ([value[: -len(mark)] + mark] if len(value) > len(mark) else [])
    if isinstance(value, dict):
        return [{**value, key: varied} for key, item in value.items() for varied in _variations(item, index)]
    return []


def required_by_variant(document: Document, schema: Any) -> frozenset[str]:
    """The properties the first variant of a `oneOf`/`anyOf` beside a schema's properties
    requires, which the schema alone does not (urlbox's `url` or `html`): its sample has them."""
    resolved = _resolved(document, schema)
    if not isinstance(resolved.get("properties"), dict):
        return frozenset()
    for key in ("oneOf", "anyOf"):
        declared = [v for v in resolved.get(key) or [] if not (isinstance(v, dict) and _type(v) == "null")]
        if declared:
            names = _resolved(document, declared[0]).get("required")
            return (
                frozenset(name for name in names if isinstance(name, str)) if isinstance(names, list) else frozenset()
            )
    return frozenset()


def _with_properties_beside(document: Document, schema: dict[str, Any], key: str, variant: Any) -> Any:
    """A variant of a `oneOf`/`anyOf` that sits beside the schema's own properties, with them:
    a variant may only say which of those are required (urlbox's `{oneOf: [{required: [url]},
    {required: [html]}]}` beside `url` and `html`)."""
    own = {name: value for name, value in schema.items() if name not in (key, "discriminator")}
    if not isinstance(own.get("properties"), dict):
        return variant
    resolved = _resolved(document, variant)
    properties = {**own["properties"], **(resolved.get("properties") or {})}
    required = [
        name
        for names in (own.get("required"), resolved.get("required"))
        if isinstance(names, list)
        for name in names
        if isinstance(name, str)
    ]
    return {**own, **resolved, "properties": properties, "required": list(dict.fromkeys(required))}


def _only_first(document: Document, value: dict[str, Any], variants: list[Any], depth: int) -> dict[str, Any]:
    """The first variant's sample of a `oneOf`, which must match that variant alone: when another
    accepts it too, with an optional property of the first's added whose value is an enum or a
    constant (Adyen's `paymentMethod`: `{"bankAccountNumber": ...}` is ACH details, and also
    every variant that requires nothing, until `"type": "ach"` is added)."""
    if not any(_accepts(document, value, other) for other in variants[1:]):
        return value
    first = _resolved(document, variants[0])
    properties: dict[str, Any] = first["properties"] if isinstance(first.get("properties"), dict) else {}
    for name, property_schema in properties.items():
        resolved = _resolved(document, property_schema)
        if name in value or not ("enum" in resolved or "const" in resolved):
            continue
        trial = {**value, name: sample(document, resolved, depth + 1)}
        if _accepts(document, trial, first) and not any(_accepts(document, trial, other) for other in variants[1:]):
            return trial
    return value


def _resolved(document: Document, schema: Any) -> dict[str, Any]:
    for _ in range(_MAX_DEPTH):
        if not isinstance(schema, dict) or "$ref" not in schema:
            break
        try:
            schema, _ = document.resolve(schema, "")
        except GeneratorError:
            return {}
    return schema if isinstance(schema, dict) else {}


def _accepts(document: Document, value: Any, schema: Any) -> bool:
    """The value fits the schema, its constraints and (at the top) `additionalProperties: false`
    included."""
    resolved = _resolved(document, schema)
    if not fits(document, value, resolved):
        return False
    if isinstance(value, dict) and resolved.get("additionalProperties") is False:
        known: dict[str, Any] = resolved["properties"] if isinstance(resolved.get("properties"), dict) else {}
        return set(value) <= set(known)
    return True


def _discriminator_tag(document: Document, schema: dict[str, Any], variant: Any) -> tuple[str, object] | None:
    """(property, value) that selects `variant` by the schema's discriminator: its key in the
    mapping, else the one value the variant allows for the property (a `const`, an enum of one,
    as OpenAI's messages fix `role`), else the name of the schema it refers to."""
    discriminator = schema.get("discriminator")
    if not isinstance(discriminator, dict) or not isinstance(discriminator.get("propertyName"), str):
        return None
    ref = variant.get("$ref") if isinstance(variant, dict) else None
    if not isinstance(ref, str):
        return None
    name = discriminator["propertyName"]
    tag = next((value for value, target in nodes.discriminator_mapping(discriminator) if target == ref), None)
    if tag is not None:
        return name, tag
    target, _ = document.resolve(variant, "")
    own = nodes.mapping(nodes.mapping(target, "properties"), name)
    if "const" in own:
        return name, own["const"]
    if isinstance(own.get("enum"), list) and len(own["enum"]) == 1:
        return name, own["enum"][0]
    return name, nodes.schema_name(ref)


def _object(document: Document, schema: dict[str, Any], depth: int) -> dict[str, Any]:
    properties: dict[str, Any] = schema["properties"] if isinstance(schema.get("properties"), dict) else {}
    writable = {
        name: node for name, node in properties.items() if not (isinstance(node, dict) and node.get("readOnly") is True)
    }
    required = [name for name in schema.get("required") or [] if isinstance(name, str) and name in writable]
    value = {name: sample(document, writable[name], depth + 1) for name in required}
    # `minProperties` (AWS's tag maps want one): the optional properties in order, then new keys
    wanted = schema.get("minProperties")
    if not isinstance(wanted, int) or isinstance(wanted, bool) or len(value) >= wanted:
        return value
    for name, node in writable.items():
        if len(value) < wanted and name not in value:
            value[name] = sample(document, node, depth + 1)
    extra = schema.get("additionalProperties", True)
    number = 1
    while len(value) < wanted and extra is not False:
        value.setdefault(f"key{number}", sample(document, extra, depth + 1) if isinstance(extra, dict) else "sample")
        number += 1
    return value


def _type(schema: dict[str, Any]) -> str | None:
    kind = schema.get("type")
    if isinstance(kind, list):
        kind = next((name for name in kind if name != "null"), None)
    return kind if isinstance(kind, str) else None


def _bound(schema: dict[str, Any], inclusive: str, exclusive: str) -> tuple[float | None, bool]:
    """A bound and whether it is exclusive: OpenAPI 3.0's `exclusiveMinimum: true` beside
    `minimum`, or 3.1's `exclusiveMinimum: 5`."""
    value, flag = schema.get(inclusive), schema.get(exclusive)
    if _is_number(flag):
        return float(flag), True
    return (float(value), flag is True) if _is_number(value) else (None, False)


def _is_number(value: Any) -> TypeGuard[float]:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _number(schema: dict[str, Any], fallback: float, *, integer: bool) -> float:
    """The fallback, moved within the bounds (just inside an exclusive one: by 1, or for a
    number bounded on both sides to the middle) and up onto a multiple of `multipleOf`."""
    low, low_open = _bound(schema, "minimum", "exclusiveMinimum")
    high, high_open = _bound(schema, "maximum", "exclusiveMaximum")
    middle = None if integer or low is None or high is None else (low + high) / 2
    value = fallback
    if low is not None and (value < low or low_open and value == low):
        value = (low + 1 if middle is None else middle) if low_open else low
    if high is not None and (value > high or high_open and value == high):
        value = (high - 1 if middle is None else middle) if high_open else high
    step = schema.get("multipleOf")
    if _is_number(step) and step > 0:
        value = round(math.ceil(value / step) * step, 10)
    return value


def fits(document: Document, value: Any, schema: dict[str, Any]) -> bool:
    """The value conforms to the schema, its constraints included at every depth."""
    return conforms(document, value, schema) and _within(document, value, schema)


def _within(document: Document, value: Any, schema: Any, depth: int = 0) -> bool:
    """The value keeps the schema's constraints at every depth: lengths, pattern, bounds,
    multiples, item counts and uniqueness, required properties (types are `conforms`'s)."""
    if depth > _MAX_DEPTH or not isinstance(schema, dict):
        return True
    if "$ref" in schema:
        try:
            schema, _ = document.resolve(schema, "")
        except GeneratorError:
            return True
        return _within(document, value, schema, depth + 1)
    if isinstance(value, str) and not _string_within(value, schema):
        return False
    if _is_number(value) and not _number_within(value, schema):
        return False
    if isinstance(value, list):
        low, high = schema.get("minItems"), schema.get("maxItems")
        if isinstance(low, int) and len(value) < low or isinstance(high, int) and len(value) > high:
            return False
        if schema.get("uniqueItems") is True and len({repr(item) for item in value}) < len(value):
            return False
        if not all(_within(document, item, schema.get("items"), depth + 1) for item in value):
            return False
    if isinstance(value, dict):
        properties: dict[str, Any] = schema["properties"] if isinstance(schema.get("properties"), dict) else {}
        required: list[Any] = schema["required"] if isinstance(schema.get("required"), list) else []
        if any(name not in value for name in required if isinstance(name, str)):
            return False
        if not all(_within(document, value[name], properties[name], depth + 1) for name in properties if name in value):
            return False
    return all(_within(document, value, part, depth + 1) for part in schema.get("allOf") or [])


def _string_within(value: str, schema: dict[str, Any]) -> bool:
    low, high = _lengths(schema)
    if len(value) < low or high is not None and len(value) > high:
        return False
    pattern = schema.get("pattern")
    try:
        return not isinstance(pattern, str) or re.search(pattern, value) is not None
    except re.error:
        return True  # a pattern Python cannot read is not held against the value


def _number_within(value: float, schema: dict[str, Any]) -> bool:
    low, low_open = _bound(schema, "minimum", "exclusiveMinimum")
    high, high_open = _bound(schema, "maximum", "exclusiveMaximum")
    if low is not None and (value < low or value == low and low_open):
        return False
    if high is not None and (value > high or value == high and high_open):
        return False
    step = schema.get("multipleOf")
    return not (_is_number(step) and step > 0 and not math.isclose(value / step, round(value / step)))
