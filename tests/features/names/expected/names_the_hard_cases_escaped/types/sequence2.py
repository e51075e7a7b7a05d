from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, TypeAlias, TypedDict

from .._models import BaseModel, Field
from .annotated2 import Annotated2, Annotated2Param
from .required2 import Required2, Required2Param
from .tag import Tag, TagParam

__all__ = ["Sequence2MarksItem", "Sequence2MarksItemParam", "Sequence2", "Sequence2Param"]


Sequence2MarksItem: TypeAlias = Annotated[Tag | Annotated2, Field(discriminator="type")]


Sequence2MarksItemParam: TypeAlias = TagParam | Annotated2Param


class Sequence2(BaseModel):
    marks: list[Sequence2MarksItem] | None = None
    required: Required2 | None = None


class Sequence2Param(TypedDict, total=False):
    """The fields of `Sequence2`, as a dict keyed by their names on the wire."""

    marks: Sequence[Sequence2MarksItem | Sequence2MarksItemParam]
    required: Required2Param
