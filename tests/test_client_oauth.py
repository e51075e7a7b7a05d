"""Credentials the client finds at each request (tests/features/oauth): OAuth2 tokens it fetches
with a client id and secret (client credentials grant), kept until shortly before they expire,
fetched again on a 401 and the call sent again once, one fetch for many concurrent calls,
never logged; the refresh token; OpenID Connect's discovery document; credential functions,
sync and awaitable. Against an authorization server and API on 127.0.0.1 that checks tokens."""

from __future__ import annotations

import asyncio
import base64
import json
import logging
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import parse_qsl

import pytest

from .golden import FEATURES

Importer = Callable[[Path, str], ModuleType]
CLIENT_ID, SECRET = "payroll-app", "s3cr3t-Value+/="


class AuthServer:
    """An authorization server and the API on one loopback port: tokens `t1`, `t2`, ... from
    /oauth/token (and /oauth/refresh), each valid for `expires_in` seconds unless revoked; the
    API answers 401 to any other token."""

    def __init__(self) -> None:
        self.expires_in: float = 3600
        self.token_delay = 0.0
        self.refresh_tokens = False
        self.token_requests: list[tuple[str, dict[str, str], dict[str, str]]] = []
        """(path, headers, form) of every request to the token endpoints."""
        self.api_requests: list[tuple[str, dict[str, str]]] = []
        self.valid: dict[str, float] = {}
        self._lock = threading.Lock()
        self._http = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._http.daemon_threads = True
        self._thread = threading.Thread(target=self._http.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._http.server_address[:2]
        return f"http://{host}:{port}"

    def revoke(self) -> None:
        with self._lock:
            self.valid.clear()

    def __enter__(self) -> AuthServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._http.shutdown()
        self._http.server_close()

    def _token(self, path: str, headers: dict[str, str], form: dict[str, str]) -> tuple[int, dict[str, Any]]:
        time.sleep(self.token_delay)  # long enough for concurrent calls to wait on one fetch
        with self._lock:
            self.token_requests.append((path, headers, form))
            if form.get("grant_type") == "refresh_token" and form.get("refresh_token") != "r-ok":
                return 400, {"error": "invalid_grant"}
            token = f"t{len(self.token_requests)}"
            self.valid[token] = time.monotonic() + self.expires_in
        answer: dict[str, Any] = {"access_token": token, "token_type": "Bearer", "expires_in": self.expires_in}
        if self.refresh_tokens:
            answer["refresh_token"] = "r-ok"
        return 200, answer

    def _answer(self, method: str, path: str, headers: dict[str, str], body: bytes) -> tuple[int, Any]:
        if path in ("/oauth/token", "/oauth/refresh"):
            return self._token(path, headers, dict(parse_qsl(body.decode())))
        if path == "/.well-known/openid-configuration":
            return 200, {"issuer": self.url, "token_endpoint": f"{self.url}/oauth/token"}
        with self._lock:
            self.api_requests.append((path, headers))
            token = headers.get("authorization", "").removeprefix("Bearer ")
            if self.valid.get(token, 0) < time.monotonic() and "x-partner-key" not in headers:
                return 401, {"error": "invalid_token"}
        return (200, ["p1"]) if path.endswith("/payslips") else (204, None)

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def _handle(self, method: str) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                headers = {name.lower(): value for name, value in self.headers.items()}
                status, answer = server._answer(method, self.path, headers, body)
                data = b"" if answer is None else json.dumps(answer).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self) -> None:
                self._handle("GET")

            def do_POST(self) -> None:
                self._handle("POST")

        return Handler


@pytest.fixture
def auth() -> Iterator[AuthServer]:
    with AuthServer() as running:
        yield running


