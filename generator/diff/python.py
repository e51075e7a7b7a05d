"""Changes to the generated package: resource classes, methods and their arguments,
model classes and their fields, enum members; by the Python names the generator gives them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from ..ir.model import Api, Operation, Parameter, Resource, StreamKind
from ..ir.type_exprs import (
    ANY,
    NONE,
    Alias,
    ListOf,
    LiteralOf,
    MapOf,
    Model,
    Primitive,
    Ref,
    TupleOf,
    TypeExpr,
    UnionOf,
)
from ..render.annotations import PRIMITIVE_ANNOTATIONS
from ..render.views.streams import STREAM_CLASSES
from .changes import Change
from .http import match_operations

TypeUse = Literal["argument", "field", "alias"]


def python_type(type_: TypeExpr) -> str:
    """A type as a reader of the package sees it (named types by their class name)."""
    if isinstance(type_, Primitive):
        return "FileTypes" if type_.kind == "file" else PRIMITIVE_ANNOTATIONS[type_.kind]
    if isinstance(type_, ListOf):
        return f"list[{python_type(type_.item)}]"
    if isinstance(type_, MapOf):
        return f"dict[str, {python_type(type_.value)}]"
    if isinstance(type_, TupleOf):
        return "tuple[" + ", ".join(python_type(item) for item in type_.items) + "]"
    if isinstance(type_, LiteralOf):
        return "Literal[" + ", ".join(repr(value) for value in type_.values) + "]"
    if isinstance(type_, UnionOf):
        return " | ".join(python_type(variant) for variant in type_.variants)
    return type_.target.name


def _enum_free(type_: TypeExpr) -> str:
    """The type with each enum's values left out: two types equal here differ in enum members only."""
    if isinstance(type_, LiteralOf):
        return "Literal[...]"
    if isinstance(type_, ListOf):
        return f"list[{_enum_free(type_.item)}]"
    if isinstance(type_, MapOf):
        return f"dict[str, {_enum_free(type_.value)}]"
    if isinstance(type_, UnionOf):
        return " | ".join(_enum_free(variant) for variant in type_.variants)
    return python_type(type_)


def _enum_values(type_: TypeExpr) -> list[object]:
    if isinstance(type_, LiteralOf):
        return list(type_.values)
    if isinstance(type_, (ListOf, MapOf)):
        return _enum_values(type_.item if isinstance(type_, ListOf) else type_.value)
    if isinstance(type_, UnionOf):
        return [value for variant in type_.variants for value in _enum_values(variant)]
    return []


