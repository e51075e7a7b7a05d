"""Methods that answer with a stream: the annotation of a stream of items, and where a flag
chooses between the JSON answer and a stream (`Operation.stream_flag`), the overloads of the
method per value of the flag, or its twin method that streams."""

from __future__ import annotations

from dataclasses import dataclass

from ...ir.model import Api, Operation, Parameter, StreamKind
from ...ir.type_exprs import NONE, LiteralOf, TypeExpr, UnionOf
from ..annotations import AnnotationWriter, Style
from ..code import Code
from ..wrap import annotated
from .endpoints import EndpointView, endpoint_view, method_returns, returns_annotation
from .layout import PARAMETER_INDENT

STREAM_CLASSES: dict[StreamKind, tuple[str, str]] = {
    "events": ("Stream", "AsyncStream"),
    "lines": ("JSONLines", "AsyncJSONLines"),
}
"""The runtime's classes of each kind of stream, sync and async."""
RUNTIME_METHODS: dict[StreamKind, str] = {"events": "_stream", "lines": "_lines"}
"""The runtime's method that sends a call and returns each kind of stream."""


def stream_returns(kind: StreamKind, item: Code, writer: AnnotationWriter) -> tuple[Code, Code]:
    """`Stream[item]` and `AsyncStream[item]` (or the JSON lines' classes), imported."""
    sync, async_ = STREAM_CLASSES[kind]
    writer.imports.use(sync)
    writer.imports.use(async_)
    return Code(f"{sync}[{item}]"), Code(f"{async_}[{item}]")


@dataclass(frozen=True)
class Declared:
    declaration: Code
    """`name: annotation = default`, laid out as black would."""


@dataclass
class OverloadView:
    """One `@overload` of a method whose flag chooses its answer: its arguments (as the
    keywords template lays them out) and what it returns."""

    positional: list[Declared]
    parameters: list[Declared]
    returns: Code
    async_returns: Code
    options: dict[str, str]
    """The keyword names of the per-call options, the method's own."""


@dataclass
class StreamChoiceView:
    flag: str
    """The Python name of the flag's argument."""
    endpoint_name: str
    endpoint: EndpointView
    """The endpoint of the call with the flag set: its answer is the stream."""
    runtime_method: str
    overloads: list[OverloadView]
    """Empty where the method has a twin that streams instead."""
    twin: str | None
    docstring: Code
    """The twin's."""
    async_docstring: Code
    returns: Code
    """What the twin returns (a stream), or the implementation of the overloads (either)."""
    async_returns: Code


def stream_choice_view(
    operation: Operation,
    writer: AnnotationWriter,
    shadowed: frozenset[str],
    declarations: dict[str, Code],
    docstrings: tuple[Code, Code],
) -> StreamChoiceView:
    """`declarations`: each argument's declaration by name, as the method writes it;
    `docstrings`: the twin's, sync and async."""
    flag = operation.stream_flag
    assert flag is not None
    stream = flag.stream
    assert stream.stream_kind is not None and stream.type is not None
    item = returns_annotation([stream], writer, shadowed)
    streams, async_streams = stream_returns(stream.stream_kind, item, writer)
    endpoint = endpoint_view(operation, writer, success=[stream], name=flag.endpoint_name)
    view = StreamChoiceView(
        flag=flag.parameter.name,
        endpoint_name=flag.endpoint_name,
        endpoint=endpoint,
        runtime_method=RUNTIME_METHODS[stream.stream_kind],
        overloads=[],
        twin=flag.twin,
        docstring=docstrings[0],
        async_docstring=docstrings[1],
        returns=streams,
        async_returns=async_streams,
    )
    if flag.twin is not None:
        return view
    whole = method_returns(operation, writer, shadowed)
    writer.imports.use("overload")
    for value, sync, async_ in ((False, whole, whole), (True, streams, async_streams)):
        overload = _flag_declaration(flag.parameter, value, writer, shadowed)
        view.overloads.append(_overload(operation, {**declarations, flag.parameter.name: overload}, sync, async_))
    view.returns, view.async_returns = Code(f"{whole} | {streams}"), Code(f"{whole} | {async_streams}")
    view.overloads.append(_overload(operation, declarations, view.returns, view.async_returns))
    return view


def _flag_declaration(parameter: Parameter, value: bool, writer: AnnotationWriter, shadowed: frozenset[str]) -> Code:
    """The flag's declaration in the overload for one of its values: `Literal[True]` (to be
    passed), or `Literal[False]` with the argument's own default where it has one."""
    type_: TypeExpr = LiteralOf((value,))
    nullable = isinstance(parameter.type, UnionOf) and NONE in parameter.type.variants
    if not value and nullable:
        type_ = UnionOf((type_, NONE))
    annotation = writer.argument(type_, Style(shadowed=shadowed))
    default = None
    if not value and not parameter.required:
        annotation, default = Code(f"{annotation} | NotGiven"), "NOT_GIVEN"
    return Code(annotated(parameter.name, annotation, default, indent=PARAMETER_INDENT, trailer=","))


def _overload(operation: Operation, declarations: dict[str, Code], returns: Code, async_returns: Code) -> OverloadView:
    """The method's arguments, the flag's as given, in the method's order: in an overload the
    flag of value True, which has no default, still comes among the keywords."""
    return OverloadView(
        positional=[Declared(declarations[p.name]) for p in operation.parameters if p.positional],
        parameters=[Declared(declarations[p.name]) for p in operation.parameters if not p.positional],
        returns=returns,
        async_returns=async_returns,
        options=operation.option_names,
    )


def readme_streams(api: Api) -> list[dict[str, Code]]:
    """The README's list of the methods that answer with a stream: each with the call that
    gets one and what it yields."""
    entries = []
    for resource in api.resources:
        for operation in resource.operations:
            flag = operation.stream_flag
            stream = (
                flag.stream
                if flag is not None
                else next((r for r in operation.success_responses if r.stream_kind is not None), None)
            )
            if stream is None or stream.stream_kind is None:
                continue
            method = f"client.{resource.path}.{flag.twin if flag and flag.twin else operation.name}"
            call = f"{method}(..., {flag.parameter.name}=True)" if flag and not flag.twin else f"{method}(...)"
            entries.append({"call": Code(call), "kind": Code(STREAM_CLASSES[stream.stream_kind][0])})
    return entries
