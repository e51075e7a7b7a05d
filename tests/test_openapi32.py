"""OpenAPI 3.2 input: accepted, checked at its own places, and its QUERY and other operations
sent as methods to a real server on 127.0.0.1."""

from __future__ import annotations

import inspect
import itertools
import re
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest
import yaml
from openapi_spec_validator import OpenAPIV32SpecValidator

from generator.errors import GeneratorError, Warnings
from generator.inputs import Inputs
from generator.ir import build_api
from generator.pipeline import generate_files
from generator.spec import load_document
from generator.validate import validate

from .conftest import generate_into, write_spec
from .golden import FEATURES
from .http_server import TestServer

SPEC = """
openapi: 3.2.0
$self: https://api.example/openapi.yaml
info: {title: Catalog, version: '1'}
servers: [{url: 'https://api.example'}]
tags: [{name: catalog, summary: The catalog}, {name: items, summary: Items, parent: catalog, kind: nav}]
paths:
  /items:
    query:
      tags: [items]
      operationId: searchItems
      requestBody:
        required: true
        content:
          application/json:
            schema: {type: object, required: [text], properties: {text: {type: string}}}
      responses:
        '200':
          description: Found.
          content: {application/json: {schema: {type: array, items: {type: string}}}}
    additionalOperations:
      PURGE:
        tags: [items]
        operationId: purgeItems
        responses: {'204': {}}
    get:
      tags: [items]
      operationId: listItems
      parameters:
        - name: filter
          in: querystring
          content:
            application/x-www-form-urlencoded:
              schema: {type: object, properties: {q: {type: string}, page: {type: integer}, limit: {type: integer}}}
      responses: {'200': {description: Items.}}
  /items/{id}:
    get:
      tags: [items]
      operationId: getItem
      parameters:
        - {name: id, in: path, required: true, schema: {type: string}}
        - {name: select, in: querystring, content: {application/json: {schema: {type: object}}}}
      responses: {'200': {description: Item.}}
"""


def test_a_query_and_another_method_are_sent_as_the_spec_names_them(
    tmp_path: Path, import_client: Callable[[Path, str], ModuleType]
) -> None:
    project = generate_into(write_spec(tmp_path, SPEC), tmp_path / "client", "catalog")
    catalog = import_client(project, "catalog")
    with TestServer() as server:
        client = catalog.Catalog(base_url=server.url)
        server.reply(200, body=b'["a", "b"]', headers={"Content-Type": "application/json"})
        assert client.catalog.items.search_items(text="lamp") == ["a", "b"]
        server.reply(204)
        assert client.catalog.items.purge_items() is None
        server.reply(200)
        client.catalog.items.list_items(filter={"q": "lamp shade", "page": 2, "limit": 5})
    searched, purged, listed = server.requests
    assert (searched.method, searched.path, searched.json()) == ("QUERY", "/items", {"text": "lamp"})
    assert (purged.method, purged.path, purged.body) == ("PURGE", "/items", b"")
    assert (listed.method, listed.path, listed.raw_query) == ("GET", "/items", "q=lamp%20shade&page=2&limit=5")


def test_what_3_2_says_that_is_not_supported_yet_is_a_warning(tmp_path: Path) -> None:
    generated = generate_files(write_spec(tmp_path, SPEC), Inputs(package_name="catalog", with_tests=False))
    assert [(w.location.pointer, w.message) for w in generated.warnings] == [
        (
            "/paths/~1items~1{id}/get/parameters/1/content",
            "a querystring parameter of application/json is not supported yet"
            " (only application/x-www-form-urlencoded); the parameter is left out",
        ),
    ]
    operations = {operation.name for operation in generated.api.operations}
    assert operations == {"search_items", "purge_items", "list_items", "get_item"}
    assert [(resource.path, resource.description) for resource in generated.api.resources] == [
        ("catalog", "The catalog"),
        ("catalog.items", "Items"),
    ]


