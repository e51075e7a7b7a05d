"""The models of the Wire: import them from here.

Each is loaded from its module on first use.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .address import Address as Address, AddressParam as AddressParam
    from .get_report import (
        GetReportFilter as GetReportFilter,
        GetReportFilterParam as GetReportFilterParam,
        GetReportXSort as GetReportXSort,
        GetReportXSortParam as GetReportXSortParam,
    )
    from .update_customer import (
        UpdateCustomerRequestInvoiceSettingsCustomFieldsItem as UpdateCustomerRequestInvoiceSettingsCustomFieldsItem,
        UpdateCustomerRequestInvoiceSettingsCustomFieldsItemParam as UpdateCustomerRequestInvoiceSettingsCustomFieldsItemParam,
        UpdateCustomerRequestInvoiceSettings as UpdateCustomerRequestInvoiceSettings,
        UpdateCustomerRequestInvoiceSettingsParam as UpdateCustomerRequestInvoiceSettingsParam,
    )

_MODULES: dict[str, str] = {
    "Address": "address",
    "AddressParam": "address",
    "GetReportFilter": "get_report",
    "GetReportFilterParam": "get_report",
    "GetReportXSort": "get_report",
    "GetReportXSortParam": "get_report",
    "UpdateCustomerRequestInvoiceSettingsCustomFieldsItem": "update_customer",
    "UpdateCustomerRequestInvoiceSettingsCustomFieldsItemParam": "update_customer",
    "UpdateCustomerRequestInvoiceSettings": "update_customer",
    "UpdateCustomerRequestInvoiceSettingsParam": "update_customer",
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
