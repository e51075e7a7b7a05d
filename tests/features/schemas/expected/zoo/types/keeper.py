from __future__ import annotations

import datetime
from typing import Literal, TypeAlias

from .._models import BaseModel, Field
from .dog import Dog
from .duties import Duties

__all__ = ["KeeperFavourite", "Keeper"]


KeeperFavourite: TypeAlias = str | int | Dog


class Keeper(BaseModel):
    __pydantic_extra__: dict[str, str] = Field(init=False)
    """The properties the API sends beyond the ones named here."""

    name: str | None = None
    shift: datetime.time | None = None
    badge: str | None = None
    position: tuple[float, float] | None = None
    route: list[str | int] | None = None
    favourite: KeeperFavourite | None = None
    level: Literal[1, 2, "expert"] | str | int | None = None
    duties: Duties | None = None
    """What a keeper does. A duty that needs no details may be given by its task alone."""
