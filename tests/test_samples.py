"""The samples the contract tests send keep the spec's rules at every depth: checked with a real
JSON Schema validator (openapi-schema-validator, formats included), not by reading the sample."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from openapi_schema_validator import OAS30Validator, OAS31Validator, oas30_format_checker, oas31_format_checker

from generator.errors import Warnings
from generator.ir import build_api
from generator.ir.samples import from_pattern, sample
from generator.spec import load_document

from .conftest import write_spec

# Rules found broken on real specs (Twilio's SIDs, Adyen's nested currency), and their neighbours.
SCHEMAS: dict[str, Any] = {
    # AWS's tag maps: at least one entry
    "TagMap": {"type": "object", "minProperties": 1, "additionalProperties": {"type": "string", "minLength": 2}},
    "Filters": {
        "type": "object",
        "minProperties": 3,
        "properties": {"a": {"type": "integer", "minimum": 5}, "b": {"type": "string", "readOnly": True}},
    },
    "AccountSid": {"type": "string", "pattern": "^AC[0-9a-fA-F]{32}$", "minLength": 34, "maxLength": 34},
    "Amount": {
        "type": "object",
        "required": ["currency", "value"],
        "properties": {
            "currency": {"type": "string", "minLength": 3, "maxLength": 3},
            "value": {"type": "integer", "format": "int64", "minimum": 1},
        },
    },
    "Payment": {
        "type": "object",
        "required": ["amount", "reference", "lines", "merchant"],
        "properties": {
            "amount": {"$ref": "#/components/schemas/Amount"},
            "reference": {"type": "string", "maxLength": 4},
            "lines": {
                "type": "array",
                "minItems": 3,
                "uniqueItems": True,
                "items": {
                    "type": "object",
                    "required": ["sku", "quantity", "note"],
                    "properties": {
                        "sku": {"type": "string", "pattern": "^[A-Z]{3}-\\d{4}$"},
                        "note": {"type": "string", "maxLength": 6},
                        "quantity": {
                            "type": "number",
                            "exclusiveMinimum": True,
                            "minimum": 0,
                            "maximum": 1,
                            "multipleOf": 0.25,
                        },
                    },
                },
            },
            "merchant": {"allOf": [{"$ref": "#/components/schemas/AccountSid"}, {"maxLength": 34}]},
            "codes": {"type": "array", "items": {"type": "integer", "minimum": 10, "maximum": 12}},
        },
    },
    "Levels": {"type": "array", "minItems": 2, "uniqueItems": True, "items": {"type": "integer", "minimum": 5}},
    "Short email": {"type": "string", "format": "email", "maxLength": 12},
    "Date": {"type": "string", "format": "date"},
    "Uuid": {"type": "string", "format": "uuid"},
    "Colour": {"type": "string", "enum": ["red", "green"], "pattern": "^g"},
    "Percent": {"type": "number", "minimum": 99.5, "maximum": 100, "exclusiveMaximum": True},
    "Even": {"type": "integer", "minimum": 3, "multipleOf": 2},
    "Code": {"type": "string", "pattern": "^(?:ab|cd)+x?[^a-z]{2,}$", "minLength": 9},
    "Example too long": {"type": "string", "maxLength": 3, "example": "much too long"},
    # a oneOf whose first variant's sample other variants accept too, until its type is added
    "Payment method": {
        "oneOf": [
            {"$ref": "#/components/schemas/Ach"},
            {"$ref": "#/components/schemas/Wallet"},
            {"$ref": "#/components/schemas/Card"},
        ]
    },
    "Ach": {
        "type": "object",
        "additionalProperties": False,
        "required": ["bankAccountNumber"],
        "properties": {
            "bankAccountNumber": {"type": "string"},
            "type": {"type": "string", "enum": ["ach", "ach_plaid"]},
        },
    },
    "Wallet": {"type": "object", "properties": {"type": {"type": "string", "enum": ["wallet"]}}},
    "Card": {"type": "object", "properties": {"type": {"type": "string", "enum": ["card"]}}},
    # required beside an allOf whose parts declare the properties (Codat's Bill)
    "Bill": {
        "type": "object",
        "required": ["status", "total"],
        "allOf": [
            {"properties": {"status": {"type": "string", "enum": ["Open", "Paid"]}, "note": {"type": "string"}}},
            {"allOf": [{"$ref": "#/components/schemas/Totals"}]},
        ],
    },
    "Totals": {"type": "object", "properties": {"total": {"type": "number", "minimum": 2}}},
    # variants that only say which of the properties beside them are required (urlbox's render)
    "Render": {
        "type": "object",
        "properties": {"url": {"type": "string"}, "html": {"type": "string"}, "width": {"type": "integer"}},
        "oneOf": [{"required": ["url"]}, {"required": ["html"]}],
    },
    "Nested example": {
        "type": "object",
        "required": ["sid"],
        "properties": {"sid": {"$ref": "#/components/schemas/AccountSid"}},
        "example": {"sid": "not a sid"},
    },
}


@pytest.fixture(scope="module")
def document(tmp_path_factory: pytest.TempPathFactory) -> Any:
    spec = {
        "openapi": "3.0.3",
        "info": {"title": "Samples", "version": "1"},
        "paths": {},
        "components": {"schemas": SCHEMAS},
    }
    return load_document(write_spec(tmp_path_factory.mktemp("samples"), yaml.safe_dump(spec)))


def validator(schema_name: str, version: str) -> Any:
    # the schema refers into the document it is part of, as in the spec
    schema = {"components": {"schemas": SCHEMAS}, "$ref": f"#/components/schemas/{schema_name}"}
    if version == "3.0":
        return OAS30Validator(schema, format_checker=oas30_format_checker)
    return OAS31Validator(schema, format_checker=oas31_format_checker)


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_a_sample_is_valid_for_its_schema(document: Any, name: str) -> None:
    value = sample(document, {"$ref": f"#/components/schemas/{name}"})
    errors = [f"{list(error.absolute_path)}: {error.message}" for error in validator(name, "3.0").iter_errors(value)]
    assert errors == [], value


def test_the_rules_that_real_specs_broke(document: Any) -> None:
    assert sample(document, {"$ref": "#/components/schemas/AccountSid"}) == "AC" + "0" * 32
    payment = sample(document, {"$ref": "#/components/schemas/Payment"})
    assert payment["amount"] == {"currency": "sam", "value": 1}
    assert payment["lines"][0] == {"sku": "AAA-0000", "quantity": 1.0, "note": "sample"}
    assert len({repr(line) for line in payment["lines"]}) == 3
    assert sample(document, {"$ref": "#/components/schemas/Bill"}) == {"status": "Open", "total": 2}
    assert sample(document, {"$ref": "#/components/schemas/Payment method"}) == {
        "bankAccountNumber": "sample",
        "type": "ach",
    }
    assert sample(document, {"$ref": "#/components/schemas/Render"}) == {"url": "sample"}


def test_bounds_of_openapi_3_1(tmp_path: Path) -> None:
    schema = {"type": "number", "exclusiveMinimum": 2, "exclusiveMaximum": 3}
    spec = {
        "openapi": "3.1.0",
        "info": {"title": "T", "version": "1"},
        "paths": {},
        "components": {"schemas": {"Between": schema}},
    }
    value = sample(load_document(write_spec(tmp_path, yaml.safe_dump(spec))), schema)
    assert 2 < value < 3


def test_a_sampled_variant_carries_the_tag_the_models_select_it_by(tmp_path: Path) -> None:
    """The samples and the models read a discriminator's mapping alike (`nodes`): a value that
    names a component, and an unmapped variant selected by its schema's name, `~1` unescaped."""
    variant = {"type": "object", "required": ["kind"], "properties": {"kind": {"type": "string"}}}
    pets = [{"$ref": "#/components/schemas/Dog"}, {"$ref": "#/components/schemas/a~1cat"}]
    spec = {
        "openapi": "3.0.3",
        "info": {"title": "T", "version": "1"},
        "paths": {},
        "components": {
            "schemas": {
                "Dog": variant,
                "a/cat": variant,
                "Pet": {"oneOf": pets, "discriminator": {"propertyName": "kind", "mapping": {"dog": "Dog"}}},
                "Cat": {"oneOf": pets[::-1], "discriminator": {"propertyName": "kind", "mapping": {"dog": "Dog"}}},
            }
        },
    }
    document = load_document(write_spec(tmp_path, yaml.safe_dump(spec)))
    assert sample(document, {"$ref": "#/components/schemas/Pet"}) == {"kind": "dog"}
    assert sample(document, {"$ref": "#/components/schemas/Cat"}) == {"kind": "a/cat"}
    [pet] = [t for t in build_api(document, Warnings()).types if t.name == "Pet"]
    assert pet.type.discriminator.tags == (("dog", "Dog"), ("a/cat", "ACat"))


