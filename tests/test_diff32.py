"""`diff` on OpenAPI 3.2's constructs: nested resources (tag `parent`), QUERY and other methods,
a `querystring`, streams typed by `itemSchema`, and a flag that chooses a stream; small spec
pairs, each change with its classification."""

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from generator.diff import Report, diff_specs, markdown

from .test_diff import found

Change = Callable[[dict[str, Any]], None]

ITEM_LIST = {"type": "array", "items": {"$ref": "#/components/schemas/Item"}}
BASE: dict[str, Any] = {
    "openapi": "3.2.0",
    "info": {"title": "Shop", "version": "1"},
    "servers": [{"url": "https://api.example"}],
    "tags": [{"name": "catalog"}, {"name": "items"}],
    "paths": {
        "/items": {
            "get": {
                "tags": ["items"],
                "operationId": "listItems",
                "responses": {"200": {"description": "Items.", "content": {"application/json": {"schema": ITEM_LIST}}}},
            },
        },
    },
    "components": {
        "schemas": {"Item": {"type": "object", "required": ["name"], "properties": {"name": {"type": "string"}}}}
    },
}


def compare(tmp_path: Path, old_change: Change | None, new_change: Change | None) -> Report:
    old, new = copy.deepcopy(BASE), copy.deepcopy(BASE)
    for spec, change in ((old, old_change), (new, new_change)):
        if change is not None:
            change(spec)
    (tmp_path / "old.json").write_text(json.dumps(old))
    (tmp_path / "new.json").write_text(json.dumps(new))
    return diff_specs(tmp_path / "old.json", tmp_path / "new.json")


def nest_items(spec: dict[str, Any]) -> None:
    spec["tags"][1]["parent"] = "catalog"


def add_query(spec: dict[str, Any]) -> None:
    body = {"type": "object", "properties": {"text": {"type": "string"}}}
    spec["paths"]["/items"]["query"] = {
        "tags": ["items"],
        "operationId": "searchItems",
        "requestBody": {"content": {"application/json": {"schema": body}}},
        "responses": {"200": {"description": "Found.", "content": {"application/json": {"schema": ITEM_LIST}}}},
    }


def additional(method: str) -> Change:
    def change(spec: dict[str, Any]) -> None:
        operation = {"tags": ["items"], "operationId": "purgeItems", "responses": {"204": {"description": "Gone."}}}
        spec["paths"]["/items"]["additionalOperations"] = {method: operation}

    return change


def querystring(query_type: str) -> Change:
    def change(spec: dict[str, Any]) -> None:
        schema = {"type": "object", "properties": {"q": {"type": query_type}}}
        parameter = {"name": "filter", "in": "querystring", "content": {FORM: {"schema": schema}}}
        spec["paths"]["/items"]["get"]["parameters"] = [parameter]

    return change


def query_object(spec: dict[str, Any]) -> None:
    """The same wire as `querystring("string")`: an object whose properties are exploded into the query."""
    querystring("string")(spec)
    spec["paths"]["/items"]["get"]["parameters"][0] = {
        "name": "filter",
        "in": "query",
        "style": "form",
        "explode": True,
        "schema": {"type": "object", "properties": {"q": {"type": "string"}}},
    }


def line_stream(item: dict[str, Any]) -> Change:
    def change(spec: dict[str, Any]) -> None:
        content = {"application/jsonl": {"itemSchema": item}}
        spec["paths"]["/events"] = {
            "get": {
                "tags": ["items"],
                "operationId": "events",
                "responses": {"200": {"description": "Events.", "content": content}},
            }
        }

    return change


def complete(content: dict[str, Any], *, flag: bool = False, twins: bool = False) -> Change:
    def change(spec: dict[str, Any]) -> None:
        properties: dict[str, Any] = {"prompt": {"type": "string"}}
        if flag:
            properties["stream"] = {"type": "boolean"}
        body = {"type": "object", "properties": properties}
        spec["paths"]["/complete"] = {
            "post": {
                "tags": ["items"],
                "operationId": "complete",
                "requestBody": {"required": True, "content": {"application/json": {"schema": body}}},
                "responses": {"200": {"description": "Done.", "content": content}},
                **({"x-clientgen-stream": {"methods": "twins"}} if twins else {}),
            }
        }

    return change


FORM = "application/x-www-form-urlencoded"
ITEM = {"$ref": "#/components/schemas/Item"}
JSON_ITEM = {"application/json": {"schema": ITEM}}
JSON_LINES_ITEM = {"application/jsonl": {"itemSchema": ITEM}}
JSON_OR_EVENTS = {
    **JSON_ITEM,
    "text/event-stream": {"itemSchema": {"type": "object", "properties": {"data": {"type": "string"}}}},
}

