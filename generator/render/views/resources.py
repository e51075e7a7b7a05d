"""The modules of the `resources` package: one class per resource, sync and async, with their
raw and streaming twins."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from ...ir.model import Resource
from ..annotations import AnnotationWriter, Imports, relative_module
from ..code import Code, docstring_text
from ..wrap import call_statement
from .layout import CLASS_INDENT, METHOD_INDENT, PARAMETER_INDENT, method_signature
from .operations import OperationView, operation_view
from .waiting import job_view


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
    children: list[ChildView] = field(default_factory=list)
    """The resources nested in this one."""


@dataclass
class ChildView:
    """A resource nested in another: a property of each of the parent's six classes (the
    resource, the raw and the streaming ones, sync and async) that gives the child's matching
    class, made on first use."""

    doc: Code
    accessors: dict[str, ChildAccessorView]
    """The parent's class -> the property in it."""


@dataclass
class ChildAccessorView:
    signature: Code
    """`def attribute(self) -> ChildClass:`"""
    returns: Code
    """`return ChildClass(self._client)`, or of the parent's own `self._resource.attribute`."""


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
        raw_property=method_signature("with_raw_response", ["self"], raw_class_name),
        raw_return=Code(call_statement("return ", raw_class_name, ["self"], indent=METHOD_INDENT)),
        streaming_property=method_signature("with_streaming_response", ["self"], streaming_class_name),
        streaming_return=Code(call_statement("return ", streaming_class_name, ["self"], indent=METHOD_INDENT)),
        init=method_signature("__init__", ["self", f"resource: {class_name}"], "None"),
    )


_METHOD_IMPORTS = (
    "httpx",
    "Call",
    "Endpoint",
    "raw_response_wrapper",
    "async_raw_response_wrapper",
    "streaming_response_wrapper",
    "async_streaming_response_wrapper",
    "NOT_GIVEN",
    "Body",
    "Headers",
    "NotGiven",
    "Query",
)


def resource_view(resource: Resource, error_names: Mapping[str, str]) -> ResourceView:
    """`error_names`: the target's `errors` table, for the docstrings."""
    here = f"resources.{resource.module}"
    imports = Imports(here)
    for name in ("functools", "SyncAPIResource", "AsyncAPIResource"):
        imports.use(name)
    # what the methods use (a parent tag's resource may have none: only its children)
    for name in _METHOD_IMPORTS if resource.operations else ():
        imports.use(name)
    if any(operation.job is not None for operation in resource.operations):
        imports.use("job_id")
    if any(operation.pages is not None and operation.pages.name is not None for operation in resource.operations):
        imports.use("PageCursors")
    for child in resource.children:
        module = relative_module(here, f"resources.{child.module}")
        imports.local.setdefault(module, set()).update(Resource.class_family(child.class_name))
    writer = AnnotationWriter(imports)
    shadowed = frozenset(operation.name for operation in resource.operations)
    operations = [
        operation_view(operation, writer, shadowed, error_names, resource) for operation in resource.operations
    ]
    views = {operation.name: view for operation, view in zip(resource.operations, operations)}
    for operation, view in zip(resource.operations, operations):
        if operation.job is not None:
            status = views[operation.job.status.name]
            view.job = job_view(operation, operation.job, status.returns, status.async_returns, resource)
    return ResourceView(
        class_name=resource.class_name,
        async_class_name=resource.async_class_name,
        raw_class_name=resource.raw_class_name,
        async_raw_class_name=resource.async_raw_class_name,
        doc=docstring_text(_resource_doc(resource), CLASS_INDENT),
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
        children=[_child_view(resource, child) for child in resource.children],
    )


def _child_view(parent: Resource, child: Resource) -> ChildView:
    """A resource class gives the child's made with its client; a raw or streaming one wraps its
    resource's child."""
    accessors = {}
    for index, (parent_class, child_class) in enumerate(
        zip(Resource.class_family(parent.class_name), Resource.class_family(child.class_name), strict=True)
    ):
        source = "self._client" if index < 2 else f"self._resource.{child.attribute}"
        accessors[parent_class] = ChildAccessorView(
            signature=method_signature(child.attribute, ["self"], child_class),
            returns=Code(call_statement("return ", child_class, [source], indent=METHOD_INDENT)),
        )
    return ChildView(doc=docstring_text(_resource_doc(child), METHOD_INDENT), accessors=accessors)


def _resource_doc(resource: Resource) -> str:
    return resource.description or f"Operations tagged {resource.tag!r}."


def _raw_wrappers(resource: Resource, wrapper: str) -> list[Code]:
    return [
        Code(call_statement(f"self.{name} = ", wrapper, [f"resource.{name}"], indent=PARAMETER_INDENT))
        for name in (operation.name for operation in resource.operations)
    ]
