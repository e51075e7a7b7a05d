from __future__ import annotations

from .._models import BaseModel

__all__ = [
    "StopInteractiveScrapeBrowserSessionResponse",
    "StopInteractiveScrapeBrowserSessionForbiddenResponse",
    "StopInteractiveScrapeBrowserSessionNotFoundResponse",
]


class StopInteractiveScrapeBrowserSessionResponse(BaseModel):
    success: bool | None = None


class StopInteractiveScrapeBrowserSessionForbiddenResponse(BaseModel):
    success: bool | None = None
    error: str | None = None


class StopInteractiveScrapeBrowserSessionNotFoundResponse(BaseModel):
    success: bool | None = None
    error: str | None = None
