"""Receiving webhooks with a generated client: signatures made by the `standardwebhooks` package
(and by hand, for an HMAC header as Firecrawl sends it) are verified, forged or replayed ones
refused before the body is read, and bodies come back as the spec's typed events."""

from __future__ import annotations

import base64
import copy
import hashlib
import hmac
import json
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path
from types import ModuleType

import httpx
import pytest
import standardwebhooks
import yaml

from generator.diff import diff_specs, markdown
from generator.errors import GeneratorError, Warnings
from generator.ir import build_api
from generator.spec import load_document

from .conftest import ROOT, generate_into, write_spec
from .golden import FEATURES
from .http_server import TestServer

Importer = Callable[[Path, str], ModuleType]

SECRET = "whsec_" + base64.b64encode(b"a webhook secret of 32 bytes!!!!").decode()
OTHER_SECRET = "whsec_" + base64.b64encode(b"another secret, also 32 bytes..!").decode()
PAGE_EVENT = {"type": "crawl.page", "id": "c1", "data": [{"url": "https://a.example", "markdown": "# A"}]}


@pytest.fixture
def crawler(import_client: Importer) -> ModuleType:
    return import_client(FEATURES / "webhooks" / "expected", "crawler")


def signed(
    payload: object, secret: str = SECRET, *, at: datetime | None = None, message_id: str = "msg_1"
) -> tuple[bytes, dict[str, str]]:
    """A body and the Standard Webhooks headers the `standardwebhooks` package signs it with."""
    body = json.dumps(payload).encode()
    at = at or datetime.now(tz=timezone.utc)
    signature = standardwebhooks.Webhook(secret).sign(message_id, at, body.decode())
    headers = {"webhook-id": message_id, "webhook-timestamp": str(int(at.timestamp())), "webhook-signature": signature}
    return body, headers


def test_events_signed_by_standardwebhooks_unwrap_to_their_types(crawler: ModuleType) -> None:
    types = crawler.types
    events = [
        ({"type": "crawl.started", "id": "c1", "metadata": {"team": "a"}}, types.CrawlStartedEvent),
        (PAGE_EVENT, types.CrawlPageEvent),
        ({"type": "crawl.completed", "id": "c1", "total": 3}, types.CrawlCompleted),
        ({"type": "crawl.failed", "id": "c1", "error": "blocked"}, types.CrawlFailedEvent),  # a callback's body
    ]
    client = crawler.Crawler()
    for payload, event_type in events:
        body, headers = signed(payload)
        event = client.webhooks.unwrap(body, headers, secret=SECRET)
        assert type(event) is event_type
        assert event.model_dump(exclude_unset=True) == payload
    page = crawler.AsyncCrawler().webhooks.unwrap(*signed(PAGE_EVENT), secret=SECRET)
    assert isinstance(page.data[0], types.Page) and page.data[0].markdown == "# A"


def test_an_event_the_api_did_not_describe_is_not_typed_as_another(crawler: ModuleType) -> None:
    """Read leniently, `{"type": "crawl.unknown"}` came back as a CrawlStartedEvent."""
    payload = {"type": "crawl.unknown", "id": "c1"}
    with pytest.raises(crawler.UnknownWebhookEventError, match="'crawl.unknown', not one the API described") as raised:
        crawler.Crawler().webhooks.unwrap(*signed(payload), secret=SECRET)
    assert raised.value.data == payload and isinstance(raised.value, crawler.APIError)


def test_a_request_through_http_is_verified_from_what_the_receiver_got(crawler: ModuleType, server: TestServer) -> None:
    body, headers = signed(PAGE_EVENT)
    server.reply(200, {})
    httpx.post(server.url + "/hooks", content=body, headers={**headers, "content-type": "application/json"})
    [received] = server.requests
    event = crawler._webhooks.unwrap(received.body, received.headers, secret=SECRET)
    assert event.id == "c1"