@dataclass
class PythonDiff:
    """Collects the changes to the generated package between two versions."""

    old: Api
    new: Api
    changes: list[Change] = field(default_factory=list)
    _merged_old: set[int] = field(default_factory=set)
    """The old classes merged into a new one (`merges`), compared there."""
    _merge_targets: set[str] = field(default_factory=set)

    def add(self, where: str, kind: str, message: str, breaking: bool, typing: bool = False) -> None:
        change = Change("python", where, kind, message, breaking, typing=typing)
        if change not in self.changes:  # classes merged into one report its changes once
            self.changes.append(change)

    def run(self) -> list[Change]:
        self.merges()
        self.resources()
        self.methods()
        self.types()
        return self.changes

    def merges(self) -> None:
        """Classes of the old package that the new one merges into one class with the schemas
        identical to theirs (`ir/dedupe.py`): found by the places in the spec the new class
        stands for. Where the fields stayed the same, every method returns and takes what it
        did, attribute for attribute: the merge breaks nothing a user reads or sends, and is
        reported as such; changed fields are reported as for any class. The old classes are
        renamed here first (the old IR serves this comparison only), so that a return or field
        type that moved to the merged class is not reported as retyped."""
        names = {named.name for named in self.new.types}
        standing_for: dict[str, Model | Alias] = {}
        for named in self.new.types:
            for pointer in (named.pointer, *named.merged):
                standing_for[pointer] = named
        pairs: list[tuple[Model | Alias, Model | Alias]] = []
        for old in self.old.types:
            if old.name in names:
                continue
            targets = {id(t): t for p in (old.pointer, *old.merged) if (t := standing_for.get(p)) is not None}
            if len(targets) != 1:
                continue
            (target,) = targets.values()
            if not (target.merged or old.merged) or isinstance(old, Model) != isinstance(target, Model):
                continue
            same = _outline(old) == _outline(target)
            self.add(
                self._name("types", target.name),
                "class-merged",
                f"`types.{old.name}` is now `types.{target.name}`, the one class of its identical schemas"
                + (" (same fields: nothing breaks but the class's name)" if same else ""),
                False,
            )
            pairs.append((old, target))
        old_names = [old.name for old, _ in pairs]
        for old, target in pairs:
            old.name = target.name
            self._merged_old.add(id(old))
            self._merge_targets.add(target.name)
        for old_name, (old, target) in zip(old_names, pairs):
            # the changes by the old name, which is the one the user's code has
            where = self._name("types", old_name)
            if isinstance(old, Model) and isinstance(target, Model):
                self.model_fields(where, old_name, old, target)
            elif isinstance(old, Alias) and isinstance(target, Alias):
                self.typed(where, f"`types.{old_name}`", old.type, target.type, "alias")

    def _name(self, *parts: str) -> str:
        return ".".join((self.new.package_name, *parts))

    # --- resources and methods -----------------------------------------------------------------

    def resources(self) -> None:
        before = {r.class_name: r for r in self.old.resources}
        after = {r.class_name: r for r in self.new.resources}
        for name in sorted(before.keys() - after.keys()):
            self.add(self._name(name), "resource-removed", f"resource `client.{before[name].path}` removed", True)
        for name in sorted(after.keys() - before.keys()):
            self.add(self._name(name), "resource-added", f"resource `client.{after[name].path}` added", False)
        for name in sorted(before.keys() & after.keys()):
            old_path, new_path = before[name].path, after[name].path
            if old_path != new_path:  # a tag's parent came, went or changed (OpenAPI 3.2)
                self.add(self._name(name), "resource-moved", f"`client.{old_path}` is now `client.{new_path}`", True)

    def methods(self) -> None:
        def resource_of(api: Api) -> dict[int, Resource]:
            return {id(op): resource for resource in api.resources for op in resource.operations}

        old_resources, new_resources = resource_of(self.old), resource_of(self.new)
        matching = match_operations(self.old, self.new)
        for operations, resources, verb in (
            (matching.removed, old_resources, "removed"),
            (matching.added, new_resources, "added"),
        ):
            for operation in operations:
                resource = resources[id(operation)]
                for method in _methods(operation):
                    self.add(
                        self._name(resource.class_name, method),
                        f"method-{verb}",
                        f"`client.{resource.path}.{method}()` {verb}",
                        verb == "removed",
                    )
        for old_op, new_op in matching.pairs:
            old_resource, new_resource = old_resources[id(old_op)], new_resources[id(new_op)]
            old_call = f"client.{old_resource.path}.{old_op.name}()"
            new_call = f"client.{new_resource.path}.{new_op.name}()"
            where = self._name(new_resource.class_name, new_op.name)
            if old_call != new_call:
                self.add(where, "method-renamed", f"`{old_call}` is now `{new_call}`", True)
            for old_method, new_method in zip(_extension_methods(old_op), _extension_methods(new_op)):
                self.extension_method(old_resource, new_resource, old_method, new_method)
            self.arguments(where, new_call, old_op.parameters, new_op.parameters)
            old_returns, new_returns = _returns(old_op), _returns(new_op)
            if old_returns != new_returns:
                self.add(
                    where,
                    "return-type-changed",
                    f"`{new_call}` returns `{new_returns}` instead of `{old_returns}`",
                    True,
                    typing=_same_fields_or_more(old_op, new_op),
                )
            self.stream_flag(where, new_call, old_op, new_op)

    def stream_flag(self, where: str, call: str, old: Operation, new: Operation) -> None:
        """The overloads of a method whose flag chooses a stream (`stream=True`): coming, going,
        or streaming another type. Twin methods (`create_stream`) are methods of their own."""
        before, after = _flag_overload(old), _flag_overload(new)
        if before == after:
            return
        if before is None and after is not None:
            self.add(where, "stream-flag-added", f"`{call}`: `{after[0]}=True` now returns `{after[1]}`", False)
        elif before is not None and after is None:
            self.add(where, "stream-flag-removed", f"`{call}`: `{before[0]}=True` no longer returns a stream", True)
        elif before is not None and after is not None:
            self.add(
                where,
                "stream-type-changed",
                f"`{call}`: `{after[0]}=True` returns `{after[1]}` instead of `{before[1]}`",
                True,
            )

    def extension_method(
        self, old_resource: Resource, new_resource: Resource, before: str | None, after: str | None
    ) -> None:
        """A method an extension adds to an operation (x-clientgen-wait, -pages, -job, and their
        `watch` and `page`): added, removed or renamed."""
        old_call = f"client.{old_resource.path}.{before}()"
        new_call = f"client.{new_resource.path}.{after}()"
        if before is None and after is not None:
            self.add(self._name(new_resource.class_name, after), "method-added", f"`{new_call}` added", False)
        elif before is not None and after is None:
            self.add(self._name(old_resource.class_name, before), "method-removed", f"`{old_call}` removed", True)
        elif before is not None and after is not None and old_call != new_call:
            self.add(
                self._name(new_resource.class_name, after), "method-renamed", f"`{old_call}` is now `{new_call}`", True
            )

    def arguments(self, where: str, call: str, old: list[Parameter], new: list[Parameter]) -> None:
        before = {p.name: p for p in old}
        after = {p.name: p for p in new}
        for name in [p.name for p in old if p.name not in after]:
            self.add(where, "argument-removed", f"`{call}`: argument `{name}` removed", True)
        for name in [p.name for p in new if p.name not in before]:
            required = after[name].must_be_passed
            self.add(
                where,
                "argument-added",
                f"`{call}`: {'required' if required else 'optional'} argument `{name}` added",
                required,
            )
        # a call that passes the positional arguments by position breaks when their order
        # changes or one of them becomes keyword-only
        old_positional = [p.name for p in old if p.positional]
        new_positional = [p.name for p in new if p.positional]
        moved = [name for name in old_positional if name in after and name not in new_positional]
        if moved or [n for n in old_positional if n in new_positional] != [
            n for n in new_positional if n in old_positional
        ]:
            self.add(
                where,
                "positional-arguments-changed",
                f"`{call}`: positional arguments are now ({', '.join(new_positional)}),"
                f" not ({', '.join(old_positional)})",
                True,
            )
        common_before = [p.name for p in old if p.name in after and p.name not in old_positional]
        common_after = [p.name for p in new if p.name in before and p.name not in new_positional]
        if common_before != common_after:
            self.add(
                where, "arguments-reordered", f"`{call}`: arguments reordered (keyword-only: nothing breaks)", False
            )
        for name in common_after:
            old_parameter, new_parameter = before[name], after[name]
            if old_parameter.must_be_passed != new_parameter.must_be_passed:
                required = new_parameter.must_be_passed
                self.add(
                    where,
                    "argument-required" if required else "argument-optional",
                    f"`{call}`: argument `{name}` is now {'required' if required else 'optional'}",
                    required,
                )
            self.typed(where, f"`{call}` argument `{name}`", old_parameter.type, new_parameter.type, "argument")

    # --- types ------------------------------------------------------------------------------------

    def types(self) -> None:
        before = {named.name: named for named in self.old.types if id(named) not in self._merged_old}
        after = {named.name: named for named in self.new.types}
        renamed_from = _renamed(
            [before[name] for name in before.keys() - after.keys()],
            [after[name] for name in after.keys() - before.keys()],
        )
        for name in sorted(before.keys() - after.keys()):
            if name in renamed_from.values():
                continue
            self.add(self._name("types", name), "class-removed", f"`types.{name}` removed", True)
        for name in sorted(after.keys() - before.keys()):
            if name in renamed_from:
                self.add(
                    self._name("types", name),
                    "class-renamed",
                    f"`types.{renamed_from[name]}` is now `types.{name}`",
                    True,
                )
            elif name not in self._merge_targets:
                self.add(self._name("types", name), "class-added", f"`types.{name}` added", False)
        for name in sorted(before.keys() & after.keys()):
            old, new = before[name], after[name]
            where = self._name("types", name)
            if isinstance(old, Model) and isinstance(new, Model):
                self.model_fields(where, name, old, new)
            elif isinstance(old, Alias) and isinstance(new, Alias):
                self.typed(where, f"`types.{name}`", old.type, new.type, "alias")
            else:
                self.add(
                    where, "class-kind-changed", f"`types.{name}` changed from a {_kind(old)} to a {_kind(new)}", True
                )

    def model_fields(self, where: str, name: str, old: Model, new: Model) -> None:
        before = {f.name: f for f in old.response_fields}
        after = {f.name: f for f in new.response_fields}
        for field_name in sorted(before.keys() - after.keys()):
            self.add(f"{where}.{field_name}", "field-removed", f"`types.{name}.{field_name}` removed", True)
        for field_name in sorted(after.keys() - before.keys()):
            self.add(f"{where}.{field_name}", "field-added", f"`types.{name}.{field_name}` added", False)
        for field_name in sorted(before.keys() & after.keys()):
            old_field, new_field = before[field_name], after[field_name]
            label = f"`types.{name}.{field_name}`"
            old_optional = not old_field.required or _nullable(old_field.type)
            new_optional = not new_field.required or _nullable(new_field.type)
            if old_optional != new_optional:
                self.add(
                    f"{where}.{field_name}",
                    "field-optional" if new_optional else "field-required",
                    f"{label} {'may now be None' if new_optional else 'is never None now'}",
                    new_optional,
                    typing=new_optional,
                )
            self.typed(f"{where}.{field_name}", label, old_field.type, new_field.type, "field")

    def typed(self, where: str, label: str, old: TypeExpr, new: TypeExpr, use: TypeUse) -> None:
        """A retyping, union variants or enum members added or removed. Arguments take more
        when variants or members come, less when they go. Fields of response models read
        differently: a new variant is one more case to handle, while their enums are open (they
        take any string), so members never break them. Aliases serve both: losing breaks."""
        old_base, new_base = _without_none(old), _without_none(new)
        old_variants, new_variants = _variants(old_base), _variants(new_base)
        if old_variants != new_variants and (old_variants < new_variants or new_variants < old_variants):
            gained = sorted(new_variants - old_variants)
            lost = sorted(old_variants - new_variants)
            self.add(
                where,
                "union-variants-added" if gained else "union-variants-removed",
                f"{label}: {'variants' if len(gained or lost) > 1 else 'variant'} "
                + ", ".join(f"`{v}`" for v in gained or lost)
                + (" added" if gained else " removed"),
                bool(lost) if use != "field" else bool(gained),
                typing=use == "field",
            )
            return
        if _enum_free(old_base) != _enum_free(new_base):
            self.add(
                where,
                "type-changed",
                f"{label} is `{python_type(new_base)}` instead of `{python_type(old_base)}`",
                True,
            )
            return
        old_values, new_values = _enum_values(old_base), _enum_values(new_base)
        removed = [value for value in old_values if value not in new_values]
        added = [value for value in new_values if value not in old_values]
        if removed:
            self.add(where, "enum-member-removed", f"{label}: {_members(removed)} removed", use != "field")
        if added:
            self.add(where, "enum-member-added", f"{label}: {_members(added)} added", False)


