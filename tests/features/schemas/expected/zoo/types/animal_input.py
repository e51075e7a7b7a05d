from __future__ import annotations

from typing import Annotated, TypeAlias

from .._models import discriminated
from .cat import Cat, CatParam
from .dog import Dog, DogParam

__all__ = ["AnimalInput", "AnimalInputParam"]


AnimalInput: TypeAlias = Annotated[
    Dog | Cat, discriminated("kind", "kind", {"Dog": "Dog", "Cat": "Cat"})
]
"""A new animal."""


AnimalInputParam: TypeAlias = DogParam | CatParam
