"""A real HTTP server on 127.0.0.1 for tests: it answers with queued responses and records
every request it receives."""

from __future__ import annotations

import email
import email.policy
import json
import socket
import struct
import sys
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit


@dataclass
class Part:
    """One part of a multipart/form-data body."""

    name: str
    filename: str | None
    headers: dict[str, str]
    """Lower-case names."""
    content: bytes


@dataclass
class Recorded:
    method: str
    path: str
    query: list[tuple[str, str]]
    headers: dict[str, str]
    body: bytes
    raw_query: str = ""
    """The query string as it was sent, percent-encoding and all."""

    def json(self) -> Any:
        return json.loads(self.body)

    def parts(self) -> list[Part]:
        """The parts of a multipart/form-data body, in order."""
        message = email.message_from_bytes(
            b"Content-Type: " + self.headers["content-type"].encode() + b"\r\n\r\n" + self.body,
            policy=email.policy.HTTP,
        )
        return [
            Part(
                part.get_param("name", header="content-disposition"),
                part.get_filename(),
                {name.lower(): str(value) for name, value in part.items()},
                part.get_payload(decode=True),
            )
            for part in message.iter_parts()
        ]


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    reset: bool = False
    """Reset the connection (TCP RST) instead of answering."""
    gate: threading.Event | None = None
    """Send the headers and the body's first `first` bytes, then wait for this event (at most
    10 seconds) before the rest: a client that reads the body before returning blocks."""
    first: int = 0
    drip: float = 0.0
    """Send the body one byte at a time, this many seconds apart."""
    endless: bool = False
    """Send a chunked body of zeros that never ends (until the client goes away)."""


class _Server(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that went away mid-answer (a body too large, a deadline) is no error of the
        server's; anything else is printed as usual."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class TestServer:
    """Start with `with TestServer() as server:`; queue answers with `reply(...)`."""

    __test__ = False  # not a test class for pytest

    def __init__(self) -> None:
        self.requests: list[Recorded] = []
        self._replies: deque[Reply] = deque()
        self._lock = threading.Lock()
        self._server = _Server(("127.0.0.1", 0), self._handler_class())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def reset(self) -> None:
        """Answer the next request by resetting the connection."""
        self._replies.append(Reply(reset=True))

    def reply(
        self,
        status: int = 200,
        json_body: Any = None,
        *,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
        delay: float = 0.0,
        gate: threading.Event | None = None,
        first: int = 0,
        drip: float = 0.0,
        endless: bool = False,
    ) -> None:
        headers = dict(headers or {})
        if body is None:
            body = b"" if json_body is None else json.dumps(json_body).encode()
            if json_body is not None:
                headers.setdefault("Content-Type", "application/json")
        self._replies.append(Reply(status, body, headers, delay, gate=gate, first=first, drip=drip, endless=endless))

    def redirect(self, status: int, location: str) -> None:
        """Answer the next request with a redirect to `location`."""
        self.reply(status, headers={"Location": location})

    def __enter__(self) -> TestServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._thread.is_alive():
            self._server.shutdown()
            self._thread.join(timeout=5)
        self._server.server_close()

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:  # keep test output clean
                pass

            def _handle(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                parts = urlsplit(self.path)
                with server._lock:
                    server.requests.append(
                        Recorded(
                            self.command,
                            parts.path,
                            parse_qsl(parts.query, keep_blank_values=True),
                            {k.lower(): v for k, v in self.headers.items()},
                            body,
                            parts.query,
                        )
                    )
                    reply = (
                        server._replies.popleft()
                        if server._replies
                        else Reply(200, b"{}", {"Content-Type": "application/json"})
                    )
                if reply.reset:
                    self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                    self.close_connection = True
                    self.connection.close()
                    return
                if reply.delay:
                    time.sleep(reply.delay)
                self.send_response(reply.status)
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                if reply.endless:
                    self.send_header("Transfer-Encoding", "chunked")
                    self.end_headers()
                    self._send_forever()
                    return
                self.send_header("Content-Length", str(len(reply.body)))
                self.end_headers()
                if reply.drip:
                    self._drip(reply.body, reply.drip)
                    return
                if reply.gate is not None:
                    self.wfile.write(reply.body[: reply.first])
                    self.wfile.flush()
                    reply.gate.wait(10)
                    self.wfile.write(reply.body[reply.first :])
                    return
                self.wfile.write(reply.body)

            def _drip(self, body: bytes, interval: float) -> None:
                try:
                    for index in range(len(body)):
                        self.wfile.write(body[index : index + 1])
                        self.wfile.flush()
                        time.sleep(interval)
                except OSError:  # the client gave up
                    self.close_connection = True

            def _send_forever(self) -> None:
                chunk = b"%x\r\n" % (1 << 16) + bytes(1 << 16) + b"\r\n"
                try:
                    while True:
                        self.wfile.write(chunk)
                except OSError:  # the client gave up
                    self.close_connection = True

            do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = do_OPTIONS = _handle
            do_QUERY = do_PURGE = _handle  # OpenAPI 3.2: QUERY, and any other method a spec names

        return Handler
