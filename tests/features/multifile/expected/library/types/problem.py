from __future__ import annotations

from .._models import BaseModel

__all__ = ["Problem"]


class Problem(BaseModel):
    title: str | None = None
    status: int | None = None
    detail: str | None = None
