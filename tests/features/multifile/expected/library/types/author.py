from __future__ import annotations

from typing import TypedDict

from .._models import BaseModel

__all__ = ["Author", "AuthorParam"]


class Author(BaseModel):
    name: str | None = None
    born: int | None = None


class AuthorParam(TypedDict, total=False):
    """The fields of `Author`, as a dict keyed by their names on the wire."""

    name: str
    born: int
