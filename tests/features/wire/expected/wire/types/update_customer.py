from __future__ import annotations

from collections.abc import Sequence
from typing import TypedDict

from .._models import BaseModel

__all__ = [
    "UpdateCustomerRequestInvoiceSettingsCustomFieldsItem",
    "UpdateCustomerRequestInvoiceSettingsCustomFieldsItemParam",
    "UpdateCustomerRequestInvoiceSettings",
    "UpdateCustomerRequestInvoiceSettingsParam",
]


class UpdateCustomerRequestInvoiceSettingsCustomFieldsItem(BaseModel):
    name: str | None = None
    value: str | None = None


class UpdateCustomerRequestInvoiceSettingsCustomFieldsItemParam(TypedDict, total=False):
    """The fields of `UpdateCustomerRequestInvoiceSettingsCustomFieldsItem`, as a dict keyed by
    their names on the wire.
    """

    name: str
    value: str


class UpdateCustomerRequestInvoiceSettings(BaseModel):
    footer: str | None = None
    custom_fields: list[UpdateCustomerRequestInvoiceSettingsCustomFieldsItem] | None = None


class UpdateCustomerRequestInvoiceSettingsParam(TypedDict, total=False):
    """The fields of `UpdateCustomerRequestInvoiceSettings`, as a dict keyed by their names on
    the wire.
    """

    footer: str
    custom_fields: Sequence[
        UpdateCustomerRequestInvoiceSettingsCustomFieldsItem
        | UpdateCustomerRequestInvoiceSettingsCustomFieldsItemParam
    ]
