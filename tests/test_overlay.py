"""OpenAPI Overlay 1.0 actions on a small document: the Overlay specification's own examples, the
merge rules, and a one-line error naming the overlay file and the action for each defect."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from generator.errors import GeneratorError
from generator.overlay import apply_overlay

from .conftest import write_spec

HEADER = "overlay: 1.0.0\ninfo: {title: test, version: '1'}\n"
SPEC: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "Pets", "version": "1"},
    "paths": {
        "/pets": {
            "get": {
                "operationId": "listPets",
                "tags": ["pets", "dummy"],
                "parameters": [
                    {"name": "filter", "in": "query"},
                    {"name": "dummy", "in": "query"},
                    {"name": "filter", "in": "header"},
                    {"name": "dummy", "in": "header"},
                ],
                "responses": {"200": {"description": "OK"}},
            },
            "post": {"operationId": "createPet", "responses": {"201": {"description": "Created"}}},
        },
        "/stores": {"get": {"operationId": "listStores", "x-traits": ["paged"], "responses": {}}},
    },
}


def applied(tmp_path: Path, actions: str, document: dict[str, Any] | None = None) -> dict[str, Any]:
    result = copy.deepcopy(SPEC if document is None else document)
    apply_overlay(result, write_spec(tmp_path, HEADER + "actions:\n" + actions, "overlay.yaml"))
    return result


def test_the_overlay_specifications_examples(tmp_path: Path) -> None:
    result = applied(
        tmp_path,
        """
  - target: $.paths['/pets'].get
    update: {description: This is the new description}
  - target: $.paths.*.get
    update: {x-safe: true}
  - target: $.paths.*.get.parameters[?@.name=='filter' && @.in=='query']
    update: {schema: {$ref: '#/components/schemas/filterSchema'}}
  - target: $.paths.*.get.parameters[?@.name == 'dummy']
    remove: true
  - target: $.paths.*.get.parameters
    update: {name: newParam, in: query}
  - target: $.paths[?(@.get['x-traits'][?(@ == 'paged')])].get
    update: {parameters: [{name: top, in: query}]}
""",
    )
    pets, stores = result["paths"]["/pets"]["get"], result["paths"]["/stores"]["get"]
    assert pets["description"] == "This is the new description"
    assert pets["x-safe"] is True and stores["x-safe"] is True and "x-safe" not in result["paths"]["/pets"]["post"]
    assert pets["parameters"] == [
        {"name": "filter", "in": "query", "schema": {"$ref": "#/components/schemas/filterSchema"}},
        {"name": "filter", "in": "header"},
        {"name": "newParam", "in": "query"},
    ]
    assert stores["parameters"] == [{"name": "top", "in": "query"}]  # only the operation with the trait


def test_update_merges_objects_at_every_depth_and_replaces_other_values(tmp_path: Path) -> None:
    result = applied(
        tmp_path,
        """
  - target: $
    update:
      info: {x-overlay-applied: structured}
      paths: {/pets: {get: {tags: [animals], summary: All pets}}}
""",
    )
    assert result["info"] == {"title": "Pets", "version": "1", "x-overlay-applied": "structured"}
    pets = result["paths"]["/pets"]["get"]
    assert pets["tags"] == ["animals"] and pets["summary"] == "All pets" and pets["operationId"] == "listPets"
    assert set(result["paths"]) == {"/pets", "/stores"}


def test_renaming_an_operation_found_by_its_operation_id(tmp_path: Path) -> None:
    result = applied(
        tmp_path, "  - {target: \"$.paths[*][?(@.operationId=='createPet')]\", update: {operationId: addPet}}\n"
    )
    assert result["paths"]["/pets"]["post"]["operationId"] == "addPet"


def test_remove_takes_every_selected_item_of_an_array(tmp_path: Path) -> None:
    result = applied(tmp_path, "  - {target: '$.paths.*.get.parameters[?@.in == \"query\"]', remove: true}\n")
    assert result["paths"]["/pets"]["get"]["parameters"] == [
        {"name": "filter", "in": "header"},
        {"name": "dummy", "in": "header"},
    ]
    result = applied(tmp_path, "  - {target: '$..tags[?@ == \"dummy\"]', remove: true}\n")
    assert result["paths"]["/pets"]["get"]["tags"] == ["pets"]


def test_overlay_values_read_as_the_spec_is(tmp_path: Path) -> None:
    """The spec's YAML rules hold for overlays: a date stays a string, and YAML anchors are fine."""
    result = applied(tmp_path, "  - {target: '$.info', update: {version: 2024-01-01, x-a: &a {b: 1}, x-c: *a}}\n")
    assert result["info"]["version"] == "2024-01-01"
    result["info"]["x-a"]["b"] = 2
    assert result["info"]["x-c"] == {"b": 1}  # each inserted value is a copy of its own


