from __future__ import annotations

import datetime
from typing import Annotated, Literal, TypeAlias

from .._models import BaseModel, Field

__all__ = ["EventOpened", "EventClosed", "Event"]


class EventOpened(BaseModel):
    type: Literal["opened"]
    at: datetime.datetime


class EventClosed(BaseModel):
    type: Literal["closed"]
    reason: str | None = None


Event: TypeAlias = Annotated[EventOpened | EventClosed, Field(discriminator="type")]
