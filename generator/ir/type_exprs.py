"""Type expressions (`Primitive`, `ListOf`, ... `Ref`) and the named types they refer to
(`Model`, `Alias`), grouped into the modules of the generated `types` package.

Plain dataclasses, part of the IR (`ir/model.py` builds operations on them).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Union

# --- types -------------------------------------------------------------------------------------

PrimitiveKind = Literal[
    "str", "int", "float", "bool", "none", "any", "bytes", "datetime", "date", "time", "file", "json_schema"
]
"""`json_schema`: an object that holds a JSON Schema (`x-clientgen-json-schema`); requests also take
a pydantic model class for it."""
LiteralValue = Union[str, int, bool, None]


@dataclass(frozen=True)
class Primitive:
    kind: PrimitiveKind


@dataclass(frozen=True)
class ListOf:
    item: TypeExpr


@dataclass(frozen=True)
class MapOf:
    """A JSON object with arbitrary keys: `dict[str, value]`."""

    value: TypeExpr


@dataclass(frozen=True)
class Discriminator:
    """How a union picks its variant: by the value of one property, not by trying each."""

    wire_name: str
    attribute: str
    """The property's Python name on the variant models."""
    tags: tuple[tuple[str, str], ...]
    """(property value, name of the variant class it selects), in spec order."""
    literal_tags: bool = False
    """Every variant has the property, required, as a constant of the one value that selects it:
    pydantic's own discriminator chooses. Otherwise a missing value, or one that selects no
    variant, has each variant tried."""


@dataclass(frozen=True)
class UnionOf:
    variants: tuple[TypeExpr, ...]
    discriminator: Discriminator | None = None


@dataclass(frozen=True)
class LiteralOf:
    """An enum or a const. In response models an enum of several values is open (see render)."""

    values: tuple[LiteralValue, ...]


@dataclass(frozen=True)
class TupleOf:
    """A fixed-length array (`prefixItems`): `tuple[A, B]`."""

    items: tuple[TypeExpr, ...]


@dataclass(frozen=True)
class Ref:
    """A use of a named type; equal to another Ref exactly when both name the same type."""

    target: NamedType

    def __repr__(self) -> str:  # the name only: the target's own repr can be the whole API
        return f"Ref({self.target.name})"


TypeExpr = Union[Primitive, ListOf, MapOf, UnionOf, LiteralOf, TupleOf, Ref]


def referenced(type_: TypeExpr) -> list[NamedType]:
    """The named types a type expression mentions directly (not through their definitions)."""
    if isinstance(type_, Ref):
        return [type_.target]
    if isinstance(type_, (UnionOf, TupleOf)):
        members = type_.variants if isinstance(type_, UnionOf) else type_.items
        return [named for member in members for named in referenced(member)]
    if isinstance(type_, ListOf):
        return referenced(type_.item)
    if isinstance(type_, MapOf):
        return referenced(type_.value)
    return []


ANY = Primitive("any")
NONE = Primitive("none")
FILE = Primitive("file")


def holds_files(type_: TypeExpr) -> bool:
    """A file, a list of files, or either or None: what a `str` given for it is the path of
    (for a type that takes strings too, a `str` is one)."""
    if isinstance(type_, UnionOf):
        variants = [variant for variant in type_.variants if variant != NONE]
        return bool(variants) and all(holds_files(variant) for variant in variants)
    return type_ == FILE or isinstance(type_, ListOf) and type_.item == FILE


class _NoDefault:
    def __repr__(self) -> str:
        return "NO_DEFAULT"


NO_DEFAULT = _NoDefault()
"""Marks a field or parameter whose schema declares no default (None is a real default)."""


@dataclass
class Field:
    """A property of an object schema."""

    name: str
    wire_name: str
    type: TypeExpr
    required: bool
    description: str | None = None
    default: object = NO_DEFAULT
    deprecated: bool = False
    read_only: bool = False
    """Sent by the server only: left out of what requests take."""
    write_only: bool = False
    """Sent by clients only: left out of response models."""


@dataclass(eq=False)
class Model:
    """An object schema with properties: a pydantic model class."""

    name: str
    pointer: str
    fields: list[Field]
    """All fields, inherited ones included."""
    description: str | None = None
    module: str = ""
    param_name: str | None = None
    """The name of its request-side twin, a TypedDict, when requests use this model."""
    base: Model | None = None
    """The model it extends (allOf of one model and more properties); its fields come first."""
    extra_values: TypeExpr | None = None
    """The type of properties it does not name (`additionalProperties` with a schema)."""
    merged: tuple[str, ...] = ()
    """The pointers of the structurally identical schemas it also stands for (`dedupe.py`)."""

    @property
    def own_fields(self) -> list[Field]:
        """The response fields it declares itself, not inherited from its base."""
        inherited = {field.wire_name for field in self.base.fields} if self.base else set()
        return [field for field in self.response_fields if field.wire_name not in inherited]

    @property
    def response_fields(self) -> list[Field]:
        return [field for field in self.fields if not field.write_only]

    @property
    def request_fields(self) -> list[Field]:
        return [field for field in self.fields if not field.read_only]


@dataclass(eq=False)
class Alias:
    """Any other named schema (union, enum, array, primitive): a `TypeAlias`."""

    name: str
    pointer: str
    type: TypeExpr
    description: str | None = None
    module: str = ""
    param_name: str | None = None
    """The name of its request-side twin, when requests use it and it contains models."""
    merged: tuple[str, ...] = ()
    """The pointers of the structurally identical schemas it also stands for (`dedupe.py`)."""


NamedType = Union[Model, Alias]


@dataclass
class TypeModule:
    """One module of the generated `types` package; types that refer to each other in a cycle
    share a module, so modules import each other without cycles."""

    name: str
    types: list[NamedType]
    import_depth: int = 0
    """How deep its imports of other type modules nest: 0 when it imports none, else one more
    than the deepest module it imports."""

    @property
    def exported_names(self) -> list[str]:
        """Every name the module defines: its types and their request-side twins."""
        return [name for named in self.types for name in (named.name, named.param_name) if name]
