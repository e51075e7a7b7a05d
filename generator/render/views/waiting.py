"""The methods the extensions add beside an operation's: paging, waiting, watching, jobs; and
what an operation's own method needs to collect every page."""

from __future__ import annotations

from dataclasses import dataclass

from ...ir.extensions import COLLECT_OPTIONS, PAGE_COLLECTING_OPTIONS, WAIT_OPTIONS
from ...ir.model import Job, Operation, Pages, Resource, Wait
from ...ir.operations import REQUEST_OPTIONS
from ..annotations import AnnotationWriter, Style
from ..code import Code, docstring_text, py_literal
from .examples import example_arguments, example_docstrings, method_path
from .layout import METHOD_INDENT


@dataclass
class CollectView:
    """How a method collects the pages after the first into one answer (the runtime's `_collect`)."""

    items_attribute: Code
    next_attribute: Code
    next_arguments: list[Code] | None
    """With a cursor: the arguments of the operation's call for the page after `_next`, the
    cursor; None: the next page is at the URL `_next`."""
    limits: list[Code]
    """`max_pages=<its keyword>`, ...: the limits `_collect` takes (and `final=False`)."""


@dataclass
class PagesView:
    """A method that yields the items of the operation's answer and of each next page."""

    name: str
    docstring: Code
    async_docstring: Code
    item: Code
    """The annotation of an item."""
    items_attribute: str
    next_attribute: str
    arguments: list[Code]
    """`name=name` for each argument passed on to the operation's method."""
    next_arguments: list[Code] | None
    """With a cursor: the arguments of the call for the next page (the cursor's is
    `name=_page.<next>`); None: the next page is at a URL."""
    page_method: str | None = None
    """The method that reads the page at a `next` URL, if the extension asks for one."""
    page_docstring: Code = Code("")


@dataclass
class WaitView:
    """A method that calls the operation until a field of its answer ends the wait, and the
    method that yields every answer meanwhile (`watch`), if asked for."""

    name: str
    docstring: Code
    async_docstring: Code
    keywords: list[Code]
    """The declarations of its own keyword arguments (poll interval, maximum wait, limits)."""
    arguments: list[Code]
    """`name=name` for each argument passed on to the operation's method."""
    wait_arguments: list[Code]
    """The arguments of the runtime's `_wait` and `_watch` besides the call: what ends the
    wait, the poll interval, the maximum wait, the job's id."""
    collect: CollectView | None
    """With pages: how the answer that ended the wait gets the items of every page."""
    watch: str | None = None
    watch_docstring: Code = Code("")
    async_watch_docstring: Code = Code("")
    watch_keywords: list[Code] | None = None
    watch_arguments: list[Code] | None = None
    """The operation's arguments as the watcher passes them on: every page, where it collects."""


@dataclass
class JobView:
    """A method that starts a job, waits for it and returns its complete result."""

    name: str
    docstring: Code
    async_docstring: Code
    keywords: list[Code]
    arguments: list[Code]
    """`name=name` for each argument passed on to the starting method."""
    wait_name: str
    wait_arguments: list[Code]
    returns: Code
    async_returns: Code


def per_call_arguments(operation: Operation) -> list[Code]:
    """`extra_headers=<its keyword>`, ...: the per-call options of a `Call(...)`."""
    return [Code(f"{option}={operation.option_names[option]}") for option in REQUEST_OPTIONS]


def pages_view(
    operation: Operation, pages: Pages, writer: AnnotationWriter, shadowed: frozenset[str], resource: Resource
) -> PagesView:
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
    page_doc = (
        f"The page at `next_url`, the `{pages.next_attribute}` of an answer of `{operation.name}`"
        " (absolute, or relative to the API; never on another origin), as one answer."
    )
    docstring, async_docstring = example_docstrings(
        doc, method_path(resource, method), example_arguments(operation.parameters), answer="items"
    )
    return PagesView(
        name=method,
        docstring=docstring,
        async_docstring=async_docstring,
        item=writer.annotation(pages.item, Style(open_enums=True, shadowed=shadowed, file_type="bytes")),
        items_attribute=items_attribute,
        next_attribute=next_attribute,
        arguments=_passed_on(operation),
        next_arguments=(
            None
            if pages.cursor_parameter is None
            else _passed_on(operation, {pages.cursor_parameter: f"_page.{pages.next_attribute}"})
        ),
        page_method=pages.page_method,
        page_docstring=docstring_text(page_doc, METHOD_INDENT),
    )


def collect_view(operation: Operation, limits: tuple[str, ...], *, final: bool = True) -> CollectView:
    """How `operation`'s pages are collected, with the `limits` the collecting method takes;
    not `final`: the answer is a status that may change (a job still running)."""
    pages = operation.pages
    assert pages is not None  # only an operation with pages collects
    names = operation.option_names
    return CollectView(
        items_attribute=py_literal(pages.items_attribute),
        next_attribute=py_literal(pages.next_attribute),
        next_arguments=(
            _passed_on(operation, {pages.cursor_parameter: "_next"}) if pages.cursor_parameter is not None else None
        ),
        limits=[Code(f"{limit}={names[limit]}") for limit in limits] + ([] if final else [Code("final=False")]),
    )


def collecting_keywords(operation: Operation) -> list[Code]:
    """The declarations of the collecting options of an operation whose own method collects
    every page (`x-clientgen-pages` `collect`)."""
    names = operation.option_names
    annotations = ["bool = True", "int | None = None", "int | None = None", "float | None = None"]
    return [Code(f"{names[option]}: {kind}") for option, kind in zip(PAGE_COLLECTING_OPTIONS, annotations)]


