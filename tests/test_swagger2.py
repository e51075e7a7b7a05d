"""Swagger 2.0 input: converted to OpenAPI 3.0 as it is loaded (generator/swagger2.py), with
every message still pointing at the user's 2.0 files."""

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.diff import diff_specs
from generator.errors import GeneratorError
from generator.inputs import Inputs
from generator.pipeline import generate_files
from generator.spec import load_document

from .conftest import write_spec
from .golden import FEATURES

FEATURE = FEATURES / "swagger2" / "spec.yaml"


@pytest.fixture(scope="module")
def converted() -> dict[str, Any]:
    return load_document(FEATURE).data


def test_host_base_path_and_schemes_are_the_servers(converted: dict[str, Any]) -> None:
    assert converted["openapi"] == "3.0.3"
    assert converted["servers"] == [{"url": "http://localhost:8080/v1"}, {"url": "https://localhost:8080/v1"}]
    assert "swagger" not in converted and "host" not in converted


def test_collection_formats_are_styles(converted: dict[str, Any]) -> None:
    parameters = converted["paths"]["/animals"]["get"]["parameters"]
    styles = {p["name"]: (p["style"], p["explode"]) for p in parameters if "style" in p}
    assert styles == {
        "species": ("form", True),  # multi
        "colors": ("form", False),  # csv, 2.0's default
        "sizes": ("pipeDelimited", False),
        "names": ("spaceDelimited", False),
    }
    assert parameters[0] == {"$ref": "#/components/parameters/Limit"}
    neutered = next(p for p in parameters if p.get("name") == "neutered")
    assert neutered == {"name": "neutered", "in": "query", "allowEmptyValue": True, "schema": {"type": "boolean"}}
    request_id = next(p for p in parameters if p.get("name") == "X-Request-Id")
    assert request_id["example"] == "req-1"  # x-example


def test_bodies_take_the_media_types_the_operation_consumes(converted: dict[str, Any]) -> None:
    admit = converted["paths"]["/animals"]["post"]["requestBody"]
    assert admit == {
        "required": True,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Animal"}}},
    }
    update = converted["paths"]["/animals/{animalId}"]["put"]
    assert update["requestBody"] == {"$ref": "#/components/requestBodies/AnimalUpdate"}
    assert "parameters" not in update  # the body parameter was its only one
    upload = converted["paths"]["/animals/{animalId}/photo"]["post"]["requestBody"]
    assert upload == {
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": {
                        "photo": {"type": "string", "format": "binary", "description": "The picture."},
                        "caption": {"type": "string"},
                    },
                    "required": ["photo"],
                }
            }
        },
        "required": True,
    }
    form = converted["paths"]["/adoptions"]["post"]["requestBody"]["content"]
    assert list(form) == ["application/x-www-form-urlencoded"]


def test_responses_take_the_media_types_the_operation_produces(converted: dict[str, Any]) -> None:
    listed = converted["paths"]["/animals"]["get"]["responses"]
    assert listed["200"]["headers"] == {
        "X-Total-Count": {"description": "How many animals there are.", "schema": {"type": "integer"}}
    }
    assert listed["200"]["content"]["application/json"]["example"][0]["name"] == "Tom"
    assert listed["default"] == {"$ref": "#/components/responses/Problem"}
    photo = converted["paths"]["/animals/{animalId}/photo"]["get"]["responses"]["200"]
    assert photo["content"] == {"image/png": {"schema": {"type": "string", "format": "binary"}}}
    report = converted["paths"]["/reports/{year}"]["get"]["responses"]["200"]
    assert list(report["content"]) == ["text/csv"]


def test_definitions_parameters_responses_and_security_are_components(converted: dict[str, Any]) -> None:
    components = converted["components"]
    animal = components["schemas"]["Animal"]
    assert animal["discriminator"] == {"propertyName": "kind"}
    assert animal["properties"]["chip"]["nullable"] is True and "x-nullable" not in animal["properties"]["chip"]
    assert animal["properties"]["status"]["x-ms-enum"] == {"name": "AnimalStatus", "modelAsString": True}
    assert components["schemas"]["Cat"]["allOf"][0] == {"$ref": "#/components/schemas/Animal"}
    assert components["parameters"]["AnimalId"] == {
        "name": "animalId",
        "in": "path",
        "required": True,
        "schema": {"type": "integer", "format": "int64"},
    }
    assert list(components["requestBodies"]) == ["AnimalUpdate"]
    assert components["responses"]["Problem"]["content"] == {
        "application/json": {"schema": {"$ref": "#/components/schemas/Problem"}}
    }
    assert components["securitySchemes"] == {
        "apiKey": {"type": "apiKey", "in": "header", "name": "X-API-Key"},
        "staff": {"type": "http", "scheme": "basic", "description": "The shelter's staff."},
        "oauth": {
            "type": "oauth2",
            "flows": {
                "authorizationCode": {
                    "authorizationUrl": "https://localhost:8080/oauth/authorize",
                    "tokenUrl": "https://localhost:8080/oauth/token",
                    "scopes": {"animals:write": "Admit and update animals."},
                }
            },
        },
    }


