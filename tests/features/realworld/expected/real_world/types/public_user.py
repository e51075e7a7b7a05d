from __future__ import annotations

from .._models import BaseModel

__all__ = ["PublicUser"]


class PublicUser(BaseModel):
    login: str
    id: int
    user_view_type: str | None = None
