from __future__ import annotations

import functools

import httpx

from .._base_client import (
    AsyncAPIResource,
    Call,
    Endpoint,
    SyncAPIResource,
    async_raw_response_wrapper,
    raw_response_wrapper,
)
from .._types import Body, Headers, NOT_GIVEN, NotGiven, Query
from .._wire import Encoding
from ..types.address import Address, AddressParam
from ..types.update_customer import (
    UpdateCustomerRequestInvoiceSettings,
    UpdateCustomerRequestInvoiceSettingsParam,
)

__all__ = [
    "CustomersResource",
    "AsyncCustomersResource",
    "CustomersResourceWithRawResponse",
    "AsyncCustomersResourceWithRawResponse",
]

_CREATE_CUSTOMER: Endpoint[None] = Endpoint(
    method="POST",
    path="/customers",
    response=None,
    response_kind="none",
    body_encoding="form",
    encodings={
        "body": {
            "codes": Encoding("form"),
            "address": Encoding("deepObject", explode=True),
            "metadata": Encoding(content_type="application/json"),
            "note": Encoding("form", explode=True, allow_reserved=True),
            "external_id": Encoding(content_type="application/json"),
        },
    },
)

_UPDATE_CUSTOMER: Endpoint[None] = Endpoint(
    method="POST",
    path="/customers/{customer}",
    response=None,
    response_kind="none",
    body_encoding="form",
    encodings={
        "body": {
            "invoice_settings": Encoding("deepObject", explode=True),
            "expand": Encoding("deepObject", explode=True),
        },
    },
)


class CustomersResource(SyncAPIResource):
    """Operations tagged 'customers'."""

    @functools.cached_property
    def with_raw_response(self) -> CustomersResourceWithRawResponse:
        """The same methods, returning a RawResponse: status, headers and the parsed value."""
        return CustomersResourceWithRawResponse(self)

    def create_customer(
        self,
        *,
        name: str,
        balance: int | NotGiven = NOT_GIVEN,
        tax_exempt: bool | NotGiven = NOT_GIVEN,
        preferred_locales: list[str] | NotGiven = NOT_GIVEN,
        codes: list[str] | NotGiven = NOT_GIVEN,
        address: Address | AddressParam | NotGiven = NOT_GIVEN,
        metadata: dict[str, str] | NotGiven = NOT_GIVEN,
        note: str | NotGiven = NOT_GIVEN,
        external_id: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> None:
        """POST /customers

        Args:
          name (str):
          balance (int):
          tax_exempt (bool):
          preferred_locales (list[str]):
          codes (list[str]):
          address (Address | AddressParam):
          metadata (dict[str, str]):
          note (str):
          external_id (str):
        """
        return self._client.request(
            _CREATE_CUSTOMER,
            Call(
                body={
                    "name": name,
                    "balance": balance,
                    "tax_exempt": tax_exempt,
                    "preferred_locales": preferred_locales,
                    "codes": codes,
                    "address": address,
                    "metadata": metadata,
                    "note": note,
                    "external_id": external_id,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    def update_customer(
        self,
        *,
        customer: str,
        invoice_settings: (
            UpdateCustomerRequestInvoiceSettings
            | UpdateCustomerRequestInvoiceSettingsParam
            | NotGiven
        ) = NOT_GIVEN,
        expand: list[str] | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> None:
        """POST /customers/{customer}

        Args:
          customer (str):
          invoice_settings (UpdateCustomerRequestInvoiceSettings |
              UpdateCustomerRequestInvoiceSettingsParam):
          expand (list[str]):
        """
        return self._client.request(
            _UPDATE_CUSTOMER,
            Call(
                path={"customer": customer},
                body={"invoice_settings": invoice_settings, "expand": expand},
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )


class CustomersResourceWithRawResponse:
    """The methods of `CustomersResource`, each returning a RawResponse."""

    def __init__(self, resource: CustomersResource) -> None:
        self.create_customer = raw_response_wrapper(resource.create_customer)
        self.update_customer = raw_response_wrapper(resource.update_customer)


class AsyncCustomersResource(AsyncAPIResource):
    """Operations tagged 'customers'."""

    @functools.cached_property
    def with_raw_response(self) -> AsyncCustomersResourceWithRawResponse:
        """The same methods, returning a RawResponse: status, headers and the parsed value."""
        return AsyncCustomersResourceWithRawResponse(self)

    async def create_customer(
        self,
        *,
        name: str,
        balance: int | NotGiven = NOT_GIVEN,
        tax_exempt: bool | NotGiven = NOT_GIVEN,
        preferred_locales: list[str] | NotGiven = NOT_GIVEN,
        codes: list[str] | NotGiven = NOT_GIVEN,
        address: Address | AddressParam | NotGiven = NOT_GIVEN,
        metadata: dict[str, str] | NotGiven = NOT_GIVEN,
        note: str | NotGiven = NOT_GIVEN,
        external_id: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> None:
        """POST /customers

        Args:
          name (str):
          balance (int):
          tax_exempt (bool):
          preferred_locales (list[str]):
          codes (list[str]):
          address (Address | AddressParam):
          metadata (dict[str, str]):
          note (str):
          external_id (str):
        """
        return await self._client.request(
            _CREATE_CUSTOMER,
            Call(
                body={
                    "name": name,
                    "balance": balance,
                    "tax_exempt": tax_exempt,
                    "preferred_locales": preferred_locales,
                    "codes": codes,
                    "address": address,
                    "metadata": metadata,
                    "note": note,
                    "external_id": external_id,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    async def update_customer(
        self,
        *,
        customer: str,
        invoice_settings: (
            UpdateCustomerRequestInvoiceSettings
            | UpdateCustomerRequestInvoiceSettingsParam
            | NotGiven
        ) = NOT_GIVEN,
        expand: list[str] | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> None:
        """POST /customers/{customer}

        Args:
          customer (str):
          invoice_settings (UpdateCustomerRequestInvoiceSettings |
              UpdateCustomerRequestInvoiceSettingsParam):
          expand (list[str]):
        """
        return await self._client.request(
            _UPDATE_CUSTOMER,
            Call(
                path={"customer": customer},
                body={"invoice_settings": invoice_settings, "expand": expand},
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )


class AsyncCustomersResourceWithRawResponse:
    """The methods of `AsyncCustomersResource`, each returning a RawResponse."""

    def __init__(self, resource: AsyncCustomersResource) -> None:
        self.create_customer = async_raw_response_wrapper(resource.create_customer)
        self.update_customer = async_raw_response_wrapper(resource.update_customer)