CASES: list[tuple[str, Change | None, Change | None, set[tuple[str, str, bool]], str]] = [
    # (name, old spec's change, new spec's change, (surface, kind, breaks a user) expected, semver)
    (
        "a tag gets a parent",
        None,
        nest_items,
        {("python", "resource-added", False), ("python", "resource-moved", True), ("python", "method-renamed", True)},
        "major",
    ),
    (
        "a tag loses its parent",
        nest_items,
        None,
        {("python", "resource-removed", True), ("python", "resource-moved", True), ("python", "method-renamed", True)},
        "major",
    ),
    (
        "a QUERY operation added",
        None,
        add_query,
        {("http", "operation-added", False), ("python", "method-added", False)},
        "minor",
    ),
    (
        "a QUERY operation removed",
        add_query,
        None,
        {("http", "operation-removed", True), ("python", "method-removed", True)},
        "major",
    ),
    (
        "an additional operation added",
        None,
        additional("PURGE"),
        {("http", "operation-added", False), ("python", "method-added", False)},
        "minor",
    ),
    # the regenerated method sends the new method: older clients break, its users do not
    (
        "an additional operation's method changed",
        additional("PURGE"),
        additional("LOCK"),
        {("http", "operation-moved", False)},
        "minor",
    ),
    (
        "a querystring added",
        None,
        querystring("string"),
        {("http", "parameter-added", False), ("python", "argument-added", False), ("python", "class-added", False)},
        "minor",
    ),
    (
        "a querystring removed",
        querystring("string"),
        None,
        {("http", "parameter-removed", True), ("python", "argument-removed", True), ("python", "class-removed", True)},
        "major",
    ),
    (
        "a querystring's schema changed",
        querystring("string"),
        querystring("integer"),
        {("http", "type-changed", True), ("python", "type-changed", True)},
        "major",
    ),
    (
        "a stream's itemSchema changed",
        line_stream(ITEM),
        line_stream({"type": "string"}),
        {("http", "type-changed", True), ("python", "return-type-changed", True)},
        "major",
    ),
    (
        "a response becomes a stream",
        complete(JSON_ITEM),
        complete(JSON_LINES_ITEM),
        {("http", "response-now-stream", True), ("python", "return-type-changed", True)},
        "major",
    ),
    (
        "a response is no longer a stream",
        complete(JSON_LINES_ITEM),
        complete(JSON_ITEM),
        {("http", "response-no-longer-stream", True), ("python", "return-type-changed", True)},
        "major",
    ),
    (
        "a flag that chooses a stream appears",
        complete(JSON_ITEM),
        complete(JSON_OR_EVENTS, flag=True),
        {
            ("http", "field-added", False),
            ("http", "response-stream-offered", False),
            ("python", "argument-added", False),
            ("python", "stream-flag-added", False),
        },
        "minor",
    ),
    (
        "a flag that chooses a stream goes",
        complete(JSON_OR_EVENTS, flag=True),
        complete(JSON_ITEM),
        {
            ("http", "field-removed", True),
            ("http", "response-stream-withdrawn", True),
            ("python", "argument-removed", True),
            ("python", "stream-flag-removed", True),
        },
        "major",
    ),
    (
        "overloads become twin methods",
        complete(JSON_OR_EVENTS, flag=True),
        complete(JSON_OR_EVENTS, flag=True, twins=True),
        {("python", "stream-flag-removed", True), ("python", "method-added", False)},
        "major",
    ),
]


@pytest.mark.parametrize(("name", "old", "new", "expected", "semver"), CASES, ids=[case[0] for case in CASES])
def test_each_3_2_change_is_named_and_classified(
    tmp_path: Path, name: str, old: Change | None, new: Change | None, expected: set[tuple[str, str, bool]], semver: str
) -> None:
    report = compare(tmp_path, old, new)
    assert found(report) == expected, markdown(report)
    assert report.semver == semver, markdown(report)


def test_a_method_that_moves_to_a_nested_resource_is_a_rename_the_diff_names(tmp_path: Path) -> None:
    messages = [change.message for change in compare(tmp_path, None, nest_items).changes]
    assert messages == [
        "resource `client.catalog` added",
        "`client.items` is now `client.catalog.items`",
        "`client.items.list_items()` is now `client.catalog.items.list_items()`",
    ]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            line_stream(ITEM),
            line_stream({"type": "string"}),
            [
                "`response 200 stream item` changed from object to string",
                "`client.items.events()` returns `JSONLines[str]` instead of `JSONLines[Item]`",
            ],
        ),
        (
            complete(JSON_ITEM),
            complete(JSON_LINES_ITEM),
            [
                "response 200 is now a stream of JSON lines (from `application/json` to `application/jsonl`)",
                "`client.items.complete()` returns `JSONLines[Item]` instead of `Item`",
            ],
        ),
        (
            complete(JSON_ITEM),
            complete(JSON_OR_EVENTS, flag=True),
            [
                "`request body.stream` added",
                "response 200 may now come as a stream (`text/event-stream`) when asked",
                "`client.items.complete()`: optional argument `stream` added",
                "`client.items.complete()`: `stream=True` now returns `Stream[str]`",
            ],
        ),
        (
            None,
            querystring("string"),
            [
                "optional querystring `filter` added",
                "`client.items.list_items()`: optional argument `filter` added",
                "`types.ListItemsFilter` added",
            ],
        ),
        (
            querystring("string"),
            querystring("integer"),
            [
                "`querystring filter.q` changed from string to integer",
                "`types.ListItemsFilter.q` is `int` instead of `str`",
            ],
        ),
        (query_object, querystring("string"), ["query parameter `filter` is now a querystring"]),
    ],
    ids=["stream item", "now a stream", "stream flag", "querystring added", "querystring retyped", "querystring"],
)
def test_streams_and_querystrings_are_named_as_such(
    tmp_path: Path, old: Change | None, new: Change, expected: list[str]
) -> None:
    assert [change.message for change in compare(tmp_path, old, new).changes] == expected
