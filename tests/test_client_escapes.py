"""The escape hatches of a generated client (tests/features/escapes, the Ledger API) against a
real HTTP server on 127.0.0.1: request ids, generic calls, hooks, platform headers."""

from __future__ import annotations

import asyncio
import platform
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import httpx
import pytest

from generator.errors import GeneratorError, Warnings
from generator.inputs import Inputs
from generator.ir import build_api
from generator.pipeline import generate_files
from generator.spec import load_document

from .conftest import write_spec
from .golden import FEATURES
from .http_server import TestServer

Importer = Callable[[Path, str], ModuleType]
ACCOUNT = {"id": "a1", "owner": "Ada", "currency": "EUR", "balance": 500}


@pytest.fixture
def ledger(import_client: Importer) -> ModuleType:
    return import_client(FEATURES / "escapes" / "expected", "ledger")


def client_of(ledger: ModuleType, server: TestServer, **options: object) -> object:
    return ledger.Ledger(api_key="token", base_url=server.url, **options)


# --- request ids --------------------------------------------------------------------------------


def test_a_models_request_id_is_the_first_header_the_spec_names(ledger: ModuleType, server: TestServer) -> None:
    server.reply(200, ACCOUNT, headers={"X-Request-Id": "second", "X-Ledger-Trace": "first"})
    account = client_of(ledger, server).accounts.get_account("a1")
    assert account._request_id == "first"
    server.reply(200, ACCOUNT, headers={"X-Request-Id": "only"})
    assert client_of(ledger, server).accounts.get_account("a1")._request_id == "only"
    server.reply(200, ACCOUNT)
    assert client_of(ledger, server).accounts.get_account("a1")._request_id is None


def test_raw_and_streamed_responses_have_the_request_id(ledger: ModuleType, server: TestServer) -> None:
    client = client_of(ledger, server)
    server.reply(200, [ACCOUNT], headers={"X-Ledger-Trace": "raw-1"})
    raw = client.accounts.with_raw_response.list_accounts()
    assert raw.request_id == "raw-1"  # a list has no attribute of its own: its raw response has it
    server.reply(200, ACCOUNT, headers={"X-Ledger-Trace": "streamed-1"})
    with client.accounts.with_streaming_response.get_account("a1") as streamed:
        assert streamed.request_id == "streamed-1"


def test_every_status_error_has_the_request_id(ledger: ModuleType, server: TestServer) -> None:
    client = client_of(ledger, server, max_retries=0)
    server.reply(404, {"detail": "no such account"}, headers={"X-Ledger-Trace": "missing-1"})
    with pytest.raises(ledger.NotFoundError) as caught:
        client.accounts.get_account("nope")
    assert caught.value.request_id == "missing-1"
    server.reply(500, body=b"down", headers={"X-Request-Id": "down-1"})
    with pytest.raises(ledger.APIStatusError) as failed:
        client.accounts.get_account("a1")
    assert failed.value.request_id == "down-1"


def test_async_results_and_errors_have_the_request_id(ledger: ModuleType, server: TestServer) -> None:
    async def main() -> tuple[str | None, str | None]:
        async with ledger.AsyncLedger(api_key="token", base_url=server.url, max_retries=0) as client:
            server.reply(201, ACCOUNT, headers={"X-Ledger-Trace": "async-1"})
            account = await client.accounts.create_account(owner="Ada")
            server.reply(422, {"detail": "bad"}, headers={"X-Ledger-Trace": "async-2"})
            try:
                await client.accounts.create_account(owner="")
            except ledger.APIStatusError as error:
                return account._request_id, error.request_id
            return account._request_id, None

    assert asyncio.run(main()) == ("async-1", "async-2")


@pytest.mark.parametrize("declared", ["[]", "[1]", "'X Bad'", "{a: b}"])
def test_a_malformed_request_id_extension_is_an_error_at_its_place(tmp_path: Path, declared: str) -> None:
    spec = write_spec(
        tmp_path,
        f"openapi: 3.0.3\ninfo: {{title: T, version: '1'}}\nx-clientgen-request-id: {declared}\npaths: {{}}\n",
    )
    with pytest.raises(GeneratorError) as caught:
        build_api(load_document(spec), Warnings())
    assert caught.value.diagnostic.location.pointer == "/x-clientgen-request-id"


# --- generic calls ------------------------------------------------------------------------------