def test_nodes_of_other_files_are_converted_where_they_are() -> None:
    document = load_document(FEATURE)
    adoption = document.lookup("shelter/adoption.yaml#", referrer="")
    assert adoption["properties"]["decidedAt"] == {"type": "string", "format": "date-time", "nullable": True}
    path_item = document.lookup("shelter/paths.yaml#/adoption", referrer="")
    assert path_item["parameters"][0]["schema"] == {"type": "integer", "format": "int64"}
    assert path_item["get"]["responses"]["404"] == {"$ref": "../spec.yaml#/components/responses/Problem"}
    assert path_item["get"]["responses"]["200"]["content"]["application/json"]["schema"] == {"$ref": "adoption.yaml"}


def test_json_and_yaml_give_the_same_document(tmp_path: Path) -> None:
    source = yaml.safe_load(FEATURE.read_text())
    source["paths"].pop("/adoptions")  # (the $refs to other files are relative to the feature's folder)
    source["paths"].pop("/adoptions/{adoptionId}")
    as_json = load_document(write_spec(tmp_path, json.dumps(source, indent=1), "spec.json")).data
    as_yaml = load_document(write_spec(tmp_path, yaml.safe_dump(source), "spec.yaml")).data
    assert as_json == as_yaml
    assert as_json["components"]["schemas"]["Animal"]["discriminator"] == {"propertyName": "kind"}


SPEC_WITH_DEFECTS = """\
swagger: '2.0'
info: {title: Defects, version: '1'}
paths:
  /things:
    get:
      parameters:
        - {name: page, in: query, type: integer}
        - {name: size, in: query, type: integer, default: big}
        - {name: tags, in: query, type: array, items: {type: string}, collectionFormat: tsv}
      responses:
        '200':
          description: ok
          schema: {$ref: 'other.yaml#/Thing'}
"""


def test_warnings_point_at_the_2_0_files_with_lines(tmp_path: Path) -> None:
    write_spec(
        tmp_path,
        "Thing:\n  type: object\n  required: [count, size]\n  properties:\n    count: {type: integer}\n",
        "other.yaml",
    )
    spec = write_spec(tmp_path, SPEC_WITH_DEFECTS)
    found = [str(warning) for warning in generate_files(spec, Inputs(with_tests=False)).warnings]
    assert found == [
        f"{spec}:9#/paths/~1things/get/parameters/2/collectionFormat: collectionFormat 'tsv' of a query parameter "
        "has no OpenAPI 3 equivalent; the values are sent comma-separated",
        f"{spec}:8#/paths/~1things/get/parameters/1/default: default 'big' does not match the schema",
        f"{tmp_path / 'other.yaml'}:3#/Thing/required: required property 'size' is not among the properties; ignored",
    ]
    with pytest.raises(GeneratorError, match="tsv.*--strict"):
        generate_files(spec, Inputs(strict=True))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            ("responses: {'200': {description: ok}}", "responses: {'200': {schema: {type: string}}}"),
            "spec.yaml:8#/paths/~1a/get/responses/200: invalid OpenAPI document: required field 'description' "
            "is missing",
        ),
        (
            (
                "- {name: q, in: query, type: string}",
                "- {name: q, in: body, schema: {type: string}}\n        - {name: f, in: formData, type: string}",
            ),
            "spec.yaml:7#/paths/~1a/get/parameters/0: an operation cannot have both a body parameter and "
            "formData parameters",
        ),
        (
            ("- {name: q, in: query, type: string}", "- {$ref: '#/parameters/Nope'}"),
            "spec.yaml:7#/paths/~1a/get/parameters/0/$ref: $ref '#/parameters/Nope' points to nothing",
        ),
        (
            ("swagger: '2.0'", "swagger: '1.2'"),
            "spec.yaml:1#/swagger: Swagger 1.2 is not supported (2.0, or OpenAPI 3.0, 3.1 and 3.2)",
        ),
    ],
)
def test_errors_point_at_the_2_0_file(tmp_path: Path, change: tuple[str, str], message: str) -> None:
    good = (
        "swagger: '2.0'\ninfo: {title: T, version: '1'}\npaths:\n  /a:\n    get:\n      parameters:\n"
        "        - {name: q, in: query, type: string}\n      responses: {'200': {description: ok}}\n"
    )
    generate_files(write_spec(tmp_path, good), Inputs(with_tests=False))
    spec = write_spec(tmp_path, good.replace(*change))
    with pytest.raises(GeneratorError) as caught:
        generate_files(spec, Inputs(with_tests=False))
    assert str(caught.value).startswith(f"{tmp_path}/{message}")


