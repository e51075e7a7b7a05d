from __future__ import annotations

from typing import Literal

from .._models import BaseModel

__all__ = ["GetExportResponse"]


class GetExportResponse(BaseModel):
    state: Literal["running", "finished"] | str
    files: list[str] | None = None
    cursor: str | None = None
