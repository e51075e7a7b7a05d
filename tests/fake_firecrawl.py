"""A local server on 127.0.0.1 that plays Firecrawl's v2 API, answering as the real API does (the
`success` flag, envelopes, job statuses over several polls, pages with `next` URLs on this server),
closely enough that firecrawl-py itself runs on it as well as the generated client.

What a request's URL asks for picks the answer: a URL with `expensive` gets a 402, `rate-limited`
a 429 (Retry-After: 0), `server-error` a 500, `failure` a 200 with `success: false`, `slow` its
answer after SLOW_SECONDS, `slow-job` a job that runs for SLOW_JOB_POLLS polls, `cancelled-job`
a crawl, batch scrape, extract or agent job that ends cancelled; a job id with
`done` cannot be cancelled any more (409). A key other than API_KEY gets a 401; no key at all is
a self-hosted server without authentication. Every request is recorded (method, path, query, JSON
body or multipart parts, the headers that matter), grouped by the scenario step `begin` names."""

from __future__ import annotations

import json
import threading
import time
from collections import Counter
from email.parser import BytesParser
from email.policy import HTTP
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

API_KEY = "fc-test"
POLLS_BEFORE_DONE = 2
"""Each job reports itself running this many times before it has ended."""
SLOW_SECONDS = 1.5
"""How long an answer for a URL with `slow` takes."""
SLOW_JOB_POLLS = 25
"""How many polls a `slow-job` job runs for."""
JOB_MARKERS = ("slow-job", "cancelled-job")
"""What a job's request may ask for, carried in the job's id."""
BEGIN_PATH = "/_scenario/begin"
"""POST {"step": name} here: the requests that follow are the step's, and every job starts afresh."""
RECORDED_HEADERS = ("authorization", "x-idempotency-key")

Answer = tuple[int, Any, dict[str, str]]


def document(url: str, *, with_json: bool = False) -> dict[str, Any]:
    page: dict[str, Any] = {
        "markdown": f"# {url}",
        "metadata": {"sourceURL": url, "statusCode": 200, "scrapeId": "s1"},
    }
    if with_json:
        page["json"] = {"name": "Widget", "price": 9.5}
    return page


def failure(status: int, message: str) -> Answer:
    return status, {"success": False, "error": message}, {}


def multipart_parts(raw: bytes, content_type: str) -> list[dict[str, Any]]:
    """A multipart body's parts: name, file name, media type and text (or size, for bytes)."""
    message = BytesParser(policy=HTTP).parsebytes(f"Content-Type: {content_type}\r\n\r\n".encode() + raw)
    parts = []
    for part in message.iter_parts():
        content = part.get_payload(decode=True) or b""
        parts.append(
            {
                "name": part.get_param("name", header="content-disposition"),
                "filename": part.get_filename(),
                "content": content.decode("utf-8", "replace"),
            }
        )
    return parts


