from pathlib import Path

import pytest

from generator.errors import GeneratorError, Warnings
from generator.inputs import Inputs
from generator.ir import build_api, default_package_name
from generator.ir.model import Encoding, Wait
from generator.ir.status_errors import documented_errors, error_class
from generator.ir.type_exprs import NONE, ListOf, LiteralOf, MapOf, Primitive, Ref, UnionOf
from generator.options import ClientOptions
from generator.pipeline import generate_files
from generator.spec import load_document

from .conftest import FULL_SPEC, ROOT, write_spec
from .golden import FEATURES

SEED_SPEC = ROOT / "specs" / "firecrawl-v2.yaml"


def build(path: Path, package: str | None = None):
    warnings = Warnings()
    return build_api(load_document(path), warnings, ClientOptions(package_name=package)), warnings


def test_seed_operation() -> None:
    api, warnings = build(SEED_SPEC)
    assert not warnings.items
    assert (api.package_name, api.client_class, api.env_prefix) == ("firecrawl", "Firecrawl", "FIRECRAWL")
    [resource] = api.resources
    assert (resource.attribute, resource.class_name) == ("scraping", "ScrapingResource")
    [operation] = resource.operations
    assert operation.name == "stop_interactive_scrape_browser_session"
    assert (operation.http_method, operation.path) == ("DELETE", "/scrape/{jobId}/interact")
    [job_id] = operation.parameters
    assert (job_id.name, job_id.wire_name, job_id.location, job_id.required) == ("job_id", "jobId", "path", True)
    assert operation.security == [["bearerAuth"]]
    assert [(r.status, r.type.target.name) for r in operation.responses] == [
        ("200", "StopInteractiveScrapeBrowserSessionResponse"),
        ("403", "SuccessErrorResponse"),  # identical schemas: one class
        ("404", "SuccessErrorResponse"),
    ]
    [scheme] = api.security_schemes
    assert (scheme.kind, scheme.arguments, scheme.env_vars) == ("bearer", ["api_key"], ["FIRECRAWL_API_KEY"])


def test_full_spec_every_operation_once_with_meaningful_names() -> None:
    api, warnings = build(FULL_SPEC)
    operations = api.operations
    assert len(operations) == 51
    assert len({o.operation_id for o in operations}) == 51
    # the operation with two tags (Search, Feedback) appears once, under its first tag
    [feedback] = [o for o in operations if o.operation_id == "submitSearchFeedback"]
    assert feedback in next(r for r in api.resources if r.tag == "Search").operations
    names = [t.name for t in api.types]
    assert len(names) == len(set(names))
    # no synthetic names: every inline type is named after where it stands
    assert not [n for n in names if n.rstrip("0123456789") != n and n != "MonitorSchedule2"]
    for expected in (
        "FormatsMarkdown",
        "FormatsChangeTracking",
        "ScrapeOptionsActionsWaitByDuration",
        "ScrapeResponseData",
    ):
        assert expected in names
    assert sorted(w.message for w in warnings.items if "required property" in w.message) == [
        "required property 'data' is not among the properties; ignored",
        "required property 'status' is not among the properties; ignored",
    ]


def test_full_spec_quirks() -> None:
    api, _ = build(FULL_SPEC)
    models = {m.name: m for m in api.models}
    metadata = models["ScrapeResponseDataMetadata"]
    odd = next(f for f in metadata.fields if f.wire_name == "<any other metadata> ")
    assert odd.name == "any_other_metadata"
    # the array without items
    scrape = next(o for o in api.operations if o.operation_id == "scrapeAndExtractFromUrl")
    body_names = [p.wire_name for p in scrape.parameters if p.location == "body"]
    assert body_names[0] == "url" and body_names[-1] == "zeroDataRetention" and "formats" in body_names
    assert scrape.body.flattened and scrape.body.encoding == "json"
    # `timeout` is the per-call option in every method: its `timeout` body field takes its location's name
    assert "timeout" not in [p.name for p in scrape.parameters]
    assert next(p for p in scrape.parameters if p.wire_name == "timeout").name == "body_timeout"
    parse = next(o for o in api.operations if o.operation_id == "parseFile")
    assert parse.body.encoding == "multipart"
    encodings = {p.wire_name: p.encoding for p in parse.parameters if p.location == "body"}
    assert encodings["options"] == Encoding(None, content_type="application/json")
    assert next(p for p in parse.parameters if p.name == "file").type == Primitive("file")


