from __future__ import annotations

from typing import Annotated, TypeAlias

from .._models import discriminated, variant_tag
from .cat import Cat, CatParam
from .dog import Dog, DogParam

__all__ = ["AnimalInput", "AnimalInputParam"]


AnimalInput: TypeAlias = Annotated[
    Annotated[Dog, variant_tag("Dog")] | Annotated[Cat, variant_tag("Cat")],
    discriminated("kind", "kind", {"Dog": "Dog", "Cat": "Cat"}),
]
"""A new animal."""


AnimalInputParam: TypeAlias = DogParam | CatParam
