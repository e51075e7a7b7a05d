"""The `realworld` feature client (tests/features/realworld): what real specs and servers do that
broke clients, against a real server on 127.0.0.1. Its contract tests pass against Prism too
(tests/test_contract.py)."""

import asyncio
import datetime
import gzip
import json
import logging
import typing
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

from .golden import FEATURES
from .http_server import TestServer

PROJECT = FEATURES / "realworld" / "expected"


@pytest.fixture
def realworld(import_client: Callable[[Path, str], ModuleType]) -> ModuleType:
    return import_client(PROJECT, "real_world")


def client(realworld: ModuleType, server: TestServer, **options: object) -> typing.Any:
    return realworld.RealWorld(base_url=server.url, max_retries=0, **options)


# --- request bodies in the declared media type -------------------------------------------------


def test_request_bodies_are_sent_in_the_media_type_the_spec_declares(realworld: ModuleType, server: TestServer) -> None:
    api = client(realworld, server)
    for _ in range(6):
        server.reply(204)
    api.tasks.update_task(task_gid="1", name="Ship it", due_at=None)
    api.activities.post_activity(type="Note", summary="ça va")
    api.activities.create_gadget(name="g")
    api.activities.post_note(body="café")
    api.activities.subscribe(email="a+b@example.com")
    api.users.put_avatar(login="octocat", body=b"\x89PNG")
    patch, activity, gadget, note, form, avatar = server.requests
    assert patch.headers["content-type"] == "application/merge-patch+json"
    assert patch.json() == {"name": "Ship it", "due_at": None}
    assert activity.headers["content-type"] == 'application/ld+json; profile="https://www.w3.org/ns/activitystreams"'
    assert activity.body == '{"type":"Note","summary":"ça va"}'.encode()
    assert gadget.headers["content-type"] == "application/vnd.example.gadget+json" and gadget.json() == {"name": "g"}
    # text in the charset it declares
    assert note.headers["content-type"] == "text/plain; charset=iso-8859-1" and note.body == b"caf\xe9"
    assert form.headers["content-type"] == "application/x-www-form-urlencoded; charset=UTF-8"
    assert form.body == b"email=a%2Bb%40example.com"
    assert avatar.headers["content-type"] == "image/png" and avatar.body == b"\x89PNG"


def test_an_object_body_declared_as_bytes_is_sent_as_json_in_that_media_type(
    realworld: ModuleType, server: TestServer
) -> None:
    """Docker declares its network-connect body application/octet-stream with an object schema:
    bytes cannot be an object, so the object is sent as JSON, in the declared media type."""
    server.reply(204)
    client(realworld, server).renders.connect_network("n1", container="c1")
    request = server.requests[0]
    assert request.headers["content-type"] == "application/octet-stream" and request.json() == {"Container": "c1"}


def test_a_multipart_body_that_is_one_file_is_sent_as_the_part_file(realworld: ModuleType, server: TestServer) -> None:
    """A form is named parts; loket.nl declares its multipart imports as one binary string."""
    server.reply(204)
    client(realworld, server).users.upload_document("u1", file=("staff.csv", b"name\nAda\n", "text/csv"))
    [part] = server.requests[0].parts()
    assert (part.name, part.filename, part.headers["content-type"]) == ("file", "staff.csv", "text/csv")
    assert part.content == b"name\nAda\n"


def test_a_required_form_is_sent_even_without_fields(realworld: ModuleType, server: TestServer) -> None:
    """readme.io requires its upload form but none of its fields: the form goes, with no part."""
    server.reply(204)
    server.reply(204)
    api = client(realworld, server)
    api.users.upload_specification()
    api.users.upload_specification(spec=b"openapi: 3.1.0")
    empty, one = server.requests
    boundary = empty.headers["content-type"].removeprefix("multipart/form-data; boundary=")
    assert empty.body == f"--{boundary}--\r\n".encode() and empty.parts() == []
    assert [part.name for part in one.parts()] == ["spec"]


def test_extra_headers_still_override_the_content_type(realworld: ModuleType, server: TestServer) -> None:
    server.reply(204)
    client(realworld, server).activities.create_gadget(name="g", extra_headers={"Content-Type": "application/json"})
    assert server.requests[0].headers["content-type"] == "application/json"


