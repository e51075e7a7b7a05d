"""The runtime of generated clients against real HTTP servers on 127.0.0.1: retries,
idempotency keys, every auth scheme, servers, raw responses, options, logging, lazy loading."""

import ast
import asyncio
import logging
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import httpx
import pytest

from .conftest import ROOT
from .golden import FEATURES
from .http_server import TestServer

Importer = Callable[[Path, str], ModuleType]
JOB = "550e8400-e29b-41d4-a716-446655440000"
FIRECRAWL = ROOT / "generated" / "firecrawl"


@pytest.fixture
def firecrawl(import_client: Importer) -> ModuleType:
    return import_client(FIRECRAWL, "firecrawl")


def stop(client: object, **kwargs: object) -> object:
    return client.scraping.stop_interactive_scrape_browser_session(job_id=JOB, **kwargs)  # type: ignore[attr-defined]


# --- retries ---------------------------------------------------------------------------------


def test_429_with_retry_after_is_retried_once_after_that_wait(
    firecrawl: ModuleType, server: TestServer, caplog: pytest.LogCaptureFixture
) -> None:
    server.reply(429, {"error": "slow down"}, headers={"Retry-After": "1"})
    server.reply(200, {"success": True})
    client = firecrawl.Firecrawl(api_key="k", base_url=server.url)
    started = time.monotonic()
    with caplog.at_level(logging.INFO, logger="firecrawl"):
        raw = client.scraping.with_raw_response.stop_interactive_scrape_browser_session(job_id=JOB)
    assert time.monotonic() - started >= 0.95  # never earlier than the server asked
    assert raw.retries_taken == 1 and raw.parse().success is True
    assert len(server.requests) == 2
    assert [r.getMessage() for r in caplog.records] == [
        f"Retrying DELETE {server.url}/scrape/{JOB}/interact in 1.00 seconds (retry 1 of 2) after status 429"
    ]


def test_retry_after_as_an_http_date(
    firecrawl: ModuleType, server: TestServer, caplog: pytest.LogCaptureFixture
) -> None:
    server.reply(503, headers={"Retry-After": "Wed, 21 Oct 2015 07:28:00 GMT"})  # in the past: no wait
    server.reply(200, {"success": True})
    with caplog.at_level(logging.INFO, logger="firecrawl"):
        stop(firecrawl.Firecrawl(api_key="k", base_url=server.url))
    assert len(server.requests) == 2
    assert "after status 503" in caplog.records[0].getMessage()


def test_5xx_twice_then_success_and_giving_up(firecrawl: ModuleType, server: TestServer) -> None:
    client = firecrawl.Firecrawl(api_key="k", base_url=server.url)
    fast = {"Retry-After": "0"}
    server.reply(503, headers=fast)
    server.reply(502, headers=fast)
    server.reply(200, {"success": True})
    assert stop(client).success is True
    assert len(server.requests) == 3
    for _ in range(3):
        server.reply(500, {"error": "boom"}, headers=fast)
    with pytest.raises(firecrawl.InternalServerError, match="boom"):
        stop(client)
    assert len(server.requests) == 6


def test_retries_can_be_turned_off_and_the_server_can_forbid_them(firecrawl: ModuleType, server: TestServer) -> None:
    server.reply(503)
    with pytest.raises(firecrawl.InternalServerError):
        stop(firecrawl.Firecrawl(api_key="k", base_url=server.url, max_retries=0))
    server.reply(503, headers={"x-should-retry": "false"})
    with pytest.raises(firecrawl.InternalServerError):
        stop(firecrawl.Firecrawl(api_key="k", base_url=server.url))
    server.reply(400, {"error": "bad"}, headers={"x-should-retry": "true", "Retry-After": "0"})
    server.reply(200, {"success": True})
    assert stop(firecrawl.Firecrawl(api_key="k", base_url=server.url)).success is True
    assert len(server.requests) == 4