def _renamed(gone: list[Model | Alias], came: list[Model | Alias]) -> dict[str, str]:
    """new name -> old name of the types that only changed their name: the same place in the
    spec, or else the same shape (fields, or aliased type) as exactly one type that went."""
    renamed: dict[str, str] = {}
    for new in came:
        same_place = [old for old in gone if old.pointer == new.pointer]
        same_shape = [old for old in gone if _shape(old) == _shape(new)]
        candidates = same_place or (same_shape if len(same_shape) == 1 else [])
        if candidates and candidates[0].name not in renamed.values():
            renamed[new.name] = candidates[0].name
    return renamed


def _shape(named: Model | Alias) -> object:
    if isinstance(named, Model):
        return tuple((f.wire_name, python_type(f.type), f.required) for f in named.fields)
    return python_type(named.type)


def _outline(named: Model | Alias) -> object:
    """The shape of a type without the names of the types it refers to."""
    if isinstance(named, Model):
        return tuple((f.name, f.wire_name, f.required) for f in named.fields)
    return type(named.type).__name__


def _variants(type_: TypeExpr) -> frozenset[str]:
    """The members of a union (or the type itself), enum values left out."""
    return frozenset(_enum_free(v) for v in (type_.variants if isinstance(type_, UnionOf) else (type_,)))


