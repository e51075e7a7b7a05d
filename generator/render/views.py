"""Per-file views of the IR: every fragment a template prints, already escaped or written as
Python (`Code`), and the imports each module needs. Templates only lay these out."""

from __future__ import annotations

import keyword
from dataclasses import dataclass, field

from .. import naming
from ..format import LINE_LENGTH
from ..ir.model import (
    NO_DEFAULT,
    Alias,
    Api,
    Encoding,
    Job,
    Model,
    Operation,
    Pages,
    Parameter,
    Primitive,
    Ref,
    Resource,
    Response,
    SecurityScheme,
    Server,
    TypeExpr,
    TypeModule,
    Wait,
    default_encoding,
    referenced,
)
from ..ir.operations import COLLECT_OPTIONS, REQUEST_OPTIONS, WAIT_OPTIONS, is_json_media_type
from ..ir.status_errors import error_class
from .annotations import (
    AnnotationWriter,
    Imports,
    Style,
    admits_none,
    from_import,
    relative_module,
)
from .code import Code, docstring_text, py_literal
from .wrap import annotated, annotated_call, assignment, bracketed, call_statement

METHOD_INDENT = 8
CLASS_INDENT = 4


# --- the types package -------------------------------------------------------------------------


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


# --- resources ---------------------------------------------------------------------------------


@dataclass
class ParameterView:
    name: str
    annotation: Code
    default: Code | None
    declaration: Code
    """`name: annotation = default`, laid out as black would."""


@dataclass
class EndpointView:
    head: Code
    """`_NAME: Endpoint[T] = Endpoint(`, as two statements when one line would be too long."""
    method: Code
    path: Code
    response: Code
    response_kind: Code
    errors: list[tuple[Code, Code]]
    security: Code | None
    body_encoding: Code | None
    content_type: Code | None
    """The body's media type, when not the usual one of its encoding."""
    encodings: Code | None
    """The parameters and form fields not written in the specification's default way:
    location -> wire name -> `Encoding(...)`."""
    idempotency_header: str | None
    accept: Code | None
    """The Accept header, when the successful responses are not just JSON."""
    argument_types: Code | None = None
    """location -> wire name -> the type (as models write it) of each argument that may hold
    dicts keyed by Python names the runtime renames to wire names."""
    body_type: Code | None = None
    """The same for a body given as one argument."""
    body_required: bool = False
    """A form or multipart body the spec requires: sent, empty, when no field is given (a JSON
    body is sent as `{}` then anyway)."""


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
    wait: WaitView | None = None
    pages: PagesView | None = None
    job: JobView | None = None


@dataclass
class PagesView:
    """A method that yields the items of the operation's answer and of each next page."""

    name: str
    docstring: Code
    item: Code
    """The annotation of an item."""
    items_attribute: str
    next_attribute: str
    arguments: list[Code]
    """`name=name` for each argument passed on to the operation's method."""
    next_arguments: list[Code] | None
    """With a cursor: the arguments of the call for the next page (the cursor's is
    `name=_page.<next>`); None: the next page is at a URL."""


@dataclass
class WaitView:
    """A method that calls the operation until a field of its answer ends the wait."""

    name: str
    docstring: Code
    keywords: list[Code]
    """The declarations of its own keyword arguments (poll interval, maximum wait)."""
    arguments: list[Code]
    """`name=name` for each argument passed on to the operation's method."""
    attribute: Code
    until: Code
    next_arguments: list[Code] | None
    """With a paging method whose next page comes by a cursor: the arguments of the call for the
    page after `_next`, the cursor."""


@dataclass
class JobView:
    """A method that starts a job, waits for it and returns its complete result."""

    name: str
    docstring: Code
    keywords: list[Code]
    arguments: list[Code]
    """`name=name` for each argument passed on to the starting method."""
    wait_name: str
    wait_arguments: list[Code]
    returns: Code
    async_returns: Code


@dataclass
class ResourceView:
    class_name: str
    async_class_name: str
    raw_class_name: str
    async_raw_class_name: str
    doc: Code
    imports: list[Code]
    operations: list[OperationView]
    raw_wrappers: list[Code]
    """`self.method = raw_response_wrapper(resource.method)`, for each operation."""
    async_raw_wrappers: list[Code]
    sync_lines: ResourceLinesView
    async_lines: ResourceLinesView
    streaming_class_name: str = ""
    async_streaming_class_name: str = ""
    streaming_wrappers: list[Code] = field(default_factory=list)
    """`self.method = streaming_response_wrapper(resource.method)`, for each operation."""
    async_streaming_wrappers: list[Code] = field(default_factory=list)


