"""The models of the Real World: import them from here.

Each is loaded from its module on first use.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .private_user import PrivateUserPlan as PrivateUserPlan, PrivateUser as PrivateUser
    from .public_user import PublicUser as PublicUser
    from .task import Task as Task
    from .call2 import Call2 as Call2
    from .payment_request import (
        PaymentRequestAmount as PaymentRequestAmount,
        PaymentRequestAmountParam as PaymentRequestAmountParam,
        PaymentRequestInstallments as PaymentRequestInstallments,
        PaymentRequestInstallmentsParam as PaymentRequestInstallmentsParam,
        PaymentRequest as PaymentRequest,
    )
    from .get_user import GetUserResponse as GetUserResponse
    from .create_payment import CreatePaymentResponse as CreatePaymentResponse

_MODULES: dict[str, str] = {
    "PrivateUserPlan": "private_user",
    "PrivateUser": "private_user",
    "PublicUser": "public_user",
    "Task": "task",
    "Call2": "call2",
    "PaymentRequestAmount": "payment_request",
    "PaymentRequestAmountParam": "payment_request",
    "PaymentRequestInstallments": "payment_request",
    "PaymentRequestInstallmentsParam": "payment_request",
    "PaymentRequest": "payment_request",
    "GetUserResponse": "get_user",
    "CreatePaymentResponse": "create_payment",
}

__all__ = sorted(_MODULES)


def __getattr__(name: str) -> object:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
