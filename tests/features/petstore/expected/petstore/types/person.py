from __future__ import annotations

from typing import Literal

from .._models import BaseModel

__all__ = ["Person"]


class Person(BaseModel):
    kind: Literal["person"]
    name: str | None = None