def test_an_unmapped_variant_that_fixes_its_tag_is_sampled_with_it(tmp_path: Path) -> None:
    """OpenAI's messages: a discriminator without a mapping over variants that each allow one
    `role`; the sample takes the variant's value, which its TypedDict's Literal accepts."""

    def message(role: dict[str, Any]) -> dict[str, Any]:
        return {"type": "object", "required": ["role"], "properties": {"role": {"type": "string", **role}}}

    variants = [{"$ref": "#/components/schemas/DeveloperMessage"}, {"$ref": "#/components/schemas/ToolMessage"}]
    spec = {
        "openapi": "3.1.0",
        "info": {"title": "T", "version": "1"},
        "paths": {},
        "components": {
            "schemas": {
                "DeveloperMessage": message({"enum": ["developer"]}),
                "ToolMessage": message({"const": "tool"}),
                "Message": {"oneOf": variants, "discriminator": {"propertyName": "role"}},
                "Reply": {"oneOf": variants[::-1], "discriminator": {"propertyName": "role"}},
            }
        },
    }
    document = load_document(write_spec(tmp_path, yaml.safe_dump(spec)))
    assert sample(document, {"$ref": "#/components/schemas/Message"}) == {"role": "developer"}
    assert sample(document, {"$ref": "#/components/schemas/Reply"}) == {"role": "tool"}