def test_schema_constructs(tmp_path: Path) -> None:
    spec = write_spec(
        tmp_path,
        """
openapi: 3.1.0
info: {title: Shapes API, version: '1'}
paths:
  /shapes:
    get:
      operationId: getShapes
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  shape: {$ref: '#/components/schemas/Shape'}
                  tags: {type: object, additionalProperties: {type: string}}
                  maybe: {type: [string, 'null']}
                  level: {enum: [1, 2, null]}
                  items: {type: array}
components:
  schemas:
    Shape:
      oneOf:
        - {type: object, title: Circle, properties: {radius: {type: number}}}
        - {type: object, properties: {kind: {const: square}, side: {type: number}}}
    Node:
      type: object
      properties:
        children: {type: array, items: {$ref: '#/components/schemas/Node'}}
        parent: {$ref: '#/components/schemas/Tree'}
    Tree:
      type: object
      properties:
        root: {$ref: '#/components/schemas/Node'}
""",
    )
    api, _ = build(spec)
    assert api.package_name == "shapes"
    types = {t.name: t for t in api.types}
    shape = types["Shape"]
    assert isinstance(shape.type, UnionOf)
    assert [v.target.name for v in shape.type.variants] == ["ShapeCircle", "ShapeSquare"]
    response = types["GetShapesResponse"]
    fields = {f.name: f.type for f in response.fields}
    assert fields["shape"] == Ref(shape)
    assert fields["tags"] == MapOf(Primitive("str"))
    assert fields["maybe"] == UnionOf((Primitive("str"), NONE))
    assert fields["level"] == UnionOf((LiteralOf((1, 2)), NONE))
    assert fields["items"] == ListOf(Primitive("any"))
    # mutually recursive components share one module
    modules = {m.name: [t.name for t in m.types] for m in api.type_modules}
    assert types["Node"].module == types["Tree"].module
    assert sorted(modules[types["Node"].module]) == ["Node", "Tree"]


def test_allof_merges_and_reuses_component_inline_types(tmp_path: Path) -> None:
    spec = write_spec(
        tmp_path,
        """
openapi: 3.0.3
info: {title: T, version: '1'}
paths:
  /things:
    post:
      operationId: makeThing
      requestBody:
        content:
          application/json:
            schema:
              allOf:
                - {$ref: '#/components/schemas/Base'}
                - {type: object, required: [extra], properties: {extra: {type: string}}}
      responses:
        '204': {description: done}
components:
  schemas:
    Base:
      type: object
      required: [id]
      properties:
        id: {type: string}
        location: {type: object, properties: {country: {type: string}}}
""",
    )
    api, _ = build(spec)
    [operation] = api.operations
    body = {p.name: p for p in operation.parameters}
    assert body["id"].required and body["extra"].required and not body["location"].required
    assert body["location"].type.target.name == "BaseLocation"
    assert [t.name for t in api.types] == ["Base", "BaseLocation"]  # no model for the flattened body


def test_default_package_name() -> None:
    assert default_package_name("Firecrawl API") == "firecrawl"
    assert default_package_name("The Cat Facts Api") == "the_cat_facts"
    assert default_package_name("2048 game") == "v2048_game"
    # names an import would find elsewhere first (found by a real Swagger 2.0 spec, whapi's Numbers)
    assert default_package_name("Numbers") == "numbers_client"
    assert default_package_name("HTTPX API") == "httpx_client"


