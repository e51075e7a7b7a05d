from __future__ import annotations

import builtins

from .._models import BaseModel

__all__ = ["BaseModel2"]


class BaseModel2(BaseModel):
    list: builtins.list[int] | None = None
    items: builtins.list[int] | None = None
    str: builtins.str | None = None
    name: builtins.str | None = None
