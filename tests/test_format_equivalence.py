"""Formatting unit by unit, and leaving units that already fit alone, gives exactly the bytes
black gives for whole files."""

import json
from pathlib import Path
from typing import Any

import black
import pytest

from generator.errors import Warnings
from generator.format import AS_BLACK_LEAVES_IT, LINE_LENGTH, UNIT, _needs_black, format_python
from generator.ir import build_api
from generator.pipeline import generate_files
from generator.render import Project, render_project
from generator.spec import load_document

from .conftest import FULL_SPEC, ROOT
from .golden import FEATURES, feature_names

SPECS = [FULL_SPEC, ROOT / "specs" / "firecrawl-v2.yaml"] + [FEATURES / name / "spec.yaml" for name in feature_names()]
MODE = black.Mode(target_versions={black.TargetVersion.PY311}, line_length=LINE_LENGTH)


def whole_file_black(source: str) -> str:
    return black.format_str(source.replace(UNIT, "").replace(AS_BLACK_LEAVES_IT, ""), mode=MODE)


@pytest.mark.parametrize("spec", SPECS, ids=lambda path: path.parent.name if path.name == "spec.yaml" else path.name)
def test_selective_formatting_equals_black(spec: Path) -> None:
    api = build_api(load_document(spec), Warnings())
    rendered = render_project(api, Project("x", "0.1.0", "x"))
    python = {path: text for path, text in rendered.items() if path.endswith(".py")}
    assert any(UNIT in text for text in python.values())  # the templates do mark units
    different = [path for path, text in python.items() if format_python(path, text) != whole_file_black(text)]
    assert different == []


def test_long_client_and_resource_names_too(tmp_path: Path) -> None:
    """GitHub's spec, titled "GitHub's official OpenAPI spec + Octokit extension", makes names long
    enough to split a test's one-parameter definition (black adds a comma) and a resource's
    property header (black saw the two properties as top-level functions in one unit)."""
    title = "Petstore official OpenAPI spec plus a very long extension name"
    text = (FEATURES / "petstore" / "spec.yaml").read_text().replace("title: Petstore", f"title: {title}", 1)
    spec = tmp_path / "spec.yaml"
    spec.write_text(text.replace("tags: [pets]", "tags: [pets and their very long descriptive tag name]"))
    api = build_api(load_document(spec), Warnings())
    assert len(api.client_class) > 50 and max(len(r.class_name) for r in api.resources) > 40
    rendered = render_project(api, Project("x", "0.1.0", "x"))
    python = {path: text for path, text in rendered.items() if path.endswith(".py")}
    assert [path for path, text in python.items() if format_python(path, text) != whole_file_black(text)] == []


def test_a_long_dict_entry_of_a_name_is_left_as_black_leaves_it() -> None:
    """`"key": name,` has nothing black can split: such a unit does not go to black at all."""

    name = "require_approval_for_fork_pr_workflows_and_then_some_more"
    source = f'def f(a: int) -> None:\n    g(\n        body={{\n            "{name}": {name},\n        }}\n    )\n'
    assert not _needs_black(source.rstrip("\n"))
    assert format_python("m.py", source) == whole_file_black(source) == source


RUNTIME = (
    "_base_client.py",
    "_wire.py",
    "_models.py",
    "_streaming.py",
    "_exceptions.py",
    "_types.py",
    "_transport.py",
)


def test_the_runtime_modules_are_written_as_black_writes_them() -> None:
    """The runtime is the same in every client: a line of it over the length would send its
    largest units (classes of a thousand lines) to black in every generation."""

    api = build_api(load_document(FEATURES / "petstore" / "spec.yaml"), Warnings())
    rendered = render_project(api, Project("x", "0.1.0", "x"))
    runtime = {path: text for path, text in rendered.items() if path.endswith(RUNTIME)}
    assert len(runtime) == len(RUNTIME)
    to_black = [path for path, text in runtime.items() if any(_needs_black(u.rstrip("\n")) for u in text.split(UNIT))]
    assert to_black == []


