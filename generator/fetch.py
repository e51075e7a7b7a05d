"""The newest spec for `update`: from an https:// URL (plain http only from this machine) or a
file, within a time and a size limit, retrying what may pass (a 5xx or 429 answer, a dropped
connection, a timeout). Every failure is one GeneratorError that names the source."""

from __future__ import annotations

import time
import urllib.parse
from collections.abc import Callable
from pathlib import Path
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    import urllib.request
    from http.client import HTTPMessage

from . import __version__
from .errors import GeneratorError

TIMEOUT = 60.0
"""Seconds for the whole download of one attempt."""
MAX_BYTES = 100 * 1024 * 1024
"""Microsoft Graph's beta spec, among the largest published, is 47 MB."""
RETRIES = 2
RETRY_DELAY = 1.0
"""Seconds before the first retry; doubled before each next one."""
_LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
_CHUNK = 1 << 16


def is_url(source: str) -> bool:
    return urllib.parse.urlsplit(source).scheme in ("http", "https")


def fetch_spec(
    source: str,
    *,
    timeout: float = TIMEOUT,
    max_bytes: int = MAX_BYTES,
    retries: int = RETRIES,
    sleep: Callable[[float], None] = time.sleep,
) -> bytes:
    """The bytes of the spec at `source`, a URL or a file path."""
    if not is_url(source):
        return _read_file(Path(source), max_bytes)
    _check_url(source, source)
    delay = RETRY_DELAY
    for attempt in range(retries + 1):
        try:
            return _download(source, timeout, max_bytes)
        except _Transient as exc:
            if attempt == retries:
                tries = f" (after {retries + 1} attempts)" if retries else ""
                raise GeneratorError(source, f"{exc}{tries}") from None
            sleep(min(exc.retry_after, 30.0) if exc.retry_after is not None else delay)
            delay *= 2
    raise AssertionError("unreachable")


class _Transient(Exception):
    """A failure that a later attempt may not meet."""

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


def allowed_url(url: str) -> bool:
    """Specs come over HTTPS; plain HTTP only from this machine (a test server, a local build)."""
    parts = urllib.parse.urlsplit(url)
    return parts.scheme == "https" or (parts.scheme == "http" and parts.hostname in _LOCAL_HOSTS)


def _check_url(url: str, source: str) -> None:
    if allowed_url(url):
        return
    shown = f" (redirected to {url})" if url != source else ""
    raise GeneratorError(
        source, f"only https:// URLs are fetched, plain http:// only from 127.0.0.1 or localhost{shown}"
    )


def _download(url: str, timeout: float, max_bytes: int) -> bytes:
    import urllib.error
    import urllib.request  # only for a download: it takes a while to import

    class CheckedRedirects(urllib.request.HTTPRedirectHandler):
        """Follows a redirect only to a URL that could have been given (no downgrade to plain HTTP)."""

        def redirect_request(
            self, req: urllib.request.Request, fp: IO[bytes], code: int, msg: str, headers: HTTPMessage, newurl: str
        ) -> urllib.request.Request | None:
            _check_url(newurl, url)
            return super().redirect_request(req, fp, code, msg, headers, newurl)

    request = urllib.request.Request(
        url,
        headers={
            "Accept": "application/json, application/yaml;q=0.9, */*;q=0.5",
            "User-Agent": f"clientgen/{__version__}",
        },
    )
    opener = urllib.request.build_opener(CheckedRedirects())
    deadline = time.monotonic() + timeout
    try:
        with opener.open(request, timeout=timeout) as response:
            length = response.headers.get("Content-Length")
            if length is not None and length.isdigit() and int(length) > max_bytes:
                raise GeneratorError(
                    url, f"the spec is {_megabytes(int(length))}, over the limit of {_megabytes(max_bytes)}"
                )
            chunks, size = [], 0
            while chunk := response.read(_CHUNK):
                size += len(chunk)
                if size > max_bytes:
                    raise GeneratorError(url, f"the spec is over the limit of {_megabytes(max_bytes)}")
                if time.monotonic() > deadline:
                    raise _Transient(f"timed out after {timeout:g} s")
                chunks.append(chunk)
            return b"".join(chunks)
    except urllib.error.HTTPError as exc:
        message = f"HTTP {exc.code} {exc.reason}"
        if exc.code == 429 or exc.code >= 500:
            raise _Transient(message, _retry_after(exc.headers.get("Retry-After"))) from None
        raise GeneratorError(url, message) from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, TimeoutError):
            raise _Transient(f"timed out after {timeout:g} s") from None
        raise _Transient(f"cannot connect: {getattr(reason, 'strerror', None) or reason}") from None
    except TimeoutError:
        raise _Transient(f"timed out after {timeout:g} s") from None
    except (ConnectionError, OSError) as exc:
        raise _Transient(f"the connection failed: {exc.strerror or exc}") from None


def _retry_after(value: str | None) -> float | None:
    try:
        return max(0.0, float(value)) if value is not None else None
    except ValueError:
        return None  # an HTTP date: the usual delay will do


def _read_file(path: Path, max_bytes: int) -> bytes:
    try:
        if path.stat().st_size > max_bytes:
            raise GeneratorError(path, f"the spec is over the limit of {_megabytes(max_bytes)}")
        return path.read_bytes()
    except OSError as exc:
        raise GeneratorError(path, f"cannot read the spec: {exc.strerror or exc}") from None


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"
