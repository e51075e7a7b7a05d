from __future__ import annotations

from typing import Literal

from .._models import BaseModel

__all__ = ["StreamCompletionResponseEvent", "StreamCompletionTooManyRequestsResponse"]


class StreamCompletionResponseEvent(BaseModel):
    index: int
    delta: str
    finish: Literal["stop", "length"] | str | None = None


class StreamCompletionTooManyRequestsResponse(BaseModel):
    error: str | None = None
