"""The method of each operation: its arguments, docstring and call."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from ...ir.bodies import FLATTEN_FUNCTION
from ...ir.extensions import PAGE_COLLECTING_OPTIONS
from ...ir.model import Operation, Parameter, Resource
from ...ir.status_errors import error_class
from ...ir.type_exprs import NO_DEFAULT, holds_files
from ..annotations import AnnotationWriter, Style
from ..code import Code, py_literal
from ..wrap import annotated, bracketed
from .endpoints import EndpointView, endpoint_view, method_returns
from .examples import Answer, example_arguments, example_docstrings, method_path
from .layout import PARAMETER_INDENT
from .paging import PageObjectView, page_object_view, returns_page_object
from .streams import RUNTIME_METHODS, StreamChoiceView, stream_choice_view, stream_returns
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
    runtime_method: str
    """The runtime's method that sends the call: `_request`, or for a stream `_stream` (events)
    or `_lines` (JSON lines)."""
    docstring: Code
    async_docstring: Code
    """The docstring of the async method: its example awaits."""
    endpoint: EndpointView
    call_arguments: list[Code] = field(default_factory=list)
    """The arguments of the `Call(...)` that carry the spec's parameters, laid out as black would."""
    next_url_call_arguments: list[Code] = field(default_factory=list)
    """Those of them that go with a request to a next page's URL: all but the path and the query,
    which the URL holds (a POST's body goes again)."""
    options: dict[str, str] = field(default_factory=dict)
    """The keyword names of the per-call options (and of the waiting and collecting ones)."""
    per_call: list[Code] = field(default_factory=list)
    """`extra_headers=<its keyword>`, ...: the per-call options of its `Call(...)`."""
    collect: CollectView | None = None
    """Its own method collects every page (`x-clientgen-pages` `collect`)."""
    collect_keywords: list[Code] = field(default_factory=list)
    wait: WaitView | None = None
    pages: PagesView | None = None
    page_object: PageObjectView | None = None
    """It returns the first page of a list: the runtime's `SyncPage.first`, not `request`."""
    job: JobView | None = None
    stream: StreamChoiceView | None = None
    """Where a flag chooses between the JSON answer and a stream: the overloads, or the twin."""
    twin_call_arguments: list[Code] = field(default_factory=list)
    """The twin's `call_arguments`, the flag set."""

    @property
    def endpoints(self) -> list[EndpointView]:
        return [self.endpoint] + ([self.stream.endpoint] if self.stream is not None else [])

    def options_call(self, indent: int) -> Code:
        """`Call(...),` with only the per-call options (the page at a URL the caller gives), its
        first line at `indent`."""
        return _call_code(self.per_call, indent)

    def next_page_call(self, indent: int) -> Code:
        """`Call(...),` for the page at a next URL, from within a method that has the operation's
        arguments: those the URL does not hold, then the per-call options."""
        return _call_code([*self.next_url_call_arguments, *self.per_call], indent)


def _call_code(arguments: list[Code], indent: int) -> Code:
    """`Call(<arguments>),` its first line at `indent` (an argument's later lines keep theirs)."""
    lines = [" " * indent + "Call(", *(" " * (indent + 4) + f"{argument}," for argument in arguments)]
    return Code("\n".join([*lines, " " * indent + "),"]))