class FakeFirecrawl:
    """`with FakeFirecrawl() as server:`; `server.base_url` is the API's (`.../v2`), `server.host_url`
    the host's alone."""

    def __init__(self, *, rate_limit_first_scrape: bool = True) -> None:
        self.requests: list[tuple[str, str]] = []
        """(method, path with query) of every request, in order."""
        self.bodies: list[Any] = []
        """The JSON body of every request that has one, in order."""
        self.recorded: dict[str, list[dict[str, Any]]] = {}
        """Every request of each scenario step, in order (see BEGIN_PATH)."""
        self.polls: Counter[str] = Counter()
        self._started: Counter[str] = Counter()
        self._step = ""
        self._rate_limited_once = not rate_limit_first_scrape
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
        self._http.daemon_threads = True
        self._thread = threading.Thread(target=self._http.serve_forever, daemon=True)

    @property
    def host_url(self) -> str:
        host, port = self._http.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def base_url(self) -> str:
        return f"{self.host_url}/v2"

    def __enter__(self) -> FakeFirecrawl:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._http.shutdown()
        self._http.server_close()

    def _handle(self, handler: BaseHTTPRequestHandler, method: str) -> None:
        length = int(handler.headers.get("content-length") or 0)
        raw = handler.rfile.read(length)
        content_type = handler.headers.get("content-type", "")
        if (method, handler.path) == ("POST", BEGIN_PATH):
            self._begin(json.loads(raw)["step"])
            status, body, headers = 200, {"success": True}, {}
        else:
            with self._lock:
                self._record(method, handler, raw, content_type)
                status, body, headers = self._authorised_answer(method, handler, raw, content_type)
            if "slow" in (handler.path + raw.decode("utf-8", "replace")).replace("slow-job", ""):
                time.sleep(SLOW_SECONDS)
        self._send(handler, status, body, headers)

    def _begin(self, step: str) -> None:
        with self._lock:
            self._step = step
            self.recorded[step] = []
            self.polls.clear()
            self._started.clear()

    def _record(self, method: str, handler: BaseHTTPRequestHandler, raw: bytes, content_type: str) -> None:
        self.requests.append((method, handler.path))
        parts = urlsplit(handler.path)
        request: dict[str, Any] = {"method": method, "path": parts.path, "query": parse_qs(parts.query)}
        if content_type.startswith("application/json") and raw:
            request["json"] = json.loads(raw)
        elif content_type.startswith("multipart/form-data"):
            request["multipart"] = multipart_parts(raw, content_type)
        request["headers"] = {name: handler.headers[name] for name in RECORDED_HEADERS if name in handler.headers}
        if self._step:
            self.recorded[self._step].append(request)

    def _authorised_answer(self, method: str, handler: BaseHTTPRequestHandler, raw: bytes, content_type: str) -> Answer:
        authorization = handler.headers.get("authorization")
        if authorization is not None and authorization != f"Bearer {API_KEY}":
            return failure(401, "Unauthorized: Invalid token")
        return self._answer(method, handler.path, raw, content_type)

    @staticmethod
    def _send(handler: BaseHTTPRequestHandler, status: int, body: Any, headers: dict[str, str]) -> None:
        data = json.dumps(body).encode()
        handler.send_response(status)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", str(len(data)))
        for name, value in headers.items():
            handler.send_header(name, value)
        handler.end_headers()
        try:
            handler.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client stopped waiting (its timeout), as clients do

    def _answer(self, method: str, target: str, raw: bytes, content_type: str) -> Answer:
        parts = urlsplit(target)
        path, query = parts.path.removeprefix("/v2"), parse_qs(parts.query)
        body = json.loads(raw) if raw and content_type.startswith("application/json") else {}
        if body:
            self.bodies.append(body)
        trouble = self._trouble(method, str(body.get("url", "")) + str(body.get("urls", "")) + target)
        if trouble is not None:
            return trouble
        if method == "POST":
            return self._post(path, body, raw)
        if method == "DELETE":
            return self._delete(path)
        return self._get(path, query)

    def _trouble(self, method: str, asked: str) -> Answer | None:
        """The answers a URL in the request asks for: errors, failures and rate limits."""
        if "expensive" in asked:
            return failure(402, "Insufficient credits to perform this request.")
        if "rate-limited" in asked:
            return 429, {"success": False, "error": "Rate limit exceeded"}, {"Retry-After": "0"}
        if "server-error" in asked:
            return failure(500, "An unexpected error occurred on the server.")
        if "failure" in asked:
            return failure(200, "The page could not be scraped.")
        return None

    def _post(self, path: str, body: dict[str, Any], raw: bytes) -> Answer:
        if path == "/scrape":
            if not self._rate_limited_once:
                self._rate_limited_once = True
                return 429, {"success": False, "error": "Rate limit exceeded"}, {"Retry-After": "1"}
            wants_json = any(isinstance(f, dict) and f.get("type") == "json" for f in body.get("formats", []))
            return 200, {"success": True, "data": document(body["url"], with_json=wants_json)}, {}
        if path in ("/crawl", "/batch/scrape", "/extract", "/agent"):
            self._started[path] += 1
            asked = json.dumps(body)
            markers = [marker for marker in JOB_MARKERS if marker in asked]
            job = "-".join([path.strip("/").replace("/", "-"), *markers, str(self._started[path])])
            return 200, {"success": True, "id": job, "url": f"{self.base_url}{path}/{job}"}, {}
        if path == "/crawl/params-preview":
            return 200, {"success": True, "data": {"url": body["url"], "limit": 10, "includePaths": ["/blog/.*"]}}, {}
        if path == "/map":
            return 200, {"success": True, "links": [{"url": f"{body['url']}/a"}, {"url": f"{body['url']}/b"}]}, {}
        if path == "/search":
            web = [{"url": "https://firecrawl.dev", "title": "Firecrawl", "description": "The web, for AI"}]
            return 200, {"success": True, "data": {"web": web}}, {}
        if path == "/parse":
            return 200, {"success": True, "data": {"markdown": f"parsed {len(raw)} bytes"}}, {}
        if path.startswith("/scrape/") and path.endswith("/interact"):
            return 200, {"success": True, "stdout": "clicked", "result": "clicked", "exitCode": 0}, {}
        return failure(404, f"no route POST {path}")

    def _delete(self, path: str) -> Answer:
        if path.startswith("/scrape/") and path.endswith("/interact"):
            return 200, {"success": True}, {}
        if path.startswith(("/crawl/", "/batch/scrape/")):
            if "done" in path:
                return failure(409, "The job has already completed.")
            return 200, {"success": True, "status": "cancelled"}, {}
        if path.startswith("/agent/"):
            return 200, {"success": True}, {}
        return failure(404, f"no route DELETE {path}")

    def _get(self, path: str, query: dict[str, list[str]]) -> Answer:
        if path == "/crawl/active":
            return 200, {"success": True, "crawls": []}, {}
        if path.endswith("/errors"):
            return 200, {"success": True, "errors": [], "robotsBlocked": []}, {}
        if path.startswith(("/crawl/", "/batch/scrape/")):
            return 200, self._paged_job(path, int(query.get("skip", ["0"])[0])), {}
        if path.startswith(("/extract/", "/agent/")):
            if self._running(path):
                return 200, {"success": True, "status": "processing"}, {}
            if "cancelled-job" in path:
                return 200, {"success": True, "status": "cancelled"}, {}
            return 200, {"success": True, "status": "completed", "data": {"name": "Widget", "price": 9.5}}, {}
        if path == "/team/credit-usage":
            return 200, {"success": True, "data": {"remainingCredits": 500, "planCredits": 1000}}, {}
        return failure(404, f"no route GET {path}")

    def _running(self, path: str) -> bool:
        """Counts a poll of the job at path: whether it is still running."""
        self.polls[path] += 1
        return self.polls[path] <= (SLOW_JOB_POLLS if "slow-job" in path else POLLS_BEFORE_DONE)

    def _paged_job(self, path: str, skip: int) -> dict[str, Any]:
        """A crawl or batch scrape: running for a few polls, then three documents in two pages."""
        if skip:
            return {
                "success": True, "status": "completed", "total": 3, "completed": 3, "creditsUsed": 3,
                "data": [document("https://example.com/c")],
            }  # fmt: skip
        if self._running(path):
            return {
                "success": True, "status": "scraping", "total": 3, "completed": min(self.polls[path] - 1, 2),
                "creditsUsed": 0, "data": [],
            }  # fmt: skip
        if "cancelled-job" in path:
            return {"success": True, "status": "cancelled", "total": 3, "completed": 1, "creditsUsed": 1, "data": []}
        return {
            "success": True, "status": "completed", "total": 3, "completed": 3, "creditsUsed": 3,
            "data": [document("https://example.com/a"), document("https://example.com/b")],
            "next": f"{self.base_url}{path}?skip=2",
        }  # fmt: skip
