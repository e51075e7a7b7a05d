"""One GET, for `fetch.py` and `load.py`: urllib (for its proxies and redirects) with every wait ending at
the attempt's deadline, every redirect checked, and the body whole or an error.

urllib's timeout bounds each read of the socket alone, so a server that sends a byte a second
holds it without end; here the connection is made within the time left, and each read of the
headers and the body may wait only for the time left."""

from __future__ import annotations

import functools
import http.client
import io
import socket
import ssl
import urllib.error
import urllib.request
from typing import IO, Any

from . import __version__
from .errors import GeneratorError
from .sources import MAX_SPEC_BYTES, TOO_LARGE, Deadline, TransientError, redirect_refusal

_HEADERS = {
    "Accept": "application/json, application/yaml;q=0.9, */*;q=0.5",
    "Accept-Encoding": "identity",
    "User-Agent": f"clientgen/{__version__}",
}
_CHUNK = 1 << 16


def get(url: str, deadline: Deadline) -> bytes:
    """The whole body of a GET of `url`, by the deadline and within the size limit, following
    only the redirects `redirect_refusal` allows. A failure a retry may pass is a TransientError."""
    opener = urllib.request.build_opener(_CheckedRedirects(url), _HTTPHandler(deadline), _HTTPSHandler(deadline))
    try:
        with opener.open(urllib.request.Request(url, headers=_HEADERS), timeout=deadline.remaining()) as response:
            return _body(response, url)
    except urllib.error.HTTPError as exc:
        message = f"HTTP {exc.code} {exc.reason}"
        if exc.code == 429 or exc.code >= 500:
            raise TransientError(url, message, _retry_after(exc.headers.get("Retry-After"))) from None
        raise GeneratorError(url, message) from None
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, TimeoutError):
            raise TransientError(url, deadline.timed_out()) from None
        reason = getattr(exc.reason, "strerror", None) or exc.reason
        raise TransientError(url, f"cannot connect: {reason}") from None
    except TimeoutError:
        raise TransientError(url, deadline.timed_out()) from None
    except http.client.IncompleteRead:
        raise TransientError(url, "the connection closed before the end of the body") from None
    except http.client.RemoteDisconnected:
        raise TransientError(url, "the connection closed without an answer") from None
    except http.client.HTTPException as exc:
        raise TransientError(url, f"the answer is not valid HTTP ({type(exc).__name__})") from None
    except OSError as exc:
        raise TransientError(url, f"the connection failed: {exc.strerror or exc}") from None


def _body(response: http.client.HTTPResponse, url: str) -> bytes:
    """The body, all of the length announced (a chunked one cut short is an IncompleteRead)."""
    announced = response.length  # None: chunked, or no Content-Length (then the end is the close)
    if announced is not None and announced > MAX_SPEC_BYTES:
        raise GeneratorError(url, TOO_LARGE)
    encoding = response.headers.get("Content-Encoding", "identity").strip().lower()
    if encoding not in ("", "identity"):
        raise GeneratorError(url, f"the body is {encoding}-encoded, which was not asked for")
    chunks: list[bytes] = []
    size = 0
    while chunk := response.read(_CHUNK):
        size += len(chunk)
        if size > MAX_SPEC_BYTES:
            raise GeneratorError(url, TOO_LARGE)
        chunks.append(chunk)
    if announced is not None and size < announced:
        raise TransientError(url, f"the connection closed after {size:,} of the {announced:,} bytes announced")
    return b"".join(chunks)


def _retry_after(value: str | None) -> float | None:
    try:
        return max(0.0, float(value)) if value is not None else None
    except ValueError:
        return None  # an HTTP date: the usual delay will do


class _CheckedRedirects(urllib.request.HTTPRedirectHandler):
    """Follows a redirect only where `redirect_refusal` lets a request from the source go."""

    def __init__(self, source: str) -> None:
        super().__init__()
        self._source = source

    def redirect_request(
        self, req: urllib.request.Request, fp: IO[bytes], code: int, msg: str, headers: Any, newurl: str
    ) -> urllib.request.Request | None:
        fp.close()  # the redirect's own body is not read: it may have no end
        refusal = redirect_refusal(self._source, newurl)
        if refusal is not None:
            raise GeneratorError(self._source, f"a redirect to {newurl} is refused: {refusal}")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


class _Connection(http.client.HTTPConnection):
    """Connects (through a proxy's tunnel, and the TLS handshake) within the time left, then
    reads through a `_DeadlineSocket`."""

    def __init__(self, host: str, *, deadline: Deadline, **options: Any) -> None:
        super().__init__(host, **options)
        self.deadline = deadline

    def connect(self) -> None:
        self.timeout = self.deadline.remaining()
        super().connect()
        self.sock = _DeadlineSocket(self.sock, self.deadline)


class _HTTPSConnection(_Connection, http.client.HTTPSConnection):
    pass


class _HTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, deadline: Deadline) -> None:
        super().__init__()
        self._deadline = deadline

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(functools.partial(_Connection, deadline=self._deadline), req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, deadline: Deadline) -> None:
        self._tls = ssl.create_default_context()
        super().__init__(context=self._tls)
        self._deadline = deadline

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(functools.partial(_HTTPSConnection, deadline=self._deadline), req, context=self._tls)


class _DeadlineSocket:
    """A connected socket as http.client uses it (`sendall`, `makefile`, `close`), with every wait
    ending at the deadline."""

    def __init__(self, sock: socket.socket, deadline: Deadline) -> None:
        self._sock = sock
        self._deadline = deadline

    def sendall(self, data: bytes) -> None:
        self._sock.settimeout(self._deadline.remaining())
        self._sock.sendall(data)

    def makefile(self, mode: str) -> io.BufferedReader:
        assert mode == "rb"
        return io.BufferedReader(_DeadlineReader(self._sock, self._deadline))

    def close(self) -> None:
        self._sock.close()  # the socket stays open while a reader made by `makefile` is


class _DeadlineReader(io.RawIOBase):
    def __init__(self, sock: socket.socket, deadline: Deadline) -> None:
        super().__init__()
        self._sock = sock
        self._deadline = deadline
        self._raw = sock.makefile("rb", buffering=0)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int | None:
        self._sock.settimeout(self._deadline.remaining())
        return self._raw.readinto(buffer)

    def close(self) -> None:
        self._raw.close()
        super().close()