@dataclass
class ResourceLinesView:
    """The lines of a resource's sync or async classes that hold its long names, laid out as
    black would."""

    class_line: Code
    """`class Name(SyncAPIResource):`"""
    raw_property: Code
    """`def with_raw_response(self) -> NameWithRawResponse:`, and its `return`."""
    raw_return: Code
    streaming_property: Code
    streaming_return: Code
    init: Code
    """`def __init__(self, resource: Name) -> None:` of the raw and streaming classes."""


def _resource_lines(class_name: str, base: str, raw_class_name: str, streaming_class_name: str) -> ResourceLinesView:
    return ResourceLinesView(
        class_line=Code(call_statement("class ", class_name, [base], ":", indent=0)),
        raw_property=_method_signature("with_raw_response", ["self"], raw_class_name),
        raw_return=Code(call_statement("return ", raw_class_name, ["self"], indent=METHOD_INDENT)),
        streaming_property=_method_signature("with_streaming_response", ["self"], streaming_class_name),
        streaming_return=Code(call_statement("return ", streaming_class_name, ["self"], indent=METHOD_INDENT)),
        init=_method_signature("__init__", ["self", f"resource: {class_name}"], "None"),
    )


def _method_signature(name: str, parameters: list[str], returns: str) -> Code:
    """`def name(parameters) -> returns:` of a method, laid out as black would."""
    return Code(call_statement("def ", name, parameters, f" -> {returns}:", indent=CLASS_INDENT))


def resource_view(resource: Resource) -> ResourceView:
    here = f"resources.{resource.module}"
    imports = Imports(here)
    for name in (
        "httpx",
        "functools",
        "Call",
        "Endpoint",
        "SyncAPIResource",
        "AsyncAPIResource",
        "raw_response_wrapper",
        "async_raw_response_wrapper",
        "streaming_response_wrapper",
        "async_streaming_response_wrapper",
        "NOT_GIVEN",
        "Body",
        "Headers",
        "NotGiven",
        "Query",
    ):
        imports.use(name)
    if any(operation.job is not None for operation in resource.operations):
        imports.use("job_id")
    writer = AnnotationWriter(imports)
    shadowed = frozenset(operation.name for operation in resource.operations)
    operations = [_operation_view(operation, writer, shadowed) for operation in resource.operations]
    views = {operation.name: view for operation, view in zip(resource.operations, operations)}
    for operation, view in zip(resource.operations, operations):
        if operation.job is not None:
            view.job = _job_view(operation, operation.job, views[operation.job.status.name])
    return ResourceView(
        class_name=resource.class_name,
        async_class_name=resource.async_class_name,
        raw_class_name=resource.raw_class_name,
        async_raw_class_name=resource.async_raw_class_name,
        doc=docstring_text(resource.description or f"Operations tagged {resource.tag!r}.", CLASS_INDENT),
        imports=imports.lines(),
        operations=operations,
        raw_wrappers=_raw_wrappers(resource, "raw_response_wrapper"),
        async_raw_wrappers=_raw_wrappers(resource, "async_raw_response_wrapper"),
        streaming_class_name=resource.streaming_class_name,
        async_streaming_class_name=resource.async_streaming_class_name,
        streaming_wrappers=_raw_wrappers(resource, "streaming_response_wrapper"),
        async_streaming_wrappers=_raw_wrappers(resource, "async_streaming_response_wrapper"),
        sync_lines=_resource_lines(
            resource.class_name, "SyncAPIResource", resource.raw_class_name, resource.streaming_class_name
        ),
        async_lines=_resource_lines(
            resource.async_class_name,
            "AsyncAPIResource",
            resource.async_raw_class_name,
            resource.async_streaming_class_name,
        ),
    )


def reexport(module: str, names: list[str]) -> Code:
    """`from .module import A, ...` inside `if TYPE_CHECKING:` of a package's `__init__`, whose
    `__all__` lists the names (so type checkers take them as re-exported)."""
    return Code(from_import(f".{module}", set(names), indent=4))


