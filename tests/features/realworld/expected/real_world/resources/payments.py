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
from ..types.create_payment import CreatePaymentResponse
from ..types.payment_request import (
    PaymentRequestAmount,
    PaymentRequestAmountParam,
    PaymentRequestInstallments,
    PaymentRequestInstallmentsParam,
)

__all__ = [
    "PaymentsResource",
    "AsyncPaymentsResource",
    "PaymentsResourceWithRawResponse",
    "AsyncPaymentsResourceWithRawResponse",
]

_CREATE_PAYMENT: Endpoint[CreatePaymentResponse] = Endpoint(
    method="POST",
    path="/payments",
    response=CreatePaymentResponse,
    response_kind="json",
    body_encoding="json",
)


class PaymentsResource(SyncAPIResource):
    """Operations tagged 'Payments'."""

    @functools.cached_property
    def with_raw_response(self) -> PaymentsResourceWithRawResponse:
        """The same methods, returning a RawResponse: status, headers and the parsed value."""
        return PaymentsResourceWithRawResponse(self)

    def create_payment(
        self,
        *,
        amount: PaymentRequestAmount | PaymentRequestAmountParam,
        reference: str,
        merchant_account: str,
        shopper_reference: str | NotGiven = NOT_GIVEN,
        installments: (
            PaymentRequestInstallments | PaymentRequestInstallmentsParam | NotGiven
        ) = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> CreatePaymentResponse:
        """POST /payments

        Args:
          amount (PaymentRequestAmount | PaymentRequestAmountParam):
          reference (str):
          merchant_account (str):
          shopper_reference (str):
          installments (PaymentRequestInstallments | PaymentRequestInstallmentsParam):
        """
        return self._client.request(
            _CREATE_PAYMENT,
            Call(
                body={
                    "amount": amount,
                    "reference": reference,
                    "merchantAccount": merchant_account,
                    "shopperReference": shopper_reference,
                    "installments": installments,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )


class PaymentsResourceWithRawResponse:
    """The methods of `PaymentsResource`, each returning a RawResponse."""

    def __init__(self, resource: PaymentsResource) -> None:
        self.create_payment = raw_response_wrapper(resource.create_payment)


class AsyncPaymentsResource(AsyncAPIResource):
    """Operations tagged 'Payments'."""

    @functools.cached_property
    def with_raw_response(self) -> AsyncPaymentsResourceWithRawResponse:
        """The same methods, returning a RawResponse: status, headers and the parsed value."""
        return AsyncPaymentsResourceWithRawResponse(self)

    async def create_payment(
        self,
        *,
        amount: PaymentRequestAmount | PaymentRequestAmountParam,
        reference: str,
        merchant_account: str,
        shopper_reference: str | NotGiven = NOT_GIVEN,
        installments: (
            PaymentRequestInstallments | PaymentRequestInstallmentsParam | NotGiven
        ) = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> CreatePaymentResponse:
        """POST /payments

        Args:
          amount (PaymentRequestAmount | PaymentRequestAmountParam):
          reference (str):
          merchant_account (str):
          shopper_reference (str):
          installments (PaymentRequestInstallments | PaymentRequestInstallmentsParam):
        """
        return await self._client.request(
            _CREATE_PAYMENT,
            Call(
                body={
                    "amount": amount,
                    "reference": reference,
                    "merchantAccount": merchant_account,
                    "shopperReference": shopper_reference,
                    "installments": installments,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )


class AsyncPaymentsResourceWithRawResponse:
    """The methods of `AsyncPaymentsResource`, each returning a RawResponse."""

    def __init__(self, resource: AsyncPaymentsResource) -> None:
        self.create_payment = async_raw_response_wrapper(resource.create_payment)
