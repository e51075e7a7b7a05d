from __future__ import annotations

from typing import Required, TypedDict

from .._models import BaseModel, wire_names

__all__ = [
    "PaymentRequestAmount",
    "PaymentRequestAmountParam",
    "PaymentRequestInstallments",
    "PaymentRequestInstallmentsParam",
    "PaymentRequest",
]


class PaymentRequestAmount(BaseModel):
    currency: str
    value: int


class PaymentRequestAmountParam(TypedDict, total=False):
    """The fields of `PaymentRequestAmount`, as a dict keyed by their names on the wire."""

    currency: Required[str]
    value: Required[int]


class PaymentRequestInstallments(BaseModel):
    value: int


class PaymentRequestInstallmentsParam(TypedDict, total=False):
    """The fields of `PaymentRequestInstallments`, as a dict keyed by their names on the wire."""

    value: Required[int]


class PaymentRequest(BaseModel):
    amount: PaymentRequestAmount
    reference: str
    merchant_account: str
    shopper_reference: str | None = None
    installments: PaymentRequestInstallments | None = None

    model_config = wire_names(
        {"merchant_account": "merchantAccount", "shopper_reference": "shopperReference"}
    )
