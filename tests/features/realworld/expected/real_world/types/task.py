from __future__ import annotations

import datetime

from .._models import BaseModel

__all__ = ["Task"]


class Task(BaseModel):
    gid: str
    name: str
    start_on: datetime.date | None = None
    due_at: datetime.datetime | None = None
