"""Structurally identical schemas are generated once (generator/ir/dedupe.py): the client made
from a spec that repeats itself, against a real server; the rule for the name; the full Firecrawl
spec; and `diff`, for which such a merge breaks nothing."""

import json
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

from generator.diff import diff_specs, markdown
from generator.errors import Warnings
from generator.ir.build import build_api
from generator.ir.dedupe import _Keys
from generator.options import ClientOptions
from generator.spec import load_document

from .conftest import FULL_SPEC, generate_into
from .http_server import TestServer


def error(*properties: str) -> dict[str, object]:
    return {
        "description": "An error",
        "content": {
            "application/json": {
                "schema": {"type": "object", "properties": {name: {"type": "string"} for name in properties}}
            }
        },
    }


THING = {
    "type": "object",
    "required": ["id"],
    "properties": {
        "id": {"type": "string"},
        "tags": {"type": "array", "items": {"type": "object", "properties": {"tagName": {"type": "string"}}}},
    },
}


def spec() -> dict[str, object]:
    def operation(operation_id: str, errors: dict[str, object]) -> dict[str, object]:
        return {
            "operationId": operation_id,
            "tags": ["things"],
            "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}],
            "responses": {
                "200": {"description": "OK", "content": {"application/json": {"schema": THING}}},
                **errors,
            },
        }

    return {
        "openapi": "3.0.3",
        "info": {"title": "Things", "version": "1"},
        "servers": [{"url": "https://things.example.com"}],
        "components": {
            "schemas": {
                "Problem": {"type": "object", "properties": {"code": {"type": "string"}, "message": {"type": "string"}}}
            }
        },
        "paths": {
            "/things/{id}": {"get": operation("getThing", {"404": error("code", "message"), "409": error("error")})},
            "/others/{id}": {
                "get": operation("getOther", {"404": error("error"), "409": error("error")}),
                "put": {
                    "operationId": "putOther",
                    "tags": ["things"],
                    "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}],
                    "requestBody": {"content": {"application/json": {"schema": THING}}},
                    "responses": {"204": {"description": "Done"}},
                },
            },
        },
    }


@pytest.fixture
def things(tmp_path: Path, import_client: Callable[[Path, str], ModuleType]) -> ModuleType:
    (tmp_path / "spec.json").write_text(json.dumps(spec()))
    return import_client(generate_into(tmp_path / "spec.json", tmp_path / "out"), "things")


def test_identical_schemas_are_one_class_in_the_client(things: ModuleType, server: TestServer) -> None:
    """Three `{error}` bodies are one class, named after its field and what its members' names
    share (`ErrorResponse`), in a module of its own; a body identical to a component is the
    component; the two answers are one class, and their items and the request body's are one."""
    types = things.types
    assert sorted(types.__all__) == ["ErrorResponse", "IdTagsResponse", "Problem", "TagsItem", "TagsItemParam"]
    assert types.ErrorResponse.__module__ == "things.types.error_response"
    client = things.Things(base_url=server.url, max_retries=0)
    server.reply(404, {"code": "E1", "message": "no such thing"})
    server.reply(409, {"error": "busy"})
    server.reply(404, {"error": "gone"})
    server.reply(200, {"id": "1", "tags": [{"tagName": "a"}]})
    server.reply(200, {"id": "2"})
    server.reply(204)
    with pytest.raises(things.NotFoundError) as not_found:
        client.things.get_thing("1")
    assert type(not_found.value.parsed) is types.Problem and not_found.value.parsed.message == "no such thing"
    with pytest.raises(things.ConflictError) as conflict:
        client.things.get_thing("1")
    with pytest.raises(things.NotFoundError) as gone:
        client.things.get_other("2")
    assert type(conflict.value.parsed) is type(gone.value.parsed) is types.ErrorResponse
    first, second = client.things.get_thing("1"), client.things.get_other("2")
    assert type(first) is type(second) is types.IdTagsResponse and type(first.tags[0]) is types.TagsItem
    client.things.put_other("2", body_id="2", tags=[{"tag_name": "b"}])
    assert server.requests[-1].json() == {"id": "2", "tags": [{"tagName": "b"}]}


def test_firecrawl_error_bodies_are_one_class() -> None:
    """The 37 inline `{error}` bodies of Firecrawl's error responses are one class, and so are
    the 26 `{success, error}` ones; the union variants Formats and ParseFormats share are one."""
    api = build_api(load_document(FULL_SPEC), Warnings(strict=False), ClientOptions(package_name="firecrawl"))
    by_name = {named.name: named for named in api.types}
    assert len(by_name["ErrorResponse"].merged) + 1 >= 37
    assert len(by_name["SuccessErrorResponse"].merged) + 1 >= 26
    assert "FormatsMarkdown" in by_name and "ParseFormatsMarkdown" not in by_name
    error_types = {
        response.type.target.name  # type: ignore[union-attr]
        for operation in api.operations
        for response in operation.error_responses
        if response.type is not None
    }
    assert len(error_types) <= 12, sorted(error_types)
    # no two inline types are alike any more
    keys = _Keys()
    inline = [named for named in api.types if "/components/schemas/" not in named.pointer]
    assert len({keys.named(named) for named in inline}) == len(inline)


def test_a_merge_breaks_nothing_in_the_diff(tmp_path: Path) -> None:
    """getOther's error bodies lose the description of their field, and become the same as
    getThing's 409 body: its class merges into theirs. `diff` says so, and calls nothing
    breaking (every method returns and raises what it did, field for field)."""
    old = spec()
    described = error("error")
    described["content"]["application/json"]["schema"]["properties"]["error"]["description"] = "What went wrong"  # type: ignore[index]
    old["paths"]["/others/{id}"]["get"]["responses"].update({"404": described, "409": described})  # type: ignore[index]
    (tmp_path / "old.json").write_text(json.dumps(old))
    (tmp_path / "new.json").write_text(json.dumps(spec()))
    report = diff_specs(tmp_path / "old.json", tmp_path / "new.json")
    merged = [change.message for change in report.changes if change.kind == "class-merged"]
    assert merged == [
        "`types.GetThingConflictResponse` is now `types.ErrorResponse`, the one class of its identical schemas"
        " (same fields: nothing breaks but the class's name)"
    ], markdown(report)
    assert report.breaking == [] and report.semver != "major", markdown(report)
