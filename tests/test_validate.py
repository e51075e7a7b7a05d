import re
from pathlib import Path

import pytest

from generator.errors import Diagnostic, GeneratorError, Location, Warnings
from generator.spec import load_document
from generator.validate import conforms, validate, validate_in_background

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
            "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      responses:\n      "
            "  '200': {content: {}}\n",
            "#/paths/~1a/get/responses/200",
            "required field 'description' is missing",
        ),
        # each path item, component and webhook is validated as a part of its own, at its place
        (
            "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  responses:\n"
            "    Gone: {content: {}}\n",
            "#/components/responses/Gone",
            "required field 'description' is missing",
        ),
        ("openapi: 3.0.3\ninfo: {title: t}\npaths:\n  /a: {}\n", "#/info", "required field 'version' is missing"),
        (
            "openapi: 3.1.0\ninfo: {title: t, version: '1'}\nwebhooks:\n  ping:\n    post:\n      responses:\n"
            "        '200': {}\n",
            "#/webhooks/ping/post/responses/200",
            "required field 'description' is missing",
        ),
        # the deepest problem of all the parts is named, and the others counted
        (
            "openapi: 3.0.3\ninfo: {title: t}\npaths:\n  /a:\n    get:\n      responses:\n"
            "        '200': {content: {}}\n",
            "#/paths/~1a/get/responses/200",
            "(2 more problems of the same kind)",  # info's, and the response's as a reference
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
    document = load_document(
        write_spec(tmp_path, "openapi: 3.0.3\ncomponents:\n  schemas:\n    S: {type: string, enum: [a, b]}\n")
    )
    ref = {"$ref": "#/components/schemas/S"}
    assert conforms(document, "a", ref)
    assert not conforms(document, "c", ref)
    assert conforms(document, None, {"type": "string", "nullable": True})
    assert conforms(document, None, {"type": ["string", "null"]})
    assert not conforms(document, True, {"type": "integer"})
    assert conforms(document, 3.0, {"type": "integer"})
    assert not conforms(document, ["x"], {"type": "array", "items": {"type": "object"}})
    assert conforms(
        document, [{"type": "x"}], {"type": "array", "items": {"oneOf": [{"type": "object"}, {"type": "string"}]}}
    )
    assert not conforms(document, {"n": "x"}, {"type": "object", "properties": {"n": {"type": "integer"}}})


def test_examples_and_duplicate_operation_ids_are_warnings(tmp_path: Path) -> None:
    from generator.pipeline import generate_files

    spec = write_spec(
        tmp_path,
        """
openapi: 3.0.3
info: {title: T, version: '1'}
paths:
  /a:
    get:
      operationId: fetch
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {type: object, properties: {n: {type: integer, example: many}}}
              examples:
                good: {value: {n: 1}}
                bad: {value: {n: "one"}}
  /b:
    get:
      operationId: fetch
      responses: {'204': {description: ok}}
  /c:
    get:
      tags: [a]
      operationId: fetch-c
      responses: {'204': {description: ok}}
  /d:
    get:
      tags: [a]
      operationId: fetchC
      responses: {'204': {description: ok}}
""",
    )
    generated = generate_files(spec)
    messages = sorted((w.location.pointer or "", w.message) for w in generated.warnings)
    assert messages == [
        (
            "/paths/~1a/get/responses/200/content/application~1json/examples/bad/value",
            "example {'n': 'one'} does not match the schema",
        ),
        (
            "/paths/~1a/get/responses/200/content/application~1json/schema/properties/n/example",
            "example 'many' does not match the schema",
        ),
        ("/paths/~1b/get/operationId", "operationId 'fetch' is not unique: GET /a has it too"),
        ("/paths/~1d/get/operationId", "method name 'fetch_c' is already used in AResource; a numbered name is used"),
    ]
    assert sorted(o.name for o in generated.api.operations) == ["fetch", "fetch", "fetch_c", "fetch_c_2"]


def _validation_outcome(spec: Path, strict: bool, background: bool) -> tuple[list[str], str | None]:
    """(warnings, error) of validating `spec` with a lone-surrogate warning already collected."""
    warnings = Warnings(strict=strict)
    warnings.items.append(Diagnostic(Location(spec), "collected before validation"))
    document = load_document(spec)
    try:
        if background:
            validate_in_background(document, warnings)()
        else:
            validate(document, warnings)
    except GeneratorError as exc:
        return [str(w) for w in warnings.items], str(exc)
    return [str(w) for w in warnings.items], None


@pytest.mark.parametrize("strict", [False, True])
def test_validating_in_a_worker_process_gives_the_same_warnings_and_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, strict: bool
) -> None:
    broken = write_spec(tmp_path, "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {/a: {get: 1}}\n")
    for spec in (FULL_SPEC, broken):
        inline = _validation_outcome(spec, strict, background=False)
        monkeypatch.setattr("generator.validate.BACKGROUND_FROM_SIZE", 0)  # every spec goes to a worker
        in_worker = _validation_outcome(spec, strict, background=True)
        monkeypatch.undo()
        assert in_worker == inline
        assert inline[1] is not None or len(inline[0]) > 1  # an error or real warnings were compared


