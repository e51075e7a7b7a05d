from __future__ import annotations

import datetime

from .._models import BaseModel, wire_names
from .pet_status import PetStatus

__all__ = ["NewPet"]


class NewPet(BaseModel):
    name: str
    """The pet's name."""

    tag: str | None = None
    status: PetStatus | str | None = None
    """Where the pet is in the sales process."""

    birthday: datetime.date | None = None
    weight_kg: float | None = None

    model_config = wire_names({"weight_kg": "weightKg"})
