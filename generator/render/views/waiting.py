"""The methods the extensions add beside an operation's: paging, waiting, jobs."""

from __future__ import annotations

from dataclasses import dataclass

from ...ir.extensions import COLLECT_OPTIONS, WAIT_OPTIONS
from ...ir.model import Job, Operation, Pages, Wait
from ...ir.operations import REQUEST_OPTIONS
from ..annotations import AnnotationWriter, Style
from ..code import Code, docstring_text, py_literal
from .layout import METHOD_INDENT


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


def pages_view(operation: Operation, pages: Pages, writer: AnnotationWriter, shadowed: frozenset[str]) -> PagesView:
    method, items_attribute, next_attribute = pages.name, pages.items_attribute, pages.next_attribute
    if method is None or items_attribute is None or next_attribute is None:  # ir/pagination.py sees to it
        raise ValueError(f"{operation.name}: an iterating method needs its name, items and next fields")
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
        name=method,
        docstring=docstring_text(doc, METHOD_INDENT),
        item=writer.annotation(pages.item, Style(open_enums=True, shadowed=shadowed, file_type="bytes")),
        items_attribute=items_attribute,
        next_attribute=next_attribute,
        arguments=_passed_on(operation),
        next_arguments=(
            None
            if pages.cursor_parameter is None
            else _passed_on(operation, {pages.cursor_parameter: f"_page.{pages.next_attribute}"})
        ),
    )


def wait_view(operation: Operation, wait: Wait) -> WaitView:
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


def waiting_options(operation: Operation, collects: bool) -> list[str]:
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
        Code(f"{name}: {annotation}") for name, annotation in zip(waiting_options(operation, collects), annotations)
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


def job_view(operation: Operation, job: Job, returns: Code, async_returns: Code) -> JobView:
    """`returns` and `async_returns`: what the status operation's methods return."""
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
    own, theirs = operation.option_names, status.option_names
    # the per-call options are the starting call's: never copied onto every poll and page
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
        returns=returns,
        async_returns=async_returns,
    )


def _passed_on(operation: Operation, replaced: dict[str, str] | None = None) -> list[Code]:
    """`name=name` for the operation's arguments and per-call options, as a method that calls
    the operation's passes them on (`replaced`: argument -> another value)."""
    names = [parameter.name for parameter in operation.parameters] + list(REQUEST_OPTIONS)
    return [Code(f"{name}={(replaced or {}).get(name, name)}") for name in names]
