from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Literal, Required, TypeAlias, TypedDict

from .._models import BaseModel, Field

__all__ = [
    "DutiesFeeding",
    "DutiesFeedingParam",
    "DutiesCleaning",
    "DutiesCleaningParam",
    "DutiesTraining",
    "DutiesTrainingParam",
    "DutiesItem",
    "DutiesItemParam",
    "DutiesShorthand",
    "Duties",
    "DutiesParam",
]


class DutiesFeeding(BaseModel):
    task: Literal["feeding"]
    times: int | None = None


class DutiesFeedingParam(TypedDict, total=False):
    """The fields of `DutiesFeeding`, as a dict keyed by their names on the wire."""

    task: Required[Literal["feeding"]]
    times: int


class DutiesCleaning(BaseModel):
    task: Literal["cleaning"]


class DutiesCleaningParam(TypedDict, total=False):
    """The fields of `DutiesCleaning`, as a dict keyed by their names on the wire."""

    task: Required[Literal["cleaning"]]


class DutiesTraining(BaseModel):
    task: Literal["training"]
    enclosure: str


class DutiesTrainingParam(TypedDict, total=False):
    """The fields of `DutiesTraining`, as a dict keyed by their names on the wire."""

    task: Required[Literal["training"]]
    enclosure: Required[str]


DutiesItem: TypeAlias = Annotated[
    DutiesFeeding | DutiesCleaning | DutiesTraining, Field(discriminator="task")
]


DutiesItemParam: TypeAlias = DutiesFeedingParam | DutiesCleaningParam | DutiesTrainingParam


DutiesShorthand: TypeAlias = Literal["feeding", "cleaning"]
"""A variant given by its `task` alone, as the spec's default shows: `"feeding"` stands for
`{"task": "feeding"}`.
"""


Duties: TypeAlias = list[DutiesItem | DutiesShorthand]
"""What a keeper does. A duty that needs no details may be given by its task alone."""


DutiesParam: TypeAlias = Sequence[DutiesItem | DutiesShorthand | DutiesItemParam]
