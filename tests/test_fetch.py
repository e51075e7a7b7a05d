"""Downloads under faults and attacks: bodies cut short, servers that send a byte at a time,
special files, redirects that try to reach this machine or to downgrade to plain HTTP, remote
`$ref`s by the same rules. Real servers on 127.0.0.1 (tests/raw_http.py answers byte for byte),
real files, pipes and devices; deadlines asserted with generous bounds."""

from __future__ import annotations

import os
import re
import shutil
import ssl
import subprocess
import threading
import time
from pathlib import Path

import pytest

import generator.load
from generator.cli import main
from generator.errors import GeneratorError
from generator.fetch import fetch_spec
from generator.inputs import Inputs
from generator.options import LoadOptions
from generator.pipeline import generate_files
from generator.sources import MAX_SPEC_BYTES, TOO_LARGE, redirect_refusal
from generator.spec import load_document

from .golden import FEATURES
from .raw_http import RawServer, chunked, redirect, response

BODY = b"".join(b'{"line": %5d}\n' % line for line in range(700))  # 11,200 bytes


def never_sleep(seconds: float) -> None:
    raise AssertionError(f"slept {seconds} s")


def took(message: str) -> float:
    """The seconds a timeout message says the attempt took."""
    match = re.search(r"timed out after ([0-9.]+) s", message)
    assert match is not None, message
    return float(match.group(1))


def test_a_body_shorter_than_its_length_is_retried_then_an_error() -> None:
    with RawServer() as server:
        url = f"{server.url}/spec.json"
        server.send(response(BODY[:4000], length=len(BODY)))
        server.send(response(BODY))
        assert fetch_spec(url, retries=1, sleep=lambda _: None) == BODY
        server.send(response(BODY[:4000], length=len(BODY)))
        server.send(response(BODY[:4000], length=len(BODY)))
        with pytest.raises(GeneratorError) as caught:
            fetch_spec(url, retries=1, sleep=lambda _: None)
    assert str(caught.value) == (
        f"{url}: the connection closed after 4,000 of the 11,200 bytes announced (after 2 attempts)"
    )


def test_a_chunked_body_cut_short_is_retried_then_an_error() -> None:
    with RawServer() as server:
        url = f"{server.url}/spec.json"
        server.send(chunked(BODY, cut=2500))  # in the middle of the third chunk
        server.send(chunked(BODY))
        assert fetch_spec(url, retries=1, sleep=lambda _: None) == BODY
        server.send(chunked(BODY, cut=1003))  # between a chunk's data and its line end
        with pytest.raises(GeneratorError) as caught:
            fetch_spec(url, retries=0)
    assert str(caught.value) == f"{url}: the connection closed before the end of the body"


@pytest.mark.parametrize("at_once", [0, len(response(BODY)) - len(BODY) + 100], ids=["headers", "body"])
def test_the_timeout_is_a_deadline_while_bytes_trickle_in(at_once: int) -> None:
    """A byte every 50 ms: the answer would take over 8 minutes; the attempt ends at 1 s."""
    with RawServer() as server:
        server.send(response(BODY), drip=0.05, at_once=at_once)
        started = time.monotonic()
        with pytest.raises(GeneratorError) as caught:
            fetch_spec(f"{server.url}/spec.json", timeout=1, retries=0)
        elapsed = time.monotonic() - started
    assert elapsed < 3, elapsed
    assert 1 <= took(str(caught.value)) <= elapsed + 0.1, caught.value
    assert str(caught.value).endswith("(the limit is 1 s)")


def test_every_attempt_and_every_wait_end_by_the_deadline_of_the_run() -> None:
    """`timeout` 2 and 1 retry: at most 4 s in all, the wait between the attempts included."""
    with RawServer() as server:
        server.send(response(b"busy", status="503 Service Unavailable", headers={"Retry-After": "2.5"}))
        server.send(response(BODY), drip=0.05)
        started = time.monotonic()
        with pytest.raises(GeneratorError) as caught:
            fetch_spec(f"{server.url}/spec.json", timeout=2, retries=1)
        elapsed = time.monotonic() - started
        assert elapsed < 12, elapsed
        # the second attempt, begun after 2.5 s, had about 1.5 s of its 2
        assert str(caught.value).endswith(", at the end of the 4 s for all attempts (after 2 attempts)")
        assert 0.5 < took(str(caught.value)) < 2
        # a Retry-After longer than the time left is not waited for
        server.send(response(b"busy", status="503 Service Unavailable", headers={"Retry-After": "30"}))
        with pytest.raises(GeneratorError) as caught:
            fetch_spec(f"{server.url}/spec.json", timeout=1, retries=1, sleep=never_sleep)
    assert str(caught.value).endswith(": HTTP 503 Service Unavailable")


