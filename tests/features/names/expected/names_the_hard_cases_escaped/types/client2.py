from __future__ import annotations

from .._models import BaseModel

__all__ = ["Client2"]


class Client2(BaseModel):
    type: str | None = None
