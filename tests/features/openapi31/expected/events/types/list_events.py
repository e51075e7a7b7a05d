from __future__ import annotations

from .._models import BaseModel
from .event import Event

__all__ = ["ListEventsResponse"]


class ListEventsResponse(BaseModel):
    data: list[Event]
    next: str | None = None
