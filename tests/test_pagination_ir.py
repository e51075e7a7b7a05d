"""How operations come in pages, read from `x-clientgen-pages`, the extensions other generators
read (`x-speakeasy-pagination`, `x-fern-pagination`) and the shapes assumed without any."""

from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.errors import GeneratorError, Warnings
from generator.ir import build_api
from generator.ir.model import Api, Pages
from generator.spec import load_document

from .conftest import write_spec

LIST_SPEC: dict[str, Any] = {
    "openapi": "3.0.3",
    "info": {"title": "Lists", "version": "1"},
    "paths": {
        "/things": {
            "get": {
                "operationId": "listThings",
                "parameters": [
                    {"name": name, "in": "query", "schema": {"type": kind}}
                    for name, kind in (
                        ("cursor", "string"),
                        ("after", "string"),
                        ("offset", "integer"),
                        ("limit", "integer"),
                        ("page", "integer"),
                    )
                ],
                "responses": {
                    "200": {
                        "description": "A page.",
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Page"}}},
                    }
                },
            }
        }
    },
    "components": {
        "schemas": {
            "Thing": {"type": "object", "properties": {"id": {"type": "string"}}},
            "Page": {
                "type": "object",
                "properties": {
                    "data": {"type": "array", "items": {"$ref": "#/components/schemas/Thing"}},
                    "next_cursor": {"type": "string", "nullable": True},
                    "next": {"type": "string", "nullable": True},
                    "has_more": {"type": "boolean"},
                },
            },
        }
    },
}


NESTED = {
    "200": {
        "description": "A page, its next URL in a nested object.",
        "content": {
            "application/json": {
                "schema": {
                    "type": "object",
                    "properties": {
                        "data": {"type": "array", "items": {"type": "string"}},
                        "meta": {"type": "object", "properties": {"next": {"type": "string"}}},
                    },
                }
            }
        },
    }
}


def build(tmp_path: Path, extensions: dict[str, Any], *, strict: bool = False) -> tuple[Api, Warnings]:
    spec = yaml.safe_load(yaml.safe_dump(LIST_SPEC))
    spec["paths"]["/things"]["get"].update(extensions)
    warnings = Warnings(strict=strict)
    return build_api(load_document(write_spec(tmp_path, yaml.safe_dump(spec))), warnings), warnings


def pages_of(tmp_path: Path, extensions: dict[str, Any]) -> Pages | None:
    api, _ = build(tmp_path, extensions)
    [operation] = api.operations
    return operation.pages


def shape(pages: Pages | None) -> tuple[object, ...]:
    assert pages is not None
    return (
        pages.style,
        pages.items_attribute,
        pages.next_attribute,
        pages.parameter,
        pages.limit_parameter,
        pages.has_more_attribute,
        pages.id_attribute,
    )


@pytest.mark.parametrize(
    ("extensions", "expected"),
    [
        (
            {
                "x-speakeasy-pagination": {
                    "type": "cursor",
                    "inputs": [{"name": "after", "in": "parameters", "type": "cursor"}],
                    "outputs": {"results": "$.data", "nextCursor": "$.data[-1].id"},
                }
            },
            ("last_id", "data", None, "after", None, None, "id"),
        ),
        (
            {
                "x-speakeasy-pagination": {
                    "type": "cursor",
                    "inputs": [{"name": "cursor", "in": "parameters", "type": "cursor"}],
                    "outputs": {"results": "$.data", "nextCursor": "$.next_cursor"},
                }
            },
            ("cursor", "data", "next_cursor", "cursor", None, None, None),
        ),
        (
            {"x-speakeasy-pagination": {"type": "url", "outputs": {"results": "$.data", "nextUrl": "$.next"}}},
            ("next_url", "data", "next", None, None, None, None),
        ),
        (
            {
                "x-speakeasy-pagination": {
                    "type": "offsetLimit",
                    "inputs": [{"name": "page", "in": "parameters", "type": "page"}],
                    "outputs": {"results": "$.data"},
                }
            },
            ("page", "data", None, "page", None, None, None),
        ),
        (
            {
                "x-fern-pagination": {
                    "offset": "$request.offset",
                    "step": "$request.limit",
                    "results": "$response.data",
                    "has-next-page": "$response.has_more",
                }
            },
            ("offset", "data", None, "offset", "limit", "has_more", None),
        ),
        (
            {"x-fern-pagination": {"offset": "$request.page", "results": "$response.data"}},
            ("page", "data", None, "page", None, None, None),
        ),
        (
            {"x-fern-pagination": {"next_uri": "$response.next", "results": "$response.data"}},
            ("next_url", "data", "next", None, None, None, None),
        ),
    ],
    ids=[
        "speakeasy-last-id",
        "speakeasy-cursor",
        "speakeasy-url",
        "speakeasy-page",
        "fern-offset",
        "fern-page",
        "fern-uri",
    ],
)
def test_other_generators_extensions_read_as_the_same_pages(
    tmp_path: Path, extensions: dict[str, Any], expected: tuple[object, ...]
) -> None:
    pages = pages_of(tmp_path, extensions)
    assert shape(pages) == expected
    assert pages is not None and pages.name is None and pages.source == next(iter(extensions))