# --- path parameters ---------------------------------------------------------------------------


def test_an_empty_path_parameter_is_refused_before_sending(realworld: ModuleType, server: TestServer) -> None:
    api = client(realworld, server)
    with pytest.raises(ValueError, match=r"the path parameter 'login' of /users/\{login\} must not be empty: got ''"):
        api.users.get_user(login="")
    with pytest.raises(ValueError, match="'Sid' .* must not be empty"):
        api.calls.fetch_call(account_sid="AC" + "0" * 32, sid="")
    async_api = realworld.AsyncRealWorld(base_url=server.url, max_retries=0)
    with pytest.raises(ValueError, match="must not be empty"):
        asyncio.run(async_api.users.get_user(login=""))
    assert server.requests == []


def test_a_path_with_a_fragment_is_sent_without_it_and_keeps_its_query(
    realworld: ModuleType, server: TestServer
) -> None:
    """AWS keys operations by fragments (`/tags/{arn}#tagKeys`, `/#X-Amz-Target=...`) that HTTP
    never sends: a query written after the fragment would be dropped with it."""
    api = client(realworld, server)
    server.reply(204)
    server.reply(200, {"keys": ["env"]})
    api.tags.untag_resource("arn:aws:s3:::b", tag_keys=("env", "team"))
    keys = api.tags.describe_tag_keys(prefix="e")  # a required constant is the client's to send
    untag, describe = server.requests
    assert (untag.method, untag.path) == ("DELETE", "/tags/arn%3Aaws%3As3%3A%3A%3Ab")
    assert untag.query == [("tagKeys", "env"), ("tagKeys", "team")]
    assert (describe.method, describe.path) == ("POST", "/")
    assert describe.headers["x-amz-target"] == "Tagging.DescribeTagKeys"
    assert describe.json() == {"prefix": "e"}
    assert keys.keys == ["env"]


# --- discriminators whose tag the body omits ---------------------------------------------------


@pytest.mark.parametrize("strict", [False, True])
def test_a_body_without_the_discriminator_tag_is_the_variant_that_accepts_it(
    realworld: ModuleType, server: TestServer, strict: bool
) -> None:
    """GitHub's GET /user declares `discriminator: user_view_type`, which its own examples omit."""
    types = realworld.types
    server.reply(200, {"login": "octocat", "id": 1, "plan": {"name": "pro"}})
    server.reply(200, {"login": "octocat", "id": 1})
    server.reply(200, {"login": "octocat", "id": 1, "user_view_type": "public", "plan": {"name": "pro"}})
    server.reply(200, {"login": "octocat", "id": 1, "user_view_type": "private"})  # the tag's variant refuses it
    api = client(realworld, server, strict_response_validation=strict)
    users = [api.users.get_user(login="octocat") for _ in range(4)]
    assert [type(user) for user in users] == [types.PrivateUser, types.PublicUser, types.PublicUser, types.PublicUser]
    assert users[0].plan.name == "pro"


# --- responses that drift from the spec --------------------------------------------------------

ASANA_TASK = {
    "gid": "12",
    "name": "Ship it",
    "start_on": "2024-01-01T09:00:00.000Z",
    "due_at": "2024-01-02",
    "tags": [],
}


def test_a_drifting_response_keeps_what_fits_typed_and_the_rest_as_received(
    realworld: ModuleType, server: TestServer, caplog: pytest.LogCaptureFixture
) -> None:
    server.reply(200, ASANA_TASK)
    with caplog.at_level(logging.DEBUG, logger="real_world"):
        task = client(realworld, server).tasks.get_task(task_gid="12")
    assert type(task) is realworld.types.Task
    assert task.start_on == "2024-01-01T09:00:00.000Z"  # a date-time in a date field: as received
    assert task.due_at == datetime.datetime(2024, 1, 2)  # a date in a date-time field: pydantic reads it
    assert (task.gid, task.name, task.model_extra) == ("12", "Ship it", {"tags": []})
    assert [record.getMessage() for record in caplog.records if "description" in record.getMessage()] == [
        "200 response to GET /tasks/{task_gid}: body.start_on does not match the API's description"
        " (Datetimes provided to dates should have zero time - e.g. be exact dates); kept as received"
    ]


