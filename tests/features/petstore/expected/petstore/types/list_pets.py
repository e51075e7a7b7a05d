from __future__ import annotations

from typing import Literal, TypedDict

from .._models import BaseModel, wire_names

__all__ = ["ListPetsFilter", "ListPetsFilterParam", "ListPetsSort", "ListPetsSortParam"]


class ListPetsFilter(BaseModel):
    color: str | None = None
    min_age: int | None = None

    model_config = wire_names({"min_age": "minAge"})


class ListPetsFilterParam(TypedDict, total=False):
    """The fields of `ListPetsFilter`, as a dict keyed by their names on the wire."""

    color: str
    minAge: int


class ListPetsSort(BaseModel):
    field: str | None = None
    order: Literal["asc", "desc"] | str | None = None


class ListPetsSortParam(TypedDict, total=False):
    """The fields of `ListPetsSort`, as a dict keyed by their names on the wire."""

    field: str
    order: Literal["asc", "desc"]
