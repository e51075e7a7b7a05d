"""The arguments extensions and configuration add (x-clientgen-name, x-clientgen-flatten,
idempotency-header, body-defaults) as the IR builds them, and each mistake as one error at its
place."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.config import load_targets
from generator.errors import GeneratorError, Warnings
from generator.ir import build_api
from generator.ir.model import Api, Parameter
from generator.options import ArgumentOptions, ClientOptions
from generator.spec import load_document

from .conftest import write_spec

SPEC = """
openapi: 3.1.0
info: {title: Crawler, version: '1'}
paths:
  /crawls:
    post:
      operationId: startCrawl
      FLATTEN
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              required: [url, options]
              properties:
                url: {type: string}
                limit: {type: integer}
                origin: {type: string}
                options: {$ref: '#/components/schemas/Options'}
                scrapeOptions: {$ref: '#/components/schemas/Options'}
      responses:
        '204': {description: Started.}
  /crawls/{id}:
    parameters:
      - {name: id, in: path, required: true, schema: {type: string}, NAME}
    get:
      operationId: getCrawl
      parameters:
        - {name: jobId, in: query, schema: {type: string}}
      responses:
        '204': {description: The crawl.}
    delete:
      operationId: cancelCrawl
      responses:
        '204': {description: Cancelled.}
components:
  schemas:
    Options:
      type: object
      properties:
        formats: {type: array, items: {type: string}}
        limit: {type: integer}
        timeout: {type: integer}
