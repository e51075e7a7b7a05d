from __future__ import annotations

from typing import Literal

from .._models import BaseModel, wire_names

__all__ = ["Organisation"]


class Organisation(BaseModel):
    kind: Literal["organisation"]
    legal_name: str | None = None

    model_config = wire_names({"legal_name": "legalName"})
