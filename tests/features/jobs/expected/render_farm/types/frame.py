from __future__ import annotations

from .._models import BaseModel

__all__ = ["Frame"]


class Frame(BaseModel):
    number: int
    url: str | None = None
