from __future__ import annotations

from .._models import BaseModel

__all__ = ["Client"]


class Client(BaseModel):
    id: str | None = None