def collecting_doc(operation: Operation) -> str:
    pages = operation.pages
    assert pages is not None
    names = operation.option_names
    return (
        f"  {names['all_pages']}: Return the answer with the items of every page in its"
        f" `{pages.items_attribute}` (the default), or only the first page.\n"
        f"  {names['max_pages']}: Read no more than this many pages.\n"
        f"  {names['max_results']}: Keep no more than this many items.\n"
        f"  {names['max_time']}: Ask for no further page after this many seconds. When a limit"
        f" stops the collection, the answer's `{pages.next_attribute}` says where to go on; else it is None."
    )


def wait_view(operation: Operation, wait: Wait, resource: Resource) -> WaitView:
    until = " or ".join(f"`{py_literal(value)}`" for value in wait.until)
    pages = operation.pages
    result = (
        f"and return that answer with the items of every page in its `{pages.items_attribute}`"
        if pages is not None
        else "and return that answer"
    )
    doc = (
        f"Call `{operation.name}` until `{wait.attribute}` is {until}, {result}.\n\n"
        f"Args:\n  The arguments of `{operation.name}`, and:\n" + _waiting_options_doc(operation, pages is not None)
    )
    watch_doc = (
        f"Call `{operation.name}` every poll interval and yield each answer (with every page, where it"
        f" collects them), until `{wait.attribute}` is {until}; the last answer yielded is that one.\n\n"
        f"Args:\n  The arguments of `{operation.name}`, and:\n" + _waiting_options_doc(operation, False)
    )
    names = operation.option_names
    required = [parameter for parameter in operation.parameters if parameter.required]
    given = example_arguments(operation.parameters)
    docstring, async_docstring = example_docstrings(doc, method_path(resource, wait.name), given, answer="value")
    watch_docstring, async_watch_docstring = example_docstrings(
        watch_doc, method_path(resource, wait.watch or wait.name), given, answer="items"
    )
    return WaitView(
        name=wait.name,
        docstring=docstring,
        async_docstring=async_docstring,
        keywords=_waiting_keywords(operation, wait, pages is not None),
        arguments=_passed_on(operation),
        wait_arguments=[
            Code(f"attribute={py_literal(wait.attribute)}"),
            Code(
                "until=("
                + ", ".join(py_literal(value) for value in wait.until)
                + ("," if len(wait.until) == 1 else "")
                + ")"
            ),
            *(Code(f"{option}={names[option]}") for option in WAIT_OPTIONS),
            # the status operation's one required argument is the job's id
            Code(f"job_id={required[0].name if len(required) == 1 else None}"),
        ],
        collect=collect_view(operation, COLLECT_OPTIONS) if pages is not None else None,
        watch=wait.watch,
        watch_docstring=watch_docstring,
        async_watch_docstring=async_watch_docstring,
        watch_keywords=_waiting_keywords(operation, wait, False),
        watch_arguments=_passed_on(operation, every_page=True),
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


def _waiting_options_doc(operation: Operation, collects: bool) -> str:
    options = operation.option_names
    doc = (
        f"  {options['poll_interval']}: Seconds between calls.\n"
        f"  {options['max_wait']}: Give up after this many seconds, raising `WaitTimeoutError` (a"
        " `TimeoutError`; its `job_id`, `elapsed` and `last`, the last answer). None waits as long as it takes."
    )
    if collects:
        doc += (
            f"\n  {options['max_pages']}: Read no more than this many pages.\n"
            f"  {options['max_results']}: Keep no more than this many items. When a limit stops"
            " the collection, the answer's next-page field says where to go on; else it is None."
        )
    return doc


def job_view(operation: Operation, job: Job, returns: Code, async_returns: Code, resource: Resource) -> JobView:
    """`returns` and `async_returns`: what the status operation's methods return; `resource`:
    the starting operation's, which the example call goes through."""
    status = job.status
    assert status.wait is not None  # the builder links only a status operation that waits
    collects = status.pages is not None
    outcome = "the answer with the items of every page" if collects else "its last answer"
    doc = (
        f"Start a job with `{operation.name}`, wait until it ends with `{status.wait.name}`, and return"
        f" {outcome}.\n\n"
        f"Args:\n  The arguments of `{operation.name}` (its per-call options go with that call only,"
        " not with the calls that wait), and:\n" + _waiting_options_doc(operation, collects)
    )
    own, theirs = operation.option_names, status.option_names
    # the per-call options are the starting call's: never copied onto every poll and page
    waiting = [*WAIT_OPTIONS, *(COLLECT_OPTIONS if collects else ())]
    docstring, async_docstring = example_docstrings(
        doc, method_path(resource, job.name), example_arguments(operation.parameters), answer="value"
    )
    return JobView(
        name=job.name,
        docstring=docstring,
        async_docstring=async_docstring,
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


def _passed_on(operation: Operation, replaced: dict[str, str] | None = None, *, every_page: bool = False) -> list[Code]:
    """`name=name` for the operation's arguments and per-call options, as a method that calls
    the operation's passes them on (`replaced`: argument -> another value). An operation whose
    own method collects every page is asked for one page, unless `every_page`."""
    names = [parameter.name for parameter in operation.parameters]
    names += [operation.option_names[option] for option in REQUEST_OPTIONS]
    passed = [Code(f"{name}={(replaced or {}).get(name, name)}") for name in names]
    if operation.pages is not None and operation.pages.collect and not every_page:
        passed.append(Code(f"{operation.option_names['all_pages']}=False"))
    return passed
