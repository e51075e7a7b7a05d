"""Response envelopes (x-clientgen-envelope), the exception names and the retry policy a
target configures: the golden feature clients against a real HTTP server on 127.0.0.1."""

import json
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

from generator.config import load_targets
from generator.diff import diff_specs
from generator.errors import GeneratorError, Warnings
from generator.ir import build_api
from generator.options import ClientOptions
from generator.spec import load_document

from .conftest import write_spec
from .golden import FEATURES
from .http_server import TestServer
from .test_diff import base_spec
from .test_ir import JOB_SPEC, build

Importer = Callable[[Path, str], ModuleType]


@pytest.fixture
def notes(import_client: Importer) -> ModuleType:
    return import_client(FEATURES / "envelopes" / "expected", "notes")


def test_a_method_returns_what_the_envelope_holds(notes: ModuleType, server: TestServer) -> None:
    server.reply(200, {"success": True, "data": {"id": "n1", "text": "hi"}})
    server.reply(200, {"ok": True, "items": [{"id": "n1", "text": "hi"}, {"id": "n2", "text": "ho"}]})
    server.reply(200, {"success": True, "data": {"id": "n2", "text": "ho"}})
    server.reply(200, {"success": True, "total": 2})
    client = notes.Notes(base_url=server.url)
    created = client.notes.create_note(text="hi")
    assert isinstance(created, notes.types.Note) and created.id == "n1"
    assert [note.id for note in client.notes.list_notes()] == ["n1", "n2"]  # its own property names
    assert client.notes.get_note("n2").text == "ho"  # the schema's envelope, another operation
    assert client.notes.get_stats().total == 2  # no `data`: the whole answer, checked


def test_a_failure_the_envelope_reports_raises_with_its_message(notes: ModuleType, server: TestServer) -> None:
    server.reply(200, {"success": False, "error": "Text too long"})
    server.reply(200, {"ok": False, "message": "Index rebuilding"})
    server.reply(200, {"total": 2})  # no success property at all: no success either
    server.reply(402, {"success": False, "error": "Out of credits"})
    client = notes.Notes(base_url=server.url, max_retries=0)
    with pytest.raises(notes.APIFailureError) as failed:
        client.notes.create_note(text="x" * 10_000)
    assert failed.value.status_code == 200 and failed.value.body == {"success": False, "error": "Text too long"}
    assert str(failed.value) == "POST /notes: Error code: 200 - Text too long"
    assert isinstance(failed.value, notes.APIStatusError)  # caught where any error answer is
    with pytest.raises(notes.APIFailureError, match="Index rebuilding"):
        client.notes.list_notes()
    with pytest.raises(notes.APIFailureError):
        client.notes.get_stats()
    with pytest.raises(notes.PaymentRequiredError, match="Out of credits"):
        client.notes.create_note(text="hi")


def test_a_success_without_the_payload_is_an_invalid_answer(notes: ModuleType, server: TestServer) -> None:
    server.reply(200, {"success": True})
    client = notes.Notes(base_url=server.url)
    with pytest.raises(notes.APIResponseValidationError, match="holds no 'data'"):
        client.notes.get_note("n1")


def test_a_flag_envelope_returns_a_bool_and_false_on_its_statuses(notes: ModuleType, server: TestServer) -> None:
    server.reply(200, {"status": "deleted"})
    server.reply(200, {"status": "kept"})
    server.reply(409, {"error": "Already gone"})
    server.reply(404, {"error": "No such note"})
    client = notes.Notes(base_url=server.url, max_retries=0)
    assert client.notes.delete_note("n1") is True
    assert client.notes.delete_note("n1") is False
    assert client.notes.delete_note("n1") is False  # 409: an answer, not an error
    with pytest.raises(notes.NotFoundError):
        client.notes.delete_note("n1")


