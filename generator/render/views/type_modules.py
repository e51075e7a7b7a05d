"""The modules of the `types` package: models, typed dicts and aliases."""

from __future__ import annotations

import keyword
from dataclasses import dataclass

from ... import naming
from ...ir.type_exprs import Alias, Model, Ref, TypeExpr, TypeModule, referenced
from ..annotations import AnnotationWriter, Imports, Style, admits_none
from ..code import Code, docstring_text, py_literal
from ..wrap import annotated, annotated_call, assignment, bracketed, call_statement
from .layout import CLASS_INDENT


@dataclass
class FieldView:
    name: str
    annotation: Code
    default: Code | None
    declaration: Code
    """`name: annotation = default`, laid out as black would."""
    doc: Code


@dataclass
class ModelView:
    name: str
    base: Code
    doc: Code
    fields: list[FieldView]
    extra_values: Code | None
    """The type of the values of properties it does not name, when the spec gives one."""
    kind: str = "model"
    write_only_wire_names: Code | None = None
    """`{python name: wire name}` of the write-only fields named otherwise on the wire, which
    the class does not declare (responses never hold them) but dicts sent as it may."""

    @property
    def class_line(self) -> Code:
        """`class Name(Base):`, laid out as black would."""
        return Code(call_statement("class ", self.name, [self.base], ":", indent=0))


@dataclass
class TypedDictView:
    """The request-side twin of a model: the same fields, keyed by Python name."""

    name: str
    doc: Code
    keys: list[tuple[Code, str, Code]]
    """(key as a literal, key as written in a class body, value type with Required[] if so)."""
    class_syntax: bool
    """False when a key is not an identifier: then the functional form is used."""
    kind: str = "typed_dict"

    @property
    def class_line(self) -> Code:
        """`class Name(TypedDict, total=False):`, laid out as black would."""
        return Code(call_statement("class ", self.name, ["TypedDict", "total=False"], ":", indent=0))

    @property
    def declarations(self) -> list[Code]:
        """`key: annotation` of each key in the class syntax, laid out as black would."""
        return [Code(annotated(key, annotation, None, indent=CLASS_INDENT)) for _, key, annotation in self.keys]

    @property
    def mapping(self) -> Code:
        """The keys and their types as a dict literal, for the functional form."""
        return Code("{" + ", ".join(f"{literal}: {annotation}" for literal, _, annotation in self.keys) + "}")


@dataclass
class AliasView:
    name: str
    doc: Code
    value: Code
    declaration: Code
    """`name: TypeAlias = value`, laid out as black would."""
    recursive: bool = False
    """It refers to itself: a TypeAliasType at run time, which pydantic can follow."""
    kind: str = "alias"


Definition = ModelView | TypedDictView | AliasView


@dataclass
class TypeModuleView:
    name: str
    exports: Code
    """The `__all__` statement."""
    imports: list[Code]
    definitions: list[Definition]
    rebuild: list[str]
    """Models that mention a type defined after them in the module."""


def type_module_view(module: TypeModule) -> TypeModuleView:
    here = f"types.{module.name}"
    imports = Imports(here)
    writer = AnnotationWriter(imports)
    pending = set(module.exported_names)
    definitions: list[Definition] = []
    rebuild = []
    for named in module.types:
        pending.discard(named.name)
        if isinstance(named, Model):
            view = _model_view(named, writer)
            if view.extra_values is not None:
                imports.use("Field")
            if _names_in_fields(named) & pending:
                rebuild.append(named.name)
            definitions.append(view)
        else:
            imports.use("TypeAlias")
            recursive = _is_recursive(named)
            if recursive:
                imports.use("TYPE_CHECKING")
                imports.use("TypeAliasType")
            forward = (frozenset(pending) | ({named.name} if recursive else set())) & _names_in(named.type)
            value = writer.annotation(named.type, Style(forward=forward, file_type="bytes"))
            definitions.append(
                AliasView(
                    named.name,
                    docstring_text(named.description),
                    value,
                    _alias_declaration(named.name, value),
                    recursive,
                )
            )
        if named.param_name is None:
            continue
        pending.discard(named.param_name)
        if isinstance(named, Model):
            imports.use("TypedDict")
            definitions.append(_typed_dict_view(named, named.param_name, writer, frozenset(pending)))
        else:
            style = Style(request=True, forward=frozenset(pending) & _request_names_in(named.type))
            value = writer.annotation(named.type, style)
            definitions.append(
                AliasView(named.param_name, Code(""), value, _alias_declaration(named.param_name, value))
            )
    exports = Code(bracketed("__all__ = [", [py_literal(d.name) for d in definitions], "]"))
    return TypeModuleView(module.name, exports, imports.lines(), definitions, rebuild)


