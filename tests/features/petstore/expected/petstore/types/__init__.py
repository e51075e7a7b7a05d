"""The models of the Petstore API: import them from here.

Each is loaded from its module on first use.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .pet_status import PetStatus as PetStatus
    from .new_pet import NewPet as NewPet
    from .pet import PetOwner as PetOwner, PetVaccinationsItem as PetVaccinationsItem, Pet as Pet
    from .person import Person as Person
    from .organisation import Organisation as Organisation
    from .error import Error as Error
    from .list_pets import (
        ListPetsFilter as ListPetsFilter,
        ListPetsFilterParam as ListPetsFilterParam,
        ListPetsSort as ListPetsSort,
        ListPetsSortParam as ListPetsSortParam,
    )
    from .list_adoptions import (
        ListAdoptionsResponseAdoptionsItem as ListAdoptionsResponseAdoptionsItem,
        ListAdoptionsResponse as ListAdoptionsResponse,
    )
    from .list_adoption_history import ListAdoptionHistoryResponse as ListAdoptionHistoryResponse
    from .get_adoption import GetAdoptionResponse as GetAdoptionResponse

_MODULES: dict[str, str] = {
    "PetStatus": "pet_status",
    "NewPet": "new_pet",
    "PetOwner": "pet",
    "PetVaccinationsItem": "pet",
    "Pet": "pet",
    "Person": "person",
    "Organisation": "organisation",
    "Error": "error",
    "ListPetsFilter": "list_pets",
    "ListPetsFilterParam": "list_pets",
    "ListPetsSort": "list_pets",
    "ListPetsSortParam": "list_pets",
    "ListAdoptionsResponseAdoptionsItem": "list_adoptions",
    "ListAdoptionsResponse": "list_adoptions",
    "ListAdoptionHistoryResponse": "list_adoption_history",
    "GetAdoptionResponse": "get_adoption",
}

__all__ = sorted(_MODULES)


def __getattr__(name: str) -> object:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