def test_odd_wire_names_keep_their_keys(tmp_path: Path, import_client, server) -> None:  # type: ignore[no-untyped-def]
    """Non-ASCII and private-looking wire names: the fields and the TypedDict keys are plain
    Python names, and the runtime sends the wire names, unchanged."""
    from generator.pipeline import generate_files
    from generator.write import write_project

    spec = write_spec(
        tmp_path,
        """
openapi: 3.0.3
info: {title: Odd, version: '1'}
paths:
  /x:
    post:
      operationId: send
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                nested:
                  type: object
                  properties:
                    "café": {type: string}
                    "ﬁle": {type: string}
                    "__secret": {type: string}
      responses: {'204': {description: ok}}
""",
    )
    out = tmp_path / "out"
    write_project(generate_files(spec).files, out)
    odd = import_client(out, "odd")
    from odd.types import SendRequestNestedParam

    assert set(SendRequestNestedParam.__annotations__) == {"cafe", "file", "secret"}
    fields = odd.types.SendRequestNested.model_fields
    assert sorted(field.serialization_alias for field in fields.values()) == sorted(["café", "ﬁle", "__secret"])
    assert all(field.validation_alias == field.serialization_alias for field in fields.values())
    assert all(name.isascii() and name.isidentifier() for name in fields)
    server.reply(204)
    odd.Odd(base_url=server.url).x.send(nested={"cafe": "c", "file": "f", "secret": "s"})
    assert server.requests[0].json() == {"nested": {"café": "c", "ﬁle": "f", "__secret": "s"}}


def test_tags_with_the_same_class_name_get_numbered_before_resource(tmp_path: Path) -> None:
    spec = write_spec(
        tmp_path,
        "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n"
        "  /a: {get: {tags: [Email identities], operationId: listA, responses: {'204': {description: ok}}}}\n"
        "  /b: {get: {tags: [EmailIdentities], operationId: listB, responses: {'204': {description: ok}}}}\n",
    )
    api, _ = build(spec)
    assert [(r.attribute, r.class_name, r.async_class_name) for r in api.resources] == [
        ("email_identities", "EmailIdentitiesResource", "AsyncEmailIdentitiesResource"),
        ("email_identities_2", "EmailIdentities2Resource", "AsyncEmailIdentities2Resource"),
    ]


def test_type_references_print_their_name_only() -> None:
    """The repr of a Ref used to print its target, which prints the types it refers to, and so on:
    for Microsoft Graph's spec that took more than 20 GB."""
    api, _ = build(FULL_SPEC)
    response = next(op for op in api.operations if op.name == "scrape_and_extract_from_url").success_responses[0]
    assert repr(response.type) == "Ref(ScrapeResponse)"


JOB_SPEC = """
openapi: 3.0.3
info: {title: Jobs, version: '1'}
paths:
  /jobs/{id}:
    get:
      operationId: getJob
      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
      EXTENSION
      responses:
        '200':
          description: A job.
          content:
            application/json:
              schema: {type: object, properties: {status: {type: string}, tags: {type: array, items: {type: string}}}}
"""


@pytest.mark.parametrize(
    ("extension", "where", "message"),
    [
        (
            "x-clientgen-wait: {property: nope, until: [done]}",
            "/x-clientgen-wait/property",
            "has no property 'nope' to wait on",
        ),
        ("x-clientgen-wait: {property: status}", "/x-clientgen-wait/until", "must be a non-empty list"),
        (
            "x-clientgen-wait: {property: status, until: [done], interval: 0}",
            "/x-clientgen-wait/interval",
            "must be a positive number",
        ),
        (
            "x-clientgen-wait: {property: status, until: [done], name: waitJob}",
            "/x-clientgen-wait/name",
            "not a Python method name",
        ),
        (
            "x-clientgen-wait: {property: status, until: [done], name: get_job}",
            "/x-clientgen-wait/name",
            "already a member of this resource",
        ),
        ("x-clientgen-wait: [status]", "/x-clientgen-wait", "must be an object with `property`"),
        ("x-clientgen-pages: {items: status, next: status}", "/x-clientgen-pages/items", "'status' is not an array"),
        (
            "x-clientgen-pages: {items: nope, next: status}",
            "/x-clientgen-pages/items",
            "has no property 'nope' to take items from",
        ),
        (
            "x-clientgen-pages: {items: tags, next: nope}",
            "/x-clientgen-pages/next",
            "has no property 'nope' with the next page's URL",
        ),
        ("x-clientgen-pages: {items: tags}", "/x-clientgen-pages", "a next_url style needs `next`"),
        (
            "x-clientgen-pages: {items: tags, next: status, cursor: page}",
            "/x-clientgen-pages/cursor",
            "no query parameter or body field 'page'",
        ),
    ],
)
def test_extension_mistakes_are_one_error_at_their_place(
    tmp_path: Path, extension: str, where: str, message: str
) -> None:
    with pytest.raises(GeneratorError) as caught:
        build(write_spec(tmp_path, JOB_SPEC.replace("EXTENSION", extension)))
    assert caught.value.diagnostic.location.pointer == "/paths/~1jobs~1{id}/get" + where
    assert message in caught.value.diagnostic.message


