"""Contract tests of `client.payments`: each operation called with arguments the spec
accepts, and each documented error status, asked of the server, raised as its exception."""

from __future__ import annotations

from real_world import RealWorld
from real_world.types import CreatePaymentResponse


def test_create_payment(client: RealWorld) -> None:
    result = client.payments.create_payment(
        amount={"currency": "sam", "value": 1}, reference="sample", merchant_account="AA"
    )
    assert isinstance(result, CreatePaymentResponse)