def test_dev_zero_is_read_up_to_the_size_limit() -> None:
    with pytest.raises(GeneratorError) as fetched:
        fetch_spec("/dev/zero")
    assert str(fetched.value) == f"/dev/zero: {TOO_LARGE}"
    with pytest.raises(GeneratorError) as loaded:
        load_document(Path("/dev/zero"))
    assert str(loaded.value) == f"/dev/zero: {TOO_LARGE}"


def test_a_pipe_is_read_until_its_writer_closes_it_or_the_deadline(tmp_path: Path) -> None:
    fifo = tmp_path / "spec.yaml"
    os.mkfifo(fifo)
    started = time.monotonic()
    with pytest.raises(GeneratorError) as caught:
        fetch_spec(str(fifo), timeout=1)  # nobody writes
    assert time.monotonic() - started < 3
    assert str(caught.value).startswith(f"{fifo}: no end to the spec: timed out after ")

    def write() -> None:
        with fifo.open("wb") as pipe:
            pipe.write(BODY)

    writer = threading.Thread(target=write)
    writer.start()
    assert fetch_spec(str(fifo), timeout=10) == BODY
    writer.join()


def test_one_size_limit_and_one_message_for_files_and_downloads(tmp_path: Path) -> None:
    large = tmp_path / "large.json"
    with large.open("wb") as file:
        file.truncate(MAX_SPEC_BYTES + 1)
    for read in (lambda: fetch_spec(str(large)), lambda: load_document(large)):
        with pytest.raises(GeneratorError) as caught:
            read()
        assert str(caught.value) == f"{large}: {TOO_LARGE}"
    with RawServer() as server:
        server.send(response(b"", length=MAX_SPEC_BYTES + 1))
        with pytest.raises(GeneratorError) as caught:
            fetch_spec(f"{server.url}/spec.json", sleep=never_sleep)
        assert str(caught.value) == f"{server.url}/spec.json: {TOO_LARGE}"
        assert len(server.requests) == 1  # not retried


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("https://api.example.com/spec.json", "http://api.example.com/spec.json"),
        ("https://api.example.com/spec.json", "http://127.0.0.1:8080/admin"),
        ("https://api.example.com/spec.json", "http://localhost:6379/"),
        ("https://api.example.com/spec.json", "https://127.0.0.1:8443/"),
        ("https://api.example.com/spec.json", "https://localhost/"),
        ("https://api.example.com/spec.json", "https://[::1]:8443/"),
        ("https://api.example.com/spec.json", "https://[::ffff:127.0.0.1]/"),
        ("https://api.example.com/spec.json", "https://127.0.0.2/"),
        ("https://api.example.com/spec.json", "https://0.0.0.0/"),
        ("https://api.example.com/spec.json", "file:///etc/passwd"),
        ("http://127.0.0.1:5000/spec.json", "http://127.0.0.1:6000/spec.json"),
        ("http://127.0.0.1:5000/spec.json", "http://localhost:5000/spec.json"),
        ("https://127.0.0.1:5000/spec.json", "http://127.0.0.1:5000/spec.json"),
    ],
)
def test_redirects_that_are_refused(source: str, target: str) -> None:
    assert redirect_refusal(source, target) is not None


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("https://api.example.com/spec.json", "https://cdn.example.net/v2/spec.json"),
        ("http://127.0.0.1:5000/spec.json", "http://127.0.0.1:5000/v2/spec.json"),
        ("http://127.0.0.1:5000/spec.json", "https://api.example.com/spec.json"),
        ("http://localhost/spec.json", "http://localhost:80/v2.json"),
        ("https://localhost:8443/spec.json", "https://127.0.0.1:9443/spec.json"),
    ],
)
def test_redirects_that_are_followed(source: str, target: str) -> None:
    assert redirect_refusal(source, target) is None


def test_a_plain_http_source_on_this_machine_is_redirected_only_to_its_own_port() -> None:
    with RawServer() as source, RawServer() as other:
        source.send(redirect(f"{other.url}/spec.json"))
        with pytest.raises(GeneratorError) as caught:
            fetch_spec(f"{source.url}/spec.json")
        assert str(caught.value) == (
            f"{source.url}/spec.json: a redirect to {other.url}/spec.json is refused: only https:// is followed "
            "(plain http:// only back to a plain http:// source's own host and port)"
        )
        assert other.requests == []
        source.send(redirect("/v2/spec.json", status="301 Moved Permanently"))
        source.send(response(BODY))
        assert fetch_spec(f"{source.url}/spec.json") == BODY
        assert source.requests[-1] == "GET /v2/spec.json HTTP/1.1"


@pytest.fixture
def tls(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> ssl.SSLContext:
    """A server context with a certificate for 127.0.0.1 that this process trusts."""
    if shutil.which("openssl") is None:
        pytest.skip("openssl makes the test certificate")
    certificate, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key), "-out", str(certificate)],
        check=True, capture_output=True,
    )  # fmt: skip
    monkeypatch.setenv("SSL_CERT_FILE", str(certificate))  # read by every new default context
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(certificate, key)
    return context


