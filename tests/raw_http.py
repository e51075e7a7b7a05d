"""A raw HTTP server on 127.0.0.1 for download tests: each connection gets the next queued
answer byte for byte, however broken (cut short, chunked and cut, sent a byte at a time), and is
then closed. `TestServer` (http_server.py) answers correctly; this one answers as a flaky network
or a hostile host does."""

from __future__ import annotations

import socket
import ssl
import threading
from collections import deque
from dataclasses import dataclass


@dataclass
class _Answer:
    data: bytes
    drip: float
    """Seconds between bytes (0: all at once)."""
    at_once: int
    """Bytes sent before the drip starts."""


def response(
    body: bytes, *, status: str = "200 OK", headers: dict[str, str] | None = None, length: int | None = None
) -> bytes:
    """An HTTP/1.1 answer announcing `length` bytes (by default the body's), with the body as given."""
    lines = [f"HTTP/1.1 {status}", f"Content-Length: {len(body) if length is None else length}", "Connection: close"]
    lines += [f"{name}: {value}" for name, value in (headers or {}).items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


def chunked(body: bytes, *, cut: int | None = None) -> bytes:
    """An answer with a chunked body in chunks of 1,000 bytes; `cut`: only its first `cut` bytes
    of the encoded body are sent (the connection then closes mid-chunk)."""
    pieces = [body[start : start + 1000] for start in range(0, len(body), 1000)]
    encoded = b"".join(b"%x\r\n%s\r\n" % (len(piece), piece) for piece in pieces) + b"0\r\n\r\n"
    head = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
    return head + (encoded if cut is None else encoded[:cut])


_NOT_FOUND = response(b"", status="404 Not Found")


def redirect(location: str, status: str = "302 Found") -> bytes:
    return response(b"", status=status, headers={"Location": location})


class RawServer:
    """Start with `with RawServer() as server:`; queue answers with `send(...)`. Unqueued
    requests get a 404."""

    __test__ = False

    def __init__(self, tls: ssl.SSLContext | None = None) -> None:
        """`tls`: a server context, for an https:// server."""
        self.requests: list[str] = []
        self._tls = tls
        """The request line of every request."""
        self._answers: deque[_Answer] = deque()
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._socket = socket.create_server(("127.0.0.1", 0))
        self._thread = threading.Thread(target=self._serve, daemon=True)

    @property
    def url(self) -> str:
        return f"{'https' if self._tls else 'http'}://127.0.0.1:{self._socket.getsockname()[1]}"

    def send(self, data: bytes, *, drip: float = 0.0, at_once: int = 0) -> None:
        """Answer the next request with these bytes: the first `at_once` of them at once, the rest
        one every `drip` seconds (all at once without a drip)."""
        self._answers.append(_Answer(data, drip, at_once if drip else len(data)))

    def __enter__(self) -> RawServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._socket.shutdown(socket.SHUT_RDWR)  # wakes the thread waiting in accept()
        self._socket.close()
        self._thread.join(timeout=5)

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                connection, _ = self._socket.accept()
            except OSError:  # closed: the server stops
                return
            threading.Thread(target=self._answer, args=(connection,), daemon=True).start()

    def _answer(self, connection: socket.socket) -> None:
        connection.settimeout(10)
        try:
            if self._tls is not None:
                connection = self._tls.wrap_socket(connection, server_side=True)
            with connection:
                request = b""
                while b"\r\n\r\n" not in request and (data := connection.recv(4096)):
                    request += data
                with self._lock:
                    self.requests.append(request.split(b"\r\n", 1)[0].decode())
                    answer = self._answers.popleft() if self._answers else _Answer(_NOT_FOUND, 0, len(_NOT_FOUND))
                connection.sendall(answer.data[: answer.at_once])
                for index in range(answer.at_once, len(answer.data)):
                    if self._stop.wait(answer.drip):
                        return
                    connection.sendall(answer.data[index : index + 1])
                connection.shutdown(socket.SHUT_WR)
        except OSError:  # the client went away, or refused the certificate
            connection.close()
