from __future__ import annotations

from typing import Literal, Required, TypedDict

from .._models import BaseModel, wire_names

__all__ = ["Tag", "TagParam"]


class Tag(BaseModel):
    type: Literal["tag"]
    discriminated_: str | None = None

    model_config = wire_names({"discriminated_": "discriminated"})


class TagParam(TypedDict, total=False):
    """The fields of `Tag`, as a dict keyed by their names on the wire."""

    type: Required[Literal["tag"]]
    discriminated: str