def test_overlays_are_written_for_the_2_0_document(tmp_path: Path) -> None:
    overlay = write_spec(
        tmp_path,
        "overlay: 1.0.0\ninfo: {title: Fixes, version: '1'}\nactions:\n"
        "  - target: $.definitions.Animal.properties.kind\n    update: {enum: [Cat, Dog]}\n",
        "fixes.yaml",
    )
    generated = generate_files(FEATURE, Inputs(overlays=(overlay,), with_tests=False))
    animal = generated.files["shelter/types/animal.py"].decode()
    assert 'kind: Literal["Cat", "Dog"]' in animal


SPEC_3_0 = """\
openapi: 3.0.3
info: {title: Shelter API, version: '1.5'}
servers: [{url: 'http://localhost:8080/v1'}, {url: 'https://localhost:8080/v1'}]
paths:
  /animals:
    get:
      tags: [animals]
      operationId: listAnimals
      parameters:
        - {name: limit, in: query, schema: {type: integer, minimum: 1, maximum: 100, default: 20}}
        - {name: colors, in: query, style: form, explode: false, schema: {type: array, items: {type: string}}}
        - {name: sort, in: query, schema: {type: string}}
      responses:
        '200':
          description: The animals.
          content:
            application/json:
              schema: {type: array, items: {$ref: '#/components/schemas/Animal'}}
    post:
      tags: [animals]
      operationId: admitAnimal
      requestBody:
        required: true
        content:
          application/json:
            schema: {$ref: '#/components/schemas/Animal'}
      responses:
        '201':
          description: Admitted.
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Animal'}
components:
  schemas:
    Animal:
      type: object
      required: [name]
      properties:
        id: {type: integer, format: int64, readOnly: true}
        name: {type: string}
        chip: {type: string, nullable: true}
"""

SPEC_2_0 = """\
swagger: '2.0'
info: {title: Shelter API, version: '1.4'}
host: localhost:8080
basePath: /v1
schemes: [http, https]
produces: [application/json]
consumes: [application/json]
paths:
  /animals:
    get:
      tags: [animals]
      operationId: listAnimals
      parameters:
        - {name: limit, in: query, type: integer, minimum: 1, maximum: 100, default: 20}
        - {name: colors, in: query, type: array, items: {type: string}}
      responses:
        '200':
          description: The animals.
          schema: {type: array, items: {$ref: '#/definitions/Animal'}}
    post:
      tags: [animals]
      operationId: admitAnimal
      parameters:
        - {name: animal, in: body, required: true, schema: {$ref: '#/definitions/Animal'}}
      responses:
        '201':
          description: Admitted.
          schema: {$ref: '#/definitions/Animal'}
definitions:
  Animal:
    type: object
    required: [name]
    properties:
      id: {type: integer, format: int64, readOnly: true}
      name: {type: string}
      chip: {type: string, x-nullable: true}
      kind: {type: string}
"""


def test_diff_from_2_0_to_3_0_reports_the_real_changes_only(tmp_path: Path) -> None:
    old = write_spec(tmp_path, SPEC_2_0, "v1.yaml")
    new = write_spec(tmp_path, SPEC_3_0, "v2.yaml")
    report = diff_specs(old, new)
    assert sorted(change.message for change in report.changes) == [
        "`client.animals.admit_animal()`: argument `kind` removed",
        "`client.animals.list_animals()`: optional argument `sort` added",
        "`request body.kind` removed",
        "`response 200[].kind` removed",
        "`response 201.kind` removed",
        "`types.Animal.kind` removed",
        "optional query parameter `sort` added",
    ]
    assert report.semver == "major"