def test_the_async_client_opens_envelopes_too(notes: ModuleType, server: TestServer) -> None:
    import asyncio

    server.reply(200, {"success": True, "data": {"id": "n1", "text": "hi"}})
    server.reply(200, {"success": False, "error": "Gone"})
    server.reply(409, {})

    async def main() -> None:
        async with notes.AsyncNotes(base_url=server.url, max_retries=0) as client:
            assert (await client.notes.get_note("n1")).id == "n1"
            with pytest.raises(notes.APIFailureError, match="Gone"):
                await client.notes.get_note("n1")
            assert await client.notes.delete_note("n1") is False

    asyncio.run(main())


def test_the_raw_response_parses_to_what_the_envelope_holds(notes: ModuleType, server: TestServer) -> None:
    server.reply(200, {"success": True, "data": {"id": "n1", "text": "hi"}})
    client = notes.Notes(base_url=server.url)
    raw = client.notes.with_raw_response.get_note("n1")
    assert raw.status_code == 200 and raw.parse().id == "n1"


@pytest.mark.parametrize(
    ("extension", "where", "message"),
    [
        ("x-clientgen-envelope: {data: nope}", "/data", "has no property 'nope' (it has: status, tags)"),
        ("x-clientgen-envelope: {payload: tags}", "", "must be an object with some of success"),
        ("x-clientgen-envelope: {flag: true, data: tags}", "/data", "the flag or `data`, not both"),
        ("x-clientgen-envelope: {false-on: [409]}", "/false-on", "needs `flag: true`"),
        ("x-clientgen-envelope: {flag: true, false-on: [200]}", "/false-on", "error statuses"),
        ("x-clientgen-envelope: {success-value: [1]}", "/success-value", "a string, a number or a boolean"),
    ],
)
def test_envelope_mistakes_are_one_error_at_their_place(
    tmp_path: Path, extension: str, where: str, message: str
) -> None:
    with pytest.raises(GeneratorError) as caught:
        build(write_spec(tmp_path, JOB_SPEC.replace("EXTENSION", extension)))
    assert caught.value.diagnostic.location.pointer == "/paths/~1jobs~1{id}/get/x-clientgen-envelope" + where
    assert message in caught.value.diagnostic.message


def test_an_envelope_that_changes_the_answer_cannot_go_with_a_waiting_method(tmp_path: Path) -> None:
    extension = "x-clientgen-envelope: {flag: true}\n      x-clientgen-wait: {property: status, until: [done]}"
    with pytest.raises(GeneratorError, match="cannot go with x-clientgen-wait"):
        build(write_spec(tmp_path, JOB_SPEC.replace("EXTENSION", extension)))


# --- the exception names a target chooses ----------------------------------------------------


def test_the_errors_table_renames_classes_and_keeps_the_usual_names(notes: ModuleType, server: TestServer) -> None:
    assert notes.NotesError.__name__ == "NotesError" and notes.APIError is notes.NotesError
    assert notes.AuthenticationError is notes.UnauthorizedError
    assert notes.PaymentRequiredError is notes.OutOfCreditsError
    assert issubclass(notes.RequestTimeoutError, notes.APIStatusError)  # a status no operation documents
    server.reply(401, {"error": "Bad key"})
    server.reply(402, {"success": False, "error": "Out of credits"})
    server.reply(408, {"error": "Too slow"})
    client = notes.Notes(base_url=server.url, max_retries=0)
    for error in (notes.UnauthorizedError, notes.OutOfCreditsError, notes.RequestTimeoutError):
        with pytest.raises(error) as raised:
            client.notes.create_note(text="hi")
        assert type(raised.value) is error and isinstance(raised.value, notes.NotesError)
    assert "OutOfCreditsError: 402" in client.notes.create_note.__doc__  # the docstring says it too


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ('401 = "NotFoundError"', "'NotFoundError' would name two classes"),
        ('"600" = "TooLateError"', "'600' is neither an error status"),
        ('APIError = "lower_case"', "'APIError' must be a class name in CamelCase"),
        ('NoSuchError = "X"', "'NoSuchError' is neither an error status"),
        ('401 = "A"\nAuthenticationError = "B"', "'401' and 'AuthenticationError' name one class"),
    ],
)
def test_errors_table_mistakes_are_errors_that_name_the_key(tmp_path: Path, table: str, message: str) -> None:
    config = tmp_path / "pyproject.toml"
    config.write_text(f'[[tool.generator.targets]]\nname = "x"\nspec = "s.yaml"\noutput = "o"\n\n'
                      f"[tool.generator.targets.errors]\n{table}\n")  # fmt: skip
    with pytest.raises(GeneratorError, match=r"\[tool\.generator\.targets\]\[0\]\.errors: " + message):
        load_targets(config)