def test_a_generic_call_is_typed_by_cast_to_and_sent_with_the_credentials(
    ledger: ModuleType, server: TestServer
) -> None:
    client = client_of(ledger, server)
    server.reply(200, ACCOUNT, headers={"X-Ledger-Trace": "generic-1"})
    account = client.post(
        "/accounts/a1/freeze", cast_to=ledger.types.Account, body={"reason": "audit"}, params={"notify": "yes"}
    )
    assert type(account).__name__ == "Account" and account.balance == 500 and account._request_id == "generic-1"
    [request] = server.requests
    assert (request.method, request.path, request.query) == ("POST", "/accounts/a1/freeze", [("notify", "yes")])
    assert request.headers["authorization"] == "Bearer token" and request.json() == {"reason": "audit"}
    server.reply(200, body=b"plain", headers={"Content-Type": "text/plain"})
    assert client.get("/health", cast_to=str, headers={"X-Probe": "1"}) == "plain"
    assert server.requests[-1].headers["x-probe"] == "1"
    server.reply(204)
    assert client.delete("/accounts/a1/freeze", cast_to=type(None)) is None
    server.reply(200, [ACCOUNT])
    [listed] = client.get("/accounts", cast_to=list[ledger.types.Account])
    assert listed.owner == "Ada"
    server.reply(202, {"queued": True})
    response = client.put("/accounts/a1/owner", cast_to=httpx.Response, body="Bob")
    assert response.status_code == 202 and server.requests[-1].body == b'"Bob"'


def test_a_generic_call_is_retried_and_raises_the_status_error(ledger: ModuleType, server: TestServer) -> None:
    client = client_of(ledger, server, max_retries=1)
    server.reply(503, {"detail": "busy"}, headers={"Retry-After": "0"})
    server.reply(200, {"done": True})
    raw = client.patch("/accounts/a1", cast_to=dict, body={"owner": "Bob"})
    assert raw == {"done": True} and len(server.requests) == 2
    server.reply(404, {"detail": "gone"}, headers={"X-Ledger-Trace": "gone-1"})
    with pytest.raises(ledger.NotFoundError) as caught:
        client.with_options(max_retries=0).get("/accounts/zz", cast_to=dict)
    assert caught.value.request_id == "gone-1" and "GET /accounts/zz" in str(caught.value)


def test_a_generic_call_takes_a_path_only(ledger: ModuleType, server: TestServer) -> None:
    with pytest.raises(ValueError, match="is not a path"):
        client_of(ledger, server).get("http://elsewhere.example/x", cast_to=dict)
    assert not server.requests


def test_async_generic_calls(ledger: ModuleType, server: TestServer) -> None:
    async def main() -> object:
        async with ledger.AsyncLedger(api_key="token", base_url=server.url) as client:
            server.reply(201, {"id": "e1", "amount": 5})
            return await client.post("/accounts/a1/entries", cast_to=ledger.types.Entry, body={"amount": 5})

    entry = asyncio.run(main())
    assert type(entry).__name__ == "Entry" and server.requests[0].json() == {"amount": 5}


def test_a_tag_named_like_a_generic_call_is_renamed_with_a_warning(tmp_path: Path) -> None:
    spec = write_spec(
        tmp_path,
        "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths:\n  /a:\n    get:\n      tags: [post]\n"
        "      operationId: fetchA\n      responses: {'200': {description: ok}}\n",
    )
    warnings = Warnings()
    api = build_api(load_document(spec), warnings)
    assert [resource.attribute for resource in api.resources] == ["post_2"]
    [warning] = warnings.items
    assert "client.post_2" in warning.message and warning.location.pointer == "/paths/~1a/get"


def test_a_method_chosen_for_the_client_cannot_take_a_generic_calls_name(tmp_path: Path) -> None:
    spec = write_spec(
        tmp_path,
        "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths:\n  /a:\n    get:\n      tags: [things]\n"
        "      operationId: fetchA\n      responses: {'200': {description: ok}}\n",
    )
    with pytest.raises(GeneratorError, match="clashes: a member of the client"):
        generate_files(spec, Inputs(names={"fetchA": "client.get"}))


# --- hooks --------------------------------------------------------------------------------------


def test_hooks_are_called_in_order_for_every_attempt_and_the_error(ledger: ModuleType, server: TestServer) -> None:
    seen: list[str] = []

    def trace(request: httpx.Request) -> None:
        request.headers["traceparent"] = "00-trace-span-01"
        seen.append(f"request {request.method} {request.url.path}")

    hooks = ledger.Hooks(
        before_request=[trace],
        after_response=[lambda response: seen.append(f"response {response.status_code}")],
        on_error=[lambda error: seen.append(f"error {type(error).__name__} {error.request_id}")],
    )
    client = client_of(ledger, server, hooks=hooks, max_retries=1)
    server.reply(503, headers={"Retry-After": "0"})
    server.reply(200, ACCOUNT)
    client.accounts.get_account("a1")
    server.reply(404, {"detail": "no"}, headers={"X-Ledger-Trace": "t-404"})
    with pytest.raises(ledger.NotFoundError):
        client.with_options(max_retries=0).accounts.get_account("zz")
    assert seen == [
        "request GET /accounts/a1",
        "response 503",
        "request GET /accounts/a1",
        "response 200",
        "request GET /accounts/zz",
        "response 404",
        "error NotFoundError t-404",
    ]
    assert all(request.headers["traceparent"] == "00-trace-span-01" for request in server.requests)