@pytest.mark.parametrize(
    "case",
    [
        "valid",
        "tampered body",
        "wrong secret",
        "stale",
        "future",
        "one of several signatures",
        "only a v2 signature",
        "no signature header",
        "signature not base64",
        "timestamp not a number",
        "body as text",
    ],
)
def test_our_verdict_is_standardwebhooks_verdict(crawler: ModuleType, case: str) -> None:
    """The same requests, good and forged, accepted or refused alike by both."""
    secret = OTHER_SECRET if case == "wrong secret" else SECRET
    at = datetime.now(tz=timezone.utc) + {"stale": timedelta(minutes=-6), "future": timedelta(minutes=6)}.get(
        case, timedelta()
    )
    body, headers = signed(PAGE_EVENT, secret, at=at)
    payload: bytes | str = body
    if case == "tampered body":
        payload = body.replace(b"c1", b"c2")
    elif case == "one of several signatures":
        old = signed(PAGE_EVENT, OTHER_SECRET, at=at)[1]["webhook-signature"]
        headers["webhook-signature"] = f"v1,{base64.b64encode(b'x' * 32).decode()} {old} {headers['webhook-signature']}"
    elif case == "only a v2 signature":
        headers["webhook-signature"] = headers["webhook-signature"].replace("v1,", "v2,")
    elif case == "no signature header":
        del headers["webhook-signature"]
    elif case == "signature not base64":
        headers["webhook-signature"] = "v1,not*base64!"
    elif case == "timestamp not a number":
        headers["webhook-timestamp"] = "soon"
    elif case == "body as text":
        payload = body.decode()
    try:
        standardwebhooks.Webhook(SECRET).verify(payload, headers)
        theirs = True
    except Exception:
        theirs = False
    try:
        crawler._webhooks.verify_signature(payload, headers, secret=SECRET)
        ours = True
    except crawler.InvalidWebhookSignatureError:
        ours = False
    assert ours == theirs
    assert ours == (case in ("valid", "one of several signatures", "body as text"))


def test_a_bad_signature_is_refused_before_the_body_is_read(crawler: ModuleType) -> None:
    _, headers = signed(PAGE_EVENT)
    with pytest.raises(crawler.InvalidWebhookSignatureError) as raised:
        crawler.Crawler().webhooks.unwrap(b"not json at all", headers, secret=SECRET)
    assert isinstance(raised.value, crawler.APIError)


def test_the_secret_comes_from_the_environment(crawler: ModuleType, monkeypatch: pytest.MonkeyPatch) -> None:
    body, headers = signed(PAGE_EVENT)
    monkeypatch.delenv("CRAWLER_WEBHOOK_SECRET", raising=False)
    with pytest.raises(ValueError, match="CRAWLER_WEBHOOK_SECRET"):
        crawler._webhooks.unwrap(body, headers)
    monkeypatch.setenv("CRAWLER_WEBHOOK_SECRET", SECRET)
    assert crawler._webhooks.unwrap(body, headers).id == "c1"


def test_a_tolerance_of_ones_own(crawler: ModuleType) -> None:
    body, headers = signed(PAGE_EVENT, at=datetime.now(tz=timezone.utc) - timedelta(hours=1))
    with pytest.raises(crawler.InvalidWebhookSignatureError, match="too old"):
        crawler._webhooks.verify_signature(body, headers, secret=SECRET)
    crawler._webhooks.verify_signature(body, headers, secret=SECRET, tolerance=2 * 3600)


def test_an_event_that_does_not_fit_is_read_leniently(crawler: ModuleType) -> None:
    body, headers = signed({"type": "crawl.completed", "id": "c1", "total": "many", "extra": 1})
    event = crawler._webhooks.unwrap(body, headers, secret=SECRET)
    assert type(event) is crawler.types.CrawlCompleted
    assert (event.total, event.model_extra) == ("many", {"extra": 1})


FIRECRAWL_STYLE = """\
openapi: 3.1.0
info: {title: Scraper API, version: '1'}
servers: [{url: 'https://scraper.example'}]
paths: {}
x-clientgen-webhooks:
  header: X-Firecrawl-Signature
  prefix: sha256=
  algorithm: sha256
  signed: body
  encoding: hex
webhooks:
  crawl.page:
    post:
      requestBody:
        content:
          application/json:
            schema:
              type: object
              required: [success, type, id]
              properties:
                success: {type: boolean}
                type: {const: crawl.page}
                id: {type: string}
                data: {type: array, items: {type: object, properties: {markdown: {type: string}}}}
      responses: {'200': {description: ok}}
  crawl.completed:
    post:
      requestBody:
        content:
          application/json:
            schema:
              type: object
              required: [success, type, id]
              properties:
                success: {type: boolean}
                type: {const: crawl.completed}
                id: {type: string}
      responses: {'200': {description: ok}}
"""