START_SPEC = (
    JOB_SPEC
    + """
  /jobs:
    post:
      operationId: startJob
      x-clientgen-job: JOB
      responses:
        '200':
          description: Started.
          content:
            application/json:
              schema: {type: object, properties: {jobId: {type: string}}}
"""
)
WAITING = "x-clientgen-wait: {property: status, until: [done]}"


@pytest.mark.parametrize(
    ("status", "job", "where", "message"),
    [
        (
            WAITING,
            "{status: nope, id: jobId}",
            "/status",
            "no operation with operationId 'nope' among the 'jobs' operations",
        ),
        (
            "x-clientgen-pages: {items: tags, next: status}",
            "{status: getJob, id: jobId}",
            "/status",
            "'getJob' has no x-clientgen-wait",
        ),
        (WAITING, "{status: getJob, id: nope}", "/id", "has no property 'nope' with the job's id"),
        (WAITING, "{status: getJob}", "", "must be an object with `status` (an operationId), `id`"),
        (WAITING, "{status: getJob, id: jobId, name: get_job}", "/name", "already a member of this resource"),
        (
            WAITING + "\n      parameters: [{name: id, in: path, required: true, schema: {type: string}},"
            " {name: v, in: query, required: true, schema: {type: string}}]",
            "{status: getJob, id: jobId}",
            "/status",
            "must take exactly one required argument",
        ),
    ],
)
def test_job_mistakes_are_one_error_at_their_place(
    tmp_path: Path, status: str, job: str, where: str, message: str
) -> None:
    spec = START_SPEC.replace("EXTENSION", status).replace("JOB", job)
    if "name: v" in status:  # the status operation's own parameters, replaced
        spec = spec.replace("      parameters: [{name: id, in: path, required: true, schema: {type: string}}]\n", "", 1)
    with pytest.raises(GeneratorError) as caught:
        build(write_spec(tmp_path, spec))
    assert caught.value.diagnostic.location.pointer == "/paths/~1jobs/post/x-clientgen-job" + where
    assert message in caught.value.diagnostic.message


POSITIONAL_SPEC = """
openapi: 3.0.3
info: {title: Crawler, version: '1'}
paths:
  /sites/{site}/crawls:
    post:
      operationId: startCrawl
      x-clientgen-positional: POSITIONAL
      parameters:
        - {name: site, in: path, required: true, schema: {type: string}}
        - {name: dryRun, in: query, required: true, schema: {type: boolean}}
        - {name: X-Trace, in: header, required: true, schema: {type: string}}
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              required: [url]
              properties: {url: {type: string}, limit: {type: integer}}
      responses:
        '204': {description: Started.}
"""


def test_positional_arguments_follow_the_path_parameters_in_the_order_given(tmp_path: Path) -> None:
    api, _ = build(write_spec(tmp_path, POSITIONAL_SPEC.replace("POSITIONAL", "[url, dryRun]")))
    parameters = api.resources[0].operations[0].parameters
    assert [(p.name, p.positional) for p in parameters] == [
        ("site", True),
        ("url", True),
        ("dry_run", True),
        ("x_trace", False),
        ("limit", False),
    ]
    plain, _ = build(write_spec(tmp_path, POSITIONAL_SPEC.replace("POSITIONAL", "[]")))
    assert [p.name for p in plain.resources[0].operations[0].parameters if p.positional] == ["site"]


