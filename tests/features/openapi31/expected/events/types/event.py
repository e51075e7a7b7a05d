from __future__ import annotations

from typing import Any, Literal

from .._models import BaseModel

__all__ = ["EventPayloadVariant2", "Event"]


class EventPayloadVariant2(BaseModel):
    text: str | None = None


class Event(BaseModel):
    object: Literal["event"]
    id: str
    priority: Literal[1, 2, 3] | int | None = None
    color: Literal["red", "green"] | str | None = None
    payload: str | EventPayloadVariant2
    metadata: dict[str, Any] | None = None
    score: float | None = None
