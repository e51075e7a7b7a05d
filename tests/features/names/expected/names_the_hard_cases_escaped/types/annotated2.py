from __future__ import annotations

from typing import Literal, Required, TypedDict

from .._models import BaseModel

__all__ = ["Annotated2", "Annotated2Param"]


class Annotated2(BaseModel):
    type: Literal["note"]


class Annotated2Param(TypedDict, total=False):
    """The fields of `Annotated2`, as a dict keyed by their names on the wire."""

    type: Required[Literal["note"]]
