from __future__ import annotations

from typing import Any, Required, TypedDict

import pydantic

from .._models import BaseModel, wire_names

__all__ = [
    "StartRenderRequestChecksItem",
    "StartRenderRequestChecksItemParam",
    "StartRenderResponse",
]


class StartRenderRequestChecksItem(BaseModel):
    name: str
    schema_: dict[str, Any]

    model_config = wire_names({"schema_": "schema"})


class StartRenderRequestChecksItemParam(TypedDict, total=False):
    """The fields of `StartRenderRequestChecksItem`, as a dict keyed by their names on the wire."""

    name: Required[str]
    schema: Required[dict[str, Any] | type[pydantic.BaseModel]]


class StartRenderResponse(BaseModel):
    id: str | None = None
    """The render's id."""