def _raw_wrappers(resource: Resource, wrapper: str) -> list[Code]:
    return [
        Code(call_statement(f"self.{name} = ", wrapper, [f"resource.{name}"], indent=PARAMETER_INDENT))
        for name in (operation.name for operation in resource.operations)
    ]


def _operation_view(operation: Operation, writer: AnnotationWriter, shadowed: frozenset[str]) -> OperationView:
    positional: list[ParameterView] = []
    parameters: list[ParameterView] = []
    documented = []
    for parameter in operation.parameters:
        annotation = writer.argument(parameter.type, Style(shadowed=shadowed))
        entry = _argument_doc(parameter)
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
    returns = _returns(operation.success_responses, writer, shadowed)
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
        endpoint=_endpoint_view(operation, writer),
    )
    view.call_arguments = _call_arguments(operation)
    if operation.wait is not None:
        view.wait = _wait_view(operation, operation.wait)
    if operation.pages is not None:
        view.pages = _pages_view(operation, operation.pages, writer, shadowed)
    return view


def _pages_view(operation: Operation, pages: Pages, writer: AnnotationWriter, shadowed: frozenset[str]) -> PagesView:
    for name in ("Iterator", "AsyncIterator"):
        writer.imports.use(name)
    following = (
        f"the page at its `{pages.next_attribute}` URL"
        if pages.cursor_parameter is None
        else f"the call with its `{pages.next_attribute}` as `{pages.cursor_parameter}`"
    )
    doc = (
        f"Call `{operation.name}` and yield the items of its answer's `{pages.items_attribute}`, then those of"
        f" {following}, and so on while there is one.\n\n"
        f"Args:\n  The arguments of `{operation.name}`; its per-call options apply to every page."
    )
    return PagesView(
        name=pages.name,
        docstring=docstring_text(doc, METHOD_INDENT),
        item=writer.annotation(pages.item, Style(open_enums=True, shadowed=shadowed, file_type="bytes")),
        items_attribute=pages.items_attribute,
        next_attribute=pages.next_attribute,
        arguments=_passed_on(operation),
        next_arguments=(
            None
            if pages.cursor_parameter is None
            else _passed_on(operation, {pages.cursor_parameter: f"_page.{pages.next_attribute}"})
        ),
    )


def _wait_view(operation: Operation, wait: Wait) -> WaitView:
    until = " or ".join(f"`{py_literal(value)}`" for value in wait.until)
    pages = operation.pages
    result = (
        f"and return that answer with the items of every page in its `{pages.items_attribute}`"
        if pages is not None
        else "and return that answer"
    )
    doc = (
        f"Call `{operation.name}` until `{wait.attribute}` is {until}, {result}.\n\n"
        f"Args:\n  The arguments of `{operation.name}`, and:\n" + _waiting_options_doc(operation, wait)
    )
    return WaitView(
        name=wait.name,
        docstring=docstring_text(doc, METHOD_INDENT),
        keywords=_waiting_keywords(operation, wait, pages is not None),
        arguments=_passed_on(operation),
        attribute=py_literal(wait.attribute),
        until=Code(
            "(" + ", ".join(py_literal(value) for value in wait.until) + ("," if len(wait.until) == 1 else "") + ")"
        ),
        next_arguments=(
            _passed_on(operation, {pages.cursor_parameter: "_next"})
            if pages is not None and pages.cursor_parameter is not None
            else None
        ),
    )


def _waiting_options(operation: Operation, collects: bool) -> list[str]:
    """The keyword names of a waiting method's own options, in order: poll interval, maximum
    wait and, when it collects every page, the page and result limits."""
    options = operation.option_names
    return [options[option] for option in (*WAIT_OPTIONS, *(COLLECT_OPTIONS if collects else ()))]


def _waiting_keywords(operation: Operation, wait: Wait, collects: bool) -> list[Code]:
    """The declarations of a waiting method's own keyword arguments, named as `operation` names them."""
    annotations = [
        f"float = {py_literal(wait.interval)}",
        "float | None = None",
        "int | None = None",
        "int | None = None",
    ]
    return [
        Code(f"{name}: {annotation}") for name, annotation in zip(_waiting_options(operation, collects), annotations)
    ]