def _model_view(model: Model, writer: AnnotationWriter) -> ModelView:
    style = Style(open_enums=True, shadowed=frozenset(field.name for field in model.response_fields), file_type="bytes")
    fields = []
    for model_field in model.own_fields:
        annotation = writer.annotation(model_field.type, style)
        optional = not model_field.required
        if optional and not admits_none(model_field.type):
            annotation = Code(f"{annotation} | None")
        default = Code("None") if optional else None
        declaration = annotated(model_field.name, annotation, default, indent=CLASS_INDENT, statement=True)
        if model_field.name != model_field.wire_name:
            arguments = _alias_arguments(model_field.wire_name, default)
            default = Code(f"Field({', '.join(arguments)})")
            declaration = annotated_call(model_field.name, annotation, "Field", arguments, indent=CLASS_INDENT)
        fields.append(
            FieldView(
                name=model_field.name,
                annotation=annotation,
                default=default,
                declaration=Code(declaration),
                doc=docstring_text(_with_deprecation(model_field.description, model_field.deprecated), CLASS_INDENT),
            )
        )
    if any(field.default is not None and field.default.startswith("Field(") for field in fields):
        writer.imports.use("Field")
    if model.base is None:
        writer.imports.use("BaseModel")
    write_only = {
        field.name: field.wire_name for field in model.fields if field.write_only and field.name != field.wire_name
    }
    if write_only:
        writer.imports.use("ClassVar")
    return ModelView(
        name=model.name,
        base=writer.annotation(Ref(model.base)) if model.base is not None else Code("BaseModel"),
        doc=docstring_text(model.description, CLASS_INDENT),
        fields=fields,
        extra_values=writer.annotation(model.extra_values, style) if model.extra_values is not None else None,
        write_only_wire_names=py_literal(write_only) if write_only else None,
    )


def _alias_arguments(wire_name: str, default: Code | None) -> list[str]:
    """The arguments of `Field(...)` for a field named otherwise on the wire: its wire name, for
    reading and for writing. (Not `alias=`, which type checkers would make the constructor's
    keyword: models are made with their Python names, like everything else.)"""
    alias = py_literal(wire_name)
    given = [] if default is None else [f"default={default}"]
    return [*given, f"validation_alias={alias}", f"serialization_alias={alias}"]


def _alias_declaration(name: str, value: Code) -> Code:
    return Code(assignment(f"{name}: TypeAlias", value))


def _typed_dict_view(model: Model, name: str, writer: AnnotationWriter, pending: frozenset[str]) -> TypedDictView:
    keys = [naming.argument_name(field.name) for field in model.request_fields]
    # class syntax only for plain names: Python would NFKC-normalise non-ASCII ones and
    # mangle `__private` ones, changing the keys
    class_syntax = all(
        key.isascii() and key.isidentifier() and not keyword.iskeyword(key) and not key.startswith("__") for key in keys
    )
    forward = frozenset() if class_syntax else pending | {name}  # the functional form runs at import
    style = Style(request=True, shadowed=frozenset(keys), forward=forward)
    entries = []
    for model_field in model.request_fields:
        annotation = writer.annotation(model_field.type, style)
        if model_field.required:
            writer.imports.use("Required")
            annotation = Code(f"Required[{annotation}]")
        key = naming.argument_name(model_field.name)
        entries.append((py_literal(key), key, annotation))
    doc = f"The fields of `{model.name}` as a dict, by their Python names."
    return TypedDictView(name, docstring_text(doc, CLASS_INDENT), entries, class_syntax)


def _is_recursive(alias: Alias) -> bool:
    """Whether an alias refers to itself through aliases alone (models break such cycles)."""
    stack = [named for named in referenced(alias.type) if isinstance(named, Alias)]
    seen: set[Alias] = set()
    while stack:
        current = stack.pop()
        if current is alias:
            return True
        if current not in seen:
            seen.add(current)
            stack.extend(named for named in referenced(current.type) if isinstance(named, Alias))
    return False


def _names_in(type_: TypeExpr) -> frozenset[str]:
    return frozenset(named.name for named in referenced(type_))


def _request_names_in(type_: TypeExpr) -> frozenset[str]:
    return frozenset(named.param_name or named.name for named in referenced(type_))


def _names_in_fields(model: Model) -> frozenset[str]:
    return frozenset(name for model_field in model.response_fields for name in _names_in(model_field.type))


def _with_deprecation(text: str | None, deprecated: bool) -> str | None:
    if not deprecated:
        return text
    return f"Deprecated. {text}" if text else "Deprecated."
