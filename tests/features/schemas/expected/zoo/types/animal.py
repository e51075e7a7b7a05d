from __future__ import annotations

from typing import Annotated, TypeAlias

from .._models import discriminated
from .cat import Cat
from .dog import Dog
from .parrot import Parrot

__all__ = ["Animal"]


Animal: TypeAlias = Annotated[
    Dog | Cat | Parrot,
    discriminated("kind", "kind", {"dog": "Dog", "puppy": "Dog", "cat": "Cat", "Parrot": "Parrot"}),
]
"""Any animal, by its kind."""