@pytest.mark.parametrize(
    ("positional", "where", "message"),
    [
        ("url", "", "must be a list of the names of arguments"),
        ("[limit, url]", "/1", "'url' is required: it cannot follow the optional 'limit'"),
        (
            "[url, nope]",
            "/1",
            "'nope' is no query parameter or body field of this operation (those: dryRun, limit, url)",
        ),
        ("[X-Trace]", "/0", "'X-Trace' is no query parameter or body field"),
        ("[url, url]", "/1", "'url' is named twice"),
    ],
)
def test_positional_mistakes_are_one_error_at_their_place(
    tmp_path: Path, positional: str, where: str, message: str
) -> None:
    with pytest.raises(GeneratorError) as caught:
        build(write_spec(tmp_path, POSITIONAL_SPEC.replace("POSITIONAL", positional)))
    assert (
        caught.value.diagnostic.location.pointer == "/paths/~1sites~1{site}~1crawls/post/x-clientgen-positional" + where
    )
    assert message in caught.value.diagnostic.message


def test_headers_that_frame_the_message_are_left_to_the_http_client(tmp_path: Path) -> None:
    spec = POSITIONAL_SPEC.replace("POSITIONAL", "[]").replace(
        "        - {name: X-Trace, in: header, required: true, schema: {type: string}}\n",
        "        - {name: X-Trace, in: header, required: true, schema: {type: string}}\n"
        "        - {name: Content-Length, in: header, required: true, schema: {type: number}}\n"
        "        - {name: host, in: header, schema: {type: string}}\n",
    )
    api, warnings = build(write_spec(tmp_path, spec))
    assert [p.wire_name for p in api.resources[0].operations[0].parameters if p.location == "header"] == ["X-Trace"]
    messages = [diagnostic.message for diagnostic in warnings.items]
    assert (
        "header Content-Length is the HTTP client's to set (from the body and the URL); the parameter is left out"
        in messages
    )
    assert any(message.startswith("header host is the HTTP client's") for message in messages)


def test_job_extension_links_the_start_to_a_later_status_operation(tmp_path: Path) -> None:
    spec = START_SPEC.replace("EXTENSION", WAITING).replace("JOB", "{status: getJob, id: jobId}")
    # the starting operation first: the status operation it names is built after it
    first, second = spec.split("  /jobs/{id}:")[1].split("  /jobs:")
    spec = spec.split("  /jobs/{id}:")[0] + "  /jobs:" + second + "  /jobs/{id}:" + first
    api, _ = build(write_spec(tmp_path, spec))
    start = next(operation for operation in api.operations if operation.name == "start_job")
    assert start.job is not None and start.job.status.name == "get_job"
    assert (start.job.name, start.job.id_attribute, start.job.id_parameter) == ("start_job_and_wait", "job_id", "id")
    assert start.option_names["poll_interval"] == "poll_interval" and "max_pages" in start.option_names


@pytest.mark.parametrize("media_type", ["text/event-stream", "application/x-ndjson"])
def test_a_stream_is_neither_waited_on_nor_paged(tmp_path: Path, media_type: str) -> None:
    spec = JOB_SPEC.replace("EXTENSION", "x-clientgen-wait: {property: status, until: [done]}").replace(
        "application/json:", f"{media_type}:"
    )
    with pytest.raises(GeneratorError, match=rf"the operation answers with a stream \({media_type}\), not one"):
        build(write_spec(tmp_path, spec))


def test_wait_extension_makes_a_waiting_method(tmp_path: Path) -> None:
    api, _ = build(
        write_spec(
            tmp_path, JOB_SPEC.replace("EXTENSION", "x-clientgen-wait: {property: status, until: [done, failed]}")
        )
    )
    [operation] = api.operations
    assert operation.wait == Wait(
        name="get_job_until_done", attribute="status", wire_name="status", until=("done", "failed"), interval=1.0
    )


