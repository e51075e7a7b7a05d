import re
from pathlib import Path

import pytest

from generator.errors import GeneratorError, Warnings
from generator.load import load_document
from generator.validate import conforms, validate

from .conftest import FIRECRAWL_SPECS, FULL_SPEC, write_spec


def test_upstream_firecrawl_spec_has_default_warnings_only() -> None:
    warnings = Warnings()
    validate(load_document(FULL_SPEC), warnings)
    pointers = sorted(str(w.location.pointer) for w in warnings.items)
    # the 4 array defaults openapi-spec-validator reports, plus the inline /search one it misses
    assert pointers == [
        "/components/schemas/Formats/default",
        "/components/schemas/ParseFormats/default",
        "/components/schemas/ParseOptions/properties/parsers/default",
        "/components/schemas/ScrapeOptions/properties/parsers/default",
        "/paths/~1search/post/requestBody/content/application~1json/schema/properties/sources/default",
    ]
    assert all("does not match the schema" in w.message for w in warnings.items)


def test_strict_turns_the_first_warning_into_an_error() -> None:
    with pytest.raises(GeneratorError) as caught:
        validate(load_document(FULL_SPEC), Warnings(strict=True))
    assert "#/components/schemas/Formats/default" in str(caught.value)
    assert "--strict" in str(caught.value)


@pytest.mark.parametrize("spec", sorted(FIRECRAWL_SPECS.glob("**/*.json")), ids=lambda p: p.name)
def test_every_firecrawl_version_is_structurally_valid(spec: Path) -> None:
    validate(load_document(spec), Warnings())


@pytest.mark.parametrize(
    ("text", "pointer", "message"),
    [
        ("openapi: 2.5.0\ninfo: {title: t, version: '1'}\npaths: {}\n", "#/openapi", "not supported"),
        ("openapi: 3.0.3\npaths: {}\n", "#", "required field 'info' is missing"),
        ("openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: [1, 2]\n", "#/paths", "valid dictionary"),
        (
            "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      responses:\n        '200': {content: {}}\n",
            "#/paths/~1a/get/responses/200",
            "required field 'description' is missing",
        ),
    ],
)
def test_structural_errors_name_the_pointer(tmp_path: Path, text: str, pointer: str, message: str) -> None:
    with pytest.raises(GeneratorError) as caught:
        validate(load_document(write_spec(tmp_path, text)), Warnings())
    line = str(caught.value)
    assert re.search(rf"spec\.yaml(:\d+)?{re.escape(pointer)}: ", line), line
    assert message in line


def test_conformance_of_values_to_schemas(tmp_path: Path) -> None:
    document = load_document(write_spec(tmp_path, "openapi: 3.0.3\ncomponents:\n  schemas:\n    S: {type: string, enum: [a, b]}\n"))
    ref = {"$ref": "#/components/schemas/S"}
    assert conforms(document, "a", ref)
    assert not conforms(document, "c", ref)
    assert conforms(document, None, {"type": "string", "nullable": True})
    assert conforms(document, None, {"type": ["string", "null"]})
    assert not conforms(document, True, {"type": "integer"})
    assert conforms(document, 3.0, {"type": "integer"})
    assert not conforms(document, ["x"], {"type": "array", "items": {"type": "object"}})
    assert conforms(document, [{"type": "x"}], {"type": "array", "items": {"oneOf": [{"type": "object"}, {"type": "string"}]}})
    assert not conforms(document, {"n": "x"}, {"type": "object", "properties": {"n": {"type": "integer"}}})
