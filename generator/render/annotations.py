"""IR types as Python annotations and runtime type expressions, with the imports they need."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field, replace

from .. import naming
from ..ir.type_exprs import (
    ANY,
    NONE,
    Alias,
    Discriminator,
    ListOf,
    LiteralOf,
    LiteralValue,
    MapOf,
    NamedType,
    Primitive,
    TupleOf,
    TypeExpr,
    UnionOf,
)
from .code import Code, py_literal
from .wrap import bracketed

THIRD_PARTY = frozenset({"httpx", "pydantic"})
BUILTIN_TYPES = frozenset({"str", "int", "float", "bool", "bytes", "list", "dict", "tuple"})

JSON_SCHEMA = Primitive("json_schema")
PRIMITIVE_ANNOTATIONS = {
    # Primitive kind -> its annotation (`file` depends on the style: see `_primitive`)
    "str": "str",
    "int": "int",
    "float": "float",
    "bool": "bool",
    "none": "None",
    "any": "Any",
    "bytes": "bytes",
    "datetime": "datetime.datetime",
    "date": "datetime.date",
    "time": "datetime.time",
    "json_schema": "dict[str, Any]",
}


@dataclass
class Imports:
    """What a generated module (`here`, a dotted path in the package) imports, collected while
    its annotations are written: names of `naming.RUNTIME_IMPORTS` (`use`) and the API's types."""

    here: str
    modules: set[str] = field(default_factory=set)
    abc: set[str] = field(default_factory=set)
    """Names imported from collections.abc."""
    typing: set[str] = field(default_factory=set)
    local: dict[str, set[str]] = field(default_factory=dict)
    """Relative module ('.scrape_options', '.._types') -> names imported from it."""

    third_party: dict[str, set[str]] = field(default_factory=dict)

    def use(self, name: str) -> None:
        """Import `name` from where `naming.RUNTIME_IMPORTS` says (a module of
        `naming.RUNTIME_MODULES` as a whole); a name the table does not list is a KeyError."""
        if name in naming.RUNTIME_MODULES:
            self.modules.add(name)
            return
        source = naming.RUNTIME_IMPORTS[name]
        if source == "typing":
            self.typing.add(name)
        elif source == "collections.abc":
            self.abc.add(name)
        elif source.startswith("_"):
            self.add_local(relative_module(self.here, source), name)
        else:
            self.third_party.setdefault(source, set()).add(name)

    def add_local(self, module: str, name: str) -> None:
        self.local.setdefault(module, set()).add(name)

    def keep_used(self, code: str) -> None:
        """Forget the names that `code`, all that the imports are for, does not mention: the
        annotations written for a module may need more than what the module keeps of them."""
        words = set(re.findall(r"\w+", code))
        self.modules &= words
        self.abc &= words
        self.typing &= words
        for table in (self.local, self.third_party):
            for module, names in list(table.items()):
                table[module] = names & words
                if not table[module]:
                    del table[module]

    def lines(self, indent: int = 0) -> list[Code]:
        """Import statements grouped as isort would: standard library, third party, local;
        `indent`: for a block (`if TYPE_CHECKING:`), where the local modules are a level up."""
        standard = [f"import {module}" for module in sorted(self.modules - THIRD_PARTY)]
        if self.abc:
            standard.append(from_import("collections.abc", self.abc, indent))
        if self.typing:
            standard.append(from_import("typing", self.typing, indent))
        third_party = [f"import {module}" for module in sorted(self.modules & THIRD_PARTY)] + [
            from_import(module, names, indent) for module, names in sorted(self.third_party.items())
        ]
        local = [
            from_import(module, self.local[module], indent)
            # the farther package first, then siblings
            for module in sorted(self.local, key=lambda m: (-(len(m) - len(m.lstrip("."))), natural_order(m)))
        ]
        groups = [group for group in (standard, third_party, local) if group]
        return [Code(line) for group in groups for line in [*group, ""]][:-1]


@dataclass(frozen=True)
class Style:
    """How to write a type.

    `open_enums`: enums of several values also accept their base type (response models).
    `request`: models (and aliases containing them) are written as their TypedDict twins.
    `shadowed`: names taken by a field or method of the class being written; builtins of the
    same name are written `builtins.list`.
    `forward`: named types not yet defined where the expression runs; they are quoted.
    `file_type`: how a binary string is written (an upload, which an argument may take as a
    path too: `FileTypes | str`, or bytes in a model).
    """

    open_enums: bool = False
    request: bool = False
    shadowed: frozenset[str] = frozenset()
    forward: frozenset[str] = frozenset()
    file_type: str = "FileTypes"

    def for_requests(self, request: bool) -> Style:
        """The same style, writing models as requests take them (or not)."""
        return _request_styles(self, request)


