from __future__ import annotations

from .._models import BaseModel, wire_names

__all__ = ["StartExportResponse"]


class StartExportResponse(BaseModel):
    export_id: str

    model_config = wire_names({"export_id": "exportId"})