@pytest.mark.parametrize(
    ("extensions", "where", "message"),
    [
        (
            {"x-clientgen-pages": {"style": "sideways", "items": "data"}},
            "/x-clientgen-pages/style",
            "is not next_url, cursor",
        ),
        (
            {"x-clientgen-pages": {"style": "offset", "items": "data", "parameter": "skip"}},
            "/x-clientgen-pages/parameter",
            "no query parameter or body field 'skip'",
        ),
        (
            {"x-clientgen-pages": {"style": "offset", "items": "data", "parameter": "offset", "name": "iter_things"}},
            "/x-clientgen-pages",
            "follows next_url or cursor pages, not offset",
        ),
        (
            {"x-clientgen-pages": {"style": "last_id", "items": "data", "parameter": "after", "has_more": "data"}},
            "/x-clientgen-pages/has_more",
            "'data' is not a boolean",
        ),
        (
            {"x-clientgen-pages": {"items": "data", "next": "next", "nxet": 1}},
            "/x-clientgen-pages/nxet",
            "is not one of",
        ),
        (
            {"x-clientgen-pages": {"style": "offset", "items": "data", "parameter": "offset", "limit": "size"}},
            "/x-clientgen-pages/limit",
            "no query parameter or body field 'size'",
        ),
        (
            {"x-speakeasy-pagination": {"type": "url", "outputs": {"results": "$.data[0]", "nextUrl": "$.next"}}},
            "/x-speakeasy-pagination/outputs/results",
            "no index or filter is read",
        ),
        (
            {"x-fern-pagination": {"next_uri": "$response.next.href", "results": "$response.data"}},
            "/x-fern-pagination/next_uri",
            "has no property 'next.href'",
        ),
        (
            {"x-clientgen-pages": {"items": "data", "next": "meta.next", "name": "iter_things"}, "responses": NESTED},
            "/x-clientgen-pages",
            "takes `items` and `next` from properties of the answer itself",
        ),
        ({"x-fern-pagination": {"results": "$response.data"}}, "/x-fern-pagination", "has none of `cursor`, `offset`"),
    ],
)
def test_mistakes_are_one_error_at_their_place(
    tmp_path: Path, extensions: dict[str, Any], where: str, message: str
) -> None:
    with pytest.raises(GeneratorError) as caught:
        build(tmp_path, extensions)
    assert caught.value.diagnostic.location.pointer == "/paths/~1things/get" + where
    assert message in caught.value.diagnostic.message


def test_a_common_shape_is_assumed_with_a_warning_that_names_it(tmp_path: Path) -> None:
    api, warnings = build(tmp_path, {})
    assert shape(api.operations[0].pages) == ("last_id", "data", None, "after", None, "has_more", "id")
    [warning] = [w.message for w in warnings.items]
    assert warning.startswith("assumed to come in pages: `after` takes the `id` of the last of its `data`")
    assert pages_of(tmp_path, {"x-clientgen-pages": False}) is None
    with pytest.raises(GeneratorError, match="assumed to come in pages.*--strict"):
        build(tmp_path, {}, strict=True)


def test_a_next_cursor_for_a_matching_query_parameter_is_assumed(tmp_path: Path) -> None:
    spec_without_after = {"parameters": [{"name": "cursor", "in": "query", "schema": {"type": "string"}}]}
    api, warnings = build(tmp_path, spec_without_after)
    assert shape(api.operations[0].pages) == ("cursor", "data", "next_cursor", "cursor", None, "has_more", None)
    assert [w.message for w in warnings.items] == [
        "assumed to come in pages: `cursor` takes its `next_cursor`"
        " (declare x-clientgen-pages to confirm, or set it to false)"
    ]
    unmatched = {"parameters": [{"name": "q", "in": "query", "schema": {"type": "string"}}]}
    assert pages_of(tmp_path, unmatched) is None


def test_a_waiting_operation_keeps_its_answer_and_gets_an_iterating_method(tmp_path: Path) -> None:
    """Another generator's extension on an operation that is waited on: the waiting method needs
    the operation's own answer, so the pages get `iter_` + its name, and the option names of the
    waiting method that collects them are kept from its parameters."""
    api, _ = build(
        tmp_path,
        {
            "x-clientgen-wait": {"property": "has_more", "until": [False]},
            "x-fern-pagination": {
                "cursor": "$request.cursor",
                "next_cursor": "$response.next_cursor",
                "results": "$response.data",
            },
            "parameters": [
                {"name": "cursor", "in": "query", "schema": {"type": "string"}},
                {"name": "max_pages", "in": "query", "schema": {"type": "integer"}},
            ],
        },
    )
    [operation] = api.operations
    assert operation.pages is not None and operation.pages.name == "iter_list_things"
    assert [p.name for p in operation.parameters if p.wire_name == "max_pages"] != ["max_pages"]
