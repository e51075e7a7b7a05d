from __future__ import annotations

import datetime
from typing import Required, TypedDict

from .pet import Pet

__all__ = ["Cat", "CatParam"]


class Cat(Pet):
    lives: int | None = None


class CatParam(TypedDict, total=False):
    """The fields of `Cat`, as a dict keyed by their names on the wire."""

    kind: Required[str]
    name: Required[str]
    secret: str
    bornAt: datetime.datetime
    lives: int
