"""The models of the Zoo API: import them from here.

Each is loaded from its module on first use.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .animal import Animal as Animal
    from .dog import Dog as Dog, DogParam as DogParam
    from .pet import Pet as Pet
    from .cat import Cat as Cat, CatParam as CatParam
    from .parrot import Parrot as Parrot
    from .animal_input import AnimalInput as AnimalInput, AnimalInputParam as AnimalInputParam
    from .keeper import KeeperFavourite as KeeperFavourite, Keeper as Keeper
    from .duties import (
        DutiesFeeding as DutiesFeeding,
        DutiesFeedingParam as DutiesFeedingParam,
        DutiesCleaning as DutiesCleaning,
        DutiesCleaningParam as DutiesCleaningParam,
        DutiesTraining as DutiesTraining,
        DutiesTrainingParam as DutiesTrainingParam,
        DutiesItem as DutiesItem,
        DutiesItemParam as DutiesItemParam,
        DutiesShorthand as DutiesShorthand,
        Duties as Duties,
        DutiesParam as DutiesParam,
    )
    from .event import EventOpened as EventOpened, EventClosed as EventClosed, Event as Event
    from .tree_node import TreeNode as TreeNode, TreeNodeParam as TreeNodeParam
    from .json_value import JsonValue as JsonValue

_MODULES: dict[str, str] = {
    "Animal": "animal",
    "Dog": "dog",
    "DogParam": "dog",
    "Pet": "pet",
    "Cat": "cat",
    "CatParam": "cat",
    "Parrot": "parrot",
    "AnimalInput": "animal_input",
    "AnimalInputParam": "animal_input",
    "KeeperFavourite": "keeper",
    "Keeper": "keeper",
    "DutiesFeeding": "duties",
    "DutiesFeedingParam": "duties",
    "DutiesCleaning": "duties",
    "DutiesCleaningParam": "duties",
    "DutiesTraining": "duties",
    "DutiesTrainingParam": "duties",
    "DutiesItem": "duties",
    "DutiesItemParam": "duties",
    "DutiesShorthand": "duties",
    "Duties": "duties",
    "DutiesParam": "duties",
    "EventOpened": "event",
    "EventClosed": "event",
    "Event": "event",
    "TreeNode": "tree_node",
    "TreeNodeParam": "tree_node",
    "JsonValue": "json_value",
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
