from __future__ import annotations

import datetime
from typing import Annotated, TypeAlias

from .._models import BaseModel, Field, wire_names
from .new_pet import NewPet
from .organisation import Organisation
from .person import Person

__all__ = ["PetOwner", "PetVaccinationsItem", "Pet"]


PetOwner: TypeAlias = Annotated[Person | Organisation, Field(discriminator="kind")]


class PetVaccinationsItem(BaseModel):
    vaccine: str
    date: datetime.date | None = None


class Pet(NewPet):
    """A pet in the store."""

    id: int
    created_at: datetime.datetime | None = None
    owner: PetOwner | None = None
    vaccinations: list[PetVaccinationsItem] | None = None

    model_config = wire_names({"weight_kg": "weightKg", "created_at": "createdAt"})