@functools.lru_cache(maxsize=1024)
def _request_styles(style: Style, request: bool) -> Style:
    return replace(style, request=request)  # Microsoft Graph asks 340,000 times, for few styles


def _literal(type_: LiteralOf) -> str:
    """`Literal[...]`: Graph writes its `$select` enums of hundreds of values into thousands of
    methods. The values' types are part of the key: `Literal[1]` is not `Literal[True]`, yet
    the tuples (1,) and (True,) are equal."""
    return _literal_text(type_.values, tuple(type(value) for value in type_.values))


@functools.lru_cache(maxsize=4096)
def _literal_text(values: tuple[LiteralValue, ...], _types: tuple[type, ...]) -> str:
    return f"Literal[{', '.join(py_literal(value) for value in values)}]"


def from_import(module: str, names: set[str], indent: int = 0) -> str:
    """`from module import names`, split as black splits it when it is too long at `indent`."""
    return bracketed(
        f"from {module} import (",
        sorted(names, key=member_order),
        ")",
        indent=indent,
        one_line=(f"from {module} import ", ""),
    )


def member_order(name: str) -> tuple[int, list[str | int]]:
    """The order of the names of a `from` import as isort (and ruff's I rules) writes them:
    constants, then classes, then the rest, each in natural order regardless of case."""
    kind = 0 if len(name) > 1 and name.isupper() else 1 if name[:1].isupper() else 2
    return kind, natural_order(name)


def natural_order(text: str) -> list[str | int]:
    """`text` compared regardless of case, its runs of digits as numbers (`item2` < `item10`)."""
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", text.lower())]