def test_client_errors_are_not_retried(firecrawl: ModuleType, server: TestServer) -> None:
    server.reply(404, {"error": "gone"})
    with pytest.raises(firecrawl.NotFoundError):
        stop(firecrawl.Firecrawl(api_key="k", base_url=server.url))
    assert len(server.requests) == 1


def test_connection_reset_is_retried(firecrawl: ModuleType, server: TestServer) -> None:
    server.reset()
    server.reply(200, {"success": True})
    assert stop(firecrawl.Firecrawl(api_key="k", base_url=server.url)).success is True
    assert len(server.requests) == 2
    server.reset()
    with pytest.raises(firecrawl.APIConnectionError) as caught:
        stop(firecrawl.Firecrawl(api_key="k", base_url=server.url, max_retries=0))
    assert not isinstance(caught.value, firecrawl.APITimeoutError)


def test_a_timeout_is_retried_then_raised(firecrawl: ModuleType, server: TestServer) -> None:
    server.reply(200, {"success": True}, delay=1.0)
    server.reply(200, {"success": True})
    client = firecrawl.Firecrawl(api_key="k", base_url=server.url, timeout=0.3)
    assert stop(client).success is True
    server.reply(200, {}, delay=1.0)
    server.reply(200, {}, delay=1.0)
    with pytest.raises(firecrawl.APITimeoutError):
        stop(client.with_options(max_retries=1))


def test_async_retries(firecrawl: ModuleType, server: TestServer) -> None:
    server.reply(429, headers={"Retry-After": "0"})
    server.reset()
    server.reply(200, {"success": True})

    async def main() -> object:
        async with firecrawl.AsyncFirecrawl(api_key="k", base_url=server.url) as client:
            return await client.scraping.with_raw_response.stop_interactive_scrape_browser_session(job_id=JOB)

    raw = asyncio.run(main())
    assert raw.retries_taken == 2 and raw.status_code == 200


def test_one_idempotency_key_per_call_kept_on_retries(import_client: Importer, server: TestServer) -> None:
    petstore = import_client(FEATURES / "petstore" / "expected", "petstore")
    client = petstore.Petstore(api_key="k", base_url=server.url)
    pet = {"id": 1, "name": "Rex"}
    server.reply(503, headers={"Retry-After": "0"})
    server.reply(201, pet)
    server.reply(201, pet)
    client.pets.create_pet(name="Rex")
    client.pets.create_pet(name="Rex")
    keys = [request.headers["idempotency-key"] for request in server.requests]
    assert keys[0] == keys[1] != keys[2]
    server.reply(201, pet)
    client.pets.create_pet(name="Rex", idempotency_key="mine")
    assert server.requests[-1].headers["idempotency-key"] == "mine"


# --- authentication and servers ----------------------------------------------------------------