def test_firecrawl_jobs_get_waiting_and_paging_methods_from_an_overlay() -> None:
    overlay = ROOT / "tests" / "overlays" / "firecrawl-jobs.yaml"
    generated = generate_files(FULL_SPEC, Inputs(overlays=(overlay,)))
    waits = {o.operation_id: o.wait.name for o in generated.api.operations if o.wait is not None}
    assert waits == {
        "getCrawlStatus": "wait_for_crawl",
        "getBatchScrapeStatus": "wait_for_batch_scrape",
        "getExtractStatus": "wait_for_extract",
        "getAgentStatus": "wait_for_agent",
    }
    pages = {o.operation_id: o.pages.name for o in generated.api.operations if o.pages is not None}
    # the activity list is assumed to come in pages (a `cursor` for `cursor`): a page object, no method
    assert pages == {
        "getCrawlStatus": "iter_crawl_documents",
        "getBatchScrapeStatus": "iter_batch_scrape_documents",
        "getActivity": None,
    }
    assert b"async def wait_for_crawl(" in generated.files["firecrawl/resources/crawling.py"]


@pytest.mark.parametrize(
    ("status", "name"),
    [
        ("404", "NotFoundError"),
        ("402", "PaymentRequiredError"),
        ("408", "RequestTimeoutError"),
        ("414", "URITooLongError"),  # acronyms kept
        ("505", "HTTPVersionNotSupportedError"),
        ("418", "Status418Error"),  # no reason phrase of RFC 9110
        ("500", "InternalServerError"),
        ("5XX", "InternalServerError"),
        ("4XX", "APIStatusError"),
        ("default", "APIStatusError"),
        ("302", "APIStatusError"),
    ],
)
def test_each_error_status_names_its_exception(status: str, name: str) -> None:
    assert error_class(status) == name


def test_documented_statuses_get_classes_of_their_own_and_common_ones_do_not() -> None:
    errors = documented_errors(["200", "402", "404", "503", "402", "5XX", "default", "500", "418"])
    assert [(e.status, e.name, e.base) for e in errors] == [
        (402, "PaymentRequiredError", "APIStatusError"),
        (418, "Status418Error", "APIStatusError"),
        (503, "ServiceUnavailableError", "InternalServerError"),
    ]


def test_bodies_whose_schema_contradicts_their_media_type_warn() -> None:
    """An object declared as bytes is sent as JSON; a lone file declared as a multipart body is
    its part 'file'."""
    api, warnings = build(FEATURES / "realworld" / "spec.yaml")
    connect = next(op for r in api.resources for op in r.operations if op.operation_id == "connectNetwork")
    assert connect.body is not None and connect.body.encoding == "json"
    assert connect.body.content_type == "application/octet-stream"
    assert [p.name for p in connect.parameters] == ["id", "container"]  # its fields are arguments
    assert [(d.location.pointer, d.message) for d in warnings.items] == [
        (
            "/paths/~1documents~1{login}/post/requestBody/content/multipart~1form-data/schema",
            "a multipart/form-data body must be an object of parts; the string is sent as the part 'file'",
        ),
        (
            "/paths/~1networks~1{id}~1connect/post/requestBody/content/application~1octet-stream/schema",
            "the body's media type is application/octet-stream, its schema an object or an array;"
            " it is sent as JSON in that media type",
        ),
    ]


def test_the_generated_tests_pass_the_body_fields_the_schema_requires(tmp_path: Path) -> None:
    """Required fields and those a oneOf beside the properties requires get samples; an optional
    field that only the spec's example shows does not (real examples break their schemas)."""
    spec = """
openapi: 3.0.3
info: {title: T, version: '1'}
paths:
  /renders:
    post:
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              required: [width]
              properties: {url: {type: string}, html: {type: string}, width: {type: integer}, tag: {type: string}}
              oneOf: [{required: [url]}, {required: [html]}]
              example: {width: 3, url: https://a.example, tag: not-checked}
      responses:
        '204': {description: OK}
"""
    api, _ = build(write_spec(tmp_path, spec))
    samples = {p.name: p.sample for p in api.resources[0].operations[0].parameters}
    assert samples == {"url": "https://a.example", "html": None, "width": 3, "tag": None}