def operation_view(
    operation: Operation,
    writer: AnnotationWriter,
    shadowed: frozenset[str],
    error_names: Mapping[str, str],
    resource: Resource,
) -> OperationView:
    """`resource`: the one the operation belongs to, which its example call goes through."""
    twin = operation.stream_flag is not None and operation.stream_flag.twin is not None
    flag = operation.stream_flag.parameter.name if operation.stream_flag is not None else None
    arguments = _arguments(operation, writer, shadowed, left_out=flag if twin else None)
    returns = method_returns(operation, writer, shadowed)
    async_returns = returns
    answer: Answer = "stream" if operation.streams else "value" if returns != "None" else "none"
    docstring, async_docstring = example_docstrings(
        _method_doc(operation, arguments.documented, error_names),
        method_path(resource, operation.name),
        example_arguments(operation.parameters),
        answer=answer,
    )
    if operation.stream_kind is not None:
        returns, async_returns = stream_returns(operation.stream_kind, returns, writer)
    page_object = None
    if operation.pages is not None and returns_page_object(operation):
        page_object = page_object_view(operation.pages, writer, shadowed)
        returns = Code(f"SyncPage[{page_object.item}, {returns}]")
        async_returns = Code(f"AsyncPage[{page_object.item}, {async_returns}]")
    view = OperationView(
        name=operation.name,
        endpoint_name=operation.endpoint_name,
        positional=arguments.positional,
        parameters=arguments.keywords,
        returns=returns,
        async_returns=async_returns,
        runtime_method=RUNTIME_METHODS[operation.stream_kind] if operation.stream_kind else "_request",
        docstring=docstring,
        async_docstring=async_docstring,
        endpoint=endpoint_view(operation, writer),
        page_object=page_object,
        options=operation.option_names,
        per_call=per_call_arguments(operation),
    )
    if operation.pages is not None and operation.pages.collect:
        view.collect = collect_view(operation, PAGE_COLLECTING_OPTIONS[1:], final=operation.wait is None)
        view.collect_keywords = collecting_keywords(operation)
    view.call_arguments = _call_arguments(operation, {flag: "False"} if twin and flag else {})
    view.next_url_call_arguments = [a for a in view.call_arguments if not a.startswith(("path=", "query="))]
    if any(parameter.within is not None for parameter in operation.parameters):
        writer.imports.use(FLATTEN_FUNCTION)
    if operation.stream_flag is not None:
        view.stream = _stream_choice(operation, view, writer, shadowed, arguments, error_names, resource)
    if operation.wait is not None:
        view.wait = wait_view(operation, operation.wait, resource)
    if operation.pages is not None and not returns_page_object(operation):
        view.pages = pages_view(operation, operation.pages, writer, shadowed, resource)
    return view


@dataclass
class _Arguments:
    positional: list[ParameterView] = field(default_factory=list)
    keywords: list[ParameterView] = field(default_factory=list)
    documented: list[str] = field(default_factory=list)
    """`  name: description` of those that have something to say."""
    declarations: dict[str, Code] = field(default_factory=dict)
    """Each argument's declaration by name, `left_out`'s too."""


def _arguments(
    operation: Operation, writer: AnnotationWriter, shadowed: frozenset[str], *, left_out: str | None
) -> _Arguments:
    """The method's arguments, but `left_out` (a stream flag its twins set)."""
    arguments = _Arguments()
    for parameter in operation.parameters:
        # a file's path, which the runtime reads, may stand for the file
        files = "FileTypes | str" if holds_files(parameter.type) else "FileTypes"
        annotation = writer.argument(parameter.type, Style(shadowed=shadowed, file_type=files))
        default = None
        if not parameter.required:
            annotation = Code(f"{annotation} | NotGiven")
            default = Code("NOT_GIVEN")
        elif not parameter.must_be_passed and parameter.sent_default is NO_DEFAULT:
            default = Code(py_literal(parameter.default))
        if parameter.sent_default is not NO_DEFAULT:
            default = Code(py_literal(parameter.sent_default))
        declaration = Code(annotated(parameter.name, annotation, default, indent=PARAMETER_INDENT, trailer=","))
        arguments.declarations[parameter.name] = declaration
        if parameter.name == left_out:
            continue
        entry = _argument_doc(parameter, _time_limit_doc(operation, parameter))
        if entry is not None:
            arguments.documented.append(entry)
        (arguments.positional if parameter.positional else arguments.keywords).append(
            ParameterView(parameter.name, annotation, default, declaration)
        )
    return arguments


def _stream_choice(
    operation: Operation,
    view: OperationView,
    writer: AnnotationWriter,
    shadowed: frozenset[str],
    arguments: _Arguments,
    error_names: Mapping[str, str],
    resource: Resource,
) -> StreamChoiceView:
    """The overloads of a method whose flag chooses a stream, or its twin that streams."""
    assert operation.stream_flag is not None
    flag = operation.stream_flag.parameter
    note = f"Sends `{flag.wire_name}: true`: the answer comes as a stream."
    docstrings = example_docstrings(
        _method_doc(operation, arguments.documented, error_names, note),
        method_path(resource, operation.stream_flag.twin or operation.name),
        example_arguments([parameter for parameter in operation.parameters if parameter is not flag]),
        answer="stream",
    )
    stream = stream_choice_view(operation, writer, shadowed, arguments.declarations, docstrings)
    if stream.twin is not None:
        view.twin_call_arguments = _call_arguments(operation, {flag.name: "True"})
    else:
        view.returns, view.async_returns = stream.returns, stream.async_returns
        # the overloads' implementation builds the call once, in `_call = Call(...)`
        view.call_arguments = _call_arguments(operation, {}, indent=CALL_ARGUMENT_INDENT - 4)
    return stream