@pytest.mark.parametrize(
    ("overlay", "pointer", "message"),
    [
        (
            "overlay: 1.1.0\ninfo: {title: t, version: '1'}\nactions: [{target: $, remove: true}]\n",
            ":1#/overlay",
            "Overlay version '1.1.0' is not supported (1.0.x)",
        ),
        ("openapi: 3.1.0\n", "#", "not an Overlay document: no 'overlay' field"),
        (
            "overlay: 1.0.0\nactions: [{target: $.info, update: {}}]\n",
            "#/info",
            "an overlay needs `info` with a `title`",
        ),
        (HEADER + "actions: []\n", ":3#/actions", "an overlay needs a non-empty list of `actions`"),
        (
            HEADER + "action: []\n",
            ":3#/action",
            "unknown field 'action' (known: actions, extends, info, overlay, x-...)",
        ),
        (HEADER + "actions: [$.info]\n", ":3#/actions/0", "an action must be a mapping"),
        (
            HEADER + "actions:\n  - {target: $.info, copy: $.paths}\n",
            ":4#/actions/0/copy",
            "`copy` is an Overlay 1.1 action",
        ),
        (HEADER + "actions:\n  - {target: $.info, remvoe: true}\n", ":4#/actions/0/remvoe", "unknown field 'remvoe'"),
        (HEADER + "actions:\n  - {update: {}}\n", ":4#/actions/0", "an action needs a `target`"),
        (
            HEADER + "actions:\n  - {target: $.info, remove: 'yes'}\n",
            ":4#/actions/0/remove",
            "`remove` must be true or false, not 'yes'",
        ),
        (HEADER + "actions:\n  - {target: $.info}\n", ":4#/actions/0", "an action needs `update` or `remove: true`"),
        (
            HEADER + "actions:\n  - {target: $.info, update: {}}\n  - {target: 'paths', remove: true}\n",
            ":5#/actions/1/target",
            "invalid target 'paths': expected '$', found 'p'",
        ),
        (
            HEADER + "actions:\n  - {target: '$.paths[?@.x-y]', remove: true}\n",
            ":4#/actions/0/target",
            "invalid target",
        ),
        (
            HEADER + "actions:\n  - {target: $, remove: true}\n",
            ":4#/actions/0/target",
            "`remove` cannot remove the whole document",
        ),
        (
            HEADER + "actions:\n  - {target: $.info, update: new}\n",
            ":4#/actions/0/update",
            "target selects an object at $['info']; its `update` must be an object too",
        ),
        (
            HEADER + "actions:\n  - {target: $.info.title, update: New}\n",
            ":4#/actions/0/target",
            "target selects a str value at $['info']['title']: select the object that holds it",
        ),
        (HEADER + "actions:\n  - {target: $.info, update: {}, target: $}\n", ":4", "the key 'target' appears twice"),
    ],
)
def test_a_bad_overlay_names_the_file_and_the_action(tmp_path: Path, overlay: str, pointer: str, message: str) -> None:
    path = write_spec(tmp_path, overlay, "overlay.yaml")
    document = copy.deepcopy(SPEC)
    with pytest.raises(GeneratorError) as caught:
        apply_overlay(document, path)
    assert str(caught.value).startswith(f"{path}{pointer}"), str(caught.value)
    assert message in str(caught.value)


def test_an_action_that_selects_nothing_is_a_warning_naming_it_the_others_apply(tmp_path: Path) -> None:
    path = write_spec(
        tmp_path,
        HEADER + "actions:\n  - {target: $.info, update: {x-a: 1}}\n  - {target: $.paths.nope, remove: true}\n"
        "  - {target: $.info, update: {x-b: 2}}\n",
        "overlay.yaml",
    )
    document = copy.deepcopy(SPEC)
    (warning,) = apply_overlay(document, path)
    assert str(warning) == (
        f"{path}:5#/actions/1: no longer applies: target '$.paths.nope' selects nothing: the upstream may have fixed"
        " this; remove the action?"
    )
    assert warning.stale
    assert document["info"] == {"title": "Pets", "version": "1", "x-a": 1, "x-b": 2}
