"""JSON Schemas (OpenAPI 3.0 and 3.1 flavours) to IR types and named models."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import PurePosixPath
from typing import Any

from .. import naming
from ..errors import GeneratorError, Warnings, escape_pointer_token, pointer_tokens
from ..load import Document, split_pointer
from ..validate import schema_samples
from .discriminators import TAG_PROPERTIES, declared_discriminator, inferred_discriminator, tags_of
from .overrides import NameOverrides, check_field_name, check_natural, reserve
from .type_exprs import (
    ANY,
    NO_DEFAULT,
    NONE,
    Alias,
    Discriminator,
    Field,
    ListOf,
    LiteralOf,
    LiteralValue,
    MapOf,
    Model,
    NamedType,
    Primitive,
    PrimitiveKind,
    Ref,
    TupleOf,
    TypeExpr,
    UnionOf,
)

COMPONENT_PREFIX = "/components/schemas/"

# String formats with a Python type of their own; others (uuid, uri, email, byte, ...) stay
# `str`, which accepts whatever the server sends.
_STRING_FORMATS: dict[str, PrimitiveKind] = {
    "date-time": "datetime",
    "date": "date",
    "time": "time",
    "binary": "file",
}
_TYPE_KINDS: dict[str, PrimitiveKind] = {
    "string": "str",
    "integer": "int",
    "number": "float",
    "boolean": "bool",
    "null": "none",
}

JSON_SCHEMA_EXTENSION = "x-clientgen-json-schema"
"""On a schema: its value is a JSON Schema (a request takes a dict or a pydantic model class)."""


def nullable(type_: TypeExpr) -> TypeExpr:
    return union([type_, NONE])


def union(variants: list[TypeExpr]) -> TypeExpr:
    """A union without nesting or repeats, `None` last; a single variant stands for itself.
    A discriminated union stays whole: its variants are chosen by its own rule."""
    flat: list[TypeExpr] = []
    for variant in variants:
        nested = isinstance(variant, UnionOf) and variant.discriminator is None
        for member in variant.variants if nested else (variant,):  # type: ignore[union-attr]
            if member not in flat:
                flat.append(member)
    if ANY in flat:
        return ANY
    if NONE in flat:
        flat.remove(NONE)
        flat.append(NONE)
    return flat[0] if len(flat) == 1 else UnionOf(tuple(flat))


_CONSTRAINT_ONLY_KEYS = frozenset({"required", "description", "title"})


def joined(*parts: str) -> str:
    """A naming hint made of parts; `naming.class_name` turns it into `PartsLikeThis`.

    Words that repeat across the seam are said once: `Wait` + `Wait by duration` ->
    `Wait by duration`, `GetMonitor` + `monitorId` -> `GetMonitor Id`.
    """
    hint = ""
    for part in parts:
        if not part:
            continue
        if hint:
            hint_words = [word.lower() for word in naming.words(hint)]
            part_words = naming.words(part)
            lowered = [word.lower() for word in part_words]
            overlap = max(
                (n for n in range(1, len(part_words)) if hint_words[-n:] == lowered[:n]),
                default=0,
            )
            part = " ".join(part_words[overlap:]) if overlap else part
        hint = f"{hint} {part}" if hint else part
    return hint


class SchemaBuilder:
    """Turns schemas into `TypeExpr`s, creating a named model for each object with properties.

    Every named type is made once per schema location (JSON pointer), so `$ref`s to the same
    place share one class and recursive schemas terminate.
    """

    def __init__(
        self, document: Document, warnings: Warnings, class_names: naming.Scope, overrides: NameOverrides
    ) -> None:
        self._document = document
        self._overrides = overrides
        self._warnings = warnings
        self._class_names = class_names
        self._chosen_classes = reserve(class_names, overrides.chosen_classes(), document.location(), "a class")
        self._by_pointer: dict[str, NamedType] = {}
        self._component_names: dict[str, str] = {}
        self.types: list[NamedType] = []
        self.references: dict[NamedType, set[NamedType]] = {}
        """Named type -> the named types its definition mentions (for module layout)."""
        self.group_of: dict[NamedType, str] = {}
        """Named type -> the root it belongs with: its component, or its operation (`group`)."""
        self._group: str | None = None
        """While an operation is built (`grouped`): its name, the group of its inline types."""
        self.declared: set[NamedType] = set()
        """The types of schemas the spec names (components, definitions) or the user does."""
        self._building: list[NamedType] = []

    @contextmanager
    def grouped(self, group: str | None) -> Iterator[None]:
        """The inline types built inside belong with `group`: an operation's name, or None for
        those of a body or response the operations share (each then with its own name)."""
        outer, self._group = self._group, group
        try:
            yield
        finally:
            self._group = outer

    # --- components -----------------------------------------------------------------------------

    def claim_component_names(self, schemas: dict[str, Any]) -> None:
        """Components are named first, so inline schemas never take a component's name."""
        for key in schemas:
            self._component_names[key] = self._class_name(COMPONENT_PREFIX + escape_pointer_token(key), key)

    def _class_name(self, pointer: str, hint: str) -> str:
        """The class name of the schema at `pointer`: the user's choice, or one made from `hint`."""
        chosen = self._overrides.class_at(pointer)
        if chosen is not None:
            return chosen[1]
        name = naming.class_name(hint)
        check_natural(name, self._chosen_classes, self._document.location(pointer), "the class")
        return self._class_names.claim(name, separator="")

    def component(self, key: str) -> NamedType:
        pointer = COMPONENT_PREFIX + escape_pointer_token(key)
        if pointer in self._by_pointer:
            return self._by_pointer[pointer]
        node = self._document.data["components"]["schemas"][key]
        return self._named(node, pointer, self._component_names[key], is_component=True)

    # --- any schema -----------------------------------------------------------------------------

    def type_of(self, node: Any, pointer: str, hint: str) -> TypeExpr:
        """The type of the schema `node` found at `pointer`; `hint` names inline models."""
        if isinstance(node, bool):
            return ANY
        if not isinstance(node, dict):
            raise self._document.error(pointer, f"a schema must be an object, not {type(node).__name__}")
        if "$ref" in node:
            return self._reference(node, pointer, hint)
        if JSON_SCHEMA_EXTENSION in node:
            if not isinstance(node[JSON_SCHEMA_EXTENSION], bool):
                raise self._document.error(f"{pointer}/{JSON_SCHEMA_EXTENSION}", "must be true or false")
            if node[JSON_SCHEMA_EXTENSION]:
                json_schema: TypeExpr = Primitive("json_schema")
                return nullable(json_schema) if _is_nullable(node) else json_schema
        if pointer in self._by_pointer:
            named: TypeExpr = self._use(self._by_pointer[pointer])
            return nullable(named) if _is_nullable(node) else named
        if self._is_model(node):
            model = self._use(self._named(node, pointer, hint, is_component=False))
            return nullable(model) if _is_nullable(node) else model
        if self._is_model_union(node):
            return self._use(self._named(node, pointer, hint, is_component=False))
        return self._unnamed(node, pointer, hint)

    def _reference(self, node: dict[str, Any], pointer: str, hint: str) -> TypeExpr:
        """A `$ref`; `nullable: true` beside it (common, though 3.0 ignores siblings) is honoured."""
        target, target_pointer = self._document.resolve(node, pointer)
        named = self._named_at(target_pointer)
        if named is None:
            return self.type_of(target, target_pointer, hint)
        type_: TypeExpr = self._use(named)
        if _is_nullable(node) or (isinstance(target, dict) and _is_nullable(target) and self._is_model(target)):
            type_ = nullable(type_)
        return type_

    def _named_at(self, pointer: str) -> NamedType | None:
        """The named type of a schema already built at `pointer`, or of a definition there: a
        component, an entry of `definitions`/`$defs`, or the whole of another file."""
        if pointer in self._by_pointer:
            return self._by_pointer[pointer]
        key, fragment = split_pointer(pointer)
        tokens = pointer_tokens(fragment)
        if not key and len(tokens) == 3 and tokens[:2] == ["components", "schemas"]:
            return self.component(tokens[2])
        if len(tokens) >= 2 and tokens[-2] in ("schemas", "definitions", "$defs"):
            name = tokens[-1]
        elif key and not tokens:
            name = PurePosixPath(key).stem
        else:
            return None
        node = self._document.lookup(pointer, referrer=pointer)
        title = node.get("title") if isinstance(node, dict) and not tokens else None
        return self._named(
            node, pointer, self._class_name(pointer, title if isinstance(title, str) else name), is_component=True
        )

    def payload(self, node: Any, pointer: str, hint: str) -> NamedType:
        """The named type of a webhook's payload: its definition's (a `$ref`), else a class of
        its own named `hint`, kept under that name (never merged into another)."""
        target, target_pointer = self._document.resolve(node, pointer)
        named = self._named_at(target_pointer)
        if named is None:
            named = self._named(target, target_pointer, hint, is_component=False)
            self.declared.add(named)
        return named

    def declare(self, named: NamedType, uses: set[NamedType]) -> None:
        """A named type made outside the schemas (the union of the webhooks' payloads), in a
        module of its own."""
        self.types.append(named)
        self.references[named] = uses
        self.group_of[named] = named.name
        self.declared.add(named)

    def _use(self, named: NamedType) -> Ref:
        if self._building:
            self.references[self._building[-1]].add(named)
        return Ref(named)

    def object_fields(self, node: Any, pointer: str, hint: str) -> list[Field] | None:
        """The fields of an object schema without making a class for it (for flattened bodies);
        None when the schema is not an object with properties."""
        target, target_pointer = self._document.resolve(node, pointer)
        if not isinstance(target, dict) or not self._is_model(target):
            return None
        named = self._named_at(target_pointer)
        if isinstance(named, Model):
            self._use(named)
            return named.fields
        return self._fields(target, target_pointer, hint)

    def _named(
        self, node: Any, pointer: str, hint: str, *, is_component: bool, variant_base: str | None = None
    ) -> NamedType:
        name = hint if is_component else self._class_name(pointer, hint)
        description = node.get("description") if isinstance(node, dict) else None
        named: NamedType
        if isinstance(node, dict) and "$ref" not in node and self._is_model(node):
            named = Model(name=name, pointer=pointer, fields=[], description=description)
        else:
            named = Alias(name=name, pointer=pointer, type=ANY, description=description)
        self._by_pointer[pointer] = named
        self.types.append(named)
        if is_component or self._overrides.class_at(pointer) is not None:
            self.declared.add(named)
        self.references[named] = set()
        if is_component or not (self._building or self._group):
            self.group_of[named] = name
        else:
            self.group_of[named] = self.group_of[self._building[-1]] if self._building else str(self._group)
        self._building.append(named)
        try:
            if isinstance(named, Model):
                named.fields = self._fields(node, pointer, name)
                named.base = self._base_of(node, pointer, named)
                named.extra_values = self._extra_values(node, pointer, name)
            elif isinstance(node, dict) and "$ref" in node:
                named.type = self._reference(node, pointer, name)
            else:
                named.type = self._unnamed(node, pointer, name, variant_base) if isinstance(node, dict) else ANY
        finally:
            self._building.pop()
        return named

    # --- objects ----------------------------------------------------------------------------------

    def _is_model(self, node: dict[str, Any], seen: frozenset[str] = frozenset()) -> bool:
        """An object schema with properties of its own (or merged from allOf) becomes a class."""
        if "enum" in node or "const" in node or self._union_variants(node):
            return False
        if node.get("type", "object") not in ("object", ["object"], ["object", "null"], ["null", "object"]):
            return False
        if node.get("properties"):
            return True
        all_of = node.get("allOf")
        if not isinstance(all_of, list):
            return False
        # allOf with one real part (a $ref beside a description) is that part, not a new model
        parts = [part for part in all_of if _has_type_information(part)]
        return len(parts) > 1 and any(self._is_model_part(part, seen) for part in parts)

    def _is_model_part(self, part: Any, seen: frozenset[str]) -> bool:
        if isinstance(part, dict) and "$ref" in part:
            ref = part["$ref"]
            if ref in seen:
                return False
            seen = seen | {ref}
            try:
                part, _ = self._document.resolve(part, "")
            except GeneratorError:
                return False  # reported with its real location when the part itself is built
        return isinstance(part, dict) and self._is_model(part, seen)

    def _fields(self, node: dict[str, Any], pointer: str, model_name: str) -> list[Field]:
        properties, required = self._merged_properties(node, pointer)
        names = naming.Scope()
        chosen = {
            property_pointer: found
            for _, property_pointer in properties.values()
            if (found := self._overrides.field_at(property_pointer)) is not None
        }
        for property_pointer, found in chosen.items():
            check_field_name(found, self._document.location(property_pointer))
        reserved = reserve(names, list(chosen.values()), self._document.location(pointer), "a field")
        fields = []
        for wire_name, (property_node, property_pointer) in properties.items():
            type_ = self.type_of(property_node, property_pointer, joined(model_name, wire_name))
            is_required = wire_name in required
            description, default = self._annotations(property_node, property_pointer)
            flags = self._flags(property_node, property_pointer)
            fields.append(
                Field(
                    name=chosen[property_pointer][1]
                    if property_pointer in chosen
                    else self._natural_field_name(names, reserved, property_pointer, wire_name),
                    wire_name=wire_name,
                    type=type_,
                    required=is_required,
                    description=description,
                    default=default,
                    deprecated="deprecated" in flags,
                    read_only="readOnly" in flags,
                    write_only="writeOnly" in flags,
                )
            )
        for wire_name in sorted(required - properties.keys()):
            self._warnings.add(
                self._document.location(pointer + "/required"),
                f"required property {wire_name!r} is not among the properties; ignored",
            )
        return fields

    def _natural_field_name(self, names: naming.Scope, reserved: dict[str, str], pointer: str, wire_name: str) -> str:
        name = naming.field_name(wire_name)
        check_natural(name, reserved, self._document.location(pointer), "the field")
        return names.claim(name)

    def _merged_properties(
        self, node: dict[str, Any], pointer: str, seen: frozenset[str] = frozenset()
    ) -> tuple[dict[str, tuple[Any, str]], set[str]]:
        """Properties (wire name -> schema, pointer) and required names, with allOf parts merged."""
        properties: dict[str, tuple[Any, str]] = {}
        required: set[str] = set()
        for index, part in enumerate(node.get("allOf") or []):
            part_node, part_pointer = self._document.resolve(part, f"{pointer}/allOf/{index}")
            if part_pointer in seen:
                raise self._document.error(f"{pointer}/allOf/{index}", "allOf includes itself")
            if not isinstance(part_node, dict):
                continue
            # a component part is built in its own right, so its inline types get its names
            self._named_at(part_pointer)
            if not self._is_model(part_node) and not part_node.get("required"):
                self._warnings.add(
                    self._document.location(part_pointer),
                    "allOf part is not an object with properties; it is left out of the merged model",
                )
                continue
            part_properties, part_required = self._merged_properties(part_node, part_pointer, seen | {pointer})
            properties.update(part_properties)
            required |= part_required
        for wire_name, property_node in (node.get("properties") or {}).items():
            properties[wire_name] = (property_node, f"{pointer}/properties/{escape_pointer_token(wire_name)}")
        required_list = node.get("required") or []
        if isinstance(required_list, list):
            required |= {name for name in required_list if isinstance(name, str)}
        return properties, required

    def _base_of(self, node: dict[str, Any], pointer: str, model: Model) -> Model | None:
        """The model this one extends: allOf of exactly one component model and other parts
        that only add properties. Otherwise its fields are merged into a class of its own."""
        all_of = node.get("allOf")
        if not isinstance(all_of, list):
            return None
        refs = [(index, part) for index, part in enumerate(all_of) if isinstance(part, dict) and "$ref" in part]
        if len(refs) != 1:
            return None
        index, part = refs[0]
        _, target_pointer = self._document.resolve(part, f"{pointer}/allOf/{index}")
        base = self._named_at(target_pointer)
        if not isinstance(base, Model) or base is model or base in self._building or base.extra_values is not None:
            return None
        mine = {field.wire_name: field for field in model.fields}
        if any(mine.get(field.wire_name) != field for field in base.fields):
            return None  # a part changes an inherited field (its type, or makes it required)
        self._use(base)
        return base

    def _extra_values(self, node: dict[str, Any], pointer: str, name: str) -> TypeExpr | None:
        extra = node.get("additionalProperties")
        if isinstance(extra, dict) and extra:
            return self.type_of(extra, pointer + "/additionalProperties", joined(name, "value"))
        return None

    def _flags(self, node: Any, pointer: str) -> set[str]:
        """Which of deprecated, readOnly and writeOnly a property has, itself or through a $ref."""
        target = self._document.resolve(node, pointer)[0] if isinstance(node, dict) and "$ref" in node else {}
        return {
            flag
            for flag in ("deprecated", "readOnly", "writeOnly")
            for place in (node, target)
            if isinstance(place, dict) and place.get(flag) is True
        }

    def _annotations(self, node: Any, pointer: str) -> tuple[str | None, object]:
        """Description and default of a property, looking through a `$ref` when it has none."""
        if not isinstance(node, dict):
            return None, NO_DEFAULT
        description = node.get("description")
        default = node.get("default", NO_DEFAULT)
        if "$ref" in node and (description is None or default is NO_DEFAULT):
            target, _ = self._document.resolve(node, pointer)
            if isinstance(target, dict):
                description = description if description is not None else target.get("description")
                default = default if default is not NO_DEFAULT else target.get("default", NO_DEFAULT)
        return (description if isinstance(description, str) else None), default

    # --- everything that is not a model ------------------------------------------------------------

    def _is_model_union(self, node: dict[str, Any]) -> bool:
        """A oneOf/anyOf with a model among its variants: it gets a name (an alias), so the
        signatures that use it stay short."""
        for variant in self._union_variants(node):
            if isinstance(variant, dict) and "$ref" in variant:
                try:
                    variant, _ = self._document.resolve(variant, "")
                except GeneratorError:
                    continue  # reported with its real location when the variant is built
            if isinstance(variant, dict) and self._is_model(variant):
                return True
        return False

    def _union_variants(self, node: dict[str, Any]) -> list[Any]:
        """oneOf/anyOf variants that are types; variants that only list `required` are constraints."""
        variants = node.get("oneOf") or node.get("anyOf") or []
        if not isinstance(variants, list):
            return []
        return [v for v in variants if not (isinstance(v, dict) and v.keys() <= _CONSTRAINT_ONLY_KEYS)]

    def _unnamed(self, node: dict[str, Any], pointer: str, hint: str, variant_base: str | None = None) -> TypeExpr:
        """A type that is not a model of its own; `variant_base` names the variants of a union
        (by default `hint`)."""
        type_ = self._unnamed_not_null(node, pointer, hint, variant_base or hint)
        if node.get("nullable") is True:
            type_ = nullable(type_)
        return type_

    def _unnamed_not_null(self, node: dict[str, Any], pointer: str, hint: str, variant_base: str) -> TypeExpr:
        if "const" in node:
            return self._literal([node["const"]], node, pointer)
        if isinstance(node.get("enum"), list) and node["enum"]:
            return self._literal(node["enum"], node, pointer)
        variants = self._union_variants(node)
        if variants:
            keyword = "oneOf" if node.get("oneOf") else "anyOf"
            types = [
                self.type_of(variant, f"{pointer}/{keyword}/{index}", self._variant_hint(variant, variant_base, index))
                for index, variant in enumerate(node[keyword])
                if variant in variants
            ]
            result = union(types)
            if isinstance(result, UnionOf) and result.variants == tuple(types):
                found = self._discriminator(node, pointer, types)
                if found is not None:
                    result = UnionOf(result.variants, found)
            return result
        all_of = node.get("allOf")
        if isinstance(all_of, list) and all_of:
            # allOf without object parts, typically a $ref beside a part holding only a description
            index = next((i for i, part in enumerate(all_of) if _has_type_information(part)), 0)
            return self.type_of(all_of[index], f"{pointer}/allOf/{index}", hint)
        declared = node.get("type")
        if isinstance(declared, list):
            return union(
                [
                    self._unnamed_not_null({**node, "type": one}, pointer, hint, variant_base)
                    for one in declared
                    if isinstance(one, str)
                ]
            )
        if isinstance(node.get("prefixItems"), list):
            return self._tuple(node, pointer, hint)
        if declared == "array" or (declared is None and "items" in node):
            items = self._items(node, pointer, hint)
            shorthand = self._shorthand(node, pointer, hint, items)
            return ListOf(items if shorthand is None else union([items, shorthand]))
        if declared == "object" or (declared is None and ("properties" in node or "additionalProperties" in node)):
            extra = node.get("additionalProperties")
            if isinstance(extra, dict) and extra:
                return MapOf(self.type_of(extra, pointer + "/additionalProperties", joined(hint, "value")))
            return MapOf(ANY)
        if declared == "string":
            return Primitive(_STRING_FORMATS.get(node.get("format", ""), "str"))
        if isinstance(declared, str) and declared in _TYPE_KINDS:
            return Primitive(_TYPE_KINDS[declared])
        return ANY

    def _discriminator(self, node: dict[str, Any], pointer: str, types: list[TypeExpr]) -> Discriminator | None:
        """The spec's discriminator, else one inferred from a property that every variant fixes
        to values of its own (Firecrawl's `type`). None when variants are not all models or
        their tags would not tell them apart: then pydantic tries each variant."""
        models = [t.target for t in types if isinstance(t, Ref) and isinstance(t.target, Model)]
        if len(models) != len(types):
            return None
        declared = node.get("discriminator")
        if isinstance(declared, dict) and isinstance(declared.get("propertyName"), str):
            return declared_discriminator(self._document, self._warnings, declared, pointer, models)
        return inferred_discriminator(models)

    def _tuple(self, node: dict[str, Any], pointer: str, hint: str) -> TypeExpr:
        """`prefixItems`: a tuple when there are exactly that many items (`minItems` says none may
        be missing, `items: false` or `maxItems` that none may follow), else a list of their types."""
        prefix = [
            self.type_of(item, f"{pointer}/prefixItems/{index}", joined(hint, f"item {index + 1}"))
            for index, item in enumerate(node["prefixItems"])
        ]
        closed = node.get("items") is False or node.get("maxItems") == len(prefix)
        min_items = node.get("minItems")
        if closed and isinstance(min_items, int) and min_items >= len(prefix):
            return TupleOf(tuple(prefix))
        if node.get("items") is False:
            return ListOf(union(prefix))
        rest = self._items(node, pointer, hint) if "items" in node else ANY
        return ListOf(union([*prefix, rest]))

    def _items(self, node: dict[str, Any], pointer: str, hint: str) -> TypeExpr:
        items = node.get("items")
        if items is None:
            return ANY
        items_pointer = pointer + "/items"
        if isinstance(items, dict) and "$ref" not in items and items_pointer not in self._by_pointer:
            if self._is_model_union(items):
                # the union is `<array> item`; its variants are named after the array: `Formats` + `Markdown`
                return self._use(
                    self._named(items, items_pointer, joined(hint, "item"), is_component=False, variant_base=hint)
                )
            if self._union_variants(items):
                return self._unnamed(items, items_pointer, hint)
        return self.type_of(items, items_pointer, joined(hint, "item"))

    def _shorthand(self, node: dict[str, Any], pointer: str, hint: str, items: TypeExpr) -> TypeExpr | None:
        """Strings that stand for a variant of a tagged union by its tag alone, where the array's
        default or examples show them (Firecrawl's `formats` defaults to `["markdown"]`, for
        `[{"type": "markdown"}]`): a `Literal` of the tags of the variants that need nothing
        else. None when no sample shows such a string."""
        samples = [(key, value) for key, value in schema_samples(node) if isinstance(value, list)]
        shown = {item for _, sample in samples for item in sample if isinstance(item, str)}
        found = tags_of(items) if shown else None
        if found is None:
            return None
        tag_name, tagged = found
        tags = [
            value for value, model in tagged if all(not f.required or f.wire_name == tag_name for f in model.fields)
        ]
        if not shown <= set(tags):
            return None  # a string that is no tag, or the tag of a variant that needs more: a defect
        key = next(key for key, sample in samples if any(isinstance(item, str) for item in sample))
        description = (
            f"A variant given by its `{tag_name}` alone, as the spec's {key.split('/')[0]} shows: "
            f"`{json.dumps(tags[0])}` stands for `{json.dumps({tag_name: tags[0]})}`."
        )
        where = f"{pointer}/{key}"  # the sample that shows the strings stands for their type
        if where not in self._by_pointer:
            shorthand = {"type": "string", "enum": tags, "description": description}
            self._named(shorthand, where, joined(hint, "shorthand"), is_component=False)
        return self._use(self._by_pointer[where])

    def _variant_hint(self, variant: Any, hint: str, index: int) -> str:
        """Name an inline union variant by its title, else by its tag value, else by position."""
        if not isinstance(variant, dict):
            return joined(hint, f"variant {index + 1}")
        title = variant.get("title")
        if isinstance(title, str) and naming.words(title):
            return joined(hint, title)
        properties = variant.get("properties") or {}
        for tag in TAG_PROPERTIES:
            value = _single_value(properties.get(tag))
            if isinstance(value, str) and naming.words(value):
                return joined(hint, value)
        return joined(hint, f"variant {index + 1}")

    def _literal(self, values: list[Any], node: dict[str, Any], pointer: str) -> TypeExpr:
        literal_values: list[LiteralValue] = []
        others: list[TypeExpr] = []
        for value in values:
            if value is None:
                others.append(NONE)
            elif isinstance(value, (str, bool, int)):
                if value not in literal_values:
                    literal_values.append(value)
            else:
                # floats, objects and arrays cannot be Literal values: fall back to the base type
                bare = {k: v for k, v in node.items() if k not in ("enum", "const")}
                base = self._unnamed_not_null(bare, pointer, "", "")
                others.append(base)
        parts: list[TypeExpr] = [LiteralOf(tuple(literal_values))] if literal_values else []
        return union(parts + others)


_ANNOTATION_KEYWORDS = frozenset(
    {"description", "title", "nullable", "default", "example", "examples", "deprecated", "readOnly", "writeOnly"}
)


def _has_type_information(node: Any) -> bool:
    return not isinstance(node, dict) or bool(set(node) - _ANNOTATION_KEYWORDS)


def _is_nullable(node: dict[str, Any]) -> bool:
    declared = node.get("type")
    return node.get("nullable") is True or (isinstance(declared, list) and "null" in declared)


def _single_value(node: Any) -> Any:
    if not isinstance(node, dict):
        return None
    if "const" in node:
        return node["const"]
    enum = node.get("enum")
    if isinstance(enum, list) and len(enum) == 1:
        return enum[0]
    return None
