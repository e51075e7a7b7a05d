"""The golden feature clients (tests/features/*/expected) against a real HTTP server."""

import asyncio
import datetime
import importlib
import inspect
import re
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

from .golden import FEATURES
from .http_server import Recorded, TestServer

Importer = Callable[[Path, str], ModuleType]


def multipart_parts(request: Recorded) -> dict[str, tuple[str | None, str | None, bytes]]:
    """name -> (file name, content type, bytes) of a multipart/form-data body."""
    return {part.name: (part.filename, part.headers.get("content-type"), part.content) for part in request.parts()}


# --- petstore --------------------------------------------------------------------------------


@pytest.fixture
def petstore(import_client: Importer) -> ModuleType:
    return import_client(FEATURES / "petstore" / "expected", "petstore")


PET = {
    "id": 7,
    "name": "Rex",
    "tag": None,
    "status": "adopted",  # not in the enum: an open enum parses it
    "birthday": "2020-02-29",
    "createdAt": "2024-05-01T12:00:00Z",
    "owner": {"kind": "organisation", "legalName": "Shelter Ltd"},
    "vaccinations": [{"vaccine": "rabies", "date": "2021-01-01"}],
    "microchip": "X1",
}


def test_parameters_of_every_location(petstore: ModuleType, server: TestServer) -> None:
    server.reply(200, [PET])
    client = petstore.Petstore(api_key="secret", base_url=server.url)
    pets = client.pets.list_pets(limit=5, tags=["a", "b"], status="sold", x_request_id="req-1", session="s1")
    [request] = server.requests
    assert (request.method, request.path) == ("GET", "/pets")
    assert request.query == [("limit", "5"), ("tags", "a,b"), ("status", "sold")]
    assert request.headers["x-request-id"] == "req-1"
    assert request.headers["cookie"] == "session=s1"
    assert request.headers["x-api-key"] == "secret"
    [pet] = pets
    assert pet.created_at == datetime.datetime(2024, 5, 1, 12, tzinfo=datetime.timezone.utc)
    assert pet.birthday == datetime.date(2020, 2, 29)
    assert pet.status == "adopted"
    assert type(pet.owner).__name__ == "Organisation" and pet.owner.legal_name == "Shelter Ltd"
    assert pet.vaccinations[0].vaccine == "rabies"
    assert pet.model_extra == {"microchip": "X1"}


def test_not_given_is_left_out_and_none_is_sent(petstore: ModuleType, server: TestServer) -> None:
    server.reply(201, PET)
    client = petstore.Petstore(api_key="secret", base_url=server.url)
    client.pets.create_pet(name="Rex", tag=None, birthday=datetime.date(2020, 2, 29), weight_kg=3.5)
    [request] = server.requests
    assert request.json() == {"name": "Rex", "tag": None, "birthday": "2020-02-29", "weightKg": 3.5}
    assert request.headers["content-type"] == "application/json"


def test_no_content_and_operations_without_auth(petstore: ModuleType, server: TestServer) -> None:
    server.reply(204)
    server.reply(200, {"available": 3})
    client = petstore.Petstore(base_url=server.url, api_key="secret")
    assert client.pets.delete_pet(pet_id=7) is None
    assert client.store.get_inventory() == {"available": 3}
    assert "x-api-key" not in server.requests[1].headers  # security: [] on this operation


def test_default_error_response_is_parsed(petstore: ModuleType, server: TestServer) -> None:
    server.reply(422, {"code": 1, "message": "name taken"})
    server.reply(418, {"code": 2, "message": "teapot"})
    client = petstore.Petstore(api_key="secret", base_url=server.url)
    with pytest.raises(petstore.UnprocessableEntityError) as caught:
        client.pets.create_pet(name="Rex")
    assert caught.value.parsed.message == "name taken"
    with pytest.raises(petstore.APIStatusError) as caught:
        client.pets.list_pets()
    assert caught.value.status_code == 418 and caught.value.parsed.code == 2  # via `default`


