from __future__ import annotations

import datetime
from typing import Required, TypedDict

from .._models import wire_names
from .pet import Pet

__all__ = ["Dog", "DogParam"]


class Dog(Pet):
    good_boy: bool | None = None

    model_config = wire_names({"born_at": "bornAt", "good_boy": "goodBoy"})


class DogParam(TypedDict, total=False):
    """The fields of `Dog`, as a dict keyed by their names on the wire."""

    kind: Required[str]
    name: Required[str]
    secret: str
    bornAt: datetime.datetime
    goodBoy: bool
