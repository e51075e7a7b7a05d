"""Structurally identical schemas become one class.

Specs repeat themselves: Firecrawl writes the same `{success, error}` object inline for the error
responses of most of its operations, and each would otherwise be a class of its own. After the
IR is built, named types are grouped by their structure (the fields with their names, wire
names, types, requiredness, defaults, descriptions and flags; the base, the extra properties,
the description; for aliases the type), and each group of two or more becomes its first member
in spec order; every use of the others is pointed at it.

The class keeps a name a person would give it:
- a schema the spec names (a component, a definition) or the user names (an override) keeps its
  name, and identical inline schemas take it; two named schemas are never merged;
- a group of inline schemas, whose names say where each stands, takes the words that end all
  of them when they are two or more (`FormatsMarkdown` and `ParseFormatsMarkdown` ->
  `FormatsMarkdown`); else the names of its fields (one to three of them) in PascalCase and the
  last word its members share (`{success, error}` at error responses named
  `...NotFoundResponse`, `...ConflictResponse` -> `SuccessErrorResponse`); else the first
  member's name.
A name taken by another class gets a number, as every class name does.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from .. import naming
from .model import Operation, Resource
from .type_exprs import Discriminator, ListOf, MapOf, Model, NamedType, Ref, TupleOf, TypeExpr, UnionOf

Key = object


class _Keys:
    """A number for each named type, equal for structurally identical ones. A key holds the
    numbers of the types it refers to, not their keys, so that it stays small; a type on a
    reference cycle gets a number of its own (it is never merged)."""

    def __init__(self) -> None:
        self._numbers: dict[int, int] = {}
        self._by_key: dict[Key, int] = {}
        self._visiting: set[int] = set()
        self._cycles = 0

    def named(self, named: NamedType) -> int:
        if id(named) in self._numbers:
            return self._numbers[id(named)]
        if id(named) in self._visiting:
            self._cycles += 1
            return -1
        self._visiting.add(id(named))
        cycles = self._cycles
        try:
            key: Key
            if isinstance(named, Model):
                key = (
                    "model",
                    named.description,
                    self.named(named.base) if named.base is not None else None,
                    self.type(named.extra_values) if named.extra_values is not None else None,
                    tuple(
                        (
                            field.name,
                            field.wire_name,
                            self.type(field.type),
                            field.required,
                            field.description,
                            repr(field.default),
                            field.deprecated,
                            field.read_only,
                            field.write_only,
                        )
                        for field in named.fields
                    ),
                )
            else:
                key = ("alias", named.description, self.type(named.type))
        finally:
            self._visiting.discard(id(named))
        if self._cycles != cycles:
            key = ("cycle", id(named))
        number = self._by_key.setdefault(key, len(self._by_key))
        self._numbers[id(named)] = number
        return number

    def type(self, type_: TypeExpr) -> Key:
        if isinstance(type_, Ref):
            return ("ref", self.named(type_.target))
        if isinstance(type_, ListOf):
            return ("list", self.type(type_.item))
        if isinstance(type_, MapOf):
            return ("map", self.type(type_.value))
        if isinstance(type_, TupleOf):
            return ("tuple", tuple(self.type(item) for item in type_.items))
        if isinstance(type_, UnionOf):
            discriminator = None
            if type_.discriminator is not None:
                positions = {
                    variant.target.name: index
                    for index, variant in enumerate(type_.variants)
                    if isinstance(variant, Ref)
                }
                discriminator = (
                    type_.discriminator.wire_name,
                    type_.discriminator.attribute,
                    tuple((value, positions.get(name, name)) for value, name in type_.discriminator.tags),
                )
            return ("union", tuple(self.type(variant) for variant in type_.variants), discriminator)
        return type_


@dataclasses.dataclass
class Merged:
    """What `merge_identical` did: duplicate -> the type that stands for it."""

    into: dict[int, NamedType]

    def target(self, named: NamedType) -> NamedType:
        return self.into.get(id(named), named)


def merge_identical(
    types: list[NamedType],
    declared: set[NamedType],
    resources: list[Resource],
    class_names: naming.Scope,
    references: dict[NamedType, set[NamedType]],
    group_of: dict[NamedType, str],
) -> list[NamedType]:
    """`types` with each group of structurally identical ones reduced to one; the uses in the
    resources and in the kept types, the module references and groups follow."""
    keys = _Keys()
    groups: dict[int, list[NamedType]] = {}
    for named in types:
        groups.setdefault(keys.named(named), []).append(named)
    into: dict[int, NamedType] = {}
    rename: dict[str, str] = {}
    for members in groups.values():
        named_ones = [member for member in members if member in declared]
        inline = [member for member in members if member not in declared]
        if named_ones:
            keeper = named_ones[0]
            merged = inline
        elif len(inline) > 1:
            keeper, merged = inline[0], inline[1:]
            old_name = keeper.name
            keeper.name = _group_name(inline, class_names)
            rename[old_name] = keeper.name
            if len({group_of[member] for member in inline}) > 1:
                group_of[keeper] = keeper.name  # shared by several operations: a module of its own
        else:
            continue
        for member in merged:
            into[id(member)] = keeper
            keeper.merged = (*keeper.merged, member.pointer, *member.merged)
    if not into:
        return types
    kept = [named for named in types if id(named) not in into]
    rename.update({named.name: into[id(named)].name for named in types if id(named) in into})
    for named in kept:
        if isinstance(named, Model):
            for field in named.fields:
                field.type = _retarget(field.type, into, rename)
            if named.base is not None:
                base = into.get(id(named.base), named.base)
                assert isinstance(base, Model)
                named.base = base
            if named.extra_values is not None:
                named.extra_values = _retarget(named.extra_values, into, rename)
        else:
            named.type = _retarget(named.type, into, rename)
    for operation in _operations(resources):
        _retarget_operation(operation, into, rename)
    for named in types:
        target = into.get(id(named))
        used = {into.get(id(other), other) for other in references.pop(named, set())}
        owner = target if target is not None else named
        references.setdefault(owner, set()).update(used - {owner} if target is not None else used)
        if target is not None:
            group_of.pop(named, None)
    return kept


def _group_name(members: list[NamedType], class_names: naming.Scope) -> str:
    words = [naming.words(member.name) for member in members]
    common = _common_suffix(words)
    first = members[0]
    if len(common) >= 2:
        name = "".join(common)
    elif isinstance(first, Model) and 1 <= len(first.fields) <= 3:
        fields = "".join(naming.pascal_case(field.name) for field in first.fields)
        name = fields if fields.endswith("".join(common)) else fields + "".join(common)
    else:
        name = first.name
    name = naming.class_name(name)
    if name in {member.name for member in members}:  # a member's own name, which it leaves
        return name
    return class_names.claim(name, separator="")


def _common_suffix(words: list[tuple[str, ...]]) -> tuple[str, ...]:
    shortest = min(len(w) for w in words)
    count = 0
    while count < shortest and len({w[len(w) - count - 1] for w in words}) == 1:
        count += 1
    return words[0][len(words[0]) - count :] if count else ()


def _operations(resources: Iterable[Resource]) -> Iterable[Operation]:
    return (operation for resource in resources for operation in resource.operations)


def _retarget_operation(operation: Operation, into: dict[int, NamedType], rename: dict[str, str]) -> None:
    for parameter in operation.parameters:
        parameter.type = _retarget(parameter.type, into, rename)
    if operation.body is not None:
        operation.body.type = _retarget(operation.body.type, into, rename)
    for response in operation.responses:
        if response.type is not None:
            response.type = _retarget(response.type, into, rename)
    if operation.pages is not None:
        operation.pages = dataclasses.replace(operation.pages, item=_retarget(operation.pages.item, into, rename))


def _retarget(type_: TypeExpr, into: dict[int, NamedType], rename: dict[str, str]) -> TypeExpr:
    """The type with its references to merged types pointed at the types that stand for them."""
    if isinstance(type_, Ref):
        target = into.get(id(type_.target))
        return type_ if target is None else Ref(target)
    if isinstance(type_, ListOf):
        return ListOf(_retarget(type_.item, into, rename))
    if isinstance(type_, MapOf):
        return MapOf(_retarget(type_.value, into, rename))
    if isinstance(type_, TupleOf):
        return TupleOf(tuple(_retarget(item, into, rename) for item in type_.items))
    if isinstance(type_, UnionOf):
        discriminator = type_.discriminator
        if discriminator is not None:
            tags = tuple((value, rename.get(name, name)) for value, name in discriminator.tags)
            discriminator = Discriminator(discriminator.wire_name, discriminator.attribute, tags)
        variants = tuple(dict.fromkeys(_retarget(variant, into, rename) for variant in type_.variants))
        return UnionOf(variants, discriminator)
    return type_
