"""Nested resources from OpenAPI 3.2's tag `parent`: `client.catalog.items.list_items()`, sync
and async, with the raw and streaming twins, against a real server on 127.0.0.1; their names,
the tags of other kinds, and mypy --strict over a program that uses them."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

from generator.errors import GeneratorError
from generator.inputs import Inputs
from generator.pipeline import generate_files
from generator.write import write_project

from .conftest import generate_into, write_spec
from .http_server import TestServer

SPEC = """
openapi: 3.2.0
info: {title: Shop, version: '1'}
servers: [{url: 'https://api.example'}]
tags:
  - {name: catalog, summary: The catalog.}
  - {name: items, summary: Items for sale., parent: catalog, kind: nav}
  - {name: reviews, parent: items}
  - {name: beta, kind: badge}
paths:
  /items:
    get:
      tags: [beta, items]
      operationId: listItems
      responses:
        '200':
          description: Items.
          content: {application/json: {schema: {type: array, items: {type: string}}}}
  /items/{id}/reviews:
    get:
      tags: [reviews]
      operationId: listReviews
      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
      responses:
        '200':
          description: Reviews.
          content: {application/json: {schema: {type: array, items: {type: string}}}}
"""

JSON = {"Content-Type": "application/json"}


@pytest.mark.slow
def test_nested_methods_are_called_sync_and_async_through_every_wrapper(
    tmp_path: Path, import_client: Callable[[Path, str], ModuleType]
) -> None:
    shop = import_client(generate_into(write_spec(tmp_path, SPEC), tmp_path / "client", "shop"), "shop")
    assert not hasattr(shop.Shop(base_url="http://127.0.0.1"), "items")  # nested, not beside its parent
    with TestServer() as server:
        client = shop.Shop(base_url=server.url)
        server.reply(200, body=b'["lamp"]', headers=JSON)
        assert client.catalog.items.list_items() == ["lamp"]
        server.reply(200, body=b'["fine"]', headers=JSON)
        assert client.catalog.items.reviews.list_reviews("i1") == ["fine"]
        server.reply(200, body=b'["lamp"]', headers=JSON)
        raw = client.catalog.with_raw_response.items.list_items()
        assert (raw.status_code, raw.parse()) == (200, ["lamp"])
        server.reply(200, body=b'["fine"]', headers=JSON)
        with client.catalog.items.with_streaming_response.reviews.list_reviews("i2") as streamed:
            assert streamed.parse() == ["fine"]

        async def calls() -> tuple[list[str], list[str]]:
            async with shop.AsyncShop(base_url=server.url) as async_client:
                server.reply(200, body=b'["lamp"]', headers=JSON)
                items: list[str] = await async_client.catalog.items.list_items()
                server.reply(200, body=b'["fine"]', headers=JSON)
                raw = await async_client.catalog.items.reviews.with_raw_response.list_reviews("i3")
                return items, raw.parse()

        assert asyncio.run(calls()) == (["lamp"], ["fine"])
    assert [request.path for request in server.requests] == [
        "/items",
        "/items/i1/reviews",
        "/items",
        "/items/i2/reviews",
        "/items",
        "/items/i3/reviews",
    ]


def test_a_method_on_the_client_reaches_its_nested_resource(
    tmp_path: Path, import_client: Callable[[Path, str], ModuleType]
) -> None:
    generated = generate_files(
        write_spec(tmp_path, SPEC), Inputs(package_name="shop", names={"listReviews": "client.reviews_of"})
    )
    assert not generated.warnings
    write_project(generated.files, tmp_path / "client")
    shop = import_client(tmp_path / "client", "shop")
    with TestServer() as server:
        server.reply(200, body=b'["fine"]', headers=JSON)
        assert shop.Shop(base_url=server.url).reviews_of("i1") == ["fine"]
    assert server.requests[0].path == "/items/i1/reviews"


def resources(spec: str, tmp_path: Path) -> tuple[list[tuple[str, str, list[str]]], list[tuple[str, str]]]:
    """(path, class, method names) of each resource, and (pointer, message) of each warning."""
    generated = generate_files(write_spec(tmp_path, spec), Inputs(package_name="shop", with_tests=False))
    found = [(r.path, r.class_name, [op.name for op in r.operations]) for r in generated.api.resources]
    return found, [(w.location.pointer, w.message) for w in generated.warnings]


def test_parents_come_first_with_their_children_at_every_level(tmp_path: Path) -> None:
    found, warnings = resources(SPEC, tmp_path)
    assert found == [
        ("catalog", "CatalogResource", []),  # no operation of its own: it holds `items`
        ("catalog.items", "ItemsResource", ["list_items"]),  # the badge `beta` groups nothing
        ("catalog.items.reviews", "ReviewsResource", ["list_reviews"]),
    ]
    assert warnings == []


def test_a_tag_of_another_kind_nests_nothing_and_says_so(tmp_path: Path) -> None:
    spec = SPEC.replace("{name: beta, kind: badge}", "{name: beta, kind: badge, parent: catalog}").replace(
        "tags: [beta, items]", "tags: [beta]"
    )
    found, warnings = resources(spec, tmp_path)
    assert [path for path, _, _ in found] == ["beta", "catalog", "catalog.items", "catalog.items.reviews"]
    assert warnings == [
        (
            "/tags/3/parent",
            "tag 'beta' is of kind 'badge', not 'nav': the resource of 'beta' is not nested in that of 'catalog'",
        )
    ]
    audience = SPEC.replace("{name: catalog, summary: The catalog.}", "{name: catalog, kind: audience}")
    found, warnings = resources(audience, tmp_path)
    assert [path for path, _, _ in found] == ["items", "items.reviews"]
    assert warnings == [
        (
            "/tags/1/parent",
            "tag 'catalog' is of kind 'audience', not 'nav':"
            " the resource of 'items' is not nested in that of 'catalog'",
        )
    ]


def test_before_3_2_a_tag_has_no_parent_nor_kind_and_a_warning_says_so(tmp_path: Path) -> None:
    spec = SPEC.replace("openapi: 3.2.0", "openapi: 3.1.0").replace("{name: reviews, parent: items}", "{name: reviews}")
    found, warnings = resources(spec, tmp_path)
    assert [path for path, _, _ in found] == ["beta", "reviews"]  # a badge is a tag like any other
    assert warnings == [
        ("/tags/1/parent", "'parent' is a tag field of OpenAPI 3.2, not of 3.1.0: ignored"),
        ("/tags/1/kind", "'kind' is a tag field of OpenAPI 3.2, not of 3.1.0: ignored"),
        ("/tags/3/kind", "'kind' is a tag field of OpenAPI 3.2, not of 3.1.0: ignored"),
    ]


def test_a_method_named_like_a_child_is_numbered_with_a_warning(tmp_path: Path) -> None:
    spec = SPEC.replace("operationId: listItems", "operationId: reviews")
    found, warnings = resources(spec, tmp_path)
    assert found[1] == ("catalog.items", "ItemsResource", ["reviews_2"])
    assert warnings == [
        (
            "/paths/~1items/get/operationId",
            "method name 'reviews' is already used in ItemsResource; a numbered name is used",
        )
    ]


def test_a_chosen_method_name_that_takes_a_childs_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(GeneratorError, match="'listItems' = 'reviews' clashes: a method of ItemsResource"):
        generate_files(write_spec(tmp_path, SPEC), Inputs(package_name="shop", names={"listItems": "reviews"}))


USER_PROGRAM = """
import asyncio

from shop import AsyncShop, Shop


def names(client: Shop) -> list[str]:
    return client.catalog.items.list_items() + client.catalog.with_raw_response.items.list_items().parse()


async def reviews(client: AsyncShop) -> list[str]:
    return await client.catalog.items.reviews.list_reviews("i1")


print(names(Shop()), asyncio.run(reviews(AsyncShop())))
"""


@pytest.mark.slow
def test_nested_resources_are_typed_for_mypy_strict(tmp_path: Path) -> None:
    project = generate_into(write_spec(tmp_path, SPEC), tmp_path / "client", "shop")
    (project / "program.py").write_text(USER_PROGRAM)
    (project / "wrong.py").write_text(
        USER_PROGRAM.replace("client.catalog.items.list_items()", "client.items.list_items()")
    )

    def mypy(*files: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "mypy", "--no-incremental", "--strict", "--python-version", "3.10", *files]
        return subprocess.run(command, cwd=project, capture_output=True, text=True, timeout=600)

    result = mypy("shop", "tests", "program.py")
    assert result.returncode == 0, result.stdout
    wrong = mypy("wrong.py")
    assert '"Shop" has no attribute "items"' in wrong.stdout
