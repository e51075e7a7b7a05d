"""The spec's tags as resources read them: a tag's docstring, and the parent a navigation tag
nests its resource in (OpenAPI 3.2's `parent`, `kind` and `summary`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .. import nodes, openapi32
from ..errors import Warnings
from ..load import Document

# The registry of tag kinds has `nav` for the tags that group operations into sections; a tag of
# another kind (`badge`, `audience`) labels operations across sections, so it neither nests nor
# groups them where an operation has a tag of its own section.
NAVIGATION_KIND = "nav"
_FIELDS_OF_3_2 = ("parent", "kind")


@dataclass(frozen=True)
class Tag:
    description: str | None
    """The summary (a short first line) and the description, as the resource's docstring."""
    parent: str | None
    """The tag whose resource this one's is an attribute of."""
    navigation: bool
    """Of kind `nav`, or of none: a section of the API."""


def read_tags(document: Document, warnings: Warnings) -> dict[str, Tag]:
    """Name -> tag; a parent is kept only between navigation tags, a warning says when not
    (the validation of a 3.2 spec checked already that it names a tag, and makes no cycle)."""
    entries = [tag for tag in nodes.sequence(document.data, "tags") if isinstance(tag, dict)]
    if not openapi32.is_3_2(document.data):
        _ignore_3_2_fields(document, warnings)
        return {name: Tag(_docstring(tag), None, True) for tag in entries if (name := nodes.text(tag, "name"))}
    kinds = {nodes.text(tag, "name"): nodes.text(tag, "kind") for tag in entries}
    tags = {}
    for index, tag in enumerate(nodes.sequence(document.data, "tags")):
        name = nodes.text(tag, "name")
        if name is None:
            continue
        parent = nodes.text(tag, "parent")
        kind = kinds[name]
        if parent is not None and not (_navigation(kind) and _navigation(kinds.get(parent))):
            which, other = (name, kind) if not _navigation(kind) else (parent, kinds.get(parent))
            warnings.add(
                document.location(f"/tags/{index}/parent"),
                f"tag {which!r} is of kind {other!r}, not {NAVIGATION_KIND!r}: the resource of {name!r} is not"
                f" nested in that of {parent!r}",
            )
            parent = None
        tags[name] = Tag(_docstring(tag), parent, _navigation(kind))
    return tags


def _ignore_3_2_fields(document: Document, warnings: Warnings) -> None:
    """Before 3.2 a tag has no `parent` nor `kind`: what they would say is not done, and said."""
    for index, tag in enumerate(nodes.sequence(document.data, "tags")):
        for field in _FIELDS_OF_3_2 if isinstance(tag, dict) else ():
            if field in tag:
                warnings.add(
                    document.location(f"/tags/{index}/{field}"),
                    f"{field!r} is a tag field of OpenAPI 3.2, not of {document.data['openapi']}: ignored",
                )


def _navigation(kind: str | None) -> bool:
    return kind is None or kind == NAVIGATION_KIND


def _docstring(tag: dict[str, Any]) -> str | None:
    parts = [nodes.text(tag, "summary"), nodes.text(tag, "description")]
    given = [part.strip() for part in parts if part and part.strip()]
    return "\n\n".join(given) or None
