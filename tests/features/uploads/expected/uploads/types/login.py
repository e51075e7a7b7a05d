from __future__ import annotations

from .._models import BaseModel

__all__ = ["LoginResponse"]


class LoginResponse(BaseModel):
    token: str | None = None
