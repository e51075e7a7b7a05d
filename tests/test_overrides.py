"""Name overrides in the IR: what each kind of key renames, and the errors and warnings that keep
a chosen name from being silently lost."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import GeneratorError, Warnings
from generator.ir import build_api
from generator.ir.model import Api
from generator.ir.type_exprs import Alias, Discriminator, Ref, UnionOf
from generator.options import ClientOptions
from generator.spec import load_document

from .conftest import write_spec

SPEC = """openapi: 3.0.3
info: {title: Shop, version: '1'}
paths:
  /orders:
    get:
      operationId: listOrders
      tags: [orders]
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  items: {type: array, items: {$ref: '#/components/schemas/Order'}}
                  page:
                    type: object
                    properties: {next: {type: string}}
    post:
      operationId: createOrder
      tags: [orders]
      requestBody:
        content:
          application/json:
            schema: {$ref: '#/components/schemas/Order'}
      responses:
        '200': {description: ok}
components:
  schemas:
    Order:
      type: object
      properties:
        id: {type: string}
        line: {oneOf: [{$ref: '#/components/schemas/Book'}, {$ref: '#/components/schemas/Pen'}]}
    Book:
      type: object
      required: [type]
      properties: {type: {type: string, enum: [book]}, title: {type: string}}
    Pen:
      type: object
      required: [type]
      properties: {type: {type: string, enum: [pen]}, ink: {type: string}}
