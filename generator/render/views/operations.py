"""The method of each operation: its arguments, docstring and call."""

from __future__ import annotations

from dataclasses import dataclass, field

from ...ir.extensions import PAGE_COLLECTING_OPTIONS
from ...ir.model import NO_DEFAULT, Operation, Parameter
from ...ir.status_errors import error_class
from ..annotations import AnnotationWriter, Style
from ..code import Code, docstring_text, py_literal
from ..wrap import annotated, bracketed
from .endpoints import EndpointView, endpoint_view, returns_annotation
from .layout import METHOD_INDENT, PARAMETER_INDENT
from .waiting import (
    CollectView,
    JobView,
    PagesView,
    WaitView,
    collect_view,
    collecting_doc,
    collecting_keywords,
    pages_view,
    per_call_arguments,
    wait_view,
)


@dataclass
class ParameterView:
    name: str
    annotation: Code
    default: Code | None
    declaration: Code
    """`name: annotation = default`, laid out as black would."""


@dataclass
class OperationView:
    name: str
    endpoint_name: str
    positional: list[ParameterView]
    """The arguments passed by position or by name (`Parameter.positional`)."""
    parameters: list[ParameterView]
    """The other parameters: keyword arguments."""
    returns: Code
    async_returns: Code
    streams: bool
    """It returns a stream of server-sent events: the runtime's `stream`, not `request`."""
    docstring: Code
    endpoint: EndpointView
    call_arguments: list[Code] = field(default_factory=list)
    """The arguments of the `Call(...)` that carry the spec's parameters, laid out as black would."""
    options: dict[str, str] = field(default_factory=dict)
    """The keyword names of the per-call options (and of the waiting and collecting ones)."""
    per_call: list[Code] = field(default_factory=list)
    """`extra_headers=<its keyword>`, ...: the per-call options of its `Call(...)`."""
    collect: CollectView | None = None
    """Its own method collects every page (`x-clientgen-pages` `collect`)."""
    collect_keywords: list[Code] = field(default_factory=list)
    wait: WaitView | None = None
    pages: PagesView | None = None
    job: JobView | None = None

    def options_call(self, indent: int) -> Code:
        """`Call(...),` with only the per-call options (a next page's), its first line at `indent`."""
        lines = ["Call(", *(f"    {argument}," for argument in self.per_call), "),"]
        return Code("\n".join(" " * indent + line for line in lines))


def operation_view(operation: Operation, writer: AnnotationWriter, shadowed: frozenset[str]) -> OperationView:
    positional: list[ParameterView] = []
    parameters: list[ParameterView] = []
    documented = []
    for parameter in operation.parameters:
        annotation = writer.argument(parameter.type, Style(shadowed=shadowed))
        entry = _argument_doc(parameter, _time_limit_doc(operation, parameter))
        if entry is not None:
            documented.append(entry)
        default = None
        if not parameter.required:
            annotation = Code(f"{annotation} | NotGiven")
            default = Code("NOT_GIVEN")
        elif not parameter.must_be_passed:
            default = Code(py_literal(parameter.default))
        declaration = Code(annotated(parameter.name, annotation, default, indent=PARAMETER_INDENT, trailer=","))
        (positional if parameter.positional else parameters).append(
            ParameterView(parameter.name, annotation, default, declaration)
        )
    returns = returns_annotation(operation.success_responses, writer, shadowed)
    async_returns = returns
    if operation.streams:
        for name in ("Stream", "AsyncStream"):
            writer.imports.use(name)
        returns, async_returns = Code(f"Stream[{returns}]"), Code(f"AsyncStream[{returns}]")
    view = OperationView(
        name=operation.name,
        endpoint_name=operation.endpoint_name,
        positional=positional,
        parameters=parameters,
        returns=returns,
        async_returns=async_returns,
        streams=operation.streams,
        docstring=_method_docstring(operation, documented),
        endpoint=endpoint_view(operation, writer),
        options=operation.option_names,
        per_call=per_call_arguments(operation),
    )
    if operation.pages is not None and operation.pages.collect:
        view.collect = collect_view(operation, PAGE_COLLECTING_OPTIONS[1:], final=operation.wait is None)
        view.collect_keywords = collecting_keywords(operation)
    view.call_arguments = _call_arguments(operation)
    if operation.wait is not None:
        view.wait = wait_view(operation, operation.wait)
    if operation.pages is not None:
        view.pages = pages_view(operation, operation.pages, writer, shadowed)
    return view


CALL_ARGUMENT_INDENT = 16
"""Where the arguments of `Call(...)` stand in a generated method."""


def _call_arguments(operation: Operation) -> list[Code]:
    """`path={...}`, `query={...}`, ..., `body=...`: wire name -> argument, per location."""
    groups: dict[str, list[Parameter]] = {}
    for parameter in operation.parameters:
        flattened = operation.body is not None and operation.body.flattened
        location = parameter.location if parameter.location != "body" or flattened else "body_argument"
        groups.setdefault(location, []).append(parameter)
    arguments = []
    for location, argument in (
        ("path", "path"),
        ("query", "query"),
        ("header", "headers"),
        ("cookie", "cookies"),
        ("body", "body"),
    ):
        if location in groups:
            entries = [f"{py_literal(p.wire_name)}: {p.name}" for p in groups[location]]
            # the template writes a comma after each argument
            arguments.append(Code(bracketed(f"{argument}={{", entries, "}", indent=CALL_ARGUMENT_INDENT, trailer=",")))
    for parameter in groups.get("body_argument", []):
        arguments.append(Code(f"body={parameter.name}"))
    return arguments


def _method_docstring(operation: Operation, arguments: list[str]) -> Code:
    """Summary (else `METHOD /path`), description, arguments, errors."""
    parts = [(operation.summary or "").strip() or f"{operation.http_method} {operation.path}"]
    if operation.description and operation.description.strip() != parts[0]:
        parts.append(operation.description.strip())
    if operation.deprecated:
        parts.append("Deprecated.")
    if operation.pages is not None and operation.pages.collect:
        arguments = [*arguments, collecting_doc(operation)]
    if arguments:
        parts.append("\n".join(["Args:", *arguments]))
    raises = []
    for response in operation.error_responses:
        description = (response.description or "").strip()
        raises.append(f"  {error_class(response.status)}: {response.status} {description}".rstrip())
    if raises:
        parts.append("\n".join(["Raises:", *raises]))
    return docstring_text("\n\n".join(parts), METHOD_INDENT)


def _time_limit_doc(operation: Operation, parameter: Parameter) -> str:
    """What the argument that is the server's own time limit does to the HTTP timeout."""
    limit = operation.server_timeout
    if limit is None or limit.parameter != parameter.name:
        return ""
    margin = f" plus {limit.margin:g} s" if limit.margin else ""
    return (
        f"The HTTP timeout of the call follows it (in {limit.unit_name}{margin}) unless"
        f" `{operation.option_names['timeout']}=` sets one."
    )


def _argument_doc(parameter: Parameter, note: str = "") -> str | None:
    """`  name: description`, with the server's default where the spec gives one, the argument
    is optional and the description does not already speak of it, then `note`; None when there
    is nothing to say (the signature gives the type)."""
    text = " ".join((parameter.description or "").split())
    if parameter.deprecated:
        text = f"Deprecated. {text}".strip()
    if parameter.default is not NO_DEFAULT and not parameter.required and "default" not in text.lower():
        if text and not text.endswith((".", "!", "?")):
            text += "."
        text = f"{text} Defaults to {py_literal(parameter.default)} on the server.".strip()
    text = f"{text} {note}".strip()
    return f"  {parameter.name}: {text}" if text else None