INVALID = [
    (
        ("responses: {'204': {}}", "responses: 5"),
        "/paths/~1items/additionalOperations/PURGE/responses",
        "invalid OpenAPI document: ",
    ),
    (
        ("      PURGE:", "      GET:"),
        "/paths/~1items/additionalOperations/GET",
        "'GET' has a field of its own in a path item; additionalOperations are for other methods",
    ),
    (
        ("{name: id, in: path,", "{name: id, in: body,"),
        "/paths/~1items~1{id}/get/parameters/0",
        "invalid OpenAPI document: ",
    ),
    (
        ("parent: catalog", "parent: shop"),
        "/tags/1/parent",
        "parent tag 'shop' is not one of the spec's tags",
    ),
    (
        ("{name: catalog, summary: The catalog}", "{name: catalog, parent: items}"),
        "/tags/0/parent",
        "tag 'catalog' is its own ancestor",
    ),
    (
        (
            "      parameters:\n        - name: filter",
            "      parameters:\n        - {name: limit, in: query}\n        - name: filter",
        ),
        "/paths/~1items/get/parameters/1",
        "a querystring parameter is the whole query: no query parameter may be beside it",
    ),
    (
        (
            "        - {name: id, in: path,",
            "        - {name: all, in: querystring, content: {text/plain: {}}}\n        - {name: id, in: path,",
        ),
        "/paths/~1items~1{id}/get/parameters/2",
        "an operation has one querystring parameter at most",
    ),
]


@pytest.mark.parametrize(("change", "pointer", "message"), INVALID)
def test_a_3_2_spec_is_checked_at_its_own_places(
    tmp_path: Path, change: tuple[str, str], pointer: str, message: str
) -> None:
    spec = write_spec(tmp_path, SPEC.replace(*change))
    with pytest.raises(GeneratorError) as raised:
        validate(load_document(spec), Warnings())
    assert raised.value.diagnostic.location.pointer.startswith(pointer)
    assert raised.value.diagnostic.message.startswith(message)


@pytest.mark.parametrize("change", [("", "")] + [case[0] for case in INVALID])
def test_verdicts_agree_with_the_published_3_2_schema(tmp_path: Path, change: tuple[str, str]) -> None:
    """openapi-spec-validator (pinned) carries the OpenAPI Initiative's 3.2 JSON Schema and the
    rules beside it: a document it refuses is refused here, and one it accepts is accepted."""
    text = SPEC.replace(*change) if change[0] else SPEC
    assert not change[0] or text != SPEC
    published = list(itertools.islice(OpenAPIV32SpecValidator(yaml.safe_load(text)).iter_errors(), 1))
    try:
        validate(load_document(write_spec(tmp_path, text)), Warnings())
    except GeneratorError:
        refused = True
    else:
        refused = False
    assert refused == bool(published), [error.message for error in published]


def test_in_a_3_1_spec_the_same_operations_are_warned_of_not_sent(tmp_path: Path) -> None:
    generated = generate_files(
        write_spec(tmp_path, SPEC.replace("3.2.0", "3.1.0").replace("in: querystring", "in: query"))
    )
    assert {operation.name for operation in generated.api.operations} == {"list_items", "get_item"}
    assert [w.message for w in generated.warnings][:2] == [
        "'query' is a path item field of OpenAPI 3.2, not of 3.1.0: ignored",
        "'additionalOperations' is a path item field of OpenAPI 3.2, not of 3.1.0: ignored",
    ]


