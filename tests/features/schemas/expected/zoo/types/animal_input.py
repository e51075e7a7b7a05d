from __future__ import annotations

from typing import Annotated, TypeAlias

from .._models import discriminated, tag
from .cat import Cat, CatParam
from .dog import Dog, DogParam

__all__ = ["AnimalInput", "AnimalInputParam"]


AnimalInput: TypeAlias = Annotated[
    Annotated[Dog, tag("Dog")] | Annotated[Cat, tag("Cat")],
    discriminated("kind", "kind", {"Dog": "Dog", "Cat": "Cat"}),
]
"""A new animal."""


AnimalInputParam: TypeAlias = DogParam | CatParam
