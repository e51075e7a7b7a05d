"""IR types as Python annotations and runtime type expressions, with the imports they need."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..ir.model import (
    Alias,
    ListOf,
    LiteralOf,
    MapOf,
    NamedType,
    Primitive,
    Ref,
    TypeExpr,
    UnionOf,
)
from .code import Code, py_literal

THIRD_PARTY = frozenset({"httpx", "pydantic"})
BUILTIN_TYPES = frozenset({"str", "int", "float", "bool", "bytes", "list", "dict"})

_PRIMITIVES = {
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
}


@dataclass
class Imports:
    """What a generated module imports, collected while its annotations are written."""

    modules: set[str] = field(default_factory=set)
    typing: set[str] = field(default_factory=set)
    local: dict[str, set[str]] = field(default_factory=dict)
    """Relative module ('.scrape_options', '.._types') -> names imported from it."""

    def add_local(self, module: str, name: str) -> None:
        self.local.setdefault(module, set()).add(name)

    def lines(self) -> list[Code]:
        """Import statements grouped as isort would: standard library, third party, local."""
        standard = [f"import {module}" for module in sorted(self.modules - THIRD_PARTY)]
        if self.typing:
            standard.append(f"from typing import {', '.join(sorted(self.typing))}")
        third_party = [f"import {module}" for module in sorted(self.modules & THIRD_PARTY)]
        local = [
            f"from {module} import {', '.join(sorted(self.local[module]))}"
            # the farther package first, then siblings
            for module in sorted(self.local, key=lambda m: (-(len(m) - len(m.lstrip("."))), m))
        ]
        groups = [group for group in (standard, third_party, local) if group]
        return [Code(line) for group in groups for line in [*group, ""]][:-1]


class AnnotationWriter:
    """Writes the types used by one generated module, `here` (a dotted path in the package).

    Names in
    `shadowed` are taken by a field or method of the class being written, so builtins of
    the same name are written `builtins.list`. Named types of this module listed in
    `forward` are not defined yet where the expression runs and are quoted.
    """

    def __init__(self, here: str, imports: Imports) -> None:
        self._here = here
        self.imports = imports

    def annotation(
        self,
        type_: TypeExpr,
        *,
        open_enums: bool = False,
        shadowed: frozenset[str] = frozenset(),
        forward: frozenset[str] = frozenset(),
        file_type: str = "FileTypes",
    ) -> Code:
        return Code(self._write(type_, open_enums, shadowed, forward, file_type))

    def _write(
        self, type_: TypeExpr, open_enums: bool, shadowed: frozenset[str], forward: frozenset[str], file_type: str
    ) -> str:
        if isinstance(type_, Primitive):
            if type_.kind == "file":
                if file_type == "FileTypes":
                    self.imports.add_local(relative_module(self._here, "_types"), "FileTypes")
                return self._builtin(file_type, shadowed)
            text = _PRIMITIVES[type_.kind]
            if text == "Any":
                self.imports.typing.add("Any")
            elif text.startswith("datetime."):
                self.imports.modules.add("datetime")
            return self._builtin(text, shadowed)
        if isinstance(type_, ListOf):
            return f"{self._builtin('list', shadowed)}[{self._write(type_.item, open_enums, shadowed, forward, file_type)}]"
        if isinstance(type_, MapOf):
            value = self._write(type_.value, open_enums, shadowed, forward, file_type)
            return f"{self._builtin('dict', shadowed)}[{self._builtin('str', shadowed)}, {value}]"
        if isinstance(type_, UnionOf):
            variants = [self._write(variant, open_enums, shadowed, forward, file_type) for variant in type_.variants]
            if forward:
                # a quoted name cannot take part in `|` at run time
                self.imports.typing.add("Union")
                return f"Union[{', '.join(variants)}]"
            return " | ".join(variants)
        if isinstance(type_, LiteralOf):
            self.imports.typing.add("Literal")
            text = f"Literal[{', '.join(py_literal(value) for value in type_.values)}]"
            if open_enums and len(type_.values) > 1:
                text += "".join(f" | {self._builtin(base, shadowed)}" for base in _open_bases(type_))
            return text
        return self._reference(type_, open_enums, shadowed, forward)

    def _reference(self, ref: Ref, open_enums: bool, shadowed: frozenset[str], forward: frozenset[str]) -> str:
        named = ref.target
        target = f"types.{named.module}"
        if target != self._here:
            self.imports.add_local(relative_module(self._here, target), named.name)
        text = f'"{named.name}"' if named.name in forward else named.name
        enum = _enum_of(named)
        if open_enums and enum is not None and len(enum.values) > 1:
            text += "".join(f" | {self._builtin(base, shadowed)}" for base in _open_bases(enum))
        return text

    def _builtin(self, text: str, shadowed: frozenset[str]) -> str:
        head = text.split(".")[0].split("[")[0]
        if head in shadowed:
            self.imports.modules.add("builtins" if head in BUILTIN_TYPES else head)
            return f"builtins.{text}" if head in BUILTIN_TYPES else text
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


def _open_bases(enum: LiteralOf) -> list[str]:
    """An open enum also accepts any value of its base types, so new values parse."""
    bases = []
    if any(isinstance(value, str) for value in enum.values):
        bases.append("str")
    if any(isinstance(value, int) and not isinstance(value, bool) for value in enum.values):
        bases.append("int")
    return bases