MEDIA_TYPES = """
openapi: 3.2.0
info: {title: Catalog, version: '1'}
paths:
  /items:
    post:
      operationId: createItem
      parameters:
        - {name: filter, in: query, content: {application/json: {$ref: '#/components/mediaTypes/Filter'}}}
      requestBody:
        content: {application/json: {$ref: '#/components/mediaTypes/Item'}}
      responses:
        '201': {description: Created., content: {application/json: {$ref: '#/components/mediaTypes/Item'}}}
        '200': {description: Many., content: {application/json: {$ref: '#/components/mediaTypes/Items'}}}
webhooks:
  item.created:
    post:
      requestBody: {content: {application/json: {$ref: '#/components/mediaTypes/Item'}}}
      responses: {'200': {description: Received.}}
components:
  mediaTypes:
    Item: {schema: {$ref: '#/components/schemas/Item'}}
    Items: {schema: {type: array, items: {$ref: '#/components/schemas/Item'}}}
    Filter: {schema: {type: object, properties: {tag: {type: string}}}}
  schemas:
    Item:
      type: object
      required: [name]
      properties: {id: {type: string}, name: {type: string}}
"""


def test_media_types_referenced_from_components_are_typed_and_sent(
    tmp_path: Path, import_client: Callable[[Path, str], ModuleType]
) -> None:
    spec = write_spec(tmp_path, MEDIA_TYPES)
    generated = generate_files(spec, Inputs(package_name="catalog", with_tests=False, strict=True))
    (create,) = generated.api.operations
    assert [repr(response.type) for response in create.responses] == ["Ref(Item)", "ListOf(item=Ref(Item))"]
    assert [webhook.payload.name for webhook in generated.api.webhooks] == ["Item"]
    catalog = import_client(generate_into(spec, tmp_path / "client", "catalog"), "catalog")
    with TestServer() as server:
        server.reply(201, body=b'{"id": "i1", "name": "lamp"}', headers={"Content-Type": "application/json"})
        item = catalog.Catalog(base_url=server.url).items.create_item(name="lamp", filter={"tag": "new"})
    assert (type(item).__name__, item.id) == ("Item", "i1")
    (sent,) = server.requests
    assert (sent.json(), sent.raw_query) == ({"name": "lamp"}, "filter=%7B%22tag%22%3A%22new%22%7D")


def test_a_media_type_reference_that_leads_nowhere_is_an_error_at_its_place(tmp_path: Path) -> None:
    spec = write_spec(tmp_path, MEDIA_TYPES.replace("mediaTypes/Items'", "mediaTypes/Missing'"))
    with pytest.raises(GeneratorError) as raised:
        generate_files(spec, Inputs(package_name="catalog", with_tests=False))
    where = raised.value.diagnostic.location.pointer
    assert where == "/paths/~1items/post/responses/200/content/application~1json/$ref"


def test_refs_to_the_specs_own_published_address_read_the_local_files(tmp_path: Path) -> None:
    own = "https://api.example/apis/catalog.yaml"
    spec = write_spec(
        tmp_path,
        MEDIA_TYPES.replace("info:", f"$self: {own}\ninfo:", 1)
        .replace("'#/components/schemas/Item'}", f"'{own}#/components/schemas/Item'}}")
        .replace("name: {type: string}}", "name: {$ref: 'https://api.example/apis/common/name.yaml'}}"),
        "catalog.yaml",
    )
    (tmp_path / "common").mkdir()
    write_spec(tmp_path / "common", "type: string\nmaxLength: 40\n", "name.yaml")
    generated = generate_files(spec, Inputs(package_name="catalog", with_tests=False, strict=True))
    (item,) = (named for named in generated.api.types if named.name == "Item")
    assert [(field.name, repr(field.type)) for field in item.fields] == [
        ("id", "Primitive(kind='str')"),
        ("name", "Ref(Name)"),  # common/name.yaml beside the spec, not fetched
    ]
    # an address outside the folder of `$self` is another document: remote, refused by default
    outside = spec.read_text().replace("https://api.example/apis/common/", "https://api.example/other/")
    spec.write_text(outside)
    with pytest.raises(GeneratorError, match="remote 'https://api.example/other/name.yaml' is refused"):
        generate_files(spec, Inputs(package_name="catalog", with_tests=False))


