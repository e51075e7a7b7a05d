from __future__ import annotations

from .._models import BaseModel, wire_names

__all__ = ["CreatePaymentResponse"]


class CreatePaymentResponse(BaseModel):
    psp_reference: str | None = None

    model_config = wire_names({"psp_reference": "pspReference"})