def test_a_name_the_spec_documents_already_cannot_be_chosen_again(tmp_path: Path) -> None:
    """The spec's 402 has a class of its own; 401 cannot take its name."""
    spec = (FEATURES / "envelopes" / "spec.yaml").read_text()
    document = load_document(write_spec(tmp_path, spec))
    with pytest.raises(GeneratorError, match="'PaymentRequiredError' would name two classes"):
        build_api(document, Warnings(), ClientOptions(errors={"401": "PaymentRequiredError"}))


# --- the retry policy a target chooses -------------------------------------------------------


def test_only_the_configured_statuses_and_methods_are_retried(notes: ModuleType, server: TestServer) -> None:
    server.reply(503, {"error": "busy"}, headers={"Retry-After": "0"})
    server.reply(200, {"success": True, "data": {"id": "n1", "text": "hi"}})
    server.reply(409, {"error": "Already gone"})  # not a retried status: answered at once
    server.reply(503, {"error": "busy"}, headers={"Retry-After": "0"})  # POST: not a retried method
    server.reply(429, {}, headers={"Retry-After": "0"})
    server.reply(429, {}, headers={"Retry-After": "0"})  # max-retries = 1: the second 429 stays
    client = notes.Notes(base_url=server.url)
    assert client.max_retries == 1
    assert client.notes.get_note("n1").id == "n1"
    assert client.notes.delete_note("n1") is False
    with pytest.raises(notes.InternalServerError):
        client.notes.create_note(text="hi")
    with pytest.raises(notes.RateLimitError):
        client.notes.list_notes()
    assert [r.method for r in server.requests] == ["GET", "GET", "DELETE", "POST", "GET", "GET"]


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ("statuses = [200]", "statuses must be a list of error statuses"),
        ('methods = ["get"]', "methods must be a list of HTTP methods"),
        ("max-retries = -1", "max-retries must be a count"),
        ("tries = 2", "must be a table of statuses, methods and max-retries"),
    ],
)
def test_retry_table_mistakes_are_errors_that_name_the_key(tmp_path: Path, table: str, message: str) -> None:
    config = tmp_path / "pyproject.toml"
    config.write_text(f'[[tool.generator.targets]]\nname = "x"\nspec = "s.yaml"\noutput = "o"\n\n'
                      f"[tool.generator.targets.retry]\n{table}\n")  # fmt: skip
    with pytest.raises(GeneratorError, match=message):
        load_targets(config)


def test_the_diff_reports_what_an_envelope_changes_in_what_methods_return(tmp_path: Path) -> None:
    """Opening the envelope changes what a program reads: `create_item()` returns the payload."""
    specs = []
    for name, extension in (("old", None), ("new", {"data": "id"})):
        spec = base_spec()
        spec["components"]["schemas"]["Item"]["properties"]["success"] = {"type": "boolean"}
        if extension is not None:
            spec["paths"]["/items"]["post"]["x-clientgen-envelope"] = extension
        (tmp_path / f"{name}.json").write_text(json.dumps(spec))
        specs.append(tmp_path / f"{name}.json")
    changes = diff_specs(*specs).changes
    assert [(c.kind, c.breaking, c.message) for c in changes] == [
        ("return-type-changed", True, "`client.items.create_item()` returns `str` instead of `Item`")
    ]