def test_a_declared_hmac_header_as_firecrawl_sends_it(tmp_path: Path, import_client: Importer) -> None:
    spec = write_spec(tmp_path, FIRECRAWL_STYLE)
    scraper = import_client(generate_into(spec, tmp_path / "client"), "scraper")
    secret = "fc-webhook-secret"
    body = json.dumps({"success": True, "type": "crawl.page", "id": "j1", "data": [{"markdown": "# A"}]}).encode()
    digest = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    event = scraper.Scraper().webhooks.unwrap(body, {"X-Firecrawl-Signature": f"sha256={digest}"}, secret=secret)
    assert type(event) is scraper.types.CrawlPageEvent and event.data[0].markdown == "# A"
    refused = [
        (body.replace(b"j1", b"j2"), f"sha256={digest}"),  # tampered
        (body, digest),  # without the prefix
        (body, "sha256=" + hmac.new(b"other", body, hashlib.sha256).hexdigest()),  # another secret
        (body, "sha256=" + "é" * 64),  # not hex
    ]
    for payload, header in refused:
        with pytest.raises(scraper.InvalidWebhookSignatureError):
            scraper._webhooks.unwrap(payload, {"x-firecrawl-signature": header}, secret=secret)
    with pytest.raises(scraper.InvalidWebhookSignatureError, match="no x-firecrawl-signature header"):
        scraper._webhooks.unwrap(body, {}, secret=secret)


def test_a_declared_hmac_over_the_timestamp_and_body(tmp_path: Path, import_client: Importer) -> None:
    text = FIRECRAWL_STYLE.replace("signed: body", "signed: timestamp.body").replace(
        "encoding: hex", "encoding: base64"
    )
    spec = write_spec(tmp_path, text.replace("timestamp.body\n", "timestamp.body\n  timestamp-header: X-Sent-At\n"))
    scraper = import_client(generate_into(spec, tmp_path / "client"), "scraper")
    body = b'{"success": true, "type": "crawl.completed", "id": "j1"}'
    sent_at = str(int(time.time()))
    digest = base64.b64encode(hmac.new(b"s", f"{sent_at}.".encode() + body, hashlib.sha256).digest()).decode()
    headers = {"X-Firecrawl-Signature": "sha256=" + digest, "X-Sent-At": sent_at}
    assert scraper._webhooks.unwrap(body, headers, secret="s").type == "crawl.completed"
    with pytest.raises(scraper.InvalidWebhookSignatureError, match="too old"):
        scraper._webhooks.unwrap(body, {**headers, "X-Sent-At": str(int(sent_at) - 3600)}, secret="s")


@pytest.mark.slow
@pytest.mark.parametrize(("signed", "encoding"), [("body", "hex"), ("timestamp.body", "base64"), ("body", "base64")])
def test_declared_hmac_clients_pass_mypy_strict_and_ruff(tmp_path: Path, signed: str, encoding: str) -> None:
    text = FIRECRAWL_STYLE.replace("signed: body", f"signed: {signed}").replace(
        "encoding: hex", f"encoding: {encoding}"
    )
    project = generate_into(write_spec(tmp_path, text), tmp_path / "client")
    checks = [
        ["mypy", "--no-incremental", "--strict", "--explicit-package-bases", "scraper"],
        ["ruff", "check", "--isolated", "--no-cache", "--select", "F,E4,E7,E9", "scraper"],
    ]
    for check in checks:
        result = subprocess.run(
            [sys.executable, "-m", *check], cwd=project, capture_output=True, text=True, timeout=600
        )
        assert result.returncode == 0, result.stdout