def _waiting_options_doc(operation: Operation, wait: Wait) -> str:
    options = operation.option_names
    doc = (
        f"  {options['poll_interval']}: Seconds between calls.\n"
        f"  {options['max_wait']}: Give up after this many seconds, raising `WaitTimeoutError`"
        " (its `last` is the last answer). None waits as long as it takes."
    )
    if "max_pages" in options:
        doc += (
            f"\n  {options['max_pages']}: Read no more than this many pages.\n"
            f"  {options['max_results']}: Keep no more than this many items. When a limit stops"
            " the collection, the answer's next-page field says where to go on; else it is None."
        )
    return doc


def _job_view(operation: Operation, job: Job, status_view: OperationView) -> JobView:
    status = job.status
    assert status.wait is not None  # the builder links only a status operation that waits
    collects = status.pages is not None
    outcome = "the answer with the items of every page" if collects else "its last answer"
    doc = (
        f"Start a job with `{operation.name}`, wait until it ends with `{status.wait.name}`, and return"
        f" {outcome}.\n\n"
        f"Args:\n  The arguments of `{operation.name}` (its per-call options go with that call only,"
        " not with the calls that wait), and:\n" + _waiting_options_doc(operation, status.wait)
    )
    # the per-call options are the starting call's: never copied onto every poll and page
    own, theirs = operation.option_names, status.option_names
    waiting = [*WAIT_OPTIONS, *(COLLECT_OPTIONS if collects else ())]
    return JobView(
        name=job.name,
        docstring=docstring_text(doc, METHOD_INDENT),
        keywords=_waiting_keywords(operation, status.wait, collects),
        arguments=_passed_on(operation),
        wait_name=status.wait.name,
        wait_arguments=[
            Code(f"{job.id_parameter}=job_id(_job.{job.id_attribute})"),
            *(Code(f"{theirs[option]}={own[option]}") for option in waiting),
        ],
        returns=status_view.returns,
        async_returns=status_view.async_returns,
    )


def _passed_on(operation: Operation, replaced: dict[str, str] | None = None) -> list[Code]:
    """`name=name` for the operation's arguments and per-call options, as a method that calls
    the operation's passes them on (`replaced`: argument -> another value)."""
    names = [parameter.name for parameter in operation.parameters] + list(REQUEST_OPTIONS)
    return [Code(f"{name}={(replaced or {}).get(name, name)}") for name in names]


PARAMETER_INDENT = 8
"""Where the parameters of a generated method stand."""
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


def _response_types(responses: list[Response]) -> list[TypeExpr | None]:
    types: list[TypeExpr | None] = []
    for response in responses:
        if response.type not in types:
            types.append(response.type)
    return types


def _returns(responses: list[Response], writer: AnnotationWriter, shadowed: frozenset[str]) -> Code:
    types = _response_types(responses)
    style = Style(open_enums=True, shadowed=shadowed, file_type="bytes")
    texts = [writer.annotation(t, style) if t else Code("None") for t in types]
    if not texts:
        return Code("None")
    if "Any" in texts:
        return Code("Any")
    # None last, and once
    ordered = [text for text in texts if text != "None"] + (["None"] if "None" in texts else [])
    return Code(" | ".join(ordered))


def _endpoint_view(operation: Operation, writer: AnnotationWriter) -> EndpointView:
    success = operation.success_responses
    returns = _returns(success, writer, frozenset())
    media_types = [response.media_type for response in success if response.media_type]
    kind = "none"
    if media_types:
        first = next(response for response in success if response.media_type)
        if first.is_event_stream:
            kind = "stream"
        elif first.media_type and is_json_media_type(first.media_type):
            kind = "json"
        else:
            kind = "text" if first.type == Primitive("str") else "bytes"
    errors = [
        (py_literal(response.status), writer.annotation(response.type, Style(open_enums=True, file_type="bytes")))
        for response in operation.error_responses
        if response.type is not None
    ]
    body = operation.body
    encodings = _encodings(operation)
    if encodings is not None:
        writer.imports.use("Encoding")
    argument_types, body_type = _argument_types(operation, writer)
    head = f"{operation.endpoint_name}: Endpoint[{returns}] = Endpoint("
    if len(head) > LINE_LENGTH:
        declaration = annotated(operation.endpoint_name, f"Endpoint[{returns}]", None, indent=0)
        head = f"{declaration}\n{operation.endpoint_name} = Endpoint("
    return EndpointView(
        head=Code(head),
        method=py_literal(operation.http_method),
        path=py_literal(operation.request_path),
        response=returns,
        response_kind=py_literal(kind),
        errors=errors,
        security=py_literal([list(alternative) for alternative in operation.security]) if operation.security else None,
        body_encoding=py_literal(body.encoding) if body is not None else None,
        content_type=py_literal(body.content_type) if body is not None and body.content_type else None,
        encodings=encodings,
        idempotency_header=operation.idempotency_header,
        accept=_accept(operation),
        argument_types=argument_types,
        body_type=body_type,
        body_required=body is not None and body.required and body.encoding in ("form", "multipart"),
    )


