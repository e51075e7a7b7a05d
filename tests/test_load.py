import json
from pathlib import Path

import pytest

from generator.errors import GeneratorError, pointer_of, pointer_tokens
from generator.spec import load_document

from .conftest import FULL_SPEC, write_spec


def test_reads_json_and_yaml_alike(tmp_path: Path) -> None:
    json_doc = load_document(FULL_SPEC)
    assert json_doc.data["openapi"] == "3.0.0"
    yaml_doc = load_document(
        write_spec(
            tmp_path,
            "openapi: 3.1.0\ninfo: {title: T, version: 2024-01-01}\npaths:\n  /a:\n    get:\n      "
            "responses:\n        200: {description: ok}\n",
        )
    )
    assert yaml_doc.data["info"]["version"] == "2024-01-01"  # a string, not a date
    assert list(yaml_doc.data["paths"]["/a"]["get"]["responses"]) == ["200"]  # a string key


def test_resolves_local_references_with_their_pointer() -> None:
    document = load_document(FULL_SPEC)
    parameter = {"$ref": "#/components/parameters/MonitorId"}
    node, pointer = document.resolve(parameter, "/paths/~1monitor~1{monitorId}/get/parameters/0")
    assert node["name"] == "monitorId"
    assert pointer == "/components/parameters/MonitorId"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "file is empty"),
        ("openapi: [3.0\n  bad", "YAML syntax error"),
        ('{"openapi": "3.0.0",', "JSON syntax error"),
        ("- a\n- b\n", "not an OpenAPI document: the top level is a list"),
        ("info: {title: x}\n", "no 'openapi' field"),
        ("swagger: '1.2'\n", "Swagger 1.2 is not supported"),
    ],
)
def test_bad_files_are_one_clear_error(tmp_path: Path, content: str, message: str) -> None:
    with pytest.raises(GeneratorError) as caught:
        load_document(write_spec(tmp_path, content))
    assert message in str(caught.value)
    assert str(tmp_path / "spec.yaml") in str(caught.value)
    assert "\n" not in str(caught.value)


def test_syntax_errors_say_the_line(tmp_path: Path) -> None:
    with pytest.raises(GeneratorError) as caught:
        load_document(write_spec(tmp_path, "openapi: 3.0.0\ninfo:\n  title: [unclosed\n"))
    assert ":4:" in str(caught.value) or ":3:" in str(caught.value)


def test_missing_and_dangling_references(tmp_path: Path) -> None:
    with pytest.raises(GeneratorError, match="no such file"):
        load_document(tmp_path / "missing.yaml")
    document = load_document(write_spec(tmp_path, "openapi: 3.0.0\n"))
    with pytest.raises(GeneratorError) as caught:
        document.resolve({"$ref": "#/components/schemas/Nope"}, "/paths/~1a/get")
    assert "#/paths/~1a/get/$ref" in str(caught.value)
    assert "points to nothing" in str(caught.value)
    with pytest.raises(GeneratorError) as caught:  # found by test_properties: '#' without its '/'
        document.resolve({"$ref": "#components/schemas/Error"}, "/paths/~1a/get")
    assert "#/paths/~1a/get/$ref: $ref fragment '#components/schemas/Error' is not a JSON pointer" in str(caught.value)


def test_reference_fragments_are_percent_decoded(tmp_path: Path) -> None:
    document = load_document(write_spec(tmp_path, "openapi: 3.0.0\npaths:\n  /a/{id}:\n    get: {summary: found}\n"))
    target, pointer = document.resolve({"$ref": "#/paths/~1a~1%7Bid%7D/get"}, "/x")
    assert (target, pointer) == ({"summary": "found"}, "/paths/~1a~1{id}/get")


def test_reference_cycles_are_errors(tmp_path: Path) -> None:
    document = load_document(
        write_spec(
            tmp_path,
            "openapi: 3.0.0\ncomponents:\n  schemas:\n    A: {$ref: '#/components/schemas/B'}\n    B: "
            "{$ref: '#/components/schemas/A'}\n",
        )
    )
    with pytest.raises(GeneratorError, match="reference cycle"):
        document.resolve({"$ref": "#/components/schemas/A"}, "/x")


def test_deep_nesting_is_refused(tmp_path: Path) -> None:
    for depth in (600, 5000):  # ours, and libyaml's own limit
        with pytest.raises(GeneratorError, match="nest"):
            load_document(write_spec(tmp_path, "openapi: 3.0.0\nx: " + "[" * depth + "]" * depth + "\n"))
    with pytest.raises(GeneratorError, match="nested deeper"):
        load_document(write_spec(tmp_path, '{"openapi": "3.0.0", "x": ' + "[" * 2000 + "]" * 2000 + "}", "deep.json"))


def test_locations_carry_the_line_where_it_helps(tmp_path: Path) -> None:
    data = {"openapi": "3.0.0", "paths": {"/a": {"get": {"responses": {}}}}}
    laid_out = load_document(write_spec(tmp_path, json.dumps(data, indent=2), "laid_out.json"))
    assert laid_out.location("/paths/~1a/get").line == 5
    minified = load_document(write_spec(tmp_path, json.dumps(data), "minified.json"))
    assert minified.location("/paths/~1a/get").line is None  # every node is on line 1


def test_pointer_tokens_undo_their_escaping() -> None:
    """RFC 6901: `~1` is `/` and `~0` is `~`, unescaped in that order (`~01` is `~1`)."""
    keys = ["paths", "/a/{b}", "~1", "x~y"]
    assert pointer_of(*keys) == "/paths/~1a~1{b}/~01/x~0y"
    assert pointer_tokens(pointer_of(*keys)) == keys