def _methods(operation: Operation) -> list[str]:
    """The methods an operation makes: its own, and those its extensions add."""
    return [operation.name] + [name for name in _extension_methods(operation) if name is not None]


def _extension_methods(operation: Operation) -> tuple[str | None, ...]:
    """The names of the methods an operation's extensions add, where it has them: waiting,
    watching, paging, reading a page by its URL, the job's; in that order, each in its place."""
    wait, pages, job, flag = operation.wait, operation.pages, operation.job, operation.stream_flag
    return (
        wait.name if wait is not None else None,
        wait.watch if wait is not None else None,
        pages.name if pages is not None else None,
        pages.page_method if pages is not None else None,
        job.name if job is not None else None,
        flag.twin if flag is not None else None,
    )


def _flag_overload(operation: Operation) -> tuple[str, str] | None:
    """(the flag's argument, what the method returns with it set) of a method whose flag
    chooses a stream by overloads (not by a twin method)."""
    flag = operation.stream_flag
    if flag is None or flag.twin is not None or flag.stream.type is None or flag.stream.stream_kind is None:
        return None
    return flag.parameter.name, _stream_class(flag.stream.stream_kind, flag.stream.type)


def _stream_class(kind: StreamKind, item: TypeExpr) -> str:
    return f"{STREAM_CLASSES[kind][0]}[{python_type(item)}]"


