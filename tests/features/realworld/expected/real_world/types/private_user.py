from __future__ import annotations

from .._models import BaseModel

__all__ = ["PrivateUserPlan", "PrivateUser"]


class PrivateUserPlan(BaseModel):
    name: str
    space: int | None = None


class PrivateUser(BaseModel):
    login: str
    id: int
    plan: PrivateUserPlan
    user_view_type: str | None = None