def test_the_feature_client_sends_every_3_2_construct(import_client: Callable[[Path, str], ModuleType]) -> None:
    catalog = import_client(FEATURES / "openapi32" / "expected", "catalog")
    items = b'[{"id": "i1", "name": "lamp"}]'
    with TestServer() as server:
        client = catalog.Catalog(base_url=server.url)
        server.reply(200, body=items, headers={"Content-Type": "application/json"})
        listed = client.catalog.items.list_items(filter={"q": "lamp", "page": 2})
        server.reply(200, body=items, headers={"Content-Type": "application/json"})
        searched = client.catalog.items.search_items(text="lamp", limit=1)
        server.reply(201, body=items[1:-1], headers={"Content-Type": "application/json"})
        created = client.catalog.items.create_item(name="lamp", tags=["new"])
        server.reply(204)
        client.catalog.items.purge_items()
        server.reply(200, body=b'["fine"]', headers={"Content-Type": "application/json"})
        reviews = client.catalog.items.reviews.list_reviews("i1")
    assert [type(item).__name__ for item in (*listed, *searched, created)] == ["Item"] * 3
    assert [(r.method, r.path, r.raw_query, r.body) for r in server.requests] == [
        ("GET", "/items", "q=lamp&page=2", b""),
        ("QUERY", "/items", "", b'{"text":"lamp","limit":1}'),
        ("POST", "/items", "", b'{"name":"lamp","tags":["new"]}'),
        ("PURGE", "/items", "", b""),
        ("GET", "/items/i1/reviews", "", b""),
    ]
    assert reviews == ["fine"]
    # the tags' 3.2 summaries, before a description
    assert type(client.catalog.items).__doc__ == "The items of the catalog."
    assert inspect.getdoc(type(client.catalog.items.reviews)) == "What buyers say of an item.\n\nNewest first."


OPENAI_SPEC = Path(__file__).resolve().parent.parent.parent / "shared" / "specs" / "openai" / "openapi.yaml"


@pytest.mark.parametrize("spec", [FEATURES / "openapi31" / "spec.yaml", OPENAI_SPEC], ids=["openapi31", "openai"])
def test_a_3_1_document_read_as_3_2_gives_the_same_client(tmp_path: Path, spec: Path) -> None:
    """3.2 adds to 3.1 and changes the meaning of none of it: a 3.1 document relabelled 3.2.0 (the
    inverse of its down-conversion, which no tool here makes) gives the same client, file by file
    but for the manifest, which records the spec's digest."""
    text, count = re.subn(r"^openapi: 3\.1\.\d+$", "openapi: 3.2.0", spec.read_text(encoding="utf-8"), flags=re.M)
    assert count == 1
    relabelled = tmp_path / spec.name
    relabelled.write_text(text, encoding="utf-8")
    as_31, as_32 = (generate_files(path).files for path in (spec, relabelled))
    different = sorted(path for path in as_31.keys() | as_32.keys() if as_31.get(path) != as_32.get(path))
    assert different == [".clientgen.json"]


PATH_ITEM_QUERYSTRING = """
openapi: 3.2.0
info: {title: Search, version: '1'}
paths:
  /things:
    parameters:
      - name: filter
        in: querystring
        content:
          application/x-www-form-urlencoded:
            schema: {type: object, properties: {q: {type: string}, page: {type: integer}}}
    get:
      operationId: listThings
      responses: {'204': {description: Listed.}}
"""


def test_a_querystring_of_the_path_item_is_its_operations(tmp_path: Path) -> None:
    """3.2's own examples put a `querystring` parameter on a path item too: checked as one (it
    was an invalid `in` there) and sent by every operation of the item as the whole query."""
    document = load_document(write_spec(tmp_path, PATH_ITEM_QUERYSTRING))
    validate(document, Warnings())
    (operation,) = build_api(document, Warnings()).operations
    (parameter,) = operation.parameters
    assert (parameter.name, parameter.whole_query) == ("filter", True)
