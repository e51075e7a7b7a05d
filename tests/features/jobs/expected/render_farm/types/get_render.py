from __future__ import annotations

from typing import Literal

from .._models import BaseModel
from .frame import Frame

__all__ = ["GetRenderResponse"]


class GetRenderResponse(BaseModel):
    status: Literal["queued", "rendering", "done", "failed"] | str
    frames: list[Frame] | None = None
    next: str | None = None
    """The URL of the next page of frames."""
