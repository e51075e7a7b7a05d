from __future__ import annotations

from .._models import BaseModel

__all__ = ["Problem"]


class Problem(BaseModel):
    code: int | None = None
    message: str | None = None