@pytest.fixture
def vault(import_client: Importer, monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    for name in ("HEADER_KEY", "QUERY_KEY", "COOKIE_KEY", "TOKEN", "USERNAME", "PASSWORD", "BASE_URL"):
        monkeypatch.delenv(f"VAULT_{name}", raising=False)
    return import_client(FEATURES / "auth" / "expected", "vault")


def test_every_auth_scheme(vault: ModuleType, server: TestServer) -> None:
    client = vault.Vault(header_key="h", query_key="q", cookie_key="c", token="t", base_url=server.url)
    secrets = client.secrets
    secrets.with_default_security()
    secrets.with_query_key()
    secrets.with_cookie_key(theme="dark")
    secrets.with_token_or_basic()
    secrets.with_header_and_query_keys()
    secrets.without_security()
    default, query, cookie, token, both, public = server.requests
    assert default.headers["x-vault-key"] == "h"
    assert query.query == [("key", "q")] and "x-vault-key" not in query.headers
    assert cookie.headers["cookie"] == "theme=dark; vault_session=c"
    assert token.headers["authorization"] == "Bearer t"
    assert both.headers["x-vault-key"] == "h" and both.query == [("key", "q")]
    assert "x-vault-key" not in public.headers and "authorization" not in public.headers


def test_alternatives_optional_and_missing_credentials(
    vault: ModuleType, server: TestServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("VAULT_USERNAME", "ann")
    monkeypatch.setenv("VAULT_PASSWORD", "pw")
    client = vault.Vault(base_url=server.url)
    client.secrets.with_token_or_basic()  # the second alternative
    assert server.requests[0].headers["authorization"] == "Basic YW5uOnB3"
    client.secrets.with_optional_token()  # no token: allowed
    assert "authorization" not in server.requests[1].headers
    with pytest.raises(vault.MissingCredentialsError, match="header_key= to the client or set VAULT_HEADER_KEY"):
        client.secrets.with_header_and_query_keys()
    assert len(server.requests) == 2


def test_servers_can_be_chosen(import_client: Importer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PETSTORE_BASE_URL", raising=False)
    petstore = import_client(FEATURES / "petstore" / "expected", "petstore")
    assert (
        str(petstore.Petstore(api_key="k", server_variables={"region": "us"}).base_url) == "https://us.pets.example/v1"
    )
    assert str(petstore.Petstore(api_key="k", server=1).base_url) == "http://localhost:4010"
    with pytest.raises(ValueError, match="region='mars' is not one of"):
        petstore.Petstore(api_key="k", server_variables={"region": "mars"})
    with pytest.raises(ValueError, match="server=2 is not one of"):
        petstore.Petstore(api_key="k", server=2)
    monkeypatch.setenv("PETSTORE_BASE_URL", "http://from-env")
    assert str(petstore.Petstore(api_key="k").base_url) == "http://from-env"
    assert str(petstore.Petstore(api_key="k", server=1).base_url) == "http://localhost:4010"  # explicit wins


# --- raw responses, options, custom HTTP clients ------------------------------------------------


def test_raw_response(firecrawl: ModuleType, server: TestServer) -> None:
    server.reply(200, {"success": True, "creditsBilled": 3}, headers={"X-Credits": "3"})
    raw = firecrawl.Firecrawl(
        api_key="k", base_url=server.url
    ).scraping.with_raw_response.stop_interactive_scrape_browser_session(job_id=JOB)
    assert raw.status_code == 200 and raw.headers["x-credits"] == "3"
    assert raw.http_response.json() == {"success": True, "creditsBilled": 3}
    assert type(raw.parse()).__name__ == "StopInteractiveScrapeBrowserSessionResponse"
    assert raw.retries_taken == 0


def test_with_options_copies_and_shares_the_pool(firecrawl: ModuleType, server: TestServer) -> None:
    client = firecrawl.Firecrawl(api_key="k", base_url=server.url, default_headers={"X-A": "1"})
    other = client.with_options(max_retries=0, timeout=1.5, default_headers={"X-B": "2"})
    assert (client.max_retries, other.max_retries, other.timeout) == (2, 0, 1.5)
    stop(other)
    assert server.requests[0].headers["x-a"] == "1" and server.requests[0].headers["x-b"] == "2"
    assert other.scraping is not client.scraping
    other.close()
    stop(client)  # the shared connection pool is still open


def test_the_http_client_is_made_on_first_use_and_shared_by_copies(firecrawl: ModuleType, server: TestServer) -> None:
    client = firecrawl.Firecrawl(api_key="k", base_url=server.url)
    other = client.with_options(max_retries=0)
    client.close()  # nothing to close yet
    assert client._http.made is None  # creating a client loads no certificates
    stop(other)
    assert client._http.made is other._http.made is not None  # one connection pool
    client.close()
    assert client._http.made.is_closed


def test_a_custom_http_client_is_used_and_left_open(firecrawl: ModuleType, server: TestServer) -> None:
    with httpx.Client(headers={"X-Custom": "yes"}) as http_client:
        client = firecrawl.Firecrawl(api_key="k", base_url=server.url, http_client=http_client)
        stop(client)
        client.close()
        assert not http_client.is_closed
    assert server.requests[0].headers["x-custom"] == "yes"


# --- logging and loading ----------------------------------------------------------------------


def test_logging_never_shows_credentials(
    firecrawl: ModuleType, server: TestServer, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.DEBUG, logger="firecrawl"):
        stop(firecrawl.Firecrawl(api_key="top-secret-key", base_url=server.url))
    messages = [record.getMessage() for record in caplog.records]
    assert any(message.startswith(f"Request: DELETE {server.url}/scrape/") for message in messages)
    assert any(message.endswith("-> 200") for message in messages)
    assert "'authorization': '<redacted>'" in " ".join(messages)
    assert "top-secret-key" not in " ".join(messages)


def test_query_credentials_are_redacted_in_logs(
    vault: ModuleType, server: TestServer, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.DEBUG, logger="vault"):
        vault.Vault(query_key="query-secret", base_url=server.url).secrets.with_query_key()
    text = " ".join(record.getMessage() for record in caplog.records)
    assert "key=%3Credacted%3E" in text and "query-secret" not in text


def test_log_environment_variable_and_lazy_loading(server: TestServer) -> None:
    script = (
        "import sys, firecrawl; "
        "print(sorted(m for m in sys.modules if m.startswith('firecrawl.'))); "
        f"firecrawl.Firecrawl(api_key='sekrit', base_url='{server.url}').scraping"
        f".stop_interactive_scrape_browser_session(job_id='{JOB}'); "
        "print(sorted(m for m in sys.modules if m.startswith('firecrawl.')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=FIRECRAWL,
        capture_output=True,
        text=True,
        timeout=60,
        env={"FIRECRAWL_LOG": "debug", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    before, after = (ast.literal_eval(line) for line in result.stdout.splitlines())
    # the types package is a lazy index: none of its modules, nor any resource, load with the package
    assert not [name for name in before if name.startswith(("firecrawl.types.", "firecrawl.resources."))]
    assert "firecrawl.resources.scraping" in after
    assert "firecrawl DEBUG] Request: DELETE" in result.stderr and "sekrit" not in result.stderr


def test_the_generator_knows_every_public_member_of_the_clients(firecrawl: ModuleType) -> None:
    """A resource or a method on the client of the same name as one of these would hide it."""
    from generator.ir.operations import CLIENT_ATTRIBUTES, CLIENT_MEMBERS

    for client in (firecrawl.Firecrawl(api_key="k"), firecrawl.AsyncFirecrawl(api_key="k")):
        public = {name for name in dir(client) if not name.startswith("_")} - {"scraping"}
        assert public == CLIENT_ATTRIBUTES and public <= CLIENT_MEMBERS


def test_a_sync_client_does_not_import_asyncio(server: TestServer) -> None:
    """asyncio costs about as much to import as httpx: only the async client loads it, when it
    first waits."""
    server.reply(200, {"available": 1})
    script = (
        "import sys, petstore\n"
        f"client = petstore.Petstore(api_key='k', base_url={server.url!r})\n"
        "client.store.get_inventory()\n"
        "print('asyncio' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=FEATURES / "petstore" / "expected", capture_output=True, text=True
    )
    assert result.stdout == "False\n", result.stderr


def test_pydantic_loads_with_the_first_response_not_with_the_package(server: TestServer) -> None:
    """pydantic's models cost about as much to import as httpx: a program that makes a client at
    start-up pays for them only when a response is first parsed."""
    server.reply(200, {"available": 1})
    script = (
        "import sys, petstore\n"
        f"client = petstore.Petstore(api_key='k', base_url={server.url!r})\n"
        "print('pydantic.main' in sys.modules)\n"
        "print(client.store.get_inventory(), 'pydantic.main' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=FEATURES / "petstore" / "expected", capture_output=True, text=True
    )
    assert result.stdout == "False\n{'available': 1} True\n", result.stderr
