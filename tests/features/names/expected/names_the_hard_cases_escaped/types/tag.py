from __future__ import annotations

from typing import Literal, Required, TypedDict

from .._models import BaseModel

__all__ = ["Tag", "TagParam"]


class Tag(BaseModel):
    type: Literal["tag"]
    discriminated: str | None = None


class TagParam(TypedDict, total=False):
    """The fields of `Tag`, as a dict keyed by their names on the wire."""

    type: Required[Literal["tag"]]
    discriminated: str