@pytest.mark.parametrize(
    ("extension", "pointer", "problem"),
    [
        ("{header: X-Sig, signed: everything}", "/x-clientgen-webhooks/signed", "must be one of body, timestamp.body"),
        ("{prefix: 'sha256='}", "/x-clientgen-webhooks", "names no `header`"),
        ("{header: X-Sig, colour: blue}", "/x-clientgen-webhooks", "unknown key 'colour'"),
        ("[X-Sig]", "/x-clientgen-webhooks", "must be a mapping"),
    ],
)
def test_a_bad_signature_declaration_is_an_input_error(
    tmp_path: Path, extension: str, pointer: str, problem: str
) -> None:
    spec = write_spec(
        tmp_path, f"openapi: 3.1.0\ninfo: {{title: t, version: '1'}}\npaths: {{}}\nx-clientgen-webhooks: {extension}\n"
    )
    with pytest.raises(GeneratorError) as raised:
        build_api(load_document(spec), Warnings())
    assert pointer in str(raised.value) and problem in str(raised.value)


def test_an_overlay_gives_a_3_0_spec_webhooks_and_their_signature(tmp_path: Path, import_client: Importer) -> None:
    spec = write_spec(tmp_path, "openapi: 3.0.3\ninfo: {title: Scraper API, version: '1'}\npaths: {}\n")
    declared = yaml.safe_load(FIRECRAWL_STYLE)
    update = {key: declared[key] for key in ("servers", "x-clientgen-webhooks", "webhooks")}
    overlay = {
        "overlay": "1.0.0",
        "info": {"title": "webhooks", "version": "1"},
        "actions": [{"target": "$", "update": update}],
    }
    write_spec(tmp_path, json.dumps(overlay), "webhooks.overlay.yaml")
    project = tmp_path / "client"
    run = subprocess.run(
        [sys.executable, "-m", "generator", "generate", str(spec), "--output", str(project)]
        + ["--overlay", str(tmp_path / "webhooks.overlay.yaml")],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert run.returncode == 0, run.stderr
    scraper = import_client(project, "scraper")
    body = b'{"success": true, "type": "crawl.completed", "id": "j1"}'
    header = "sha256=" + hmac.new(b"s", body, hashlib.sha256).hexdigest()
    assert type(scraper._webhooks.unwrap(body, {"X-Firecrawl-Signature": header}, secret="s")).__name__ == (
        "CrawlCompletedEvent"
    )


def test_a_signature_declared_without_webhooks_is_a_warning(tmp_path: Path) -> None:
    spec = write_spec(
        tmp_path, "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\nx-clientgen-webhooks: {header: X-Sig}\n"
    )
    warnings = Warnings()
    api = build_api(load_document(spec), warnings)
    assert api.webhooks == []
    assert [item.message for item in warnings.items] == ["the spec has no webhooks nor callbacks to verify; ignored"]


def test_diff_reports_webhooks_added_removed_changed_and_resigned(tmp_path: Path) -> None:
    old = yaml.safe_load((FEATURES / "webhooks" / "spec.yaml").read_text())
    new = copy.deepcopy(old)
    new["webhooks"]["crawl.cancelled"] = new["webhooks"].pop("crawl.started")
    page = new["webhooks"]["crawl.page"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    page["properties"]["next"] = page["properties"].pop("id")
    page["required"] = ["type", "data"]
    new["x-clientgen-webhooks"] = {"header": "X-Signature", "prefix": "sha256="}
    for name, spec in (("old", old), ("new", new)):
        write_spec(tmp_path, json.dumps(spec), f"{name}.json")
    report = diff_specs(tmp_path / "old.json", tmp_path / "new.json")
    found = {(c.where, c.kind, c.breaking and not c.absorbed) for c in report.changes if c.surface == "http"}
    assert found == {
        ("webhook crawl.started", "webhook-removed", True),
        ("webhook crawl.cancelled", "webhook-added", False),
        ("webhook crawl.page", "field-removed", True),
        ("webhook crawl.page", "field-added", False),
        ("webhooks", "webhook-signature-changed", False),
    }
    assert report.semver == "major"
    assert "`webhook body.id` removed" in markdown(report)