CALL_ARGUMENT_INDENT = 16
"""Where the arguments of `Call(...)` stand in a generated method."""


def _call_arguments(operation: Operation, fixed: dict[str, str], *, indent: int = CALL_ARGUMENT_INDENT) -> list[Code]:
    """`path={...}`, `query={...}`, ..., `body=...`: wire name -> argument (or the value `fixed`
    gives for it by its name), per location."""
    groups: dict[str, list[Parameter]] = {}
    for parameter in operation.parameters:
        if parameter.within is not None:
            continue  # in its property's object
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
            entries = [
                f"{py_literal(p.wire_name)}: {fixed.get(p.name) or _value(p, operation)}" for p in groups[location]
            ]
            # the template writes a comma after each argument
            arguments.append(Code(bracketed(f"{argument}={{", entries, "}", indent=indent, trailer=",")))
    for parameter in groups.get("body_argument", []):
        arguments.append(Code(f"body={parameter.name}"))
    return arguments


def _value(parameter: Parameter, operation: Operation) -> str:
    """What an argument puts in the call: itself, or for a property `x-clientgen-flatten`
    spreads, the object of it or of its fields given one by one."""
    fields = [p for p in operation.parameters if p.within is not None and p.within[0] == parameter.name]
    if not fields:
        return parameter.name
    given = ", ".join(f"{p.within[1]}={p.name}" for p in fields if p.within is not None)
    return f"{FLATTEN_FUNCTION}({py_literal(parameter.name)}, {parameter.name}, {given})"


def _method_doc(
    operation: Operation, arguments: list[str], error_names: Mapping[str, str], note: str | None = None
) -> str:
    """Summary (else `METHOD /path`), description, `note`, arguments, errors (the example call
    follows them)."""
    parts = [(operation.summary or "").strip() or f"{operation.http_method} {operation.path}"]
    if operation.description and operation.description.strip() != parts[0]:
        parts.append(operation.description.strip())
    if note is not None:
        parts.append(note)
    if operation.deprecated:
        parts.append("Deprecated.")
    if operation.pages is not None and operation.pages.collect:
        arguments = [*arguments, collecting_doc(operation)]
    if arguments:
        parts.append("\n".join(["Args:", *arguments]))
    if note is None and operation.pages is not None and returns_page_object(operation):
        # (with a note, the docstring is the twin's, which streams: no page)
        items = f"its `{operation.pages.items_attribute}`" if operation.pages.items_attribute else "the answer"
        parts.append(
            f"Returns:\n  The first page of the list ({operation.pages.style} style): iterating it yields the"
            f" items of {items} on every page; `.answer` is the page's whole answer, and `iter_items()`"
            " takes limits (`max_pages=`, `max_results=`)."
        )
    raises = []
    for response in operation.error_responses:
        description = (response.description or "").strip()
        raises.append(f"  {error_class(response.status, error_names)}: {response.status} {description}".rstrip())
    if raises:
        parts.append("\n".join(["Raises:", *raises]))
    return "\n\n".join(parts)


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
    if parameter.sent_default is not NO_DEFAULT:
        if text and not text.endswith((".", "!", "?")):
            text += "."
        text = f"{text} Sent as {py_literal(parameter.sent_default)} unless given (the client's configuration).".strip()
    elif parameter.default is not NO_DEFAULT and not parameter.required and "default" not in text.lower():
        if text and not text.endswith((".", "!", "?")):
            text += "."
        text = f"{text} Defaults to {py_literal(parameter.default)} on the server.".strip()
    text = f"{text} {note}".strip()
    return f"  {parameter.name}: {text}" if text else None