def _accept(operation: Operation) -> Code | None:
    """The Accept header: the media types of the successful responses, then, preferred less, those
    only error responses have (a server picks an error's media type from it too); None when that
    is JSON alone, the runtime's default."""
    success = list(dict.fromkeys(r.media_type for r in operation.success_responses if r.media_type))
    errors = dict.fromkeys(r.media_type for r in operation.error_responses if r.media_type)
    accepted = success + [
        f"{media_type};q=0.5" if success else media_type for media_type in errors if media_type not in success
    ]
    return None if accepted in ([], ["application/json"]) else py_literal(", ".join(accepted))


def _argument_types(operation: Operation, writer: AnnotationWriter) -> tuple[Code | None, Code | None]:
    """The types of the arguments whose dicts the runtime re-keys from Python names to wire names
    (those that hold, at some depth, a model with a field named otherwise on the wire): by
    location and wire name, and the type of a body given as one argument."""
    flattened = operation.body is not None and operation.body.flattened
    by_location: dict[str, list[str]] = {}
    body_type = None
    for parameter in operation.parameters:
        if not _renames_keys(parameter.type):
            continue
        written = writer.annotation(parameter.type, Style())
        if parameter.location == "body" and not flattened:
            body_type = written
        else:
            by_location.setdefault(parameter.location, []).append(f"{py_literal(parameter.wire_name)}: {written}")
    if not by_location:
        return None, body_type
    locations = [
        f"{py_literal(location)}: " + bracketed("{", entries, "}", indent=8, trailer=",")
        for location, entries in by_location.items()
    ]
    return Code(bracketed("{", locations, "}", indent=4, trailer=",")), body_type


def _renames_keys(type_: TypeExpr) -> bool:
    """Whether a value of the type may hold a model whose field is named otherwise on the wire."""
    stack = list(referenced(type_))
    seen: set[int] = set()
    while stack:
        named = stack.pop()
        if id(named) in seen:
            continue
        seen.add(id(named))
        if isinstance(named, Model):
            if any(field.name != field.wire_name for field in named.request_fields):
                return True
            stack.extend(target for field in named.request_fields for target in referenced(field.type))
        else:
            stack.extend(referenced(named.type))
    return False


def _encodings(operation: Operation) -> Code | None:
    """`{location: {wire name: Encoding(...)}}` for the parameters and the fields of a form or
    multipart body that are not written in the specification's default way."""
    body = operation.body
    fields = body.encoding if body is not None and body.flattened and body.encoding in ("form", "multipart") else None
    by_location: dict[str, list[str]] = {}
    for parameter in operation.parameters:
        kind = parameter.location if parameter.location != "body" else fields
        if kind is not None and parameter.encoding != default_encoding(kind):
            entry = f"{py_literal(parameter.wire_name)}: {_encoding_code(parameter.encoding)}"
            by_location.setdefault(parameter.location, []).append(entry)
    if not by_location:
        return None
    locations = [
        f"{py_literal(location)}: " + bracketed("{", entries, "}", indent=8, trailer=",")
        for location, entries in by_location.items()
    ]
    return Code(bracketed("{", locations, "}", indent=4, trailer=","))


def _encoding_code(encoding: Encoding) -> str:
    """`Encoding(...)` with the arguments that differ from its defaults."""
    arguments: list[str] = [py_literal(encoding.style)] if encoding.style is not None else []
    if encoding.explode:
        arguments.append("explode=True")
    if encoding.allow_reserved:
        arguments.append("allow_reserved=True")
    if encoding.content_type is not None:
        arguments.append(f"content_type={py_literal(encoding.content_type)}")
    if encoding.headers:
        arguments.append(f"headers={py_literal(dict(encoding.headers))}")
    return f"Encoding({', '.join(arguments)})"