def test_strict_response_validation_raises_for_drift(realworld: ModuleType, server: TestServer) -> None:
    server.reply(200, ASANA_TASK)
    strict = client(realworld, server, strict_response_validation=True)
    with pytest.raises(realworld.APIResponseValidationError, match="start_on: Datetimes provided to dates") as caught:
        strict.tasks.get_task(task_gid="12")
    assert caught.value.body == ASANA_TASK


def test_drift_at_every_depth_a_missing_field_and_an_unknown_tag(realworld: ModuleType, server: TestServer) -> None:
    server.reply(200, {"login": "octocat", "id": "one", "plan": {"name": 7, "space": 1}})
    server.reply(200, {"sid": "CA" + "0" * 32, "status": "failed-over"})
    api = client(realworld, server)
    user = api.users.get_user(login="octocat")
    # no variant accepts it: the one whose fields it has most of, each field typed where it fits
    assert type(user) is realworld.types.PrivateUser
    assert (user.id, user.plan.name, user.plan.space) == ("one", 7, 1)
    call = api.calls.fetch_call(account_sid="AC" + "0" * 32, sid="CA" + "0" * 32)
    assert type(call).__name__ == "Call2" and call.account_sid is None  # required, missing
    assert call.status == "failed-over"  # open enums take new values anyway


def test_json_encoded_twice_is_read_as_what_it_encodes(realworld: ModuleType, server: TestServer) -> None:
    """abstractapi.com's spec gives its example as a string of JSON, which Prism sends as is."""
    server.reply(200, json.dumps(ASANA_TASK | {"start_on": "2024-01-01"}))
    api = client(realworld, server)
    task = api.tasks.get_task(task_gid="12")
    assert type(task) is realworld.types.Task and task.start_on == datetime.date(2024, 1, 1)


# --- no httpx exception escapes ----------------------------------------------------------------


def test_a_body_that_cannot_be_decoded_is_an_api_connection_error(realworld: ModuleType, server: TestServer) -> None:
    for _ in range(2):
        server.reply(
            200,
            body=b'{"gid": "1", "name": "n"}',
            headers={"Content-Type": "application/json", "Content-Encoding": "gzip"},
        )
    api = realworld.RealWorld(base_url=server.url, max_retries=1)
    with pytest.raises(realworld.APIConnectionError, match=r"^GET /tasks/\{task_gid\}: connection error: ") as caught:
        api.tasks.get_task(task_gid="1")
    assert caught.value.request.url.path == "/tasks/1" and len(server.requests) == 2  # retried once
    server.reply(
        200,
        body=gzip.compress(b'{"gid": "1", "name": "n"}'),
        headers={"Content-Type": "application/json", "Content-Encoding": "gzip"},
    )
    assert api.tasks.get_task(task_gid="1").name == "n"


def test_redirect_loops_and_async_calls_raise_the_clients_errors(realworld: ModuleType, server: TestServer) -> None:
    for _ in range(21):
        server.reply(302, headers={"Location": "/tasks/1"})
    with pytest.raises(realworld.RedirectError, match="more than 20 redirects"):
        client(realworld, server).tasks.get_task(task_gid="1")
    server.reply(200, body=b"not gzip", headers={"Content-Type": "application/json", "Content-Encoding": "gzip"})
    async_api = realworld.AsyncRealWorld(base_url=server.url, max_retries=0)
    with pytest.raises(realworld.APIConnectionError):
        asyncio.run(async_api.tasks.get_task(task_gid="1"))


# --- samples the spec's rules allow ------------------------------------------------------------


def test_contract_test_samples_keep_patterns_lengths_and_bounds() -> None:
    tests = (PROJECT / "tests" / "test_real_world_calls.py").read_text()
    assert 'account_sid="AC00000000000000000000000000000000", sid="CA00000000000000000000000000000000"' in tests
    payments = (PROJECT / "tests" / "test_real_world_payments.py").read_text()
    assert 'amount={"currency": "sam", "value": 1}, reference="sample", merchant_account="AA"' in payments