def test_webhooks_and_callbacks_have_payload_types_and_one_tagged_union() -> None:
    api, warnings = build(FEATURES / "webhooks" / "spec.yaml")
    assert not warnings.items
    found = [(w.name, w.method, w.payload.name, w.description, w.pointer) for w in api.webhooks]
    assert found == [
        ("crawl.started", "POST", "CrawlStartedEvent", "A crawl started.", "/webhooks/crawl.started/post"),
        ("crawl.page", "POST", "CrawlPageEvent", "A page was crawled.", "/webhooks/crawl.page/post"),
        ("crawl.completed", "POST", "CrawlCompleted", "A crawl completed.", "/webhooks/crawl.completed/post"),
        (
            "crawlFailed",
            "POST",
            "CrawlFailedEvent",
            "The crawl failed.",
            "/paths/~1crawl/post/callbacks/crawlFailed/{$request.body#~1webhook}/post",
        ),
    ]
    event = api.webhook_event
    assert event is not None and event.name == "WebhookEvent" and event in api.types
    assert isinstance(event.type, UnionOf) and event.type.discriminator is not None
    assert event.type.discriminator.wire_name == "type"
    assert [tag for tag, _ in event.type.discriminator.tags] == [
        "crawl.started",
        "crawl.page",
        "crawl.completed",
        "crawl.failed",
    ]
    assert {"CrawlStartedEvent", "CrawlPageEvent", "CrawlFailedEvent"} <= {t.name for t in api.types}
    assert api.webhook_signature.scheme == "standard"


def test_webhook_without_json_body_is_left_out_with_a_warning(tmp_path: Path) -> None:
    spec = write_spec(
        tmp_path,
        "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\nwebhooks:\n  ping:\n    post:\n"
        "      responses: {'200': {description: ok}}\n",
    )
    api, warnings = build(spec)
    assert api.webhooks == [] and api.webhook_event is None
    assert any("no request body" in item.message for item in warnings.items)


@pytest.mark.parametrize("with_webhooks", [True, False])
def test_the_webhook_runtime_names_are_taken_only_where_there_are_webhooks(tmp_path: Path, with_webhooks: bool) -> None:
    webhooks = (
        "webhooks:\n  ping:\n    post:\n      requestBody:\n        content:\n          application/json:\n"
        "            schema: {type: object, properties: {at: {type: string}}}\n"
        "      responses: {'200': {description: ok}}\n"
    )
    spec = write_spec(
        tmp_path,
        "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n  /w:\n    get:\n      tags: [webhooks]\n"
        "      responses: {'200': {description: ok}}\ncomponents:\n  schemas:\n"
        "    Webhooks: {type: object, properties: {a: {type: string}}}\n" + (webhooks if with_webhooks else ""),
    )
    api, _ = build(spec)
    names = {named.name for named in api.types}
    [resource] = api.resources
    if with_webhooks:
        assert "Webhooks" not in names and "Webhooks2" in names and resource.attribute != "webhooks"
    else:
        assert "Webhooks" in names and resource.attribute == "webhooks"


def test_webhooks_through_refs_and_3_2_operations(tmp_path: Path) -> None:
    body = (
        "requestBody: {content: {application/json: {schema: {type: object, properties: {at: {type: string}}}}}}\n"
        "        responses: {'200': {description: ok}}\n"
    )
    spec = write_spec(
        tmp_path,
        "openapi: 3.2.0\ninfo: {title: t, version: '1'}\n"
        "paths:\n  /s:\n    post:\n      responses: {'200': {description: ok}}\n"
        "      callbacks: {done: {$ref: '#/components/callbacks/Done'}}\n"
        "webhooks:\n  ping:\n    additionalOperations:\n      NOTIFY:\n        " + body + "components:\n  callbacks:\n"
        "    Done:\n      '{$request.query.url}':\n        $ref: '#/components/pathItems/Done'\n"
        "  pathItems:\n    Done:\n      put:\n        " + body,
    )
    api, warnings = build(spec)
    assert not warnings.items
    assert [(w.name, w.method, w.payload.name, w.pointer) for w in api.webhooks] == [
        ("ping", "NOTIFY", "PingEvent", "/webhooks/ping/additionalOperations/NOTIFY"),
        ("done", "PUT", "DoneEvent", "/components/pathItems/Done/put"),
    ]
