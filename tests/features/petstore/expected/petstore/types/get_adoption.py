from __future__ import annotations

from typing import Literal

from .._models import BaseModel, wire_names

__all__ = ["GetAdoptionResponse"]


class GetAdoptionResponse(BaseModel):
    status: Literal["submitted", "reviewing", "approved", "rejected"] | str
    pet_id: int | None = None

    model_config = wire_names({"pet_id": "petId"})
