from __future__ import annotations

import datetime

from .._models import BaseModel, wire_names
from .organisation import Organisation
from .person import Person
from .pet_status import PetStatus

__all__ = ["PetVaccinationsItem", "Pet"]


class PetVaccinationsItem(BaseModel):
    vaccine: str
    date: datetime.date | None = None


class Pet(BaseModel):
    """A pet in the store."""

    name: str
    """The pet's name."""

    tag: str | None = None
    status: PetStatus | str | None = None
    """Where the pet is in the sales process."""

    birthday: datetime.date | None = None
    weight_kg: float | None = None
    id: int
    created_at: datetime.datetime | None = None
    owner: Person | Organisation | None = None
    vaccinations: list[PetVaccinationsItem] | None = None

    model_config = wire_names({"weight_kg": "weightKg", "created_at": "createdAt"})
