"""A local server on 127.0.0.1 that plays Firecrawl's v2 API for the preset's tests: jobs that take
several polls, results over several pages, a 429 with Retry-After, a 402."""

from __future__ import annotations

import json
import threading
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

POLLS_BEFORE_DONE = 2
"""Each job reports itself running this many times before it has ended."""


def document(url: str, *, with_json: bool = False) -> dict[str, Any]:
    page: dict[str, Any] = {
        "markdown": f"# {url}",
        "metadata": {"sourceURL": url, "statusCode": 200, "scrapeId": "s1"},
    }
    if with_json:
        page["json"] = {"name": "Widget", "price": 9.5}
    return page


class FakeFirecrawl:
    """`with FakeFirecrawl() as server:`; `server.base_url` is the API's (`.../v2`)."""

    def __init__(self) -> None:
        self.requests: list[tuple[str, str]] = []
        """(method, path with query) of every request, in order."""
        self.bodies: list[Any] = []
        """The JSON body of every request that has one, in order."""
        self.polls: Counter[str] = Counter()
        self._rate_limited_once = False
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                server._handle(self, "GET")

            def do_POST(self) -> None:
                server._handle(self, "POST")

            def do_DELETE(self) -> None:
                server._handle(self, "DELETE")

        self._http = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._http.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self._http.server_address[:2]
        return f"http://{host}:{port}/v2"

    def __enter__(self) -> FakeFirecrawl:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._http.shutdown()
        self._http.server_close()

    def _handle(self, handler: BaseHTTPRequestHandler, method: str) -> None:
        length = int(handler.headers.get("content-length") or 0)
        raw = handler.rfile.read(length)
        with self._lock:
            self.requests.append((method, handler.path))
            if handler.headers.get("authorization") != "Bearer fc-test":
                status, body, headers = 401, {"success": False, "error": "Unauthorized"}, {}
            else:
                status, body, headers = self._answer(method, handler.path, raw, handler.headers.get("content-type", ""))
        data = json.dumps(body).encode()
        handler.send_response(status)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", str(len(data)))
        for name, value in headers.items():
            handler.send_header(name, value)
        handler.end_headers()
        handler.wfile.write(data)

    def _answer(self, method: str, target: str, raw: bytes, content_type: str) -> tuple[int, Any, dict[str, str]]:
        parts = urlsplit(target)
        path, query = parts.path.removeprefix("/v2"), parse_qs(parts.query)
        body = json.loads(raw) if raw and content_type.startswith("application/json") else {}
        if body:
            self.bodies.append(body)
        if (method, path) == ("POST", "/scrape"):
            if "expensive" in body["url"]:
                return 402, {"success": False, "error": "Insufficient credits"}, {}
            if not self._rate_limited_once:
                self._rate_limited_once = True
                return 429, {"success": False, "error": "Rate limit exceeded"}, {"Retry-After": "1"}
            wants_json = any(isinstance(f, dict) and f.get("type") == "json" for f in body.get("formats", []))
            return 200, {"success": True, "data": document(body["url"], with_json=wants_json)}, {}
        if method == "POST" and path in ("/crawl", "/batch/scrape", "/extract", "/agent"):
            job = (
                f"{path.strip('/').replace('/', '-')}-{sum(1 for m, p in self.requests if m == 'POST' and p == target)}"
            )
            return 200, {"success": True, "id": job, "url": f"{self.base_url}{path}/{job}"}, {}
        if method == "GET" and path.startswith(("/crawl/", "/batch/scrape/")):
            return 200, self._paged_job(path, int(query.get("skip", ["0"])[0])), {}
        if method == "GET" and path.startswith(("/extract/", "/agent/")):
            self.polls[path] += 1
            if self.polls[path] <= POLLS_BEFORE_DONE:
                return 200, {"success": True, "status": "processing"}, {}
            return 200, {"success": True, "status": "completed", "data": {"name": "Widget", "price": 9.5}}, {}
        if (method, path) == ("POST", "/map"):
            return 200, {"success": True, "links": [{"url": f"{body['url']}/a"}, {"url": f"{body['url']}/b"}]}, {}
        if (method, path) == ("POST", "/search"):
            return 200, {"success": True, "data": {"web": [{"url": "https://firecrawl.dev", "title": "Firecrawl"}]}}, {}
        if (method, path) == ("POST", "/parse"):
            return 200, {"success": True, "data": {"markdown": f"parsed {len(raw)} bytes"}}, {}
        if path == "/scrape/s1/interact":
            return 200, {"success": True}, {}
        return 404, {"success": False, "error": f"no route {method} {path}"}, {}

    def _paged_job(self, path: str, skip: int) -> dict[str, Any]:
        """A crawl or batch scrape: running for a few polls, then three documents in two pages."""
        if skip:
            return {"status": "completed", "total": 3, "completed": 3, "data": [document("https://example.com/c")]}
        self.polls[path] += 1
        if self.polls[path] <= POLLS_BEFORE_DONE:
            return {"status": "scraping", "total": 3, "completed": self.polls[path] - 1, "data": []}
        return {
            "status": "completed", "total": 3, "completed": 3,
            "data": [document("https://example.com/a"), document("https://example.com/b")],
            "next": f"{self.base_url}{path}?skip=2",
        }  # fmt: skip