"""
LIST_RESPONSE = "#/paths/~1orders/get/responses/200/content/application~1json/schema"


def build(tmp_path: Path, names: dict[str, str], strict: bool = False) -> tuple[Api, Warnings]:
    warnings = Warnings(strict=strict)
    document = load_document(write_spec(tmp_path, SPEC))
    return build_api(document, warnings, ClientOptions(names=names)), warnings


def test_each_kind_of_key_renames_its_own_thing(tmp_path: Path) -> None:
    api, warnings = build(
        tmp_path,
        {
            "listOrders": "orders_page",  # operationId -> method
            "#/paths/~1orders/post": "place",  # operation pointer -> method
            "#/components/schemas/Order": "Purchase",  # component -> class
            LIST_RESPONSE: "OrderPage",  # inline schema -> class
            LIST_RESPONSE + "/properties/page": "Cursor",  # a property's inline schema -> class (upper case)
            LIST_RESPONSE + "/properties/items": "entries",  # the property -> field (lower case)
            "#/components/schemas/Order/properties/id": "order_id",
        },
    )
    assert not warnings.items
    [resource] = api.resources
    assert [operation.name for operation in resource.operations] == ["orders_page", "place"]
    models = {model.name: model for model in api.models}
    assert {"Purchase", "OrderPage", "Cursor"} <= models.keys() and "Order" not in models
    assert [(f.name, f.wire_name) for f in models["OrderPage"].fields] == [("entries", "items"), ("page", "page")]
    assert models["OrderPage"].fields[1].type == Ref(models["Cursor"])
    assert [f.name for f in models["Purchase"].fields] == ["order_id", "line"]
    # the flattened request body takes the field's chosen name too
    place = resource.operations[1]
    assert [p.name for p in place.parameters] == ["order_id", "line"]


def order_line(api: Api) -> UnionOf:
    [line] = [named for named in api.types if named.name == "OrderLine"]
    assert isinstance(line, Alias) and isinstance(line.type, UnionOf)
    return line.type


def test_a_renamed_tag_field_keeps_the_union_discriminated(tmp_path: Path) -> None:
    tags = (("book", "Book"), ("pen", "Pen"))
    assert order_line(build(tmp_path, {})[0]).discriminator == Discriminator("type", "type", tags, literal_tags=True)
    names = {f"#/components/schemas/{model}/properties/type": "kind" for model in ("Book", "Pen")}
    assert order_line(build(tmp_path, names)[0]).discriminator == Discriminator("type", "kind", tags, literal_tags=True)
    # named differently in each variant: no one attribute to read, so each variant is tried instead
    names["#/components/schemas/Pen/properties/type"] = "pen_kind"
    assert order_line(build(tmp_path, names)[0]).discriminator is None


@pytest.mark.parametrize(
    ("names", "message"),
    [
        (
            {"listOrders": "create_order"},
            "#/paths/~1orders/post: the name override 'listOrders' = 'create_order' clashes: the method of "
            "OrdersResource here is called create_order too",
        ),
        ({"listOrders": "orders", "createOrder": "orders"}, "'createOrder' = 'orders' clashes"),
        (
            {"#/components/schemas/Book": "Pen"},
            "#/components/schemas/Pen: the name override '#/components/schemas/Book' = 'Pen' clashes: the "
            "class here is called Pen too",
        ),
        ({"#/components/schemas/Book": "BaseModel"}, "clashes: a class of that name exists already (or is reserved)"),
        ({"#/components/schemas/Book/properties/title": "ink"}, None),  # another model's field: no clash
        ({"#/components/schemas/Book/properties/title": "json"}, "would hide pydantic's BaseModel.json"),
        (
            {"#/components/schemas/Pen/properties/ink": "type"},
            "#/components/schemas/Pen/properties/type: the name override "
            "'#/components/schemas/Pen/properties/ink' = 'type' clashes: the field here",
        ),
        (
            {"#/components/schemas/Book": "Volume", "#/components/schemas/Pen": "Volume"},
            "'#/components/schemas/Pen' = 'Volume' clashes: a class of that name exists already",
        ),
    ],
)
def test_a_chosen_name_is_never_numbered_a_clash_is_an_error(
    tmp_path: Path, names: dict[str, str], message: str | None
) -> None:
    if message is None:
        api, warnings = build(tmp_path, names)
        assert not warnings.items
        return
    with pytest.raises(GeneratorError) as caught:
        build(tmp_path, names)
    assert message in str(caught.value)
    assert str(tmp_path / "spec.yaml") in str(caught.value)


def test_an_override_that_renames_nothing_is_a_warning_even_when_strict(tmp_path: Path) -> None:
    """The upstream may have removed or renamed what it named: that must not stop the update
    loop; `stale-overlays = "error"` does (tests/test_update.py)."""
    names = {"listOrdrs": "orders", "#/components/schemas/Order": "purchase", "#/components/schemas/Ordr": "Purchase"}
    remove = ": the upstream may have removed or renamed it; remove the entry?"
    expected = [
        "no longer applies: the name override 'listOrdrs' = 'orders' matches no operationId, operation or property"
        + remove,
        "no longer applies: the name override '#/components/schemas/Order' = 'purchase' matches no operationId, "
        "operation or property" + remove,
        "no longer applies: the name override '#/components/schemas/Ordr' = 'Purchase' matches no schema" + remove,
    ]
    for strict in (False, True):
        _, warnings = build(tmp_path, names, strict=strict)
        assert [w.message for w in warnings.items] == expected
        assert all(w.stale for w in warnings.items)


def test_a_client_name_the_package_uses_itself_is_refused(tmp_path: Path) -> None:
    with pytest.raises(GeneratorError, match="'BaseModel' is a name the generated package uses itself"):
        build_api(load_document(write_spec(tmp_path, SPEC)), Warnings(), ClientOptions(client_class="BaseModel"))


def test_client_prefix_puts_a_method_on_the_client_too(tmp_path: Path) -> None:
    api, warnings = build(tmp_path, {"listOrders": "client.orders_page", "createOrder": "place"})
    assert not warnings.items
    by_name = {operation.name: operation for operation in api.operations}
    assert by_name["orders_page"].on_client and not by_name["place"].on_client


@pytest.mark.parametrize(
    ("names", "message"),
    [
        (
            {"listOrders": "client.orders"},
            "'listOrders' = 'orders' clashes: a member of the client of that name exists",
        ),
        ({"listOrders": "client.with_options"}, "clashes: a member of the client of that name exists"),
        ({"listOrders": "client.close"}, "clashes: a member of the client of that name exists"),
        ({"listOrders": "client.page", "createOrder": "client.page"}, "clashes"),
        ({"#/components/schemas/Book/properties/title": "client.title"}, "only a method can be on the client"),
    ],
)
def test_a_method_on_the_client_never_hides_a_member_of_it(tmp_path: Path, names: dict[str, str], message: str) -> None:
    with pytest.raises(GeneratorError, match=message):
        build(tmp_path, names)
