from __future__ import annotations

from typing import Literal

from .._models import BaseModel

__all__ = ["Animal"]


class Animal(BaseModel):
    id: int | None = None
    name: str
    kind: str
    """Cat or Dog."""

    chip: str | None = None
    """The microchip"""

    status: Literal["available", "adopted"] | str | None = None