def test_examples_that_are_not_a_list_are_a_warning(tmp_path: Path) -> None:
    spec = write_spec(
        tmp_path,
        "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n"
        "    Status:\n      type: string\n      examples: {first: {value: done}}\n",
    )
    warnings = Warnings()
    validate(load_document(spec), warnings)
    assert [str(w).split("#")[1] for w in warnings.items] == [
        "/components/schemas/Status/examples: examples must be a list; ignored"
    ]
    with pytest.raises(GeneratorError, match="examples must be a list"):
        validate(load_document(spec), Warnings(strict=True))


def test_what_the_client_would_not_do_is_a_warning(tmp_path: Path) -> None:
    """A QUERY operation in a spec relabelled 3.1, or servers of one operation, were dropped silently."""
    spec = write_spec(
        tmp_path,
        """
openapi: 3.1.0
info: {title: Q, version: '1'}
paths:
  /items:
    servers: [{url: 'https://uploads.example'}]
    get:
      operationId: listItems
      servers: [{url: 'https://other.example'}]
      responses: {'200': {description: ok}}
    query:
      operationId: queryItems
      responses: {'200': {description: ok}}
    x-note: kept quiet
    bogus: 2
""",
    )
    warnings = Warnings()
    validate(load_document(spec), warnings)
    assert [(w.location.pointer, w.message) for w in warnings.items] == [
        ("/paths/~1items/query", "'query' is a path item field of OpenAPI 3.2, not of 3.1.0: ignored"),
        ("/paths/~1items/bogus", "unknown field 'bogus' of a path item: ignored"),
    ]  # the servers of the path item and of the operation are honoured (tests/features/servers)


BOOLEAN_COMPONENTS = """
openapi: VERSION
info: {title: B, version: '1'}
paths: {}
components:
  schemas:
    Anything: true
    Nothing: false
"""


@pytest.mark.parametrize("version", ["3.1.0", "3.2.0"])
def test_a_component_schema_may_be_a_boolean_from_3_1_on(tmp_path: Path, version: str) -> None:
    """JSON Schema's `true` and `false` are schemas of their own (3.2's own examples name two);
    they were refused as "not a dictionary" where a component stands."""
    validate(load_document(write_spec(tmp_path, BOOLEAN_COMPONENTS.replace("VERSION", version))), Warnings())


def test_a_boolean_schema_is_no_schema_of_3_0(tmp_path: Path) -> None:
    with pytest.raises(GeneratorError, match="#/components/schemas/Anything"):
        validate(load_document(write_spec(tmp_path, BOOLEAN_COMPONENTS.replace("VERSION", "3.0.3"))), Warnings())
