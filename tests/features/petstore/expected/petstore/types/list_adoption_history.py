from __future__ import annotations

from .._models import BaseModel, wire_names

__all__ = ["ListAdoptionHistoryResponse"]


class ListAdoptionHistoryResponse(BaseModel):
    events: list[str] | None = None
    next_cursor: str | None = None

    model_config = wire_names({"next_cursor": "nextCursor"})