@pytest.fixture
def payroll(import_client: Importer, monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    for name in ("OAUTH", "OAUTH_CLIENT_ID", "OAUTH_CLIENT_SECRET", "OAUTH_SCOPES", "OIDC", "PARTNER_KEY"):
        monkeypatch.delenv(f"PAYROLL_{name}", raising=False)
    return import_client(FEATURES / "oauth" / "expected", "payroll")


def granted(payroll: ModuleType, auth: AuthServer, **options: Any) -> Any:
    return payroll.Payroll(oauth_client_id=CLIENT_ID, oauth_client_secret=SECRET, base_url=auth.url + "/api", **options)


def test_the_token_is_fetched_once_and_sent_with_every_call(payroll: ModuleType, auth: AuthServer) -> None:
    client = granted(payroll, auth, oauth_scopes=["payroll.read", "payroll.write"])
    assert client.payslips.list_payslips() == ["p1"]
    client.payslips.list_payslips()
    [(path, headers, form)] = auth.token_requests
    assert path == "/oauth/token"  # relative to the client's base URL's host
    # client_secret_basic (the scheme's extension): the id and secret in the Authorization header
    expected = base64.b64encode(b"payroll-app:s3cr3t-Value%2B%2F%3D").decode()
    assert headers["authorization"] == f"Basic {expected}"
    assert form == {"grant_type": "client_credentials", "scope": "payroll.read payroll.write"}
    assert [headers["authorization"] for _, headers in auth.api_requests] == ["Bearer t1"] * 2


def test_without_scopes_the_client_asks_for_those_the_operations_need(
    payroll: ModuleType, auth: AuthServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The spec's global requirement names payroll.read, issuePayslip's payroll.write: their
    union, in the flow's order, unless scopes= or the environment variable says otherwise."""
    granted(payroll, auth).payslips.list_payslips()
    granted(payroll, auth, oauth_scopes=["payroll.read"]).payslips.list_payslips()
    monkeypatch.setenv("PAYROLL_OAUTH_SCOPES", "payroll.write admin")
    granted(payroll, auth).payslips.issue_payslip()
    assert [form.get("scope") for _, _, form in auth.token_requests] == [
        "payroll.read payroll.write",
        "payroll.read",
        "payroll.write admin",
    ]


def test_an_expired_token_is_fetched_again(payroll: ModuleType, auth: AuthServer) -> None:
    auth.expires_in = 2  # kept for 1 s (half its lifetime): a second is the server's slack
    client = granted(payroll, auth)
    client.payslips.list_payslips()
    time.sleep(1.2)
    client.payslips.list_payslips()
    assert len(auth.token_requests) == 2
    assert [headers["authorization"] for _, headers in auth.api_requests] == ["Bearer t1", "Bearer t2"]


def test_a_401_fetches_a_new_token_and_sends_the_call_again_once(payroll: ModuleType, auth: AuthServer) -> None:
    client = granted(payroll, auth, max_retries=0)
    client.payslips.list_payslips()
    auth.revoke()  # the API refuses t1 before it expires
    assert client.payslips.list_payslips() == ["p1"]
    assert [headers["authorization"] for _, headers in auth.api_requests] == ["Bearer t1"] * 2 + ["Bearer t2"]
    auth.expires_in = -1  # every token refused: one new token, then the 401 is the answer
    auth.revoke()
    with pytest.raises(payroll.AuthenticationError):
        client.payslips.list_payslips()
    assert len(auth.token_requests) == 3 and len(auth.api_requests) == 5


def test_concurrent_calls_share_one_fetch_in_threads_and_in_tasks(payroll: ModuleType, auth: AuthServer) -> None:
    auth.token_delay = 0.3
    client = granted(payroll, auth)
    threads = [threading.Thread(target=client.payslips.list_payslips) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(auth.token_requests) == 1

    async def calls() -> None:
        async with payroll.AsyncPayroll(
            oauth_client_id=CLIENT_ID, oauth_client_secret=SECRET, base_url=auth.url + "/api"
        ) as async_client:
            await asyncio.gather(*(async_client.payslips.list_payslips() for _ in range(8)))

    asyncio.run(calls())
    assert len(auth.token_requests) == 2
    assert len(auth.api_requests) == 16 and all(h["authorization"].startswith("Bearer t") for _, h in auth.api_requests)


def test_the_refresh_token_is_used_at_the_refresh_url(payroll: ModuleType, auth: AuthServer) -> None:
    auth.refresh_tokens = True
    client = granted(payroll, auth, max_retries=0)
    client.payslips.list_payslips()
    auth.revoke()
    client.payslips.list_payslips()
    paths = [(path, form["grant_type"]) for path, _, form in auth.token_requests]
    assert paths == [("/oauth/token", "client_credentials"), ("/oauth/refresh", "refresh_token")]
    assert auth.token_requests[1][2]["refresh_token"] == "r-ok"


def test_the_secret_and_the_tokens_are_never_logged(
    payroll: ModuleType, auth: AuthServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    client = granted(payroll, auth, max_retries=0)
    client.payslips.list_payslips()
    auth.revoke()
    client.payslips.list_payslips()
    text = caplog.text + repr(client._credentials)
    assert "payslips" in caplog.text  # the API's requests are logged
    assert SECRET not in text and "Bearer t" not in text and "Basic " not in text


def test_a_refused_client_secret_is_a_token_error_without_the_secret(
    payroll: ModuleType, auth: AuthServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    refusal = (401, {"error": "invalid_client", "error_description": "unknown client"})
    monkeypatch.setattr(auth, "_token", lambda path, headers, form: refusal)
    with pytest.raises(payroll.TokenError, match=r"answered 401 \(invalid_client: unknown client\)") as raised:
        granted(payroll, auth).payslips.list_payslips()
    assert SECRET not in str(raised.value) and auth.api_requests == []
    assert isinstance(raised.value, payroll.APIError)


def test_openid_connect_takes_the_token_endpoint_of_its_discovery_document(
    payroll: ModuleType, auth: AuthServer
) -> None:
    client = payroll.Payroll(oidc_client_id=CLIENT_ID, oidc_client_secret=SECRET, base_url=auth.url + "/api")
    client.payslips.get_report()
    client.payslips.get_report()
    [(path, headers, form)] = auth.token_requests
    assert path == "/oauth/token" and "authorization" not in headers  # client_secret_post
    assert form == {"grant_type": "client_credentials", "client_id": CLIENT_ID, "client_secret": SECRET}
    assert [h["authorization"] for _, h in auth.api_requests] == ["Bearer t1"] * 2


def test_a_credential_function_is_called_at_each_request(payroll: ModuleType, auth: AuthServer) -> None:
    keys = iter(["k1", " k2\n"])
    client = payroll.Payroll(partner_key=lambda: next(keys), base_url=auth.url + "/api")
    client.payslips.list_partners()
    client.payslips.list_partners()
    assert [h["x-partner-key"] for _, h in auth.api_requests] == ["k1", "k2"]
    with pytest.raises(TypeError, match="needs the async client"):

        async def key() -> str:
            return "k"

        payroll.Payroll(partner_key=key, base_url=auth.url + "/api").payslips.list_partners()


def test_the_async_client_awaits_a_credential_function(payroll: ModuleType, auth: AuthServer) -> None:
    async def key() -> str:
        await asyncio.sleep(0)
        return "k-async"

    async def calls() -> None:
        async with payroll.AsyncPayroll(partner_key=key, base_url=auth.url + "/api") as client:
            await client.payslips.list_partners()
        async with payroll.AsyncPayroll(partner_key=lambda: "k-sync", base_url=auth.url + "/api") as client:
            await client.payslips.list_partners()

    asyncio.run(calls())
    assert [h["x-partner-key"] for _, h in auth.api_requests] == ["k-async", "k-sync"]


def test_a_token_given_is_used_as_it_is(payroll: ModuleType, auth: AuthServer) -> None:
    auth.valid["given"] = time.monotonic() + 60
    client = payroll.Payroll(oauth="given", base_url=auth.url + "/api")
    client.payslips.list_payslips()
    assert auth.token_requests == [] and auth.api_requests[0][1]["authorization"] == "Bearer given"


def test_a_generic_call_carries_the_global_security_or_the_schemes_it_names(
    payroll: ModuleType, auth: AuthServer
) -> None:
    client = granted(payroll, auth, partner_key="k1", max_retries=0)
    assert client.get("/payslips", cast_to=list[str]) == ["p1"]  # the spec's global security: oauth
    client.get("/partners", cast_to=type(None), security=["partnerKey"])
    with pytest.raises(payroll.AuthenticationError):  # none: the API refuses the call
        client.get("/payslips", cast_to=list[str], security=[])
    with pytest.raises(payroll.MissingCredentialsError, match="GET /reports needs credentials"):
        client.get("/reports", cast_to=type(None), security=["oidc"])  # no credential for it
    with pytest.raises(ValueError, match="no security scheme 'oAuth' in the API"):
        client.get("/payslips", cast_to=list[str], security=["oAuth"])
    with pytest.raises(TypeError, match=r"a list of scheme names: \['oauth'\]"):
        client.get("/payslips", cast_to=list[str], security="oauth")
    sent = [(path, headers.get("authorization"), headers.get("x-partner-key")) for path, headers in auth.api_requests]
    assert sent == [("/api/payslips", "Bearer t1", None), ("/api/partners", None, "k1"), ("/api/payslips", None, None)]
    assert len(auth.token_requests) == 1


def test_an_async_generic_call_carries_the_schemes_it_names(payroll: ModuleType, auth: AuthServer) -> None:
    async def calls() -> None:
        async with payroll.AsyncPayroll(partner_key="k-async", base_url=auth.url + "/api") as client:
            await client.post("/partners", cast_to=type(None), security=["partnerKey"])
            with pytest.raises(payroll.MissingCredentialsError):  # the global security: oauth
                await client.post("/payslips", cast_to=type(None))

    asyncio.run(calls())
    assert [(path, headers.get("x-partner-key")) for path, headers in auth.api_requests] == [
        ("/api/partners", "k-async")
    ]
