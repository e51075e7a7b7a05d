"""What a user of a generated client meets, against a real server on 127.0.0.1: messages that
name the operation (and, for a timeout, which timeout), a User-Agent that says what sent the
request, results typed as the method promises (never a text for a model), no body on a GET,
and lenient parsing that stays quiet."""

from __future__ import annotations

import gc
import sys
import warnings
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

from generator import __version__

from .golden import FEATURES
from .http_server import TestServer

Importer = Callable[[Path, str], ModuleType]
PET = {"id": 7, "name": "Rex", "createdAt": "2024-05-01T12:00:00Z"}


@pytest.fixture
def petstore(import_client: Importer) -> ModuleType:
    return import_client(FEATURES / "petstore" / "expected", "petstore")


def client_of(petstore: ModuleType, server: TestServer, **options: object) -> object:
    return petstore.Petstore(api_key="k", base_url=server.url, max_retries=0, **options)


def test_a_status_error_names_the_operation(petstore: ModuleType, server: TestServer) -> None:
    server.reply(404, {"message": "no such pet"})
    with pytest.raises(petstore.NotFoundError) as caught:
        client_of(petstore, server).pets.get_pet(pet_id=7)
    assert str(caught.value) == "GET /pets/{petId}: Error code: 404 - no such pet"


def test_a_timeout_names_the_operation_and_the_timeout_that_ran_out(petstore: ModuleType, server: TestServer) -> None:
    server.reply(200, PET, delay=3)
    with pytest.raises(petstore.APITimeoutError) as caught:
        client_of(petstore, server, timeout=0.25).pets.get_pet(pet_id=7)
    assert str(caught.value) == "GET /pets/{petId} timed out: the read timeout (0.25 s) of an attempt ran out"


def test_the_user_agent_says_what_sent_the_request_and_takes_a_tag(petstore: ModuleType, server: TestServer) -> None:
    server.reply(200, PET)
    server.reply(200, PET)
    client_of(petstore, server).pets.get_pet(pet_id=7)
    client_of(petstore, server, user_agent_tag="my-app/1.2").pets.get_pet(pet_id=7)
    python = f"python {sys.version_info.major}.{sys.version_info.minor}"
    plain = f"petstore/{petstore.__version__} (clientgen {__version__}; {python})"
    assert [request.headers["user-agent"] for request in server.requests] == [plain, f"{plain} my-app/1.2"]
    with pytest.raises(ValueError, match="user_agent_tag"):
        petstore.Petstore(user_agent_tag="my-app\r\nX-Injected: 1")


@pytest.mark.parametrize("strict", [False, True])
def test_a_body_that_is_not_json_is_an_error_never_a_text_typed_as_a_model(
    petstore: ModuleType, server: TestServer, strict: bool
) -> None:
    server.reply(200, body=b"<html>maintenance</html>", headers={"Content-Type": "text/html"})
    client = client_of(petstore, server, strict_response_validation=strict)
    with pytest.raises(petstore.APIResponseValidationError) as caught:
        client.pets.get_pet(pet_id=7)
    assert str(caught.value) == (
        "200 response to GET /pets/{petId} is not valid JSON; body starts '<html>maintenance</html>'"
    )
    assert caught.value.body == "<html>maintenance</html>"


def test_json_that_drifts_is_still_parsed_leniently_and_without_a_warning(
    petstore: ModuleType, server: TestServer
) -> None:
    """The aliased field (`createdAt`) that does not fit is validated on its own: pydantic warned
    (UnsupportedFieldAttributeWarning) that the alias means nothing there, in the user's logs."""
    server.reply(200, {**PET, "createdAt": "not a date", "vaccinations": [{"vaccine": "rabies", "date": 3}]})
    gc.collect()  # the sockets other tests left to the collector warn when closed: not now
    with client_of(petstore, server) as client, warnings.catch_warnings():
        warnings.simplefilter("error")  # as `python -W error` runs it
        pet = client.pets.get_pet(pet_id=7)
    assert (pet.id, pet.created_at, pet.vaccinations[0].date) == (7, "not a date", 3)


@pytest.mark.parametrize("method", ["get_pet", "delete_pet"])
def test_extra_body_on_an_operation_without_a_body_is_refused_before_sending(
    petstore: ModuleType, server: TestServer, method: str
) -> None:
    call = getattr(client_of(petstore, server).pets, method)
    with pytest.raises(TypeError, match=r"^(GET|DELETE) /pets/\{petId\} takes no request body: extra_body="):
        call(pet_id=7, extra_body={"note": "x"})
    assert server.requests == []


def test_extra_body_still_joins_a_body_the_operation_has(petstore: ModuleType, server: TestServer) -> None:
    server.reply(200, PET)
    client_of(petstore, server).pets.create_pet(name="Rex", extra_body={"note": "x"})
    assert server.requests[0].json() == {"name": "Rex", "note": "x"}
