"""Generated clients against hostile or broken servers on 127.0.0.1: redirects that would carry
the credentials or the body to another origin, bodies too large (a gzip bomb, an endless body),
a server that drips its answer, credentials that would end up in messages, cookie injection."""

import asyncio
import gzip
import time
import traceback
import zlib
from collections.abc import Callable, Iterator
from http.cookies import SimpleCookie
from pathlib import Path
from types import ModuleType

import httpx
import pytest

from .conftest import ROOT
from .golden import FEATURES
from .http_server import TestServer

Importer = Callable[[Path, str], ModuleType]
PET = {"id": 1, "name": "Rex"}
SECRET = "fc-SECRET-123"


@pytest.fixture
def other() -> Iterator[TestServer]:
    """A second server: another port, so another origin."""
    with TestServer() as running:
        yield running


@pytest.fixture
def vault(import_client: Importer, monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    for name in ("HEADER_KEY", "QUERY_KEY", "COOKIE_KEY", "TOKEN", "USERNAME", "PASSWORD", "BASE_URL"):
        monkeypatch.delenv(f"VAULT_{name}", raising=False)
    return import_client(FEATURES / "auth" / "expected", "vault")


@pytest.fixture
def petstore(import_client: Importer, monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    monkeypatch.delenv("PETSTORE_API_KEY", raising=False)
    return import_client(FEATURES / "petstore" / "expected", "petstore")


def vault_client(vault: ModuleType, server: TestServer, **options: object) -> object:
    return vault.Vault(
        header_key=SECRET, query_key=SECRET, cookie_key=SECRET, token=SECRET, base_url=server.url, **options
    )


# --- redirects ---------------------------------------------------------------------------------


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
def test_a_redirect_to_another_origin_carries_no_credential(
    vault: ModuleType, server: TestServer, other: TestServer, status: int
) -> None:
    client = vault_client(vault, server)
    for _ in range(3):
        server.redirect(status, f"{other.url}/landed")
        other.reply(204)
    client.secrets.with_header_and_query_keys()  # type: ignore[attr-defined]
    client.secrets.with_cookie_key(theme="dark")  # type: ignore[attr-defined]
    client.secrets.with_token_or_basic()  # type: ignore[attr-defined]
    assert [request.path for request in other.requests] == ["/landed"] * 3
    for request in other.requests:
        assert SECRET not in repr(request), request
        assert "x-vault-key" not in request.headers and "authorization" not in request.headers
        assert "cookie" not in request.headers and request.query == []


def test_a_redirect_on_the_same_origin_keeps_the_credentials_and_the_body(
    petstore: ModuleType, server: TestServer
) -> None:
    client = petstore.Petstore(api_key=SECRET, base_url=server.url)
    server.redirect(307, "/v2/pets")
    server.reply(201, PET)
    assert client.pets.create_pet(name="Rex").name == "Rex"
    first, second = server.requests
    assert (second.method, second.path, second.body) == ("POST", "/v2/pets", first.body)
    assert second.headers["x-api-key"] == SECRET and second.json() == {"name": "Rex"}


@pytest.mark.parametrize("status", [307, 308])
def test_a_redirect_that_would_send_the_body_to_another_origin_is_an_error(
    petstore: ModuleType, server: TestServer, other: TestServer, status: int
) -> None:
    client = petstore.Petstore(api_key=SECRET, base_url=server.url)
    server.redirect(status, f"{other.url}/steal")
    with pytest.raises(
        petstore.RedirectError, match=f"redirected \\({status}\\) to another origin, {other.url}"
    ) as caught:
        client.pets.create_pet(name="Rex")
    assert isinstance(caught.value, petstore.APIError) and caught.value.response.status_code == status
    assert other.requests == []


def test_a_302_of_a_post_to_another_origin_is_a_get_without_body_or_key(
    petstore: ModuleType, server: TestServer, other: TestServer
) -> None:
    server.redirect(302, f"{other.url}/elsewhere")
    other.reply(201, PET)
    petstore.Petstore(api_key=SECRET, base_url=server.url).pets.create_pet(name="Rex")
    (landed,) = other.requests
    assert (landed.method, landed.body) == ("GET", b"")
    assert "x-api-key" not in landed.headers and "content-length" not in landed.headers


def test_redirects_to_another_origin_can_be_refused(vault: ModuleType, server: TestServer, other: TestServer) -> None:
    server.redirect(302, f"{other.url}/landed")
    server.redirect(302, f"{other.url}/landed")
    other.reply(204)
    refusing = vault_client(vault, server, cross_origin_redirects=False)
    with pytest.raises(vault.RedirectError, match=f"to another origin, {other.url}: not followed"):
        refusing.secrets.with_header_and_query_keys()  # type: ignore[attr-defined]
    assert other.requests == []
    with pytest.raises(vault.RedirectError):
        vault_client(vault, server).with_options(cross_origin_redirects=False).secrets.with_query_key()  # type: ignore[attr-defined]
    assert other.requests == []


def test_redirects_are_limited(vault: ModuleType, server: TestServer) -> None:
    for _ in range(21):
        server.redirect(302, "/again")
    with pytest.raises(vault.RedirectError, match="more than 20 redirects"):
        vault_client(vault, server).secrets.without_security()  # type: ignore[attr-defined]
    assert len(server.requests) == 21


def test_the_async_client_follows_the_same_rules(petstore: ModuleType, server: TestServer, other: TestServer) -> None:
    server.redirect(307, f"{other.url}/steal")
    server.redirect(302, f"{other.url}/elsewhere")
    other.reply(200, [PET])

    async def main() -> None:
        async with petstore.AsyncPetstore(api_key=SECRET, base_url=server.url) as client:
            with pytest.raises(petstore.RedirectError):
                await client.pets.create_pet(name="Rex")
            assert [pet.name for pet in await client.pets.list_pets()] == ["Rex"]

    asyncio.run(main())
    (landed,) = other.requests
    assert "x-api-key" not in landed.headers


# --- sizes ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def gzip_bomb() -> bytes:
    """1 MiB of gzip that inflates to 1 GiB of zeros."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    zeros = bytes(1 << 20)
    return b"".join([*(compressor.compress(zeros) for _ in range(1024)), compressor.flush()])


def test_a_gzip_bomb_ends_in_response_too_large(petstore: ModuleType, server: TestServer, gzip_bomb: bytes) -> None:
    client = petstore.Petstore(api_key="k", base_url=server.url, max_retries=0)
    bomb = {"Content-Type": "application/json", "Content-Encoding": "gzip"}
    server.reply(200, body=gzip_bomb, headers=bomb)
    with pytest.raises(
        petstore.ResponseTooLargeError, match=f"larger than max_response_size={100 * 1024 * 1024} bytes"
    ):
        client.pets.list_pets()
    server.reply(500, body=gzip_bomb, headers=bomb)  # an error's body too
    with pytest.raises(petstore.ResponseTooLargeError):
        client.pets.list_pets()
    server.reply(200, body=gzip_bomb, headers=bomb)
    with client.pets.with_streaming_response.list_pets() as response:
        with pytest.raises(petstore.ResponseTooLargeError):
            for _ in response.iter_lines():
                pass
    assert len(server.requests) == 3


def test_a_body_past_the_limit_is_refused_by_its_length_or_while_it_arrives(
    petstore: ModuleType, server: TestServer
) -> None:
    client = petstore.Petstore(api_key="k", base_url=server.url, max_response_size=1 << 20)
    server.reply(200, body=bytes(2 << 20), headers={"Content-Type": "application/json"})
    with pytest.raises(petstore.ResponseTooLargeError, match="max_response_size=1048576 bytes"):
        client.pets.list_pets()
    server.reply(200, headers={"Content-Type": "application/json"}, endless=True)
    with pytest.raises(petstore.ResponseTooLargeError):
        client.pets.list_pets()
    server.reply(200, body=gzip.compress(bytes(2 << 20)), headers={"Content-Encoding": "gzip"})

    async def main() -> None:
        async with petstore.AsyncPetstore(api_key="k", base_url=server.url, max_response_size=1 << 20) as client:
            with pytest.raises(petstore.ResponseTooLargeError):
                await client.pets.list_pets()

    asyncio.run(main())
    server.reply(200, [PET])
    assert client.with_options(max_response_size=None).pets.list_pets()[0].name == "Rex"


# --- deadlines -----------------------------------------------------------------------------------


def test_the_timeout_is_a_deadline_for_a_server_that_drips(petstore: ModuleType, server: TestServer) -> None:
    """One byte every 0.5 s never trips a 1 s read timeout: the attempt as a whole must end."""
    body = b"[" + b" " * 100 + b"]"
    client = petstore.Petstore(api_key="k", base_url=server.url, timeout=1.0, max_retries=0)
    server.reply(200, body=body, headers={"Content-Type": "application/json"}, drip=0.5)
    started = time.monotonic()
    with pytest.raises(petstore.APITimeoutError):
        client.pets.list_pets()
    assert time.monotonic() - started < 3.0
    # each retry is an attempt of its own, with its own deadline
    for _ in range(2):
        server.reply(200, body=body, headers={"Content-Type": "application/json", "Retry-After": "0"}, drip=0.5)
    started = time.monotonic()
    with pytest.raises(petstore.APITimeoutError):
        client.with_options(max_retries=1).pets.list_pets()
    assert time.monotonic() - started < 6.0 and len(server.requests) == 3


def test_the_async_timeout_is_a_deadline_too_and_an_httpx_timeout_s_read_is_it(
    petstore: ModuleType, server: TestServer
) -> None:
    server.reply(200, body=b"[" + b" " * 100 + b"]", drip=0.5)
    timeout = httpx.Timeout(10.0, read=1.0)

    async def main() -> None:
        async with petstore.AsyncPetstore(api_key="k", base_url=server.url, timeout=timeout, max_retries=0) as client:
            await client.pets.list_pets()

    started = time.monotonic()
    with pytest.raises(petstore.APITimeoutError):
        asyncio.run(main())
    assert time.monotonic() - started < 3.0


# --- secrets -------------------------------------------------------------------------------------


def test_a_key_read_with_its_line_break_is_sent_stripped(
    import_client: Importer, server: TestServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FIRECRAWL_API_KEY", SECRET + "\n")
    firecrawl = import_client(ROOT / "generated" / "firecrawl", "firecrawl")
    firecrawl.Firecrawl(base_url=server.url).scraping.stop_interactive_scrape_browser_session(
        job_id="550e8400-e29b-41d4-a716-446655440000"
    )
    assert server.requests[0].headers["authorization"] == f"Bearer {SECRET}"


@pytest.mark.parametrize("key", ["fc-SECRET\n-123", f"{SECRET}\x00", " fc-SECRET\r-123 "])
def test_a_key_with_a_control_character_inside_is_refused_without_showing_it(petstore: ModuleType, key: str) -> None:
    with pytest.raises(ValueError, match="holds a control character") as caught:
        petstore.Petstore(api_key=key)
    shown = "".join(traceback.format_exception(caught.value))
    assert "fc-SECRET" not in shown and "set PETSTORE_API_KEY" in shown


def test_a_connection_error_never_quotes_a_header_value(petstore: ModuleType, server: TestServer) -> None:
    client = petstore.Petstore(api_key="k", base_url=server.url, max_retries=0)
    with pytest.raises(petstore.APIConnectionError) as caught:
        client.pets.list_pets(extra_headers={"Authorization": f"Bearer {SECRET}\n"})
    shown = "".join(traceback.format_exception(caught.value))
    assert "GET /pets: connection error" in shown and SECRET not in shown and SECRET not in repr(caught.value)
    assert server.requests == []


# --- cookies -------------------------------------------------------------------------------------


def test_a_cookie_value_cannot_add_a_cookie(vault: ModuleType, server: TestServer) -> None:
    vault.Vault(cookie_key="c; admin=1", base_url=server.url).secrets.with_cookie_key(theme="s; admin=1")
    cookie = SimpleCookie(server.requests[0].headers["cookie"])
    assert sorted(cookie) == ["theme", "vault_session"]
    assert cookie["theme"].value == "s%3B%20admin=1" and cookie["vault_session"].value == "c%3B%20admin=1"
