from __future__ import annotations

from typing import Literal

from .._models import BaseModel

__all__ = ["Call2"]


class Call2(BaseModel):
    sid: str
    account_sid: str
    status: Literal["queued", "ringing", "in-progress", "completed"] | str | None = None
