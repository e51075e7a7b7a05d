"""The intermediate representation: what the client will contain, with every Python name resolved.

Plain dataclasses, built by `generator.ir.build` and read by the templates. Spec strings
(descriptions, wire names, literal values) stay raw here; the renderer escapes them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from ..options import Construction, RetryPolicy
from .api_parts import EnvironmentVariables, SecurityScheme, Server, Webhook, WebhookSignature
from .request_ids import DEFAULT_REQUEST_ID_HEADERS
from .status_errors import StatusError
from .type_exprs import NO_DEFAULT, Alias, LiteralValue, Model, NamedType, TypeExpr, TypeModule

# --- operations --------------------------------------------------------------------------------

ParameterLocation = Literal["path", "query", "header", "cookie", "body"]
BodyEncoding = Literal["json", "lines", "multipart", "form", "binary", "text"]


@dataclass(frozen=True)
class Encoding:
    """How a parameter or a field of a form or multipart body is written on the wire: by
    `style` (RFC 6570's styles and those the specification adds), or, when `style` is None, as
    its value in the media type `content_type`."""

    style: str | None
    """matrix, label, simple, form, spaceDelimited, pipeDelimited or deepObject."""
    explode: bool = False
    allow_reserved: bool = False
    content_type: str | None = None
    """Without a style: the media type of the value (a parameter's `content`, a field's
    `contentType` or its default); None is text, or for a file the media type of its name."""
    headers: tuple[tuple[str, str], ...] = ()
    """Multipart: the headers sent with each part of the field (those of the spec's
    `encoding.headers` whose schema fixes the value)."""


def default_encoding(location: ParameterLocation | BodyEncoding) -> Encoding:
    """The specification's encoding of a parameter (by its location) or of a field of a form or
    multipart body (by the body's encoding) that declares none: form, exploded, in a query, a
    cookie or a form body (OpenAPI 3.0.3 and 3.1.0 name `form` the default for form bodies);
    simple in a path or a header; a multipart part as its value (text, or JSON by its
    `contentType`)."""
    if location in ("query", "cookie", "form"):
        return Encoding("form", explode=True)
    if location in ("path", "header"):
        return Encoding("simple")
    return Encoding(None)


@dataclass
class Parameter:
    """An argument of a method: a path/query/header/cookie parameter or a body field."""

    name: str
    wire_name: str
    location: ParameterLocation
    type: TypeExpr
    required: bool
    description: str | None = None
    default: object = NO_DEFAULT
    deprecated: bool = False
    encoding: Encoding = Encoding(None)
    """How the value is written on the wire (the spec's default for its location applied)."""
    sample: object = None
    """A value the spec accepts, for the generated tests: JSON data, or `samples.BINARY` for a
    file; for the required parameters and the body fields the body's sample needs (a `oneOf`
    may require one of them), None for the others."""
    positional: bool = False
    """Passed by position or by name: the path parameters, then those `x-clientgen-positional`
    names; the others are keyword-only."""
    sent_default: object = NO_DEFAULT
    """A value the client sends when the call gives none: the configuration's `body-defaults`."""
    within: tuple[str, str] | None = None
    """For a field of a body property `x-clientgen-flatten` spreads: that property's argument
    and the field's key in the object sent (its Python name, which the runtime renames)."""
    whole_query: bool = False
    """OpenAPI 3.2's `querystring`: the value is the whole query, its properties each a query
    parameter (sent as an exploded form object, `location` "query")."""

    @property
    def must_be_passed(self) -> bool:
        """The caller must give it: required, and not a constant the client sends by itself (a
        required parameter of one allowed value, such as AWS's `X-Amz-Target`, defaults to it)."""
        return self.required and self.default is NO_DEFAULT and self.sent_default is NO_DEFAULT


# The media type a body of each encoding is sent in when the spec declares that one (multipart's
# is httpx's, with the boundary).
DEFAULT_MEDIA_TYPES: dict[BodyEncoding, str] = {
    "json": "application/json",
    "lines": "application/jsonl",
    "form": "application/x-www-form-urlencoded",
    "text": "text/plain",
    "binary": "application/octet-stream",
}


@dataclass(frozen=True)
class OptionDefaults:
    """Values sent for the fields of one object of a JSON body that a call leaves out of it:
    of the body's own fields when the call gives any of `fields`; of each object at the path
    `within` (property names, `*` for an array's items) whenever the body has one."""

    values: dict[str, object]
    fields: tuple[str, ...] = ()
    within: tuple[str, ...] | None = None


@dataclass
class RequestBody:
    media_type: str
    encoding: BodyEncoding
    type: TypeExpr
    required: bool
    description: str | None = None
    flattened: bool = False
    """True when the body's properties are the method's `body` parameters."""
    option_defaults: list[OptionDefaults] = field(default_factory=list)
    """Values the client sends for fields a call leaves out (`x-clientgen-sent-default`)."""

    @property
    def content_type(self) -> str | None:
        """The Content-Type the body is sent with, as the spec declares it, when that is not
        the usual one of its encoding (`DEFAULT_MEDIA_TYPES`): `application/merge-patch+json`,
        `text/plain; charset=utf-8`. A range (`image/*`) names no type to send."""
        if self.encoding == "multipart" or "*" in self.media_type:
            return None
        return None if self.media_type == DEFAULT_MEDIA_TYPES[self.encoding] else self.media_type


def is_event_stream(media_type: str | None) -> bool:
    return stream_kind(media_type) == "events"


LINE_STREAM_MEDIA_TYPES = frozenset({"application/jsonl", "application/x-ndjson", "application/json-seq", "text/jsonl"})
"""Media types of a sequence of JSON values, one a line (json-seq: each after a record separator)."""
StreamKind = Literal["events", "lines"]


def stream_kind(media_type: str | None) -> StreamKind | None:
    """ "events" for a text/event-stream, "lines" for a line stream of JSON values, else None."""
    essence = (media_type or "").split(";")[0].strip().lower()
    if essence == "text/event-stream":
        return "events"
    return "lines" if essence in LINE_STREAM_MEDIA_TYPES else None


@dataclass(frozen=True)
class StreamErrors:
    """How an item of a stream says that the stream failed: an event of the name `event`, a
    JSON object with a `key` whose value is not empty, or an item of one of `types` (schemas
    marked `x-clientgen-stream-error`); None turns `event` or `key` off (the key is off where
    the items' schema has a property of that name)."""

    event: str | None = "error"
    key: str | None = "error"
    types: tuple[NamedType, ...] = ()


@dataclass
class Response:
    status: str
    """"200", "4XX" or "default"."""
    description: str | None
    media_type: str | None
    type: TypeExpr | None
    """None when the response has no body (or one the client does not parse)."""
    stream: Response | None = None
    """The stream the same status offers beside a JSON body (`application/json` and
    `text/event-stream`), which an argument of the operation chooses (`Operation.stream_flag`)."""

    @property
    def is_success(self) -> bool:
        return self.status.startswith("2")

    @property
    def is_event_stream(self) -> bool:
        """A text/event-stream: `type` is the type of each event's data."""
        return is_event_stream(self.media_type)

    @property
    def stream_kind(self) -> StreamKind | None:
        """A stream of events or of JSON lines: `type` is the type of each item."""
        return stream_kind(self.media_type)


@dataclass(frozen=True)
class Wait:
    """A method that calls its operation until a field of the answer holds one of some values
    (a job's status), declared by the spec's (or an overlay's) `x-clientgen-wait`."""

    name: str
    """The method name."""
    attribute: str
    """The Python name of the field on the response model."""
    wire_name: str
    until: tuple[LiteralValue, ...]
    interval: float
    """Seconds between calls, by default."""
    watch: str | None = None
    """The name of the method that yields every answer while it waits (`watch`), if asked for."""


PAGE_STYLES = ("next_url", "cursor", "last_id", "offset", "page", "link")
"""How the next page is asked for: the URL the answer gives, the cursor it gives (or the id of
its last item, `after=`), the offset or page number counted on, the URL of a `Link: rel="next"`
header (RFC 8288)."""


@dataclass(frozen=True)
class Pages:
    """How an operation's answers come in pages, declared by `x-clientgen-pages` (or read from
    another generator's extension, or assumed from a common shape). With a `name`, a method of
    that name yields the items of every page beside the operation's own; without one, the
    operation's method returns a page object."""

    name: str | None
    """The iterating method's name; None: the operation's method returns a page object."""
    items_attribute: str | None
    """The Python name of the list field whose items are yielded; None: the answer is the list."""
    item: TypeExpr
    next_attribute: str | None
    """The Python name of the field that holds the URL of the next page (or its cursor), if there
    is one; None for the styles that count (offset, page), follow a header or the last item's id."""
    cursor_parameter: str | None = None
    """The argument that takes the cursor for the next page; None: `next` holds a URL."""
    style: str = "next_url"
    """One of PAGE_STYLES."""
    parameter: str | None = None
    """The wire name of the request parameter the next page sets (cursor, last id, offset, page)."""
    parameter_location: str = "query"
    """"query" or "body": where that parameter goes."""
    limit_parameter: str | None = None
    """The wire name of the page-size parameter: a page shorter than it is the last."""
    has_more_attribute: str | None = None
    """The Python name of the answer's boolean field that says whether a page follows."""
    id_attribute: str | None = None
    """`last_id`: the Python name of the item's field the next page starts after."""
    first_page: int = 1
    """`page`: the number of the first page, where the call does not give one."""
    source: str = "x-clientgen-pages"
    """The extension it was read from, or "detected" (assumed from the shape)."""
    collect: bool = False
    """The operation's own method collects every page (`collect: true`), with limits; it has
    an iterating method (`name`) too, so its pages follow the next_url or cursor style."""
    page_method: str | None = None
    """The name of the method that reads the page at a `next` URL (`page`), if asked for."""


@dataclass(frozen=True)
class ServerTimeout:
    """An argument that sends the server its own time limit (`x-clientgen-timeout`): it keeps
    its name, and the call's HTTP timeout follows it unless the caller sets one."""

    parameter: str
    """The Python name of the argument."""
    location: ParameterLocation
    """"query" or "body"."""
    wire_name: str
    seconds_per_unit: float
    unit_name: str
    """"milliseconds", "seconds" or "minutes"."""
    margin: float
    """Seconds added to the server's limit: the time the answer takes to arrive."""


@dataclass(frozen=True)
class Job:
    """A method that starts a job with its operation, waits for its end with the status
    operation's waiting method and returns the complete result (every page, when the status
    operation has a paging method too), declared by `x-clientgen-job` on the starting operation."""

    name: str
    """The method name."""
    id_attribute: str
    """The Python name of the field of the starting answer that holds the job's id."""
    status: Operation
    """The status operation, in the same resource; it has a `wait`."""
    id_parameter: str
    """The Python name of the status operation's argument that takes the id."""


@dataclass(frozen=True)
class Envelope:
    """How an operation's successful answer wraps what its method returns."""

    success: str
    """The wire name of the property that says whether the call succeeded."""
    success_value: LiteralValue
    error: str
    """The wire name of the property with the failure's message (it may be absent)."""
    data: str | None
    """The wire name of the property the method returns; None: the whole answer (or the flag)."""
    payload: TypeExpr | None
    """The type of `data`'s value, None left out; None without `data`."""
    flag: bool
    """The method returns whether the call succeeded (never raising for a failure it reports)."""
    false_on: tuple[int, ...]
    """With `flag`: error statuses the method answers False to."""


@dataclass(frozen=True)
class StreamFlag:
    """A boolean argument that chooses between a whole answer and a stream (`stream: true`),
    found by its name (`stream`, or the one `x-clientgen-stream` gives)."""

    parameter: Parameter
    stream: Response
    """The stream it asks for: its media type and the type of each item."""
    endpoint_name: str
    """The module-level constant that describes the call with the flag set."""
    twin: str | None = None
    """The name of the method that streams, when the operation has two methods (`create` and
    `create_stream`) instead of overloads of one; neither takes the flag."""


@dataclass
class Operation:
    name: str
    """The method name."""
    operation_id: str | None
    http_method: str
    path: str
    pointer: str
    summary: str | None
    description: str | None
    deprecated: bool
    tags: list[str]
    parameters: list[Parameter]
    body: RequestBody | None
    responses: list[Response]
    security: list[list[str]]
    """Alternatives, each a list of scheme keys that must all be present; [] = no auth."""
    server: Server | None = None
    """The operation's own server (its, else its path item's first): its calls go there while
    the client talks to one of the API's servers, its variables filled with the client's values
    (else their defaults)."""
    idempotency_header: str | None = None
    """The header parameter that carries an idempotency key, if the operation declares one."""
    endpoint_name: str = ""
    """The module-level constant that describes the HTTP call."""
    wait: Wait | None = None
    pages: Pages | None = None
    job: Job | None = None
    envelope: Envelope | None = None
    """What its method takes out of the successful answer (`ir/envelopes.py`)."""
    on_client: bool = False
    """Its method, and those its extensions add, are on the client itself too (`names`)."""
    stream_flag: StreamFlag | None = None
    stream_errors: StreamErrors = StreamErrors()
    option_names: dict[str, str] = field(default_factory=dict)
    """The per-call options its methods take and, where it has methods that wait or collect
    pages, their options: option -> keyword name, the same in every method (`ir/extensions.py`
    decides them: an extension's `options` renames them)."""
    server_timeout: ServerTimeout | None = None

    @property
    def request_path(self) -> str:
        """The path template a request is sent to: the spec's key without its fragment, which
        HTTP never sends (AWS tells operations apart by one: `/#X-Amz-Target=Service.Action`)."""
        return self.path.partition("#")[0]

    @property
    def added_methods(self) -> list[str]:
        """The names of the methods its extensions add beside its own."""
        wait, pages, job = self.wait, self.pages, self.job
        return [
            name
            for name in (
                wait and wait.name,
                wait and wait.watch,
                pages and pages.name,
                pages and pages.page_method,
                job and job.name,
            )
            if name
        ]

    @property
    def streams(self) -> bool:
        """Its successful response is a stream (of server-sent events or JSON lines)."""
        return self.stream_kind is not None

    @property
    def stream_kind(self) -> StreamKind | None:
        return next((r.stream_kind for r in self.success_responses if r.stream_kind is not None), None)

    @property
    def success_responses(self) -> list[Response]:
        """The 2xx responses; when there is none, the `default` one, which then describes the
        successful answer too (Adobe's AEM spec has only `default` responses)."""
        success = [response for response in self.responses if response.is_success]
        return success or [response for response in self.responses if response.status == "default"]

    @property
    def error_responses(self) -> list[Response]:
        return [response for response in self.responses if not response.is_success]


@dataclass
class Resource:
    """The operations of one tag: `client.<attribute>` of class `<class_name>`, or an attribute
    of its parent tag's resource (`client.catalog.items`, OpenAPI 3.2's tag `parent`)."""

    tag: str
    attribute: str
    class_name: str
    module: str
    description: str | None
    operations: list[Operation]
    parents: tuple[str, ...] = ()
    """The attributes that lead to it from the client, outermost first (`("catalog",)`)."""
    children: list[Resource] = field(default_factory=list)
    """The resources nested in it, each an attribute of its class."""

    @property
    def path(self) -> str:
        """Its attributes from the client: `catalog.items` (`client.catalog.items`)."""
        return ".".join((*self.parents, self.attribute))

    @staticmethod
    def class_family(name: str) -> tuple[str, str, str, str, str, str]:
        """A resource class and its companions: async, raw-response, async raw-response,
        streaming-response, async streaming-response."""
        return (
            name,
            "Async" + name,
            name + "WithRawResponse",
            "Async" + name + "WithRawResponse",
            name + "WithStreamingResponse",
            "Async" + name + "WithStreamingResponse",
        )

    @property
    def async_class_name(self) -> str:
        return self.class_family(self.class_name)[1]

    @property
    def raw_class_name(self) -> str:
        return self.class_family(self.class_name)[2]

    @property
    def async_raw_class_name(self) -> str:
        return self.class_family(self.class_name)[3]

    @property
    def streaming_class_name(self) -> str:
        return self.class_family(self.class_name)[4]

    @property
    def async_streaming_class_name(self) -> str:
        return self.class_family(self.class_name)[5]


# --- the API -----------------------------------------------------------------------------------


@dataclass
class Api:
    title: str
    version: str
    description: str | None
    package_name: str
    client_class: str
    async_client_class: str
    env_prefix: str
    environment: EnvironmentVariables
    servers: list[Server]
    security_schemes: list[SecurityScheme]
    resources: list[Resource]
    """Every resource, the nested ones too, each after its parent."""
    types: list[NamedType]
    type_modules: list[TypeModule]
    status_errors: list[StatusError] = field(default_factory=list)
    """The exception classes of their own that the spec's documented error statuses need."""
    error_names: dict[str, str] = field(default_factory=dict)
    """The target's `errors` table: class or status -> this client's class name."""
    retry: RetryPolicy = RetryPolicy()
    webhooks: list[Webhook] = field(default_factory=list)
    webhook_event: Alias | None = None
    """The type `unwrap` returns: the union of the webhooks' payloads."""
    webhook_signature: WebhookSignature = WebhookSignature()
    construction: Construction = Construction()
    """How the client is made (the configuration's `client` table)."""
    environments: dict[str, int] = field(default_factory=dict)
    """Environment name -> the index of its server: `environment=` picks one."""
    request_id_headers: tuple[str, ...] = DEFAULT_REQUEST_ID_HEADERS
    """The response headers that carry the request's id, the first one present wins."""
    exports: list[str] = field(default_factory=list)
    """The types the package itself exports beside the clients (the configuration's `exports`)."""
    security: list[list[str]] = field(default_factory=list)
    """The spec's global security requirement: alternative sets of scheme keys (a generic
    call's default)."""

    @property
    def operations(self) -> list[Operation]:
        return [operation for resource in self.resources for operation in resource.operations]

    @property
    def top_resources(self) -> list[Resource]:
        """The client's own attributes; `resources` has every resource, parents before children."""
        return [resource for resource in self.resources if not resource.parents]

    @property
    def models(self) -> list[Model]:
        return [named for named in self.types if isinstance(named, Model)]
