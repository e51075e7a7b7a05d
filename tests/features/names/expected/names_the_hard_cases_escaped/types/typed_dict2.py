from __future__ import annotations

from typing import TypedDict

from .._models import BaseModel

__all__ = ["TypedDict2", "TypedDict2Param"]


class TypedDict2(BaseModel):
    tag: str | None = None


class TypedDict2Param(TypedDict, total=False):
    """The fields of `TypedDict2`, as a dict keyed by their names on the wire."""

    tag: str