def test_server_variables_default(petstore: ModuleType, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PETSTORE_BASE_URL", raising=False)
    assert str(petstore.Petstore(api_key="k").base_url) == "https://eu.pets.example/v1"


def test_async_twin(petstore: ModuleType, server: TestServer) -> None:
    server.reply(200, PET)

    async def main() -> object:
        async with petstore.AsyncPetstore(api_key="k", base_url=server.url) as client:
            return await client.pets.get_pet(pet_id=7)

    assert asyncio.run(main()).name == "Rex"
    assert server.requests[0].path == "/pets/7"


def test_wire_names_sit_on_the_fields_and_models_take_python_names(petstore: ModuleType, server: TestServer) -> None:
    """Each field renamed on the wire carries its wire name (`Field(validation_alias=...,
    serialization_alias=...)`), inherited ones too; constructors take the Python names, as
    type checkers see them (`test_typecheck.py`), and the wire names still parse."""
    pet_class, organisation_class = petstore.types.Pet, petstore.types.Organisation
    fields = pet_class.model_fields
    assert [
        (name, fields[name].validation_alias, fields[name].serialization_alias) for name in ("created_at", "weight_kg")
    ] == [
        ("created_at", "createdAt", "createdAt"),
        ("weight_kg", "weightKg", "weightKg"),  # declared on NewPet, its base
    ]
    assert fields["name"].validation_alias is None
    assert "alias_generator" not in pet_class.model_config  # no table of names at the end of the class
    created = datetime.datetime(2024, 5, 1, 12, tzinfo=datetime.timezone.utc)
    owner = organisation_class(kind="organisation", legal_name="Shelter Ltd")
    pet = pet_class(id=7, name="Rex", weight_kg=3.5, created_at=created, owner=owner)
    wire = {
        "id": 7,
        "name": "Rex",
        "weightKg": 3.5,
        "createdAt": "2024-05-01T12:00:00Z",
        "owner": {"kind": "organisation", "legalName": "Shelter Ltd"},
    }
    assert pet.model_dump(mode="json", by_alias=True, exclude_unset=True) == wire
    assert pet_class.model_validate(wire) == pet
    server.reply(200, wire)
    client = petstore.Petstore(api_key="k", base_url=server.url)
    assert client.pets.get_pet(pet_id=7).owner.legal_name == "Shelter Ltd"


def test_waiting_for_a_job_calls_until_its_status_ends_the_wait(petstore: ModuleType, server: TestServer) -> None:
    for status in ("submitted", "reviewing", "approved"):
        server.reply(200, {"status": status, "petId": 7})
    client = petstore.Petstore(api_key="k", base_url=server.url)
    adoption = client.store.get_adoption_until_done(adoption_id="a1", poll_interval=0.01)
    assert adoption.status == "approved" and len(server.requests) == 3
    assert {request.path for request in server.requests} == {"/adoptions/a1"}
    assert (
        inspect.signature(client.store.get_adoption_until_done).parameters["poll_interval"].default == 2.0
    )  # the spec's

    for status in ("submitted", "rejected"):
        server.reply(200, {"status": status})

    async def wait() -> object:
        async with petstore.AsyncPetstore(api_key="k", base_url=server.url) as async_client:
            return await async_client.store.get_adoption_until_done(adoption_id="a2", poll_interval=0.01)

    assert asyncio.run(wait()).status == "rejected"
    assert len(server.requests) == 5


def test_waiting_gives_up_after_max_wait_with_the_last_answer(petstore: ModuleType, server: TestServer) -> None:
    for _ in range(20):
        server.reply(200, {"status": "reviewing"})
    client = petstore.Petstore(api_key="k", base_url=server.url)
    with pytest.raises(petstore.WaitTimeoutError, match="status is still 'reviewing' after 0.2 s") as caught:
        client.store.get_adoption_until_done(adoption_id="a1", poll_interval=0.05, max_wait=0.2)
    assert caught.value.last.status == "reviewing"
    assert 1 <= len(server.requests) <= 5  # one call, and one every 0.05 s while 0.2 s allow it
    assert isinstance(caught.value, petstore.APIError)


def test_pages_are_followed_on_the_apis_own_origin(petstore: ModuleType, server: TestServer) -> None:
    server.reply(200, {"adoptions": [{"id": "a"}, {"id": "b"}], "next": f"{server.url}/adoptions?page=2"})
    server.reply(200, {"adoptions": [{"id": "c"}], "next": "/adoptions?page=3"})  # relative to the API
    server.reply(200, {"adoptions": [], "next": None})
    client = petstore.Petstore(api_key="secret", base_url=server.url)
    ids = [adoption.id for adoption in client.store.iter_adoptions(page=1, extra_headers={"X-Trace": "t"})]
    assert ids == ["a", "b", "c"]
    assert [(r.path, r.query) for r in server.requests] == [
        ("/adoptions", [("page", "1")]),
        ("/adoptions", [("page", "2")]),
        ("/adoptions", [("page", "3")]),
    ]
    assert all(r.headers["x-trace"] == "t" and r.headers["x-api-key"] == "secret" for r in server.requests)


def test_pages_by_cursor_call_again_with_the_cursor(petstore: ModuleType, server: TestServer) -> None:
    server.reply(200, {"events": ["adopted"], "nextCursor": "c2"})
    server.reply(200, {"events": ["returned", "adopted"], "nextCursor": ""})  # an empty cursor ends it too
    client = petstore.Petstore(api_key="k", base_url=server.url)
    assert list(client.store.iter_list_adoption_history(pet_id=7)) == ["adopted", "returned", "adopted"]
    assert [r.query for r in server.requests] == [[("petId", "7")], [("cursor", "c2"), ("petId", "7")]]


def test_a_cursor_that_comes_back_stops_the_pager(petstore: ModuleType, server: TestServer) -> None:
    """A server that repeats its cursor with an empty page kept `iter_*` asking for ever (102
    requests in 5 s); now the second time a cursor comes is an error after its page."""
    server.reply(200, {"events": ["adopted"], "nextCursor": "c2"})
    server.reply(200, {"events": ["returned"], "nextCursor": "c3"})
    server.reply(200, {"events": [], "nextCursor": "c3"})
    client = petstore.Petstore(api_key="k", base_url=server.url)
    seen = []
    with pytest.raises(petstore.APIError, match="the next-page cursor 'c3' came back; stopped rather than asking"):
        seen.extend(client.store.iter_list_adoption_history(pet_id=7))
    assert seen == ["adopted", "returned"] and len(server.requests) == 3


def test_collecting_stops_at_a_next_page_that_comes_back(render_farm: ModuleType, server: TestServer) -> None:
    server.reply(200, {"status": "done", "frames": frames(1), "next": "/renders/r1?skip=1"})
    server.reply(200, {"status": "done", "frames": [], "next": "/renders/r1?skip=1"})
    client = render_farm.RenderFarm(api_key="k", base_url=server.url)
    with pytest.raises(render_farm.APIError, match="collecting pages: the next-page cursor '/renders/r1.skip=1' came"):
        client.renders.wait_for_render(render_id="r1")
    assert len(server.requests) == 2


def test_a_next_page_elsewhere_is_not_followed(petstore: ModuleType, server: TestServer) -> None:
    """The client's credentials would go with it."""
    server.reply(200, {"adoptions": [{"id": "a"}], "next": "https://elsewhere.example/adoptions?page=2"})
    client = petstore.Petstore(api_key="secret", base_url=server.url)
    pages = client.store.iter_adoptions()
    assert next(pages).id == "a"
    with pytest.raises(petstore.APIError, match="the next page is at 'https://elsewhere.example/adoptions.page=2'"):
        next(pages)
    assert len(server.requests) == 1


def test_async_pages(petstore: ModuleType, server: TestServer) -> None:
    server.reply(200, {"adoptions": [{"id": "a"}], "next": f"{server.url}/adoptions?page=2"})
    server.reply(200, {"adoptions": [{"id": "b"}]})

    async def collect() -> list[str]:
        async with petstore.AsyncPetstore(api_key="k", base_url=server.url) as client:
            return [adoption.id async for adoption in client.store.iter_adoptions()]

    assert asyncio.run(collect()) == ["a", "b"]


# --- jobs ------------------------------------------------------------------------------------


@pytest.fixture
def render_farm(import_client: Importer) -> ModuleType:
    return import_client(FEATURES / "jobs" / "expected", "render_farm")


def frames(*numbers: int) -> list[dict[str, object]]:
    return [{"number": number} for number in numbers]


def test_a_job_in_one_call_starts_waits_and_collects_every_page(render_farm: ModuleType, server: TestServer) -> None:
    server.reply(200, {"id": "r1"})
    server.reply(200, {"status": "queued"})
    server.reply(200, {"status": "rendering", "frames": frames(1)})
    server.reply(200, {"status": "done", "frames": frames(1, 2), "next": f"{server.url}/renders/r1?skip=2"})
    server.reply(200, {"status": "done", "frames": frames(3, 4), "next": "/renders/r1?skip=4"})  # relative
    server.reply(200, {"status": "done", "frames": frames(5), "next": None})
    client = render_farm.RenderFarm(api_key="k", base_url=server.url)
    # the scene by position (x-clientgen-positional), the rest by name
    render = client.renders.render("castle", frames=5, poll_interval=0.01, extra_headers={"X-Trace": "t"})
    assert [frame.number for frame in render.frames] == [1, 2, 3, 4, 5]
    assert render.status == "done" and render.next is None  # every page was read
    assert [(r.method, r.path, r.query) for r in server.requests] == [
        ("POST", "/renders", []),
        *[("GET", "/renders/r1", [])] * 3,
        ("GET", "/renders/r1", [("skip", "2")]),
        ("GET", "/renders/r1", [("skip", "4")]),
    ]
    assert server.requests[0].json() == {"scene": "castle", "frames": 5}
    assert all(r.headers["authorization"] == "Bearer k" for r in server.requests)


def test_a_job_in_one_call_sends_its_per_call_options_with_the_starting_call_only(
    render_farm: ModuleType, server: TestServer
) -> None:
    """extra_body on a poll would be a GET with a body; the headers, query and timeout are the
    starting call's, not every poll's and page's."""
    server.reply(200, {"id": "r1"})
    server.reply(200, {"status": "queued"})
    server.reply(200, {"status": "done", "frames": frames(1), "next": "/renders/r1?skip=1"})
    server.reply(200, {"status": "done", "frames": frames(2), "next": None})
    client = render_farm.RenderFarm(api_key="k", base_url=server.url)
    render = client.renders.render(
        "castle", poll_interval=0.01, extra_headers={"X-Trace": "t"}, extra_query={"q": "1"},
        extra_body={"priority": 1}, timeout=30,
    )  # fmt: skip
    assert [frame.number for frame in render.frames] == [1, 2]
    start, *waits = server.requests
    assert (start.method, start.query, start.headers["x-trace"]) == ("POST", [("q", "1")], "t")
    assert start.json() == {"scene": "castle", "priority": 1}
    assert [(r.method, r.query, r.body, "x-trace" in r.headers) for r in waits] == [
        ("GET", [], b"", False),
        ("GET", [], b"", False),
        ("GET", [("skip", "1")], b"", False),
    ]


def test_waiting_returns_every_page_within_the_limits(render_farm: ModuleType, server: TestServer) -> None:
    def pages(count: int) -> None:
        answers = [
            {"status": "done", "frames": frames(1, 2), "next": "/renders/r1?skip=2"},
            {"status": "done", "frames": frames(3, 4), "next": "/renders/r1?skip=4"},
            {"status": "done", "frames": frames(5), "next": None},
        ]
        for answer in answers[:count]:
            server.reply(200, answer)

    client = render_farm.RenderFarm(api_key="k", base_url=server.url)
    pages(3)
    assert [f.number for f in client.renders.wait_for_render(render_id="r1").frames] == [1, 2, 3, 4, 5]
    assert len(server.requests) == 3
    pages(2)
    limited = client.renders.wait_for_render(render_id="r1", max_pages=2)
    assert [f.number for f in limited.frames] == [1, 2, 3, 4] and limited.next == "/renders/r1?skip=4"
    assert len(server.requests) == 5
    pages(2)
    limited = client.renders.wait_for_render(render_id="r1", max_results=3)
    assert [f.number for f in limited.frames] == [1, 2, 3] and len(server.requests) == 7


def test_a_job_that_outlasts_max_wait_raises_with_the_last_answer(render_farm: ModuleType, server: TestServer) -> None:
    server.reply(200, {"id": "r1"})
    for _ in range(20):
        server.reply(200, {"status": "rendering", "frames": frames(1)})
    client = render_farm.RenderFarm(api_key="k", base_url=server.url)
    with pytest.raises(render_farm.WaitTimeoutError) as caught:
        client.renders.render(scene="castle", poll_interval=0.05, max_wait=0.2)
    assert caught.value.last.status == "rendering"


def test_a_job_without_an_id_is_an_api_error(render_farm: ModuleType, server: TestServer) -> None:
    server.reply(200, {})
    client = render_farm.RenderFarm(api_key="k", base_url=server.url)
    with pytest.raises(render_farm.APIError, match="holds no job id"):
        client.renders.render(scene="castle")
    assert len(server.requests) == 1


def test_async_job_with_pages_by_cursor(render_farm: ModuleType, server: TestServer) -> None:
    server.reply(200, {"exportId": "e1"})
    server.reply(200, {"state": "running"})
    server.reply(200, {"state": "finished", "files": ["a.png"], "cursor": "c2"})
    server.reply(200, {"state": "finished", "files": ["b.png", "c.png"]})

    async def export() -> object:
        async with render_farm.AsyncRenderFarm(api_key="k", base_url=server.url) as client:
            return await client.exports.start_export_and_wait(poll_interval=0.01)

    result = asyncio.run(export())
    assert result.files == ["a.png", "b.png", "c.png"] and result.cursor is None
    assert [(r.method, r.path, r.query) for r in server.requests] == [
        ("POST", "/exports", []),
        ("GET", "/exports/e1", []),
        ("GET", "/exports/e1", []),
        ("GET", "/exports/e1", [("cursor", "c2")]),
    ]


def test_methods_on_the_client_itself_call_their_resources(render_farm: ModuleType, server: TestServer) -> None:
    """`names` put start_render and get_render on the client, with the methods their extensions add."""
    server.reply(200, {"id": "r1"})
    server.reply(200, {"status": "done", "frames": frames(1), "next": "/renders/r1?skip=1"})
    server.reply(200, {"status": "done", "frames": frames(2)})
    server.reply(200, {"status": "queued"})
    client = render_farm.RenderFarm(api_key="k", base_url=server.url)
    assert [frame.number for frame in client.render("castle", poll_interval=0.01).frames] == [1, 2]
    assert client.get_render(render_id="r2").status == "queued"
    assert [(r.method, r.path) for r in server.requests][-1] == ("GET", "/renders/r2")
    assert inspect.signature(client.render) == inspect.signature(client.renders.render)
    assert client.render.__doc__ == client.renders.render.__doc__
    assert {"start_render", "wait_for_render", "iter_frames"} <= set(dir(client))
    assert not hasattr(client, "start_export")  # not named onto the client

    server.reply(200, {"status": "done", "frames": frames(1), "next": "/renders/r1?skip=1"})
    server.reply(200, {"status": "done", "frames": frames(2)})

    async def frame_numbers() -> list[int]:
        async with render_farm.AsyncRenderFarm(api_key="k", base_url=server.url) as async_client:
            return [frame.number async for frame in async_client.iter_frames(render_id="r1")]

    assert asyncio.run(frame_numbers()) == [1, 2]


def test_documented_statuses_raise_classes_of_their_own(render_farm: ModuleType, server: TestServer) -> None:
    server.reply(402, {"error": "out of credits"})
    client = render_farm.RenderFarm(api_key="k", base_url=server.url, max_retries=0)
    with pytest.raises(render_farm.PaymentRequiredError) as payment:
        client.start_render(scene="castle")
    assert isinstance(payment.value, render_farm.APIStatusError) and payment.value.status_code == 402
    assert payment.value.body == {"error": "out of credits"}
    server.reply(503, {"error": "busy"})
    with pytest.raises(render_farm.ServiceUnavailableError) as busy:
        client.renders.get_render(render_id="r1")
    assert isinstance(busy.value, render_farm.InternalServerError)  # `except InternalServerError` still catches it
    server.reply(502, {"error": "gateway"})  # not documented: the usual class
    with pytest.raises(render_farm.InternalServerError) as other:
        client.renders.get_render(render_id="r1")
    assert type(other.value) is render_farm.InternalServerError
    assert {"PaymentRequiredError", "ServiceUnavailableError"} <= set(render_farm.__all__)


def test_a_json_schema_argument_takes_a_pydantic_model_class(render_farm: ModuleType, server: TestServer) -> None:
    import pydantic

    class FrameMetadata(pydantic.BaseModel):
        camera: str
        exposure: float = 1.0

    server.reply(200, {"id": "r1"})
    server.reply(200, {"id": "r2"})
    client = render_farm.RenderFarm(api_key="k", base_url=server.url)
    client.start_render(
        scene="castle", metadata_schema=FrameMetadata, checks=[{"name": "meta", "schema": FrameMetadata}]
    )
    schema = FrameMetadata.model_json_schema()
    assert server.requests[0].json() == {
        "scene": "castle",
        "metadataSchema": schema,
        "checks": [{"name": "meta", "schema": schema}],
    }
    client.start_render(scene="castle", metadata_schema={"type": "object"})  # a schema as a dict, as it is
    assert server.requests[1].json()["metadataSchema"] == {"type": "object"}


# --- uploads ---------------------------------------------------------------------------------


@pytest.fixture
def uploads(import_client: Importer) -> ModuleType:
    return import_client(FEATURES / "uploads" / "expected", "uploads")


def test_multipart_upload_with_a_json_part(uploads: ModuleType, server: TestServer, tmp_path: Path) -> None:
    server.reply(200, {"id": "d1", "size": 4})
    server.reply(200, {"id": "d2"})
    document = tmp_path / "notes.pdf"
    document.write_bytes(b"%PDF\x00\xff")
    client = uploads.Uploads(api_key="t", base_url=server.url)
    result = client.documents.upload_document(file=document, title="Notes", labels=["a", "b"], options={"ocr": True})
    assert result.id == "d1"
    request = server.requests[0]
    assert request.headers["content-type"].startswith("multipart/form-data; boundary=")
    assert request.headers["authorization"] == "Bearer t"
    parts = multipart_parts(request)
    assert parts["file"] == ("notes.pdf", "application/pdf", b"%PDF\x00\xff")
    assert parts["title"][2] == b"Notes"
    assert parts["options"][1:] == ("application/json", b'{"ocr":true}')
    client.documents.upload_document(file=("raw.bin", b"\x01\x02", "application/octet-stream"))
    parts = multipart_parts(server.requests[1])
    assert parts == {"file": ("raw.bin", "application/octet-stream", b"\x01\x02")}


def test_binary_and_text_bodies(uploads: ModuleType, server: TestServer) -> None:
    server.reply(200, body=b"\x00\x01binary", headers={"Content-Type": "application/octet-stream"})
    server.reply(204)
    server.reply(200, body="résumé".encode(), headers={"Content-Type": "text/plain; charset=utf-8"})
    client = uploads.Uploads(api_key="t", base_url=server.url)
    assert client.documents.download_document(id="d 1") == b"\x00\x01binary"
    assert server.requests[0].path == "/documents/d%201/content"
    assert client.documents.replace_document(id="d1", body=b"new bytes") is None
    assert server.requests[1].body == b"new bytes" and server.requests[1].method == "PUT"
    assert client.documents.summarize_document(id="d1") == "résumé"
    # each asks for the media type its response has (Prism answers 406 otherwise)
    assert [r.headers["accept"] for r in server.requests] == [
        "application/octet-stream",
        "application/json",
        "text/plain",
    ]
    # a binary body whose schema says only `type: string` is an upload too, not a str
    assert "FileTypes" in str(inspect.signature(client.documents.import_archive).parameters["body"].annotation)
    server.reply(204)
    client.documents.import_archive(body=b"ustar\x00")
    assert server.requests[3].body == b"ustar\x00"
    assert server.requests[3].headers["content-type"] == "application/x-tar"
    # its Content-Length parameter is left out: httpx writes the header from the body
    assert "content_length" not in inspect.signature(client.documents.import_archive).parameters
    assert server.requests[3].headers["content-length"] == "6"


def test_form_urlencoded(uploads: ModuleType, server: TestServer) -> None:
    server.reply(200, {"token": "abc"})
    client = uploads.Uploads(base_url=server.url)  # login needs no credentials
    assert client.auth.login(username="ann", password="p&ss word").token == "abc"
    request = server.requests[0]
    assert request.headers["content-type"] == "application/x-www-form-urlencoded"
    assert request.body == b"username=ann&password=p%26ss+word"


# --- OpenAPI 3.1 -----------------------------------------------------------------------------


@pytest.fixture
def events(import_client: Importer) -> ModuleType:
    return import_client(FEATURES / "openapi31" / "expected", "events")


def test_basic_auth_type_arrays_and_open_enums(events: ModuleType, server: TestServer) -> None:
    server.reply(
        200,
        {
            "data": [
                {"object": "event", "id": "e1", "payload": "text", "priority": 9, "color": "blue", "score": None},
                {"object": "event", "id": "e2", "payload": {"text": "hi"}, "color": None},
            ],
            "next": None,
        },
    )
    client = events.Events(username="ann", password="secret", base_url=server.url)
    page = client.events.list_events(since=datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc))
    request = server.requests[0]
    assert request.headers["authorization"] == "Basic YW5uOnNlY3JldA=="
    assert request.query == [("since", "2024-01-01T00:00:00+00:00")]
    first, second = page.data
    assert (first.priority, first.color, first.payload) == (9, "blue", "text")
    assert second.payload.text == "hi" and second.color is None
    assert page.next is None


