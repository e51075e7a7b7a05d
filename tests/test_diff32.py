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
