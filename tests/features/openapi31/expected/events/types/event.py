from __future__ import annotations

from typing import Any, Literal, TypeAlias

from .._models import BaseModel

__all__ = ["EventPayloadVariant2", "EventPayload", "Event"]


class EventPayloadVariant2(BaseModel):
    text: str | None = None


EventPayload: TypeAlias = str | EventPayloadVariant2


class Event(BaseModel):
    object: Literal["event"]
    id: str
    priority: Literal[1, 2, 3] | int | None = None
    color: Literal["red", "green"] | str | None = None
    payload: EventPayload
    metadata: dict[str, Any] | None = None
    score: float | None = None