def _long_named_spec(path: Path) -> Path:
    """Microsoft Graph's shape: operation ids, tags, schemas and properties named by their long
    paths, over a range of lengths that crosses each of black's layouts."""
    paths: dict[str, Any] = {}
    schemas: dict[str, Any] = {}
    for length in range(40, 121, 4):
        words = "_".join(["entitlementManagement"] * 8)[:length]
        schema = "microsoft.graph." + ("accessPackageAssignmentRequest" * 4)[: length - 16]
        schemas[schema] = {
            "type": "object",
            "properties": {
                words.replace("_", "")[: length - 10] + "Status": {
                    "anyOf": [{"$ref": f"#/components/schemas/{schema}"}, {"type": "null"}]
                },
                "items": {"type": "array", "items": {"$ref": f"#/components/schemas/{schema}"}},
                "displayName": {"type": "string"},
            },
        }
        returns = {"content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{schema}"}}}}
        tag = words.replace("_", ".")[: length // 2]
        paths[f"/{words}/{{item-id}}/{'x' * (length // 3)}"] = {
            "get": {
                "operationId": f"{words}.get",
                "tags": [tag],
                "parameters": [{"name": "item-id", "in": "path", "required": True, "schema": {"type": "string"}}],
                "responses": {"200": {"description": "OK", **returns}},
            },
            "patch": {
                "operationId": f"{words}.update",
                "tags": [tag],
                "parameters": [{"name": "item-id", "in": "path", "required": True, "schema": {"type": "string"}}],
                "requestBody": {
                    "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{schema}"}}}
                },
                "responses": {"200": {"description": "OK", **returns}},
            },
        }
        paths[f"/{words}"] = {
            "get": {
                "operationId": f"{words}.list",
                "tags": [tag],
                "responses": {"200": {"description": "OK", **returns}},
            }
        }
    document = {
        "openapi": "3.1.0",
        "info": {"title": "OData Service for namespace microsoft.graph", "version": "v1.0"},
        "servers": [{"url": "https://graph.example/beta"}],
        "paths": paths,
        "components": {"schemas": schemas},
    }
    path.write_text(json.dumps(document))
    return path


def test_long_operation_and_schema_names_are_laid_out_without_black(tmp_path: Path) -> None:
    """With names as long as Microsoft Graph's (method names past the line length), the renderer
    still writes black's layout itself wherever black would not decide by the names' lengths
    alone: the bytes equal black's whole-file result, and what goes to black is mostly the lines
    black must shorten (types longer than a line). Before this renderer knew black's last
    resorts, 56% of this client's lines went to black (a quarter of Graph's); now 21%."""
    api = build_api(load_document(_long_named_spec(tmp_path / "spec.json")), Warnings())
    assert max(len(operation.name) for resource in api.resources for operation in resource.operations) > 100
    rendered = render_project(api, Project("x", "0.1.0", "x"))
    python = {path: text for path, text in rendered.items() if path.endswith(".py")}
    assert [path for path, text in python.items() if format_python(path, text) != whole_file_black(text)] == []
    to_black = [unit for text in python.values() for unit in text.split(UNIT) if _needs_black(unit.rstrip("\n"))]
    all_lines = sum(text.count("\n") for text in python.values())
    assert sum(unit.count("\n") for unit in to_black) < 0.3 * all_lines


def test_no_marker_of_the_renderer_reaches_a_written_file(tmp_path: Path) -> None:
    """The lines black leaves too long are marked for the formatter; the mark never stays, in the
    code nor in the README or tests written beside it."""
    generated = generate_files(_long_named_spec(tmp_path / "spec.json"))
    marked = [path for path, data in generated.files.items() if AS_BLACK_LEAVES_IT.encode() in data]
    assert marked == []
    assert any(len(line) > LINE_LENGTH for data in generated.files.values() for line in data.split(b"\n"))