def _returned_types(operation: Operation) -> list[TypeExpr]:
    """The types the method returns: its successful answers', or what their envelope holds."""
    envelope = operation.envelope
    if envelope is not None and envelope.flag:
        return [Primitive("bool")]
    if envelope is not None and envelope.payload is not None:
        return [envelope.payload]
    return [r.type for r in operation.success_responses if r.type is not None]


def _returns(operation: Operation) -> str:
    """What the method returns, a stream's class around its items' type."""
    kind = operation.stream_kind
    if kind is not None:
        item = next(r.type for r in operation.success_responses if r.stream_kind is not None)
        return _stream_class(kind, item if item is not None else ANY)
    return " | ".join(dict.fromkeys(python_type(t) for t in _returned_types(operation))) or "None"


def _same_fields_or_more(old: Operation, new: Operation) -> bool:
    """The two operations return one model each, the new one with every field of the old one:
    a program that reads the answer runs as before."""
    old_types, new_types = _returned_types(old), _returned_types(new)
    if len(old_types) != 1 or len(new_types) != 1:
        return False
    (old_type,), (new_type,) = old_types, new_types
    if not (isinstance(old_type, Ref) and isinstance(new_type, Ref)):
        return False
    old_model, new_model = old_type.target, new_type.target
    if not (isinstance(old_model, Model) and isinstance(new_model, Model)):
        return False
    new_fields = {(f.name, python_type(f.type)) for f in new_model.response_fields}
    return all((f.name, python_type(f.type)) in new_fields for f in old_model.response_fields)


def _nullable(type_: TypeExpr) -> bool:
    return type_ == NONE or (isinstance(type_, UnionOf) and NONE in type_.variants)


def _without_none(type_: TypeExpr) -> TypeExpr:
    if isinstance(type_, UnionOf) and NONE in type_.variants:
        rest = tuple(v for v in type_.variants if v != NONE)
        return rest[0] if len(rest) == 1 else UnionOf(rest, type_.discriminator)
    return type_


def _kind(named: Model | Alias) -> str:
    return "model" if isinstance(named, Model) else "type alias"


def _members(values: Sequence[object]) -> str:
    word = "member" if len(values) == 1 else "members"
    return f"{word} " + ", ".join(f"`{value!r}`" for value in values)