@pytest.mark.parametrize(
    "pattern",
    [
        r"^AC[0-9a-fA-F]{32}$",
        r"^\d{3}-\d{2}$",
        r"^[^,\s]+$",
        r"^(a|b)\1c$",
        r"^\w+@\w+\.com$",
        r"^(?=x)x\S*$",
        r"^[A-Z]{2}(?:\d{2})?$",
        r"^(?P<w>z)(?P=w)$",
        r"^\p{L}+$",
    ],
)
def test_strings_made_from_patterns_match_them(pattern: str) -> None:
    try:
        re.compile(pattern)
    except re.error:
        assert from_pattern(pattern) is None  # ECMA-262 syntax Python lacks: not followed
        return
    text = from_pattern(pattern, 10)
    assert text is not None and re.search(pattern, text), text


def test_a_path_parameter_sample_is_never_empty(tmp_path: Path) -> None:
    """AWS's `pattern: .*, minLength: 0` path parameters: "" would be refused by the client."""
    anything = {"type": "string", "pattern": ".*", "minLength": 0, "maxLength": 64}
    spec = {
        "openapi": "3.0.3",
        "info": {"title": "T", "version": "1"},
        "paths": {
            "/users/{arn}/endpoints/{id}": {
                "get": {
                    "operationId": "getEndpoint",
                    "parameters": [
                        {"name": "arn", "in": "path", "required": True, "schema": anything},
                        {"name": "id", "in": "path", "required": True, "schema": {"$ref": "#/components/schemas/Id"}},
                        {"name": "q", "in": "query", "required": True, "schema": anything},
                    ],
                    "responses": {"204": {"description": "ok"}},
                }
            }
        },
        "components": {"schemas": {"Id": {"type": "string", "maxLength": 0}}},
    }
    api = build_api(load_document(write_spec(tmp_path, yaml.safe_dump(spec))), Warnings())
    [operation] = api.resources[0].operations
    assert {parameter.wire_name: parameter.sample for parameter in operation.parameters} == {
        "arn": "a",
        "id": "sample",
        "q": "",
    }


def test_files_in_a_list_are_sampled_as_files(tmp_path: Path) -> None:
    """OpenAI's image edits take a list of files: a list's items are copies of one sample, and
    each stays a file (it was an internal error: `not a JSON value: Binary()`)."""
    from generator.pipeline import generate_files

    spec = write_spec(
        tmp_path,
        """
openapi: 3.0.3
info: {title: Images, version: '1'}
paths:
  /edits:
    post:
      operationId: editImage
      requestBody:
        required: true
        content:
          multipart/form-data:
            schema:
              type: object
              required: [image]
              properties:
                image: {type: array, minItems: 2, items: {type: string, format: binary}}
      responses:
        '200': {description: ok}
""",
    )
    test_module = generate_files(spec).files["tests/test_images_edits.py"].decode()
    assert 'image=[b"sample", b"sample"]' in test_module
