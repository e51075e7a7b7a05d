"""`api.md`, the API reference of a client: every resource, every method's signature and an
example call, the types each uses (linked), then each type with its fields."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ...ir.model import Api, Operation, Resource
from ...ir.type_exprs import Alias, ListOf, MapOf, NamedType, Ref, TupleOf, TypeExpr, UnionOf
from ..annotations import AnnotationWriter, Imports, Style
from ..code import Code, markdown_code, markdown_text
from .endpoints import returns_annotation
from .examples import Answer, example_arguments, example_call, method_path


@dataclass
class ArgumentView:
    name: Code
    annotation: Code
    required: bool
    description: Code


@dataclass
class MethodView:
    anchor: Code
    heading: Code
    """`client.<resource>.<method>()`, as inline code."""
    summary: Code
    http: Code
    """`METHOD /path`, as inline code."""
    signature: Code
    """A fenced block: the method with its arguments and what it returns."""
    example: Code
    """A fenced block: a call with arguments the spec accepts, on a `client` made beforehand."""
    arguments: list[ArgumentView]
    types: Code
    """Links to the types the method takes or returns."""
    companions: Code
    """The methods the spec's extensions add beside it (waiting, pages, a job), as inline code."""


@dataclass
class ResourceReferenceView:
    heading: Code
    description: Code
    methods: list[MethodView]
    types: Code


@dataclass
class TypeView:
    anchor: Code
    name: str
    description: Code
    alias_of: Code | None
    fields: list[ArgumentView]
    uses: Code


def reference_view(api: Api) -> tuple[list[ResourceReferenceView], list[TypeView]]:
    """The resources, then every named type, in the IR's order (which is the spec's)."""
    resources = [_resource_view(api, resource) for resource in api.resources]
    return resources, [_type_view(named) for named in api.types]


def type_links(types: list[NamedType]) -> Code:
    """Links to the sections of `types`, separated by commas."""
    return Code(", ".join(f"[`{named.name}`](#{_type_anchor(named)})" for named in types))


def _type_anchor(named: NamedType) -> Code:
    """An anchor of its own, unique as class names are: a heading's would depend on the
    Markdown renderer, and fold the case."""
    return Code(f"type-{named.name}")


def _resource_view(api: Api, resource: Resource) -> ResourceReferenceView:
    writer = AnnotationWriter(Imports(f"resources.{resource.module}"))
    shadowed = frozenset(operation.name for operation in resource.operations)
    methods = [_method_view(api, resource, operation, writer, shadowed) for operation in resource.operations]
    used = _named_types(type_ for operation in resource.operations for type_ in _operation_types(operation))
    return ResourceReferenceView(
        heading=markdown_code(f"client.{resource.path}"),
        description=markdown_text(resource.description),
        methods=methods,
        types=type_links(used),
    )


def _method_view(
    api: Api, resource: Resource, operation: Operation, writer: AnnotationWriter, shadowed: frozenset[str]
) -> MethodView:
    call = method_path(resource, operation.name)
    style = Style(shadowed=shadowed)
    arguments = [
        ArgumentView(
            name=markdown_code(parameter.name),
            annotation=_cell(markdown_code(str(writer.argument(parameter.type, style)))),
            required=parameter.required,
            description=markdown_text(parameter.description),
        )
        for parameter in operation.parameters
    ]
    returns = str(returns_annotation(operation.success_responses, writer, shadowed))
    if operation.streams:
        returns = f"Stream[{returns}]"
    declared = [
        f"{parameter.name}: {writer.argument(parameter.type, style)}" + ("" if parameter.required else " = NOT_GIVEN")
        for parameter in operation.parameters
    ]
    positional = [text for text, parameter in zip(declared, operation.parameters) if parameter.positional]
    keywords = [text for text, parameter in zip(declared, operation.parameters) if not parameter.positional]
    listed = positional + (["*", *keywords] if keywords else [])
    lines = "".join(f"    {text},\n" for text in listed)
    signature = f"{call}(\n{lines}) -> {returns}" if listed else f"{call}() -> {returns}"
    answer: Answer = "stream" if operation.streams else "value" if returns != "None" else "none"
    example = example_call(call, example_arguments(operation.parameters), answer=answer)
    return MethodView(
        anchor=Code(f"{resource.path}.{operation.name}"),
        heading=markdown_code(f"{call}()"),
        summary=markdown_text(operation.summary or operation.description),
        http=markdown_code(f"{operation.http_method} {operation.path}"),
        signature=fenced(signature),
        example=fenced(example),
        arguments=arguments,
        types=type_links(_named_types(_operation_types(operation))),
        companions=Code(
            ", ".join(markdown_code(f"client.{resource.path}.{name}()") for name in _companions(operation))
        ),
    )


def _companions(operation: Operation) -> list[str]:
    """The methods the operation has besides its own: its extensions' and its stream twin."""
    twin = operation.stream_flag.twin if operation.stream_flag is not None else None
    return operation.added_methods + ([twin] if twin else [])


def _type_view(named: NamedType) -> TypeView:
    writer = AnnotationWriter(Imports(f"types.{named.module}"))
    if isinstance(named, Alias):
        return TypeView(
            anchor=_type_anchor(named),
            name=named.name,
            description=markdown_text(named.description),
            alias_of=markdown_code(str(writer.annotation(named.type))),
            fields=[],
            uses=type_links([used for used in _named_types([named.type]) if used is not named]),
        )
    fields = [
        ArgumentView(
            name=markdown_code(field.name),
            annotation=_cell(markdown_code(str(writer.annotation(field.type)))),
            required=field.required,
            description=markdown_text(field.description),
        )
        for field in named.fields
    ]
    inner = [field.type for field in named.fields] + ([Ref(named.base)] if named.base is not None else [])
    return TypeView(
        anchor=_type_anchor(named),
        name=named.name,
        description=markdown_text(named.description),
        alias_of=None,
        fields=fields,
        uses=type_links([used for used in _named_types(inner) if used is not named]),
    )


def _operation_types(operation: Operation) -> Iterator[TypeExpr]:
    for parameter in operation.parameters:
        yield parameter.type
    for response in operation.success_responses:
        if response.type is not None:
            yield response.type


def _named_types(types: Iterator[TypeExpr] | list[TypeExpr]) -> list[NamedType]:
    """The named types `types` refer to (not those inside them), each once, in order of appearance."""
    found: dict[str, NamedType] = {}
    for type_ in types:
        for named in _references(type_):
            found.setdefault(named.name, named)
    return list(found.values())


def _references(type_: TypeExpr) -> Iterator[NamedType]:
    if isinstance(type_, Ref):
        yield type_.target
    elif isinstance(type_, ListOf):
        yield from _references(type_.item)
    elif isinstance(type_, MapOf):
        yield from _references(type_.value)
    elif isinstance(type_, TupleOf):
        for item in type_.items:
            yield from _references(item)
    elif isinstance(type_, UnionOf):
        for variant in type_.variants:
            yield from _references(variant)


def _cell(text: Code) -> Code:
    """Inline code for a cell of a Markdown table, where a `|` ends the cell even in a code span
    (`markdown_text` escapes it already)."""
    return Code(text.replace("|", "\\|"))


def fenced(code: str) -> Code:
    """A fenced Python block of `code`, its fence longer than any run of backticks in it."""
    longest = max((len(run) for run in re.findall(r"`+", code)), default=0)
    fence = "`" * max(3, longest + 1)
    return Code(f"{fence}python\n{code}\n{fence}")
