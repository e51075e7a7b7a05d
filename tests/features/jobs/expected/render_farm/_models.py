"""The base of every model of the API."""

from __future__ import annotations

import functools
from typing import Any

import pydantic
from pydantic import ConfigDict, Discriminator, Field, Tag

__all__ = [
    "BaseModel",
    "Field",
    "discriminated",
    "excerpt",
    "first_problem",
    "tag",
    "type_adapter",
    "wire_names",
]


class BaseModel(pydantic.BaseModel):
    """A model of the API.

    Fields the API sends but does not document are kept: read them with `model_extra` (or
    as attributes). Fields are set by their Python name or by their name on the wire.
    """

    model_config = ConfigDict(extra="allow", populate_by_name=True, protected_namespaces=())


def wire_names(names: dict[str, str]) -> ConfigDict:
    """The configuration of a model whose fields are named differently on the wire."""
    return ConfigDict(alias_generator=lambda field: names.get(field, field))


def tag(name: str) -> Tag:
    """Marks a variant of a union that `discriminated` chooses by `name`. (Lower case: models
    of the API, such as a `Tag` schema, take the capitalised names.)"""
    return Tag(name)


def discriminated(wire_name: str, attribute: str, tags: dict[str, str]) -> Discriminator:
    """Choose a union's variant by the value of one property (`tags`: value -> variant tag)
    instead of trying each variant in turn."""

    def tag_of(value: Any) -> str | None:
        found = value.get(wire_name) if isinstance(value, dict) else getattr(value, attribute, None)
        return tags.get(found) if isinstance(found, str) else None

    return Discriminator(tag_of)


@functools.lru_cache(maxsize=None)
def type_adapter(type_: Any) -> pydantic.TypeAdapter[Any]:
    """The (cached) validator of a response type."""
    return pydantic.TypeAdapter(type_)


def first_problem(exc: pydantic.ValidationError) -> str:
    """The first of pydantic's complaints, on one line: where, and what."""
    error = exc.errors()[0]
    where = ".".join(str(part) for part in error["loc"]) or "body"
    more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
    return f"{where}: {error['msg']}{more}"


def excerpt(content: bytes, limit: int = 200) -> str:
    """The start of a body, for error messages."""
    text = content[:limit].decode("utf-8", "replace")
    return repr(text) + ("..." if len(content) > limit else "")
