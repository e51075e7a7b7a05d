from __future__ import annotations

import datetime
from typing import Literal

from .._models import BaseModel, wire_names

__all__ = ["Adoption"]


class Adoption(BaseModel):
    id: int
    status: Literal["received", "approved", "declined"] | str
    decided_at: datetime.datetime | None = None

    model_config = wire_names({"decided_at": "decidedAt"})