def _method_docstring(operation: Operation, arguments: list[str]) -> Code:
    """Summary (else `METHOD /path`), description, arguments, errors."""
    parts = [(operation.summary or "").strip() or f"{operation.http_method} {operation.path}"]
    if operation.description and operation.description.strip() != parts[0]:
        parts.append(operation.description.strip())
    if operation.deprecated:
        parts.append("Deprecated.")
    if arguments:
        parts.append("\n".join(["Args:", *arguments]))
    raises = []
    for response in operation.error_responses:
        description = (response.description or "").strip()
        raises.append(f"  {error_class(response.status)}: {response.status} {description}".rstrip())
    if raises:
        parts.append("\n".join(["Raises:", *raises]))
    return docstring_text("\n\n".join(parts), METHOD_INDENT)


def _argument_doc(parameter: Parameter) -> str | None:
    """`  name: description`, with the server's default where the spec gives one, the argument
    is optional and the description does not already speak of it; None when there is nothing to
    say (the signature gives the type)."""
    text = " ".join((parameter.description or "").split())
    if parameter.deprecated:
        text = f"Deprecated. {text}".strip()
    if parameter.default is not NO_DEFAULT and not parameter.required and "default" not in text.lower():
        if text and not text.endswith((".", "!", "?")):
            text += "."
        text = f"{text} Defaults to {py_literal(parameter.default)} on the server.".strip()
    return f"  {parameter.name}: {text}" if text else None


# --- the client --------------------------------------------------------------------------------


@dataclass
class SchemeView:
    key: str
    kind: str
    location: str
    parameter_name: str
    arguments: list[str]
    env_vars: list[str]
    hint: str
    """How a user provides the credential."""
    description: str
    """What kind of credential it is, for people."""


@dataclass
class ClientView:
    default_base_url: str | None
    schemes: list[SchemeView]
    doc: Code
    servers: list[Server]
    choosable_servers: bool
    """Several servers, or variables in a server URL: the constructor takes `server=`."""
    described_servers: bool
    """Some server has a description (the README's table gets a column for them)."""
    server_variables: bool
    """Some server URL has variables (`_client.py` declares them with `ServerVariable`)."""
    type_imports: list[Code]
    """What the annotations need, imported when type-checking only: the resources' classes (each
    loads on first use), and the types of the methods on the client itself."""
    methods: list[ClientMethodView]
    """The methods on the client itself, each calling the same method of its resource."""
    resource_accessors: dict[str, ResourceAccessorView]
    """Resource class -> the client's property that makes it (sync and async classes)."""

    @property
    def credential_arguments(self) -> list[str]:
        return [argument for scheme in self.schemes for argument in scheme.arguments]


@dataclass
class ResourceAccessorView:
    """A client's property that makes one of its resources on first use, laid out as black would."""

    signature: Code
    """`def attribute(self) -> ResourceClass:`"""
    load: Code
    """The import of the resource's module."""
    returns: Code
    """`return self._resource(ResourceClass)`"""


# The per-call options, documented once: in the client's docstring (and its README), not in
# every method's.
PER_CALL_OPTIONS = """Every method of its resources also takes these keyword arguments:
  extra_headers: Headers to add to the request's, or to replace them.
  extra_query: Query parameters to add to the request's.
  extra_body: Properties to add to a JSON body, or fields to a form.
  timeout: Seconds (or an httpx.Timeout) for this call instead of the client's."""


@dataclass
class ClientMethodView:
    """A method on the client itself: the same signature and docstring as its resource's, and a
    body that calls it."""

    name: str
    resource: str
    operation: OperationView
    """The operation's view, its annotations written for the client's module."""
    keywords: list[Code]
    """Keyword arguments besides the operation's (waiting options)."""
    returns: Code
    async_returns: Code
    docstring: Code
    arguments: list[Code]
    awaits: bool
    """The async twin awaits the resource's method (all but the paging ones, which iterate)."""


_SCHEME_DESCRIPTIONS = {"bearer": "a bearer token", "basic": "HTTP basic authentication", "api_key": "an API key"}


