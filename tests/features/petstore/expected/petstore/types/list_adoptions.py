from __future__ import annotations

from .._models import BaseModel, wire_names

__all__ = ["ListAdoptionsResponseAdoptionsItem", "ListAdoptionsResponse"]


class ListAdoptionsResponseAdoptionsItem(BaseModel):
    id: str | None = None
    pet_id: int | None = None

    model_config = wire_names({"pet_id": "petId"})


class ListAdoptionsResponse(BaseModel):
    adoptions: list[ListAdoptionsResponseAdoptionsItem]
    next: str | None = None
    """The URL of the next page."""