"""


def build(
    tmp_path: Path, flatten: str = "", name: str = "x-clientgen-name: crawl_id", **options: object
) -> tuple[Api, Warnings]:
    spec = SPEC.replace("FLATTEN", flatten).replace("NAME", name)
    warnings = Warnings()
    document = load_document(write_spec(tmp_path, spec))
    return build_api(document, warnings, ClientOptions(arguments=ArgumentOptions(**options))), warnings  # type: ignore[arg-type]


def arguments_of(api: Api, method: str) -> list[Parameter]:
    return next(op for op in api.operations if op.name == method).parameters


def error_of(tmp_path: Path, **given: str) -> tuple[str, str]:
    with pytest.raises(GeneratorError) as caught:
        build(tmp_path, **given)
    location = caught.value.diagnostic.location
    assert location is not None
    return location.pointer or "", caught.value.diagnostic.message


def test_a_path_parameter_takes_the_name_chosen_in_each_of_its_operations(tmp_path: Path) -> None:
    api, _ = build(tmp_path)
    assert [(p.name, p.wire_name) for p in arguments_of(api, "get_crawl")] == [("crawl_id", "id"), ("job_id", "jobId")]
    assert [p.name for p in arguments_of(api, "cancel_crawl")] == ["crawl_id"]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("x-clientgen-name: jobId", "'jobId' is not a Python argument name in snake_case"),
        ("x-clientgen-name: timeout", "'timeout' is already an argument of this operation"),
        ("x-clientgen-name: [a]", "['a'] is not a Python argument name"),
    ],
)
def test_a_name_that_cannot_be_an_argument_is_an_error_at_its_place(tmp_path: Path, name: str, message: str) -> None:
    pointer, found = error_of(tmp_path, name=name)
    assert pointer == "/paths/~1crawls~1{id}/parameters/0/x-clientgen-name"
    assert message in found


def test_the_flattened_fields_follow_the_body_prefixed_where_taken(tmp_path: Path) -> None:
    api, _ = build(tmp_path, flatten="x-clientgen-flatten: [{property: scrapeOptions, except: [timeout]}]")
    spread = [(p.name, p.within) for p in arguments_of(api, "start_crawl") if p.within is not None]
    assert spread == [
        ("formats", ("scrape_options", "formats")),
        ("scrape_options_limit", ("scrape_options", "limit")),
    ]
    assert all(not p.required for p in arguments_of(api, "start_crawl") if p.within is not None)


@pytest.mark.parametrize(
    ("flatten", "where", "message"),
    [
        ("x-clientgen-flatten: scrapeOptions", "", "must be a list of body properties"),
        ("x-clientgen-flatten: [nope]", "/0", "the body has no property 'nope' (those: url, limit, origin, options"),
        ("x-clientgen-flatten: [options]", "/0", "'options' must be an optional object with properties"),
        ("x-clientgen-flatten: [limit]", "/0", "'limit' must be an optional object"),
        ("x-clientgen-flatten: [{property: scrapeOptions, except: [nope]}]", "/0/except", "no property 'nope'"),
        ("x-clientgen-flatten: [{except: [limit]}]", "/0", "must be a property's name or {property: name"),
    ],
)
def test_flattening_mistakes_are_one_error_at_their_place(
    tmp_path: Path, flatten: str, where: str, message: str
) -> None:
    pointer, found = error_of(tmp_path, flatten=flatten)
    assert pointer == "/paths/~1crawls/post/x-clientgen-flatten" + where
    assert message in found


def test_body_defaults_go_to_the_fields_that_take_them(tmp_path: Path) -> None:
    api, warnings = build(tmp_path, body_defaults={"origin": "sdk/1", "integration": "x"})
    [origin] = [p for p in arguments_of(api, "start_crawl") if p.wire_name == "origin"]
    assert (origin.sent_default, origin.must_be_passed) == ("sdk/1", False)
    [warning] = [w.message for w in warnings.items]
    assert "no JSON request body has a field 'integration'" in warning
    with pytest.raises(GeneratorError, match="body-defaults gives limit = 'ten'"):
        build(tmp_path, body_defaults={"limit": "ten"})


def test_a_configured_idempotency_key_for_every_call_but_safe_ones(tmp_path: Path) -> None:
    api, _ = build(tmp_path, idempotency_header="X-Idempotency-Key")
    headers = {op.name: op.idempotency_header for op in api.operations}
    assert headers == {"start_crawl": "X-Idempotency-Key", "get_crawl": None, "cancel_crawl": "X-Idempotency-Key"}
    [key] = [p for p in arguments_of(api, "cancel_crawl") if p.location == "header"]
    assert (key.name, key.wire_name, key.required) == ("idempotency_key", "X-Idempotency-Key", False)
    plain, _ = build(tmp_path)
    assert all(op.idempotency_header is None for op in plain.operations)


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        ('idempotency-header = "Idempotency Key"', "idempotency-header must be an HTTP header name"),
        ("body-defaults = 3", "body-defaults must be a table of body fields to values"),
        ("[tool.generator.targets.body-defaults]\norigin = [1]", "body-defaults.'origin' must be a string, a number"),
    ],
)
def test_configuration_mistakes_name_the_key(tmp_path: Path, lines: str, message: str) -> None:
    config = tmp_path / "pyproject.toml"
    config.write_text(f'[[tool.generator.targets]]\nname = "x"\nspec = "s.yaml"\noutput = "o"\n{lines}\n')
    with pytest.raises(GeneratorError, match=message):
        load_targets(config)


def test_the_configuration_reaches_the_generation(tmp_path: Path) -> None:
    config = tmp_path / "pyproject.toml"
    config.write_text(
        '[[tool.generator.targets]]\nname = "x"\nspec = "s.yaml"\noutput = "o"\n'
        'idempotency-header = "Idempotency-Key"\n[tool.generator.targets.body-defaults]\norigin = "sdk"\n'
    )
    [target] = load_targets(config)
    assert target.inputs.arguments == ArgumentOptions("Idempotency-Key", {"origin": "sdk"})


SENT_DEFAULT = """
openapi: 3.1.0
info: {title: Scraper, version: '1'}
paths:
  /scrape:
    post:
      operationId: scrape
      requestBody:
        content:
          MEDIA:
            schema:
              allOf:
                - {type: object, properties: {url: {type: string}}}
                - $ref: '#/components/schemas/Options'
      responses:
        '204': {description: Scraped.}
components:
  schemas:
    Options:
      type: object
      properties:
        formats: {type: array, items: {type: string}}
        maxAge: {type: integer, x-clientgen-sent-default: VALUE}
