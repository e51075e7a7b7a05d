"""Operations told apart only by a URL fragment, for Prism.

AWS specs key operations by fragments HTTP never sends: `POST /#X-Amz-Target=Service.Op` for
each operation of a JSON-protocol service, `DELETE /tags/{arn}#tagKeys` beside
`GET /tags/{arn}`. AWS routes such a request by the header or query parameters the fragment
names; Prism routes by path and method only, so it finds none of them (404 "The route / hasn't
been found") or the wrong one (405). For the contract stage, the spec Prism serves gets one
distinct path per fragment, and a proxy in front of Prism routes each request as AWS would
(every parameter the fragment names present, with the value it gives) and rewrites its path to
that operation's. The client under test and its requests are left as they are.
"""

from __future__ import annotations

import http.client
import json
import re
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from email.message import Message
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import yaml

METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
ROUTE_SEGMENT = "__fragment_{index}"
"""The path segment that stands for a fragment in the spec Prism serves."""
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "content-length", "host", "te", "upgrade"}


@dataclass(frozen=True)
class Route:
    """One operation of a path that has fragment variants: what a request must carry to be it,
    and the segment its path gets in the spec Prism serves (none for the variant without one)."""

    method: str
    pattern: re.Pattern[str]
    terms: tuple[tuple[str, str | None], ...]
    segment: str | None

    def unmet(self, query: Sequence[tuple[str, str]], headers: Message) -> int:
        """How many of the fragment's terms the request does not carry."""
        return sum(not _carries(name, value, query, headers) for name, value in self.terms)


def _carries(name: str, value: str | None, query: Sequence[tuple[str, str]], headers: Message) -> bool:
    sent = [given for key, given in query if key == name] + headers.get_all(name, [])
    return bool(sent) and (value is None or value in sent)


def _terms(fragment: str) -> tuple[tuple[str, str | None], ...]:
    """`a=1&b` -> (("a", "1"), ("b", None))."""
    pairs = (term.partition("=") for term in fragment.split("&") if term)
    return tuple((name, value if equals else None) for name, equals, value in pairs)


def _pattern(template: str) -> re.Pattern[str]:
    parts = re.split(r"(\{[^}/]+\})", template)
    return re.compile("".join("[^/]+" if part.startswith("{") else re.escape(part) for part in parts))


def routing_spec(document: dict[str, object]) -> tuple[dict[str, object], list[Route]] | None:
    """The spec with a distinct path for every fragment, and the routes a proxy needs; None when
    no path has a fragment."""
    paths = document.get("paths")
    if not isinstance(paths, dict) or not any("#" in key for key in paths):
        return None
    with_fragments = {key.partition("#")[0] for key in paths if "#" in key}
    rewritten: dict[str, object] = {}
    routes: list[Route] = []
    for index, (key, item) in enumerate(paths.items()):
        template, _, fragment = key.partition("#")
        segment = ROUTE_SEGMENT.format(index=index) if fragment else None
        rewritten[f"{template.rstrip('/')}/{segment}" if segment else key] = item
        if template in with_fragments and isinstance(item, dict):
            pattern = _pattern(template)
            routes += [Route(method, pattern, _terms(fragment), segment) for method in METHODS if method in item]
    return {**document, "paths": rewritten}, routes


def prism_spec(spec: Path, workdir: Path) -> tuple[Path, list[Route]]:
    """The spec file Prism should serve for `spec`, and the proxy's routes (none: serve it as is)."""
    try:
        text = spec.read_text()
        document = json.loads(text) if spec.suffix == ".json" else yaml.load(text, Loader=_YAML_LOADER)
    except (ValueError, UnicodeDecodeError, yaml.YAMLError):
        return spec, []
    routing = routing_spec(document) if isinstance(document, dict) else None
    if routing is None:
        return spec, []
    rewritten, routes = routing
    target = workdir / f"prism-{spec.name}"
    target.write_text(json.dumps(rewritten))
    return target, routes


def route(routes: Sequence[Route], method: str, path: str, query: Sequence[tuple[str, str]], headers: Message) -> str:
    """The path Prism should see for a request: among the operations of its path and method,
    the one whose fragment it carries in full (the longest such fragment), else the one it
    misses least."""
    candidates = [each for each in routes if each.method == method.lower() and each.pattern.fullmatch(path)]
    if not candidates:
        return path
    best = min(candidates, key=lambda each: (each.unmet(query, headers), -len(each.terms)))
    return f"{path.rstrip('/')}/{best.segment}" if best.segment else path


@contextmanager
def proxy(upstream: str, routes: Sequence[Route]) -> Iterator[str]:
    """A proxy on 127.0.0.1 that routes requests to `upstream` by fragment; yields its base URL
    (`upstream` itself when there are no routes)."""
    if not routes:
        yield upstream
        return
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(upstream, routes))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def _handler(upstream: str, routes: Sequence[Route]) -> type[BaseHTTPRequestHandler]:
    target = urlsplit(upstream)

    class Forward(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def forward(self) -> None:
            body = self._body()
            url = urlsplit(self.path)
            path = route(routes, self.command, url.path, parse_qsl(url.query, keep_blank_values=True), self.headers)
            connection = http.client.HTTPConnection(target.hostname or "127.0.0.1", target.port, timeout=120)
            try:
                connection.putrequest(
                    self.command, path + (f"?{url.query}" if url.query else ""), skip_accept_encoding=True
                )
                for name, value in self.headers.items():
                    if name.lower() not in _HOP_BY_HOP:
                        connection.putheader(name, value)
                connection.putheader("Content-Length", str(len(body)))
                connection.endheaders(body)
                answer = connection.getresponse()
                content = answer.read()
            finally:
                connection.close()
            self.send_response_only(answer.status, answer.reason)
            for name, value in answer.getheaders():
                if name.lower() not in _HOP_BY_HOP:
                    self.send_header(name, value)
            if answer.status >= 200 and answer.status not in (204, 304):
                self.send_header("Content-Length", str(len(content)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(content)

        def _body(self) -> bytes:
            if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
                chunks = []
                while size := int(self.rfile.readline().split(b";")[0].strip() or b"0", 16):
                    chunks.append(self.rfile.read(size))
                    self.rfile.readline()
                while self.rfile.readline().strip():  # trailers, up to the blank line
                    pass
                return b"".join(chunks)
            return self.rfile.read(int(self.headers.get("Content-Length") or 0))

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base's name
            """Quiet: Prism's own log records every request."""

        do_GET = do_PUT = do_POST = do_DELETE = do_OPTIONS = do_HEAD = do_PATCH = do_TRACE = forward

    return Forward