class AnnotationWriter:
    """Writes the types used by one generated module, `here` (a dotted path in the package),
    collecting the imports they need."""

    def __init__(self, imports: Imports) -> None:
        self.here = imports.here
        self.imports = imports

    def annotation(self, type_: TypeExpr, style: Style = Style()) -> Code:
        return Code(self._write(type_, style))

    def argument(self, type_: TypeExpr, style: Style = Style()) -> Code:
        """A type that requests accept: models also as their TypedDict twins (`X | XParam`)."""
        return Code(" | ".join(self._either(type_, style)))

    def _either(self, type_: TypeExpr, style: Style) -> list[str]:
        """The variants of `type_` as responses and as requests write them, each once, None last.
        A list is the request's `Sequence`, which covers the response's list."""
        variants = type_.variants if isinstance(type_, UnionOf) else (type_,)
        texts: list[str] = []
        for request in (False, True):
            variant_style = style.for_requests(request)
            for variant in variants:
                if not request and isinstance(variant, ListOf):
                    continue
                if variant == JSON_SCHEMA:  # its members, so that the response's dict is written once
                    members = self._json_schema(variant_style)
                else:
                    members = [self._write(variant, variant_style)]
                texts.extend(text for text in members if text not in texts)
        if "None" in texts:
            texts.remove("None")
            texts.append("None")
        return texts

    def _write(self, type_: TypeExpr, style: Style) -> str:
        if isinstance(type_, Primitive):
            return self._primitive(type_, style)
        if isinstance(type_, ListOf):
            if style.request:
                # a list, a tuple or any sequence; of models or their dicts, mixed (covariant,
                # unlike `list`)
                self.imports.use("Sequence")
                items = self._either(type_.item, style.for_requests(False))
                return f"Sequence[{self._union(items)}]"
            return f"{self._builtin('list', style)}[{self._write(type_.item, style)}]"
        if isinstance(type_, TupleOf):
            return f"{self._builtin('tuple', style)}[{', '.join(self._write(item, style) for item in type_.items)}]"
        if isinstance(type_, MapOf):
            return f"{self._builtin('dict', style)}[{self._builtin('str', style)}, {self._write(type_.value, style)}]"
        if isinstance(type_, UnionOf):
            variants = [self._write(variant, style) for variant in type_.variants]
            if type_.discriminator is not None and not style.request:
                return self._discriminated(type_, type_.discriminator, variants, style)
            return self._union(variants)
        if isinstance(type_, LiteralOf):
            self.imports.use("Literal")
            return _literal(type_) + self._open_bases(type_, style)
        return self._reference(type_.target, style)

    def _union(self, variants: list[str]) -> str:
        """`A | B`; `Union[A, "B"]` when a variant is a quoted name, which cannot take part in `|`
        at run time (`list["B"]` can)."""
        if not any(variant.startswith('"') for variant in variants):
            return " | ".join(variants)
        self.imports.use("Union")
        return f"Union[{', '.join(variants)}]"

    def _discriminated(self, type_: UnionOf, discriminator: Discriminator, variants: list[str], style: Style) -> str:
        """`Annotated[A | B, Field(discriminator="type")]`, pydantic's own, where every variant has
        its tag as a constant; else `Annotated[A | B, discriminated(...)]`, which also tries each
        variant when the tag is missing or selects none."""
        self.imports.use("Annotated")
        joined = self._union(variants)
        if discriminator.literal_tags:
            self.imports.use("Field")
            return f"Annotated[{joined}, Field(discriminator={py_literal(discriminator.attribute)})]"
        self.imports.use("discriminated")
        rule = py_literal([discriminator.wire_name, discriminator.attribute, dict(discriminator.tags)])[1:-1]
        return f"Annotated[{joined}, discriminated({rule})]"

    def _primitive(self, type_: Primitive, style: Style) -> str:
        if type_.kind == "file":
            if style.file_type.startswith("FileTypes"):
                self.imports.use("FileTypes")
            return self._builtin(style.file_type, style)
        text = PRIMITIVE_ANNOTATIONS[type_.kind]
        if type_.kind == "json_schema":
            return " | ".join(self._json_schema(style))
        if text == "Any":
            self.imports.use("Any")
        elif text.startswith("datetime."):
            self.imports.use("datetime")
        return self._builtin(text, style)

    def _json_schema(self, style: Style) -> list[str]:
        """A JSON Schema: a dict, and in a request a pydantic model class too (_wire.py sends its
        `model_json_schema()`)."""
        self.imports.use("Any")
        texts = [f"{self._builtin('dict', style)}[{self._builtin('str', style)}, Any]"]
        if style.request:
            self.imports.use("pydantic")
            texts.append("type[pydantic.BaseModel]")
        return texts

    def _reference(self, named: NamedType, style: Style) -> str:
        name = named.param_name if style.request and named.param_name else named.name
        target = f"types.{named.module}"
        if target != self.here:
            self.imports.add_local(relative_module(self.here, target), name)
        text = f'"{name}"' if name in style.forward else name
        enum = _enum_of(named)
        return text + (self._open_bases(enum, style) if enum is not None else "")

    def _open_bases(self, enum: LiteralOf, style: Style) -> str:
        """An open enum also accepts any value of its base types, so new values parse."""
        if not style.open_enums or len(enum.values) < 2:
            return ""
        return "".join(f" | {self._builtin(base, style)}" for base in _bases(enum))

    def _builtin(self, text: str, style: Style) -> str:
        if text.split("[")[0] in style.shadowed and text.split("[")[0] in BUILTIN_TYPES:
            self.imports.use("builtins")
            return f"builtins.{text}"
        return text


def relative_module(here: str, target: str) -> str:
    """How module `here` imports module `target` (dotted paths from the package root)."""
    package = here.split(".")[:-1]
    parts = target.split(".")
    common = 0
    while common < min(len(package), len(parts) - 1) and package[common] == parts[common]:
        common += 1
    return "." * (len(package) - common + 1) + ".".join(parts[common:])


def _enum_of(named: NamedType) -> LiteralOf | None:
    """The enum an alias stands for (also when nullable), so uses of it can be opened."""
    if not isinstance(named, Alias):
        return None
    type_ = named.type
    if isinstance(type_, UnionOf):
        literals = [variant for variant in type_.variants if isinstance(variant, LiteralOf)]
        return literals[0] if len(literals) == 1 else None
    return type_ if isinstance(type_, LiteralOf) else None


def _bases(enum: LiteralOf) -> list[str]:
    bases = []
    if any(isinstance(value, str) for value in enum.values):
        bases.append("str")
    if any(isinstance(value, int) and not isinstance(value, bool) for value in enum.values):
        bases.append("int")
    return bases


def admits_none(type_: TypeExpr) -> bool:
    """Whether `type_` already takes None: an optional field's annotation adds `| None` only when
    it does not (`Any | None` says nothing `Any` does not)."""
    return type_ in (NONE, ANY) or isinstance(type_, UnionOf) and NONE in type_.variants