"""


@pytest.mark.parametrize("value", ["'4h'", "true", "1.5", "[1]"])
def test_a_sent_default_the_field_does_not_take_is_an_error_at_its_place(tmp_path: Path, value: str) -> None:
    spec = SENT_DEFAULT.replace("MEDIA", "application/json").replace("VALUE", value)
    with pytest.raises(GeneratorError) as raised:
        build_api(load_document(write_spec(tmp_path, spec)), Warnings())
    location = raised.value.diagnostic.location
    assert (
        location is not None
        and location.pointer == "/components/schemas/Options/properties/maxAge/x-clientgen-sent-default"
    )
    assert "must be a string, a number or a boolean the field takes" in raised.value.diagnostic.message


def test_a_sent_default_goes_with_the_fields_of_the_object_that_declares_it(tmp_path: Path) -> None:
    spec = SENT_DEFAULT.replace("MEDIA", "application/json").replace("VALUE", "14400000")
    body = build_api(load_document(write_spec(tmp_path, spec)), Warnings()).operations[0].body
    assert body is not None
    (group,) = body.option_defaults
    assert (group.values, group.fields, group.within) == ({"maxAge": 14400000}, ("formats", "maxAge"), None)


def test_a_sent_default_in_a_body_that_is_not_json_is_a_warning(tmp_path: Path) -> None:
    spec = SENT_DEFAULT.replace("MEDIA", "application/x-www-form-urlencoded").replace("VALUE", "14400000")
    warnings = Warnings()
    body = build_api(load_document(write_spec(tmp_path, spec)), warnings).operations[0].body
    assert body is not None and body.option_defaults == []
    (warning,) = [w for w in warnings.items if "x-clientgen-sent-default" in w.message]
    assert "only sent in JSON bodies; this form body's are not sent" in warning.message
    assert (
        warning.location.pointer == "/paths/~1scrape/post/requestBody/content/application~1x-www-form-urlencoded/schema"
    )


def test_a_sent_default_goes_wherever_its_object_is_sent(tmp_path: Path) -> None:
    """Deeper objects, array items and `oneOf` variants carry them too (firecrawl-py fills the
    scrape options of each of a monitor's targets)."""
    deeper = (
        "maxAge: {type: integer}\n"
        "        targets:\n"
        "          type: array\n"
        "          items:\n"
        "            oneOf:\n"
        "              - type: object\n"
        "                properties:\n"
        "                  options: {type: object, properties: {country: {type: string, x-clientgen-sent-default: de}}}"
    )
    spec = SENT_DEFAULT.replace("MEDIA", "application/json").replace(
        "maxAge: {type: integer, x-clientgen-sent-default: VALUE}", deeper
    )
    warnings = Warnings()
    body = build_api(load_document(write_spec(tmp_path, spec)), warnings).operations[0].body
    assert body is not None and not [w for w in warnings.items if "not sent" in w.message]
    (group,) = body.option_defaults
    assert (group.values, group.within) == ({"country": "de"}, ("targets", "*", "options"))


def test_a_sent_default_the_client_cannot_send_is_a_warning_at_its_place(tmp_path: Path) -> None:
    """A map's values have no place the client knows to fill: a sent default there would never
    be sent, and says so."""
    deeper = (
        "maxAge: {type: integer}\n"
        "        location:\n"
        "          type: object\n"
        "          additionalProperties:\n"
        "            type: object\n"
        "            properties:\n"
        "              country: {type: string, enum: [us, de], x-clientgen-sent-default: de}"
    )
    spec = SENT_DEFAULT.replace("MEDIA", "application/json").replace(
        "maxAge: {type: integer, x-clientgen-sent-default: VALUE}", deeper
    )
    assert "x-clientgen-sent-default: de" in spec
    warnings = Warnings()
    body = build_api(load_document(write_spec(tmp_path, spec)), warnings).operations[0].body
    assert body is not None and body.option_defaults == []
    (warning,) = [w for w in warnings.items if "not sent" in w.message]
    place = "/components/schemas/Options/properties/location/additionalProperties/properties/country"
    assert warning.location.pointer == place + "/x-clientgen-sent-default"