def test_with_options_replaces_the_hooks_of_its_copy_only(ledger: ModuleType, server: TestServer) -> None:
    seen: list[str] = []
    client = client_of(ledger, server, hooks=ledger.Hooks(before_request=[lambda request: seen.append("client")]))
    traced = client.with_options(
        hooks=ledger.Hooks(
            before_request=[*client.hooks.before_request, lambda request: seen.append("copy")],
            after_response=[lambda response: seen.append(f"copy {response.status_code}")],
        )
    )
    server.reply(200, ACCOUNT)
    traced.accounts.get_account("a1")
    server.reply(200, ACCOUNT)
    client.accounts.get_account("a1")
    assert seen == ["client", "copy", "copy 200", "client"]


def test_with_options_replaces_the_hooks_of_the_async_client(ledger: ModuleType, server: TestServer) -> None:
    seen: list[str] = []

    async def before(request: httpx.Request) -> None:
        seen.append(f"copy {request.url.path}")

    async def main() -> None:
        async with ledger.AsyncLedger(api_key="t", base_url=server.url, max_retries=0) as client:
            server.reply(200, ACCOUNT)
            await client.with_options(hooks=ledger.Hooks(before_request=[before])).accounts.get_account("a1")
            server.reply(200, ACCOUNT)
            await client.accounts.get_account("a2")

    asyncio.run(main())
    assert seen == ["copy /accounts/a1"]


def test_the_error_hook_sees_errors_without_a_response(ledger: ModuleType, server: TestServer) -> None:
    errors: list[Exception] = []
    client = ledger.Ledger(base_url=server.url, hooks=ledger.Hooks(on_error=[errors.append]))
    with pytest.raises(ledger.MissingCredentialsError):
        client.accounts.get_account("a1")
    assert [type(error).__name__ for error in errors] == ["MissingCredentialsError"]


def test_a_hook_that_raises_ends_the_call(ledger: ModuleType, server: TestServer) -> None:
    def refuse(request: httpx.Request) -> None:
        raise RuntimeError("not in this test")

    client = client_of(ledger, server, hooks=ledger.Hooks(before_request=[refuse]))
    with pytest.raises(RuntimeError, match="not in this test"):
        client.accounts.get_account("a1")
    assert not server.requests


def test_an_async_hook_on_the_sync_client_is_a_type_error(ledger: ModuleType, server: TestServer) -> None:
    async def trace(request: httpx.Request) -> None:
        pass

    client = client_of(ledger, server, hooks=ledger.Hooks(before_request=[trace]))
    with pytest.raises(TypeError, match="async hooks need the async client"):
        client.accounts.get_account("a1")


def test_async_hooks_are_awaited_in_order(ledger: ModuleType, server: TestServer) -> None:
    seen: list[str] = []

    async def before(request: httpx.Request) -> None:
        await asyncio.sleep(0)
        seen.append("request")

    async def on_error(error: Exception) -> None:
        seen.append(f"error {type(error).__name__}")

    hooks = ledger.Hooks(
        before_request=[before],
        after_response=[lambda response: seen.append(f"response {response.status_code}")],
        on_error=[on_error],
    )

    async def main() -> None:
        async with ledger.AsyncLedger(api_key="t", base_url=server.url, hooks=hooks, max_retries=0) as client:
            server.reply(201, ACCOUNT)
            await client.accounts.create_account(owner="Ada")
            server.reply(422, {"detail": "bad"})
            with pytest.raises(ledger.UnprocessableEntityError):
                await client.accounts.create_account(owner="")

    asyncio.run(main())
    assert seen == ["request", "response 201", "request", "response 422", "error UnprocessableEntityError"]


# --- platform headers ---------------------------------------------------------------------------


def test_every_request_says_on_what_the_client_runs(ledger: ModuleType, server: TestServer) -> None:
    server.reply(200, ACCOUNT)
    client_of(ledger, server).accounts.get_account("a1")
    headers = server.requests[0].headers
    assert headers["x-client-lang"] == "python"
    assert headers["x-client-package-version"] == ledger.__version__
    assert headers["x-client-runtime"] == platform.python_implementation()
    assert headers["x-client-runtime-version"] == platform.python_version()
    assert headers["x-client-os"] == platform.system() and headers["x-client-arch"] == platform.machine().lower()
    assert headers["user-agent"].startswith("ledger/")


def test_platform_headers_can_be_left_out(ledger: ModuleType, server: TestServer) -> None:
    server.reply(200, ACCOUNT)
    client_of(ledger, server, platform_headers=False).accounts.get_account("a1")
    headers = server.requests[0].headers
    assert not [name for name in headers if name.startswith("x-client-")]
    assert headers["user-agent"].startswith("ledger/")
