from __future__ import annotations

from .._models import BaseModel

__all__ = ["Error"]


class Error(BaseModel):
    code: int
    message: str
