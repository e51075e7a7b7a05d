"""Every parameter on the wire as the specification says: its style table, row by row and location
by location, sent by a generated client to a loopback server; and each request read back by an
independent implementation, openapi-core, against the same spec.

Where openapi-core reads a request otherwise than the specification writes it, DISAGREEMENTS names
the specification's text that decides, and the test checks that the disagreement is still there
(so that it is noticed when openapi-core changes)."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import unquote

import pytest
import yaml
from openapi_core import OpenAPI
from openapi_core.contrib.werkzeug import WerkzeugOpenAPIRequest
from werkzeug.test import EnvironBuilder
from werkzeug.wrappers import Request

from .conftest import generate_into, write_spec
from .golden import FEATURES
from .http_server import Recorded, TestServer

SERVER = "http://api.test"
"""The server the specs name, where openapi-core places the requests it reads."""

# The Style Examples of OpenAPI 3.1.1 (section 4.8.12.4), as written there but without the `?`
# the form rows show ("MUST be stripped" in a form body, left out in 3.2.0's table): style,
# explode, then the columns undefined, string, array, object; None is n/a ("the behavior of
# combinations marked n/a is undefined").
STYLE_TABLE: list[tuple[str, bool, str | None, str | None, str | None, str | None]] = [
    ("matrix", False, ";color", ";color=blue", ";color=blue,black,brown", ";color=R,100,G,200,B,150"),
    ("matrix", True, ";color", ";color=blue", ";color=blue;color=black;color=brown", ";R=100;G=200;B=150"),
    ("label", False, ".", ".blue", ".blue,black,brown", ".R,100,G,200,B,150"),
    ("label", True, ".", ".blue", ".blue.black.brown", ".R=100.G=200.B=150"),
    ("simple", False, "", "blue", "blue,black,brown", "R,100,G,200,B,150"),
    ("simple", True, "", "blue", "blue,black,brown", "R=100,G=200,B=150"),
    ("form", False, "color=", "color=blue", "color=blue,black,brown", "color=R,100,G,200,B,150"),
    ("form", True, "color=", "color=blue", "color=blue&color=black&color=brown", "R=100&G=200&B=150"),
    ("spaceDelimited", False, None, None, "color=blue%20black%20brown", "color=R%20100%20G%20200%20B%20150"),
    ("spaceDelimited", True, None, None, None, None),
    ("pipeDelimited", False, None, None, "color=blue%7Cblack%7Cbrown", "color=R%7C100%7CG%7C200%7CB%7C150"),
    ("pipeDelimited", True, None, None, None, None),
    ("deepObject", False, None, None, None, None),
    ("deepObject", True, None, None, None, "color%5BR%5D=100&color%5BG%5D=200&color%5BB%5D=150"),
]
COLUMNS = ("undefined", "string", "array", "object")
# The value of `color` in each column. The `undefined` column is the empty string: its texts are
# RFC 6570's expansions of "" (3.0.3 named the column `empty`; "notably, the empty string is not
# undefined"); a truly undefined value (None) is left out, as test_none_is_left_out shows.
VALUES: dict[str, Any] = {
    "undefined": "",
    "string": "blue",
    "array": ["blue", "black", "brown"],
    "object": {"R": 100, "G": 200, "B": 150},
}
SCHEMAS: dict[str, Any] = {
    "string": {"type": "string"},
    "array": {"type": "array", "items": {"type": "string"}},
    "object": {
        "type": "object",
        "properties": {name: {"type": "integer"} for name in "RGB"},
    },
}
# The locations of each style (the spec's Style Values table).
LOCATIONS = {
    "matrix": ["path"],
    "label": ["path"],
    "simple": ["path", "header"],
    "form": ["query", "cookie"],
    "spaceDelimited": ["query"],
    "pipeDelimited": ["query"],
    "deepObject": ["query"],
}


def operation_id(location: str, style: str, explode: bool, kind: str) -> str:
    return f"{location}_{style}_{'exploded' if explode else 'plain'}_{kind}".lower()


def table_spec() -> dict[str, Any]:
    """One operation for each location, style it allows, explode and type of value, whose one
    parameter is `color`."""
    paths: dict[str, Any] = {}
    for style, explode, *_ in STYLE_TABLE:
        for location in LOCATIONS[style]:
            for kind in ("string", "array", "object"):
                name = operation_id(location, style, explode, kind)
                path = f"/{name}" + ("/{color}" if location == "path" else "")
                parameter = {
                    "name": "color",
                    "in": location,
                    "required": location == "path",
                    "style": style,
                    "explode": explode,
                    "schema": SCHEMAS[kind],
                }
                paths[path] = {
                    "get": {
                        "operationId": name,
                        "tags": [location],
                        "parameters": [parameter],
                        "responses": {"204": {"description": "Read."}},
                    }
                }
    return {
        "openapi": "3.1.0",
        "info": {"title": "Style table", "version": "1"},
        "servers": [{"url": SERVER}],
        "paths": paths,
    }


CELLS = [
    pytest.param(location, style, explode, column, text, id=f"{location}-{style}-{explode}-{column}")
    for style, explode, *texts in STYLE_TABLE
    for location in LOCATIONS[style]
    for column, text in zip(COLUMNS, texts)
    if text is not None
]
"""Every cell of the table that says what to send, in every location of its style."""
COMBINATIONS = [
    pytest.param(location, style, explode, kind, id=f"{location}-{style}-{explode}-{kind}")
    for style, explode, *_ in STYLE_TABLE
    for location in LOCATIONS[style]
    for kind in ("string", "array", "object")
]
"""Every location, style, explode and type of value, n/a cells included."""


@pytest.fixture(scope="module")
def table(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[ModuleType, OpenAPI]]:
    import importlib
    import sys

    folder = tmp_path_factory.mktemp("table")
    spec = table_spec()
    generate_into(write_spec(folder, yaml.safe_dump(spec)), folder / "client", "style_table")
    sys.path.insert(0, str(folder / "client"))
    try:
        yield importlib.import_module("style_table"), OpenAPI.from_dict(spec)
    finally:
        sys.path.remove(str(folder / "client"))
        for module in [name for name in sys.modules if name.split(".")[0] == "style_table"]:
            del sys.modules[module]


def send(
    client_module: ModuleType, server: TestServer, location: str, style: str, explode: bool, kind: str, value: object
) -> Recorded:
    client = client_module.StyleTable(base_url=server.url, max_retries=0)
    method = getattr(getattr(client, location), operation_id(location, style, explode, kind))
    server.reply(204)
    method(color=value)
    return server.requests[-1]


def wire_text(request: Recorded, location: str, name: str) -> str | None:
    """What the request carries for the parameter: the path segment after the operation's own,
    the query string, the header, the Cookie header."""
    if location == "path":
        segment = request.path.split("/", 2)[2]
        # The empty string's label, `.`, is sent as `%2E`, which means the same (RFC 3986, 2.3):
        # URLs drop `.` segments (5.2.4), so httpx would send nothing.
        return "." if segment == "%2E" else segment
    if location == "query":
        return request.raw_query
    return request.headers.get("cookie" if location == "cookie" else "color")


@pytest.mark.parametrize("location, style, explode, column, text", CELLS)
def test_style_table(
    table: tuple[ModuleType, OpenAPI],
    server: TestServer,
    location: str,
    style: str,
    explode: bool,
    column: str,
    text: str,
) -> None:
    kind = "string" if column == "undefined" else column
    if location == "path" and text == "":
        # a path parameter that expands to nothing would address another operation (`/a/{id}`
        # would be `/a/`): refused before anything is sent
        with pytest.raises(ValueError, match="must not be empty"):
            send(table[0], server, location, style, explode, kind, VALUES[column])
        assert server.requests == []
        return
    request = send(table[0], server, location, style, explode, kind, VALUES[column])
    if location == "cookie":
        # Appendix D: "For multiple values, style: form is always incorrect as name=value pairs in
        # cookies are delimited by ; (a semicolon followed by a space character) rather than &";
        # 3.2.0's table writes them so (its `cookie` rows: color=blue; color=black; color=brown).
        text = text.replace("&", "; ")
    assert wire_text(request, location, "color") == text


# --- the round trip through openapi-core ---------------------------------------------------------

EXPLODED_OBJECT = (
    "Style Examples, form, explode true, object: `R=100&G=200&B=150` (RFC 6570's {?color*}: the "
    "object's own names); openapi-core 0.23 looks for a parameter named `color`"
)
DISAGREEMENTS: dict[tuple[str, str, bool, str], str] = {
    ("query", "form", True, "object"): EXPLODED_OBJECT,
    ("cookie", "form", True, "object"): EXPLODED_OBJECT + " (3.2.0's cookie row: `R=100; G=200; B=150`)",
    **{
        ("query", "spaceDelimited", False, kind): (
            "Style Examples, spaceDelimited: `color=blue%20black%20brown`, and Appendix E: the space "
            "delimiter MUST be percent-encoded; openapi-core 0.23 splits the decoded value at a literal `%20`"
        )
        for kind in ("array", "object")
    },
    **{
        (location, style, explode, kind): (
            'Style Examples: "The behavior of combinations marked n/a is undefined" (the client writes '
            "an exploded array as form does, deepObject's arrays indexed as Stripe's libraries do, "
            "a string as `color=blue`)"
        )
        for style, explode, _, *texts in STYLE_TABLE
        for location in LOCATIONS[style]
        for kind, text in zip(("string", "array", "object"), texts)
        if text is None
    },
}
"""(location, style, explode, type) -> the specification's text that decides, where openapi-core
reads what the client sent otherwise than the client was given it."""


def unmarshal(openapi: OpenAPI, request: Recorded, template: str) -> Any:
    """openapi-core's reading of a recorded request: its own werkzeug adapter, given the path
    parameters as a router would, each under the names openapi-core's style readers look them
    up by (RFC 6570's expressions: `color`, `;color*`, `.color`, ...)."""
    environ = EnvironBuilder(
        method=request.method,
        base_url=SERVER + "/",
        path=unquote(request.path),
        query_string=request.raw_query,
        headers=[(name, value) for name, value in request.headers.items() if name != "host"],
        data=request.body,
    ).get_environ()
    adapted = WerkzeugOpenAPIRequest(Request(environ))
    pattern = "^" + re.sub(r"\\{(\w+)\\}", r"(?P<\1>[^/]*)", re.escape(template)) + "$"
    found = re.match(pattern, request.path)
    assert found is not None, (pattern, request.path)
    adapted.parameters.path = {
        f"{prefix}{name}{star}": unquote(value)
        for name, value in found.groupdict().items()
        for prefix in ("", ";", ".")
        for star in ("", "*")
    }
    return openapi.unmarshal_request(adapted)


@pytest.mark.parametrize("location, style, explode, kind", COMBINATIONS)
def test_round_trip_through_openapi_core(
    table: tuple[ModuleType, OpenAPI], server: TestServer, location: str, style: str, explode: bool, kind: str
) -> None:
    value = VALUES[kind]
    request = send(table[0], server, location, style, explode, kind, value)
    name = operation_id(location, style, explode, kind)
    template = f"/{name}" + ("/{color}" if location == "path" else "")
    result = unmarshal(table[1], request, template)
    read = getattr(result.parameters, location).get("color")
    decided_by = DISAGREEMENTS.get((location, style, explode, kind))
    if decided_by is None:
        assert result.errors == [] and read == value
    else:
        assert result.errors or read != value, f"openapi-core now agrees; {decided_by}"


@pytest.mark.parametrize("location", ["path", "query", "header", "cookie"])
def test_none_is_left_out(table: tuple[ModuleType, OpenAPI], server: TestServer, location: str) -> None:
    """None is undefined (RFC 6570, 2.3): the parameter is left out; a path's would expand to
    nothing, which is refused before sending."""
    style = {"path": "simple", "header": "simple"}.get(location, "form")
    if location == "path":
        with pytest.raises(
            ValueError,
            match="the path parameter 'color' of /path_simple_plain_string/{color} must not be empty: got None",
        ):
            send(table[0], server, location, style, False, "string", None)
        assert server.requests == []
        return
    request = send(table[0], server, location, style, False, "string", None)
    assert wire_text(request, location, "color") in ("", None)
    assert request.query == []


# --- the wire feature: more than the table ----------------------------------------------------------

WIRE = FEATURES / "wire"


@pytest.fixture(scope="module")
def wire_spec() -> OpenAPI:
    return OpenAPI.from_dict(yaml.safe_load((WIRE / "spec.yaml").read_text()))


@pytest.fixture
def wire(import_client: Callable[[Path, str], ModuleType], server: TestServer) -> Any:
    return import_client(WIRE / "expected", "wire").Wire(base_url=server.url, max_retries=0)


def test_path_styles_exploded_headers_reserved_characters_and_json_parameters(
    wire: Any, server: TestServer, wire_spec: OpenAPI
) -> None:
    arguments: dict[str, Any] = {
        "id": [7, 8],
        "format": "pdf",
        "redirect": "https://example.test/back?to=a b&x=%41",
        "filter": {"since": "2024-02-29", "tags": ["new", "on sale"]},
        "x_sort": {"field": "name", "desc": True},
        "prefs": ["dark", "compact"],
    }
    server.reply(204)
    wire.reports.get_report(**arguments)
    [request] = server.requests
    assert request.path == "/reports/;id=7;id=8/report.pdf"
    # allowReserved: RFC 3986's reserved characters and percent-encoded triples pass, but `&`, `=`,
    # `+`, `#`, `[`, `]` would be misread (the `allowReserved` field's text); JSON content compact
    assert request.raw_query == (
        "redirect=https://example.test/back?to%3Da%20b%26x%3D%41"
        "&filter=%7B%22since%22%3A%222024-02-29%22%2C%22tags%22%3A%5B%22new%22%2C%22on%20sale%22%5D%7D"
    )
    assert request.headers["x-sort"] == "field=name,desc=true"
    assert request.headers["cookie"] == "prefs=dark,compact"
    result = unmarshal(wire_spec, request, "/reports/{id}/report{format}")
    assert result.errors == []
    parameters = result.parameters
    assert parameters.path == {"id": [7, 8], "format": "pdf"}
    assert parameters.query == {
        "redirect": "https://example.test/back?to=a b&x=A",  # %41 passed as a triple: it is an `A`
        "filter": {"since": datetime.date(2024, 2, 29), "tags": ["new", "on sale"]},
    }
    assert parameters.header == {"X-Sort": {"field": "name", "desc": True}}
    assert parameters.cookie == {"prefs": ["dark", "compact"]}


def test_form_body_fields_by_their_encoding(wire: Any, server: TestServer, wire_spec: OpenAPI) -> None:
    """Each field as its Encoding Object says, the defaults otherwise (form, exploded: OpenAPI
    3.0.3's "the default serialization strategy of such properties is ... form")."""
    arguments: dict[str, Any] = {
        "name": "Ann & Co",
        "balance": -5,
        "tax_exempt": False,
        "preferred_locales": ["fr", "en"],
        "codes": ["a", "b"],
        "address": {"line1": "1 Main St", "city": "Paris"},
        "metadata": {"order": "6735"},
        "note": "a/b:c?",
        "external_id": "f81d4fae",
    }
    server.reply(204)
    wire.customers.create_customer(**arguments)
    [request] = server.requests
    assert request.headers["content-type"] == "application/x-www-form-urlencoded"
    assert request.body.decode().split("&") == [
        "name=Ann+%26+Co",
        "balance=-5",
        "tax_exempt=false",
        "preferred_locales=fr",
        "preferred_locales=en",
        "codes=a,b",
        "address%5Bline1%5D=1+Main+St",
        "address%5Bcity%5D=Paris",
        "metadata=%7B%22order%22%3A%226735%22%7D",
        "note=a/b:c?",
        "external_id=%22f81d4fae%22",  # a JSON string, as the Encoding Object's example shows `id`
    ]
    result = unmarshal(wire_spec, request, "/customers")
    assert result.errors == [] and result.body == arguments


def test_deep_objects_nest_and_index_their_arrays(wire: Any, server: TestServer, wire_spec: OpenAPI) -> None:
    server.reply(204)
    wire.customers.update_customer(
        customer="cus_1",
        invoice_settings={
            "footer": None,
            "custom_fields": [{"name": "PO", "value": "42"}, {"name": "Dept", "value": ""}],
        },
        expand=["default_source", "invoice_settings.default_payment_method"],
    )
    [request] = server.requests
    assert unquote(request.body.decode()).split("&") == [
        "invoice_settings[custom_fields][0][name]=PO",
        "invoice_settings[custom_fields][0][value]=42",
        "invoice_settings[custom_fields][1][name]=Dept",
        "invoice_settings[custom_fields][1][value]=",
        "expand[0]=default_source",
        "expand[1]=invoice_settings.default_payment_method",
    ]
    # The Style Values table: deepObject "allows objects with scalar properties to be represented
    # using form parameters. The representation of array or object properties is not defined", and
    # an array is n/a; the client writes them as Stripe's libraries do, which openapi-core does not read.
    assert unmarshal(wire_spec, request, "/customers/{customer}").errors != []


def test_multipart_parts_with_json_and_headers(wire: Any, server: TestServer, wire_spec: OpenAPI) -> None:
    """Arrays are parts of the same name, objects JSON (the default content type of an object),
    each part with the headers its Encoding Object fixes; a file's own headers come in its tuple."""
    server.reply(204)
    owner = {"line1": "1 Main St", "city": "Paris"}
    addresses = [{"city": "Oslo"}, {"city": "Lima"}]
    arguments: dict[str, Any] = {
        "scan": ("scan.png", b"\x89PNG\x00scan"),
        "title": "Q3 report",
        "labels": ["finance", "q3"],
        "owner": owner,
        "addresses": tuple(addresses),
        "thumbnail": b"\x89PNG\x00thumb",
    }
    wire.documents.upload_documents(**arguments)
    [request] = server.requests
    parts = request.parts()
    assert [(part.name, part.headers.get("content-type"), part.content) for part in parts] == [
        ("scan", "image/png", b"\x89PNG\x00scan"),
        ("title", None, b"Q3 report"),
        ("labels", None, b"finance"),
        ("labels", None, b"q3"),
        ("owner", "application/json", b'{"line1":"1 Main St","city":"Paris"}'),
        ("addresses", "application/json", b'{"city":"Oslo"}'),
        ("addresses", "application/json", b'{"city":"Lima"}'),
        ("thumbnail", "image/png", b"\x89PNG\x00thumb"),
    ]
    assert parts[0].headers["x-scan-resolution"] == "300"
    result = unmarshal(wire_spec, request, "/documents")
    assert result.errors == []
    assert result.body == {**arguments, "scan": b"\x89PNG\x00scan", "addresses": addresses}

    server.reply(204)
    wire.documents.upload_documents(
        scan=("scan.png", b"x", "image/png", {"X-Scan-Resolution": "600", "X-Page": "1"}), pages=3
    )
    scan, pages = server.requests[1].parts()
    assert (scan.headers["x-scan-resolution"], scan.headers["x-page"]) == ("600", "1")
    # The Encoding Object: the default contentType of an integer is text/plain, so the part is `3`;
    # openapi-core 0.23 checks that text against `type: integer` without reading the number.
    assert (pages.name, pages.headers.get("content-type"), pages.content) == ("pages", None, b"3")
    assert unmarshal(wire_spec, server.requests[1], "/documents").errors != []


def test_a_required_form_with_no_field_is_sent_empty(import_client: Callable[[Path, str], ModuleType]) -> None:
    """The runtime's side of `body_required` (the realworld client sends an empty multipart form
    to a server): an empty urlencoded form in its media type; an optional one is not sent."""
    wire_module = import_client(WIRE / "expected", "wire")._wire
    form = wire_module.body_arguments("form", None, {"a": wire_module.NOT_GIVEN}, {}, None, required=True)
    assert form == {"content": b"", "headers": {"Content-Type": "application/x-www-form-urlencoded"}}
    assert wire_module.body_arguments("form", None, {"a": wire_module.NOT_GIVEN}, {}, None) == {}