def client_view(api: Api) -> ClientView:
    imports = Imports("_client")
    methods = _client_methods(api, AnnotationWriter(imports))
    # the signatures only: the endpoints' types, written on the way, stay in the resources
    imports.keep_used("\n".join(_signature_parts(method) for method in methods))
    if methods:  # the annotations of the per-call options
        for name in ("Body", "Headers", "NotGiven", "Query"):
            imports.use(name)
    for resource in api.resources:
        module = relative_module("_client", f"resources.{resource.module}")
        imports.local.setdefault(module, set()).update((resource.class_name, resource.async_class_name))
    return ClientView(
        default_base_url=_default_base_url(api),
        schemes=[_scheme_view(scheme) for scheme in api.security_schemes],
        doc=docstring_text(f"{(api.description or api.title).strip()}\n\n{PER_CALL_OPTIONS}", CLASS_INDENT),
        servers=api.servers,
        choosable_servers=len(api.servers) > 1 or any(server.variables for server in api.servers),
        described_servers=any(server.description for server in api.servers),
        server_variables=any(server.variables for server in api.servers),
        type_imports=imports.lines(indent=4),
        methods=methods,
        resource_accessors={
            class_name: ResourceAccessorView(
                signature=_method_signature(resource.attribute, ["self"], class_name),
                load=Code(from_import(f".resources.{resource.module}", {class_name}, indent=METHOD_INDENT)),
                returns=Code(call_statement("return ", "self._resource", [class_name], indent=METHOD_INDENT)),
            )
            for resource in api.resources
            for class_name in (resource.class_name, resource.async_class_name)
        },
    )


def _client_methods(api: Api, writer: AnnotationWriter) -> list[ClientMethodView]:
    """The methods the names put on the client itself, with those their extensions add."""
    on_client = [(r, op) for r in api.resources for op in r.operations if op.on_client]
    shadowed = frozenset({r.attribute for r in api.resources} | {op.name for _, op in on_client})
    methods = []
    for resource, operation in on_client:
        view = _operation_view(operation, writer, shadowed)

        def method(
            name: str,
            keywords: list[Code],
            returns: Code,
            async_returns: Code,
            docstring: Code,
            extra: list[str],
            awaits: bool = True,
        ) -> ClientMethodView:
            passed = [parameter.name for parameter in operation.parameters] + extra
            passed += [operation.option_names[option] for option in REQUEST_OPTIONS]
            arguments = [Code(f"{name}={name}") for name in passed]
            return ClientMethodView(
                name, resource.attribute, view, keywords, returns, async_returns, docstring, arguments, awaits
            )

        methods.append(method(view.name, [], view.returns, view.async_returns, view.docstring, []))
        if view.wait is not None:
            methods.append(
                method(
                    view.wait.name,
                    view.wait.keywords,
                    view.returns,
                    view.async_returns,
                    view.wait.docstring,
                    _waiting_options(operation, view.pages is not None),
                )
            )
        if view.pages is not None:
            writer.imports.use("Iterator")
            writer.imports.use("AsyncIterator")
            methods.append(
                method(
                    view.pages.name,
                    [],
                    Code(f"Iterator[{view.pages.item}]"),
                    Code(f"AsyncIterator[{view.pages.item}]"),
                    view.pages.docstring,
                    [],
                    awaits=False,
                )
            )
        if operation.job is not None:
            status_view = _operation_view(operation.job.status, writer, shadowed)
            job = _job_view(operation, operation.job, status_view)
            extra = _waiting_options(operation, operation.job.status.pages is not None)
            methods.append(method(job.name, job.keywords, job.returns, job.async_returns, job.docstring, extra))
    return methods


def _signature_parts(method: ClientMethodView) -> str:
    parameters = [*method.operation.positional, *method.operation.parameters]
    return " ".join([*(p.declaration for p in parameters), *method.keywords, method.returns, method.async_returns])


def _default_base_url(api: Api) -> str | None:
    """The first server's URL with its variables at their defaults, if it is absolute."""
    if not api.servers:
        return None
    server = api.servers[0]
    url = server.url
    for variable in server.variables:
        url = url.replace("{" + variable.name + "}", variable.default)
    return url if "://" in url else None


def _scheme_view(scheme: SecurityScheme) -> SchemeView:
    wanted = " and ".join(f"{argument}=" for argument in scheme.arguments)
    env = " and ".join(scheme.env_vars)
    return SchemeView(
        key=scheme.key,
        kind=scheme.kind,
        location=scheme.location,
        parameter_name=scheme.parameter_name,
        arguments=scheme.arguments,
        env_vars=scheme.env_vars,
        hint=f"pass {wanted} to the client or set {env}",
        description=_SCHEME_DESCRIPTIONS[scheme.kind],
    )