def test_basic_auth_needs_both_parts(events: ModuleType, server: TestServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("EVENTS_PASSWORD", raising=False)
    monkeypatch.setenv("EVENTS_USERNAME", "ann")
    with pytest.raises(events.MissingCredentialsError, match="username= and password="):
        events.Events(base_url=server.url).events.list_events()


def test_parameter_styles(petstore: ModuleType, server: TestServer) -> None:
    server.reply(200, [])
    server.reply(200, [])
    client = petstore.Petstore(api_key="k", base_url=server.url)
    client.pets.list_pets(
        filter={"color": "red", "min_age": 2}, ids=[1, 2], sort=petstore.types.ListPetsSort(field="name", order="asc")
    )
    assert server.requests[0].query == [
        ("filter[color]", "red"),
        ("filter[minAge]", "2"),
        ("ids", "1|2"),
        ("field", "name"),
        ("order", "asc"),
    ]
    client.pets.find_pets_by_tags(tags=["a b", "c,d"], x_trace=["x", "y"])
    assert server.requests[1].path == "/pets/by-tags/a%20b,c%2Cd"
    assert server.requests[1].headers["x-trace"] == "x,y"


def test_param_dicts_are_keyed_by_python_names(
    petstore: ModuleType, import_client: Importer, server: TestServer
) -> None:
    """A `...Param` TypedDict has the keys of its model's fields and of the keyword arguments
    (snake_case); the runtime sends them by their wire names, in a query, in a body given as one
    argument (a discriminated union) and at any depth of a recursive one, sync and async. A wire
    name, or a key the API does not describe, is sent as it is."""
    zoo = import_client(FEATURES / "schemas" / "expected", "zoo")
    server.reply(200, [])
    server.reply(200, [])
    server.reply(201, {"kind": "dog", "name": "Rex"})
    server.reply(204)
    server.reply(204)
    client = petstore.Petstore(api_key="k", base_url=server.url)
    client.pets.list_pets(filter={"color": "red", "min_age": 2})
    client.pets.list_pets(filter={"minAge": 3, "other": "x"})
    assert server.requests[0].query == [("filter[color]", "red"), ("filter[minAge]", "2")]
    assert server.requests[1].query == [("filter[minAge]", "3"), ("filter[other]", "x")]
    animals = zoo.Zoo(base_url=server.url, max_retries=0).animals
    born = datetime.datetime(2020, 1, 2, 3, 4, 5, tzinfo=datetime.timezone.utc)
    animals.create_animal(body={"kind": "dog", "name": "Rex", "good_boy": True, "born_at": born})
    assert server.requests[2].json() == {
        "kind": "dog",
        "name": "Rex",
        "goodBoy": True,
        "bornAt": "2020-01-02T03:04:05+00:00",
    }
    tree = zoo.Zoo(base_url=server.url, max_retries=0).tree
    tree.plant_tree(value=1, children=[{"value": 2, "children": [{"value": 3, "leaf_count": 0}]}], leaf_count=2)
    assert server.requests[3].json() == {
        "value": 1,
        "children": [{"value": 2, "children": [{"value": 3, "leaf-count": 0}]}],
        "leaf-count": 2,
    }

    async def main() -> None:
        async with zoo.AsyncZoo(base_url=server.url, max_retries=0) as async_client:
            await async_client.tree.plant_tree(value=1, children=({"value": 2, "leaf_count": 5},))

    asyncio.run(main())
    assert server.requests[4].json() == {"value": 1, "children": [{"value": 2, "leaf-count": 5}]}
    # every TypedDict twin of every feature client has its model's Python names as keys
    checked = 0
    for feature in FEATURES.iterdir():
        if not (feature / "spec.yaml").is_file():
            continue
        package = next(p.name for p in (feature / "expected").iterdir() if p.is_dir() and p.name != "tests")
        types = import_client(feature / "expected", package).types
        for name in types.__all__:
            twin = getattr(types, name)
            model = getattr(types, name.removesuffix("Param"), None)
            if name.endswith("Param") and isinstance(model, type) and hasattr(model, "model_fields"):
                # `schema` for a model's `schema_`, which only avoids pydantic's own members
                fields = set(model.model_fields) | {"secret"}
                assert all(key in fields or key + "_" in fields for key in twin.__annotations__), name
                checked += 1
    assert checked >= 20


def feature_packages(import_client: Importer) -> list[ModuleType]:
    """Every feature client, imported."""
    packages = []
    for feature in sorted(FEATURES.iterdir()):
        if (feature / "spec.yaml").is_file():
            package = next(p.name for p in (feature / "expected").iterdir() if p.is_dir() and p.name != "tests")
            packages.append(import_client(feature / "expected", package))
    return packages


def test_docstrings_say_what_the_signature_does_not(import_client: Importer) -> None:
    """No `(type)` that repeats the signature, no empty `Args` entry, and the per-call options
    documented once, in the client's docstring, not in each method's."""
    options = ("extra_headers", "extra_query", "extra_body")
    methods = 0
    for package in feature_packages(import_client):
        resources = importlib.import_module(f"{package.__name__}.resources")
        for class_name in resources.__all__:
            for method_name, method in inspect.getmembers(getattr(resources, class_name), inspect.isfunction):
                if method_name.startswith("_") or not method.__doc__:
                    continue
                methods += 1
                doc = inspect.getdoc(method) or ""
                if "Args:" not in doc:
                    continue
                entries = doc.split("Args:\n", 1)[1].split("\n\n")[0].splitlines()
                for entry in entries:
                    assert not re.match(r"\s*\w+ \(.*\):", entry), (method.__qualname__, entry)
                    assert not re.fullmatch(r"\s*\w+:\s*", entry), (method.__qualname__, entry)
                    name = entry.split(":")[0].strip()
                    # the HTTP timeout by its annotation: `timeout` may be an argument of the spec
                    # or a waiting option, where the HTTP timeout is `request_timeout`
                    parameter = inspect.signature(method).parameters.get(name)
                    http_timeout = parameter is not None and "httpx.Timeout" in str(parameter.annotation)
                    assert name not in options and not http_timeout, (method.__qualname__, entry)
        clients = [
            c for c in vars(package).values() if isinstance(c, type) and c.__module__ == f"{package.__name__}._client"
        ]
        assert clients
        for client_class in clients:
            doc = inspect.getdoc(client_class) or ""
            for option in options:
                assert doc.count(f"{option}: ") == 1, (client_class, option)
    assert methods > 50


def test_path_parameters_are_positional_or_keyword(
    petstore: ModuleType, import_client: Importer, server: TestServer
) -> None:
    """What a call is about comes first, by position or by name; the rest are keywords."""
    for _ in range(4):
        server.reply(200, PET)
    server.reply(200, {"status": "approved"})
    server.reply(204)
    client = petstore.Petstore(api_key="k", base_url=server.url)
    assert client.pets.get_pet(7).name == "Rex"
    assert client.pets.get_pet(pet_id=7).name == "Rex"
    assert client.pets.with_raw_response.get_pet(7).parse().name == "Rex"

    async def main() -> object:
        async with petstore.AsyncPetstore(api_key="k", base_url=server.url) as async_client:
            return await async_client.pets.get_pet(7)

    assert asyncio.run(main()).name == "Rex"
    assert client.store.get_adoption_until_done("a1", poll_interval=0.01).status == "approved"
    assert [r.path for r in server.requests[:5]] == ["/pets/7"] * 4 + ["/adoptions/a1"]
    kinds = {name: p.kind.name for name, p in inspect.signature(client.pets.get_pet).parameters.items()}
    assert kinds == {"pet_id": "POSITIONAL_OR_KEYWORD"} | {
        name: "KEYWORD_ONLY" for name in ("extra_headers", "extra_query", "extra_body", "timeout", "base_url")
    }
    # several, in the order of the path, whatever the order of their declarations
    wire = import_client(FEATURES / "wire" / "expected", "wire").Wire(base_url=server.url)
    wire.reports.get_report([1, 2], "pdf", redirect="/a")
    assert server.requests[5].path == "/reports/;id=1;id=2/report.pdf"
    with pytest.raises(TypeError):
        client.pets.list_pets(5)  # a query parameter is a keyword


def test_per_call_options_have_one_name_in_every_method(import_client: Importer, server: TestServer) -> None:
    """`extra_headers`, `extra_query`, `extra_body` and `timeout` are the per-call options of every
    method; a parameter or body field named like one, or like an earlier argument, takes its
    location as a prefix; but for `timeout`, where an extension gives it to an argument of the
    spec (x-clientgen-timeout) or to a waiting option: the HTTP timeout is `request_timeout` then."""
    names = import_client(FEATURES / "names" / "expected", "names_the_hard_cases_escaped")
    server.reply(200, {})
    server.reply(200, {"type": "c"})
    client = names.NamesTheHardCasesEscaped(base_url=server.url, max_retries=0)
    accounts = client.user_accounts
    accounts.get_users_user_id_items("u1", query_user_id="q", query_timeout=30, query_self=True, timeout=5.0)
    assert server.requests[0].path == "/users/u1/items"
    assert server.requests[0].query == [("user_id", "q"), ("timeout", "30"), ("self", "true")]
    accounts.create_item(schema={}, body_extra_headers="in the body", extra_headers={"X-Trace": "t"})
    assert server.requests[1].json() == {"schema": {}, "extra_headers": "in the body"}
    assert server.requests[1].headers["x-trace"] == "t"
    for feature in FEATURES.iterdir():
        if not (feature / "spec.yaml").is_file():
            continue
        package = next(p.name for p in (feature / "expected").iterdir() if p.is_dir() and p.name != "tests")
        import_client(feature / "expected", package)
        resources = importlib.import_module(f"{package}.resources")
        for class_name in resources.__all__:
            for method_name, method in inspect.getmembers(getattr(resources, class_name), inspect.isfunction):
                if method_name.startswith("_"):
                    continue
                parameters = inspect.signature(method).parameters
                # the HTTP timeout is `request_timeout` where `timeout` is another argument of one
                # of the operation's methods
                http_timeout = [name for name, p in parameters.items() if "httpx.Timeout" in str(p.annotation)]
                assert http_timeout in (["timeout"], ["request_timeout"]), (class_name, method_name)
                options = [name for name in parameters if name in ("extra_headers", "extra_query", "extra_body")]
                assert options == ["extra_headers", "extra_query", "extra_body"], (class_name, method_name)
                assert list(parameters)[-2:] == [http_timeout[0], "base_url"]
                assert all(parameters[name].kind.name == "KEYWORD_ONLY" for name in options + http_timeout)


def test_list_arguments_take_any_sequence(petstore: ModuleType, uploads: ModuleType, server: TestServer) -> None:
    """Lists are `Sequence[...]` arguments: tuples and other sequences are sent as lists, in
    a query, a path, a header and a multipart body (`test_typecheck.py`: they type-check)."""
    server.reply(200, [])
    server.reply(200, [])
    server.reply(200, {"id": "d1"})
    client = petstore.Petstore(api_key="k", base_url=server.url)
    client.pets.list_pets(tags=("a", "b"), ids=range(1, 3))
    assert server.requests[0].query == [("tags", "a,b"), ("ids", "1|2")]
    client.pets.find_pets_by_tags(tags=("a b", "c,d"), x_trace=("x", "y"))
    assert server.requests[1].path == "/pets/by-tags/a%20b,c%2Cd"
    assert server.requests[1].headers["x-trace"] == "x,y"
    uploads.Uploads(api_key="t", base_url=server.url).documents.upload_document(file=b"%PDF", labels=("a", "b"))
    assert [part.content for part in server.requests[2].parts() if part.name == "labels"] == [b"a", b"b"]


# --- a spec in several files -----------------------------------------------------------------


@pytest.fixture
def library(import_client: Importer) -> ModuleType:
    return import_client(FEATURES / "multifile" / "expected", "library")


def test_refs_across_files_ranges_and_json_suffixes(library: ModuleType, server: TestServer) -> None:
    server.reply(
        206,
        [{"title": "Dune", "author": {"name": "Herbert"}, "isbn": "1"}],
        headers={"Content-Type": "application/vnd.library+json"},
    )
    server.reply(404, body=b'{"title": "Gone", "status": 404}', headers={"Content-Type": "application/problem+json"})
    server.reply(201, {"title": "Emma"})
    client = library.Library(base_url=server.url, max_retries=0)
    [book] = client.books.list_books(page=2, lang="fr")  # 206 is in 2XX
    assert (book.title, book.author.name, book.isbn) == ("Dune", "Herbert", "1")
    assert server.requests[0].query == [("page", "2"), ("lang", "fr")]
    with pytest.raises(library.NotFoundError) as caught:
        client.books.list_books()
    assert type(caught.value.parsed).__name__ == "Problem" and caught.value.parsed.title == "Gone"
    client.books.add_book(title="Emma", author={"name": "Austen"})
    assert server.requests[2].json() == {"title": "Emma", "author": {"name": "Austen"}}
    assert "isbn" not in inspect.signature(client.books.add_book).parameters  # readOnly


# --- names -----------------------------------------------------------------------------------


def test_schemas_named_like_the_helpers_of_the_generated_code(import_client: Importer, server: TestServer) -> None:
    """`Tag` keeps its name (the union helper is `tag`); `Sequence`, `Annotated`,
    `Required` and `TypedDict`, which the generated modules import, are numbered."""
    names = import_client(FEATURES / "names" / "expected", "names_the_hard_cases_escaped")
    types = names.types
    sequence = types.Sequence2.model_validate({"marks": [{"type": "tag", "discriminated": "d"}, {"type": "note"}]})
    assert [type(mark) for mark in sequence.marks] == [types.Tag, types.Annotated2]
    assert types.Required2.model_validate({"typed": {"tag": "t"}}).typed == types.TypedDict2(tag="t")
    server.reply(200, {"type": "c"})
    client = names.NamesTheHardCasesEscaped(base_url=server.url, max_retries=0)
    client.user_accounts.create_item(schema={}, sequences=(sequence, {"marks": [{"type": "note"}]}))
    assert server.requests[0].json()["sequences"] == [
        {"marks": [{"type": "tag", "discriminated": "d"}, {"type": "note"}]},
        {"marks": [{"type": "note"}]},
    ]


# --- a Swagger 2.0 spec ----------------------------------------------------------------------


@pytest.fixture
def shelter(import_client: Importer) -> ModuleType:
    return import_client(FEATURES / "swagger2" / "expected", "shelter")


def test_swagger2_query_styles_headers_and_json_bodies(shelter: ModuleType, server: TestServer) -> None:
    server.reply(200, [{"id": 1, "name": "Tom", "kind": "Cat", "chip": None, "indoor": True}])
    server.reply(201, {"id": 2, "name": "Rex", "kind": "Dog"})
    client = shelter.Shelter(api_key="k", oauth="token", base_url=server.url)
    [tom] = client.animals.list_animals(
        species=["cat", "dog"], colors=["red", "grey"], sizes=[1, 2], names=["a", "b"], neutered=True, x_request_id="r1"
    )
    request = server.requests[0]
    assert request.query == [
        ("species", "cat"),
        ("species", "dog"),
        ("colors", "red,grey"),
        ("sizes", "1|2"),
        ("names", "a b"),
        ("neutered", "true"),
    ]  # multi, csv, pipes, ssv
    assert (request.headers["x-request-id"], request.headers["x-api-key"]) == ("r1", "k")
    assert (tom.name, tom.chip, tom.model_extra) == ("Tom", None, {"indoor": True})
    assert client.animals.admit_animal(name="Rex", kind="Dog").id == 2
    request = server.requests[1]
    assert request.json() == {"name": "Rex", "kind": "Dog"}
    assert request.headers["authorization"] == "Bearer token"  # the oauth2 flow's access token


def test_swagger2_forms_files_and_a_path_item_in_another_file(shelter: ModuleType, server: TestServer) -> None:
    server.reply(204)
    server.reply(200, body=b"\x89PNG", headers={"Content-Type": "image/png"})
    server.reply(202, {"id": 5, "status": "received", "decidedAt": None})
    server.reply(404, {"code": 404, "message": "no such adoption"})
    client = shelter.Shelter(api_key="k", username="staff", password="pw", base_url=server.url)
    client.animals.upload_photo(animal_id=7, photo=("tom.png", b"\x89PNG", "image/png"), caption="Tom")
    parts = multipart_parts(server.requests[0])
    assert parts == {"photo": ("tom.png", "image/png", b"\x89PNG"), "caption": (None, None, b"Tom")}
    assert server.requests[0].path == "/animals/7/photo"
    assert client.animals.download_photo(animal_id=7) == b"\x89PNG"
    assert server.requests[1].headers["accept"] == "image/png"
    adoption = client.adoptions.apply_for_adoption(animal_id=7, adopter="Ann Lee")
    assert (adoption.status, adoption.decided_at) == ("received", None)
    request = server.requests[2]
    assert request.body == b"animalId=7&adopter=Ann+Lee"
    assert request.headers["authorization"] == "Basic c3RhZmY6cHc="
    with pytest.raises(shelter.NotFoundError) as caught:
        client.adoptions.get_adoption(adoption_id=5)
    assert type(caught.value.parsed).__name__ == "Problem" and caught.value.parsed.message == "no such adoption"


@pytest.mark.parametrize(
    ("project", "package", "reply"),
    [
        (FEATURES / "petstore" / "expected", "petstore", []),
        (FEATURES.parent.parent / "generated" / "firecrawl", "firecrawl", {}),
    ],
    ids=["petstore", "firecrawl"],
)
def test_the_readme_shows_the_surface_and_its_code_runs(
    project: Path,
    package: str,
    reply: object,
    import_client: Importer,
    server: TestServer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Every Python block of a generated client's README runs, in order, against a real server:
    path parameters by position, the per-call options, raw and streamed responses."""
    import_client(project, package)
    readme = (project / "README.md").read_text()
    for shown in ("with_streaming_response", "extra_headers=", "timeout=10.0", "| `extra_query=` |", "body_timeout="):
        assert shown in readme, shown
    prefix = package.upper()
    monkeypatch.setenv(f"{prefix}_BASE_URL", server.url)
    monkeypatch.setenv(f"{prefix}_API_KEY", "k")
    for _ in range(20):
        server.reply(200, reply)
    namespace: dict[str, object] = {}
    blocks = re.findall(r"```python\n(.*?)```", readme, flags=re.S)
    assert len(blocks) >= 6
    for block in blocks:
        exec(compile(block, f"{package}/README.md", "exec"), namespace)  # noqa: S102 - our own README
    traced = [request for request in server.requests if request.headers.get("x-trace") == "1"]
    assert traced
    if package == "firecrawl":  # its operation takes a path parameter: shown by position
        assert 'stop_interactive_scrape_browser_session("...")' in readme
        assert traced[-1].path == "/scrape/.../interact"
    else:
        assert "`ListPetsFilterParam` takes\n`min_age`, sent as `minAge`" in readme
    # the generic call of "Calls the description lacks" went through the client too
    assert any(request.path == "/a/path/of/the/api" for request in server.requests)


def test_write_only_fields_of_dicts_are_sent_by_their_wire_names(
    tmp_path: Path, import_client: Importer, server: TestServer
) -> None:
    """A write-only field is no field of the response model, yet a dict sent for it is keyed by
    its Python name: the model lists the wire names of such fields for the runtime."""
    from .conftest import generate_into, write_spec

    spec = write_spec(
        tmp_path,
        """
openapi: 3.0.3
info: {title: Accounts, version: '1'}
paths:
  /accounts:
    post:
      operationId: createAccount
      tags: [accounts]
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                owner: {$ref: '#/components/schemas/Owner'}
      responses:
        '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Owner'}}}}
components:
  schemas:
    Owner:
      type: object
      properties:
        userName: {type: string}
        newPassword: {type: string, writeOnly: true}
""",
    )
    accounts = import_client(generate_into(spec, tmp_path / "out"), "accounts")
    assert "new_password" not in accounts.types.Owner.model_fields
    server.reply(200, {"userName": "ann"})
    owner = accounts.Accounts(base_url=server.url).accounts.create_account(
        owner={"user_name": "ann", "new_password": "s3"}
    )
    assert server.requests[0].json() == {"owner": {"userName": "ann", "newPassword": "s3"}}
    assert owner.user_name == "ann"
