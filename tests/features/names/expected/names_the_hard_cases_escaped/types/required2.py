from __future__ import annotations

from typing import TypedDict

from .._models import BaseModel
from .typed_dict2 import TypedDict2, TypedDict2Param

__all__ = ["Required2", "Required2Param"]


class Required2(BaseModel):
    typed: TypedDict2 | None = None


class Required2Param(TypedDict, total=False):
    """The fields of `Required2`, as a dict keyed by their names on the wire."""

    typed: TypedDict2Param
