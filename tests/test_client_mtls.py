"""Mutual TLS (tests/features/mtls): an operation secured only by the client's certificate is
sent on a connection that presents it (`cert=`), and not at all without one. Against an HTTPS
server on 127.0.0.1 that asks for client certificates, with a CA, server and client
certificates made by openssl for the test."""

from __future__ import annotations

import asyncio
import json
import ssl
import subprocess
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest

from .golden import FEATURES

Importer = Callable[[Path, str], ModuleType]


def openssl(folder: Path, *args: str) -> None:
    subprocess.run(["openssl", *args], cwd=folder, check=True, capture_output=True, timeout=60)


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """ca.pem; server.pem/.key for 127.0.0.1; client.pem/.key (CN bank-client); both.pem."""
    folder = tmp_path_factory.mktemp("pki")
    openssl(folder, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem",
            "-days", "2", "-subj", "/CN=test-ca")  # fmt: skip
    for name, extension in (("server", "subjectAltName=IP:127.0.0.1"), ("client", "extendedKeyUsage=clientAuth")):
        openssl(folder, "req", "-newkey", "rsa:2048", "-nodes", "-keyout", f"{name}.key", "-out", f"{name}.csr",
                "-subj", f"/CN=bank-{name}")  # fmt: skip
        (folder / f"{name}.ext").write_text(extension + "\n")
        openssl(folder, "x509", "-req", "-in", f"{name}.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                "-out", f"{name}.pem", "-days", "2", "-extfile", f"{name}.ext")  # fmt: skip
    (folder / "both.pem").write_bytes((folder / "client.pem").read_bytes() + (folder / "client.key").read_bytes())
    return folder


class TlsServer:
    """HTTPS on 127.0.0.1, asking for a client certificate (optional, so that a call without
    one shows as such): records (path, the certificate's CN or None, headers)."""

    def __init__(self, pki: Path) -> None:
        self.seen: list[tuple[str, str | None, dict[str, str]]] = []
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH, cafile=str(pki / "ca.pem"))
        context.load_cert_chain(pki / "server.pem", pki / "server.key")
        context.verify_mode = ssl.CERT_OPTIONAL
        self._http = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._http.socket = context.wrap_socket(self._http.socket, server_side=True)
        self._thread = threading.Thread(target=self._http.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"https://127.0.0.1:{self._http.server_address[1]}"

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                peer = self.connection.getpeercert()  # type: ignore[attr-defined]
                subject = dict(item[0] for item in peer["subject"]) if peer else {}
                server.seen.append(
                    (self.path, subject.get("commonName"), {k.lower(): v for k, v in self.headers.items()})
                )
                body = json.dumps(["s1"]).encode() if self.path == "/statements" else b""
                self.send_response(200 if body else 204)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        return Handler

    def __enter__(self) -> TlsServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._http.shutdown()
        self._http.server_close()


@pytest.fixture
def tls(pki: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[TlsServer]:
    monkeypatch.setenv("SSL_CERT_FILE", str(pki / "ca.pem"))  # the client trusts the test CA
    with TlsServer(pki) as running:
        yield running


@pytest.fixture
def bank(import_client: Importer, monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    for name in ("BANK_CERT", "BANK_API_KEY", "BANK_BASE_URL"):
        monkeypatch.delenv(name, raising=False)
    return import_client(FEATURES / "mtls" / "expected", "bank")


def test_the_client_presents_its_certificate(bank: ModuleType, tls: TlsServer, pki: Path) -> None:
    client = bank.Bank(cert=(str(pki / "client.pem"), str(pki / "client.key")), base_url=tls.url)
    assert client.accounts.list_statements() == ["s1"]
    client.accounts.get_status()  # the certificate is one of its alternatives
    assert [(path, cn) for path, cn, _ in tls.seen] == [("/statements", "bank-client"), ("/status", "bank-client")]


def test_the_async_client_presents_a_certificate_file_with_its_key(
    bank: ModuleType, tls: TlsServer, pki: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BANK_CERT", str(pki / "both.pem"))

    async def call() -> list[str]:
        async with bank.AsyncBank(base_url=tls.url) as client:
            return list(await client.accounts.list_statements())

    assert asyncio.run(call()) == ["s1"]
    assert tls.seen[0][1] == "bank-client"


def test_without_a_certificate_nothing_is_sent(bank: ModuleType, tls: TlsServer) -> None:
    with pytest.raises(bank.MissingCredentialsError, match="pass cert= to the client or set BANK_CERT"):
        bank.Bank(base_url=tls.url).accounts.list_statements()
    bank.Bank(api_key="k", base_url=tls.url).accounts.get_status()  # another alternative: a key
    assert [(path, cn, headers["x-bank-key"]) for path, cn, headers in tls.seen] == [("/status", None, "k")]


def test_a_certificate_and_an_http_client_of_ones_own_are_refused(bank: ModuleType, pki: Path) -> None:
    with pytest.raises(ValueError, match="give the certificate to your http_client"):
        bank.Bank(cert=str(pki / "both.pem"), http_client=httpx.Client())
