from __future__ import annotations

import datetime

from .._models import BaseModel, wire_names

__all__ = ["Pet"]


class Pet(BaseModel):
    kind: str
    name: str
    id: str | None = None
    born_at: datetime.datetime | None = None

    model_config = wire_names({"born_at": "bornAt"})
