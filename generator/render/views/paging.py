"""The page object a paged operation's method returns: its annotation and the `PageRule` the
runtime follows (`_pagination.py`)."""

from __future__ import annotations

from dataclasses import dataclass

from ...ir.model import Operation, Pages
from ..annotations import AnnotationWriter, Style
from ..code import Code, py_literal


@dataclass
class PageObjectView:
    """A method that returns the first page of a list, which iterates every page."""

    rule: list[Code]
    """The arguments of its `PageRule(...)`, `name=value`."""
    item: Code
    """The annotation of an item."""


def returns_page_object(operation: Operation) -> bool:
    """The operation's method returns a page object (its pages have no iterating method of their own)."""
    return operation.pages is not None and operation.pages.name is None


def page_object_view(pages: Pages, writer: AnnotationWriter, shadowed: frozenset[str]) -> PageObjectView:
    for name in ("SyncPage", "AsyncPage", "PageRule"):
        writer.imports.use(name)
    values: dict[str, object] = {
        "style": pages.style,
        "items": pages.items_attribute,
        "next": pages.next_attribute,
        "parameter": pages.parameter,
        "location": pages.parameter_location if pages.parameter is not None else "query",
        "limit": pages.limit_parameter,
        "has_more": pages.has_more_attribute,
        "item_id": pages.id_attribute,
        "first_page": pages.first_page if pages.style == "page" else 1,
    }
    defaults: dict[str, object] = {"location": "query", "first_page": 1}
    return PageObjectView(
        rule=[
            Code(f"{key}={py_literal(value)}")
            for key, value in values.items()
            if value is not None and value != defaults.get(key)
        ],
        item=writer.annotation(pages.item, Style(open_enums=True, shadowed=shadowed, file_type="bytes")),
    )