def test_an_https_source_is_never_redirected_to_plain_http_on_this_machine(tls: ssl.SSLContext) -> None:
    with RawServer(tls) as source, RawServer() as local, RawServer(tls) as other:
        source.send(response(BODY))
        assert fetch_spec(f"{source.url}/spec.json") == BODY
        source.send(redirect(f"{local.url}/admin"))
        with pytest.raises(GeneratorError, match=f"a redirect to {local.url}/admin is refused: only https://"):
            fetch_spec(f"{source.url}/spec.json")
        assert local.requests == []
        source.send(redirect(f"{other.url}/v2/spec.json", status="308 Permanent Redirect"))
        other.send(response(BODY))
        assert fetch_spec(f"{source.url}/spec.json") == BODY  # HTTPS to HTTPS, from this machine to it
        source.send(response(BODY), drip=0.05, at_once=100)
        started = time.monotonic()
        with pytest.raises(GeneratorError, match="timed out after"):
            fetch_spec(f"{source.url}/spec.json", timeout=1, retries=0)
        assert time.monotonic() - started < 3


def spec_referring_to(url: str) -> str:
    return (
        "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths:\n  /pet:\n    get:\n      responses:\n"
        f"        '200':\n          description: ok\n          content:\n            application/json:\n"
        f"              schema: {{$ref: '{url}'}}\n"
    )


def generate_referring_to(tmp_path: Path, url: str) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(spec_referring_to(url))
    generate_files(spec, Inputs(load=LoadOptions(allow_remote_refs=True)))


def test_remote_refs_are_fetched_by_the_rules_of_sources(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pet = b'{"type": "object", "properties": {"name": {"type": "string"}}}'
    with pytest.raises(GeneratorError, match=r"\$ref 'http://example.invalid/pet.json': only https:// URLs"):
        generate_referring_to(tmp_path, "http://example.invalid/pet.json")
    monkeypatch.setattr(generator.load, "REMOTE_TIMEOUT_SECONDS", 1)
    with RawServer() as server, RawServer() as other:
        server.send(redirect(f"{other.url}/pet.json"))
        with pytest.raises(GeneratorError, match=f"a redirect to {other.url}/pet.json is refused"):
            generate_referring_to(tmp_path, f"{server.url}/pet.json")
        assert other.requests == []
        owner = f'{{"type": "object", "properties": {{"owner": {{"$ref": "{other.url}/owner.json"}}}}}}'.encode()
        server.send(response(owner))  # a remote file may not lead to another port of this machine
        with pytest.raises(GeneratorError, match=f"'{other.url}/owner.json' in {server.url}/pet.json is refused"):
            generate_referring_to(tmp_path, f"{server.url}/pet.json")
        assert other.requests == []
        server.send(response(pet[:20], length=len(pet)))
        with pytest.raises(GeneratorError, match="the connection closed after 20 of the 62 bytes announced"):
            generate_referring_to(tmp_path, f"{server.url}/pet.json")
        server.send(response(b"", length=MAX_SPEC_BYTES + 1))
        with pytest.raises(GeneratorError, match=re.escape(TOO_LARGE)):
            generate_referring_to(tmp_path, f"{server.url}/pet.json")
        server.send(response(pet), drip=0.05)
        started = time.monotonic()
        with pytest.raises(GeneratorError) as caught:
            generate_referring_to(tmp_path, f"{server.url}/pet.json")
        assert time.monotonic() - started < 3
        assert f"#/paths/~1pet/get/responses/200/content/application~1json/schema/$ref: cannot fetch {server.url}" in (
            str(caught.value)
        )
        assert took(str(caught.value)) >= 1


def test_a_yaml_source_for_a_json_spec(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The fetched spec is read by what it holds: YAML for a target whose spec is `.json`."""
    shutil.copy(FEATURES / "petstore" / "spec.yaml", tmp_path / "upstream.yaml")
    (tmp_path / "pyproject.toml").write_text(
        '[[tool.generator.targets]]\nname = "pets"\nspec = "spec.json"\noutput = "client"\nsource = "upstream.yaml"\n'
    )
    monkeypatch.chdir(tmp_path)
    assert main(["update", "-q"]) == 0
    assert (tmp_path / "spec.json").read_bytes() == (tmp_path / "upstream.yaml").read_bytes()
    assert main(["check", "-q"]) == 0


@pytest.mark.parametrize(
    ("option", "value"), [("--timeout", "0"), ("--timeout", "-1"), ("--timeout", "nan"), ("--retries", "-1")]
)
def test_the_download_options_are_checked(option: str, value: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["update", option, value])
    assert exited.value.code == 2
    assert f"argument {option}: " in capsys.readouterr().err
