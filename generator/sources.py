"""Where a spec may come from, and how much of it is read: the size limit, the deadlines, the
URLs a source, a redirect or a remote `$ref` may lead to, and the reading of a file (a pipe or
a device too) within them. `fetch.py` (update's sources) and `load.py` (remote `$ref`s) both
hold to these rules; `download.py` does the HTTP."""

from __future__ import annotations

import ipaddress
import os
import select
import stat
import time
import urllib.parse
from pathlib import Path

from .errors import GeneratorError, Location

TIMEOUT = 60.0
"""Seconds for one attempt at a download: connecting, the answer's headers and its whole body."""
MAX_SPEC_BYTES = 64 * 1024 * 1024
"""The largest spec file read or fetched: Microsoft Graph's beta spec, among the largest
published, is 47 MB."""
ONLY_HTTPS = "only https:// URLs are fetched, plain http:// only from 127.0.0.1 or localhost"
TOO_LARGE = f"larger than the limit of {MAX_SPEC_BYTES:,} bytes (64 MiB) for a spec file"
_LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
"""The hosts a plain http:// source may name."""
_CHUNK = 1 << 20


class TransientError(GeneratorError):
    """A failure that a later attempt may not meet."""

    def __init__(self, location: Location | Path | str, message: str, retry_after: float | None = None) -> None:
        super().__init__(location, message)
        self.retry_after = retry_after


class Deadline:
    """The end of a time limit, on the monotonic clock; no later than the end of the one it is
    `within` (an attempt's, within the run's)."""

    def __init__(self, seconds: float, within: Deadline | None = None) -> None:
        self.seconds = seconds
        self._start = time.monotonic()
        self._within = within

    def left(self) -> float:
        """Seconds left; zero or less once it has passed."""
        own = self._start + self.seconds - time.monotonic()
        return own if self._within is None else min(own, self._within.left())

    def remaining(self) -> float:
        """Seconds left, for a wait that must end by the deadline; a TimeoutError once there are none."""
        left = self.left()
        if left <= 0:
            raise TimeoutError
        return left

    def timed_out(self) -> str:
        """The message for a deadline that passed, with the time it really took."""
        elapsed = time.monotonic() - self._start
        if self._within is not None and elapsed < self.seconds:
            return f"timed out after {elapsed:.1f} s, at the end of the {self._within.seconds:g} s for all attempts"
        return f"timed out after {elapsed:.1f} s (the limit is {self.seconds:g} s)"


def is_url(source: str) -> bool:
    return urllib.parse.urlsplit(source).scheme in ("http", "https")


def allowed_url(url: str) -> bool:
    """Specs come over HTTPS; plain HTTP only from this machine (a test server, a local build)."""
    parts = urllib.parse.urlsplit(url)
    return parts.scheme == "https" or (parts.scheme == "http" and parts.hostname in _LOCAL_HOSTS)


def redirect_refusal(origin: str, url: str) -> str | None:
    """Why a request that the URL `origin` leads to (a redirect from a source, a `$ref` in a
    remote file) may not go to `url`; None when it may. HTTPS may go anywhere but to this machine
    from another one; plain HTTP only from a plain-HTTP origin on this machine, to its own host
    and port."""
    source, target = urllib.parse.urlsplit(origin), urllib.parse.urlsplit(url)
    if target.scheme == "https":
        if _on_this_machine(target.hostname) and not _on_this_machine(source.hostname):
            return "it leads to this machine from another host"
        return None
    if target.scheme == "http" and source.scheme == "http" and _host_and_port(source) == _host_and_port(target):
        return None
    return "only https:// is followed (plain http:// only back to a plain http:// source's own host and port)"


def _on_this_machine(host: str | None) -> bool:
    if host is None or host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return address.is_loopback or address.is_unspecified


def _host_and_port(parts: urllib.parse.SplitResult) -> tuple[str | None, int]:
    return parts.hostname, parts.port or (443 if parts.scheme == "https" else 80)


def read_file(path: Path, deadline: Deadline) -> bytes:
    """A spec file's bytes, at most the size limit. A pipe or a device is read as its bytes come,
    until the deadline: its size says nothing, and a pipe without a writer never ends."""
    try:
        # non-blocking: opening a pipe that has no writer would wait for one
        handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as exc:
        raise GeneratorError(path, f"cannot read the spec: {exc.strerror or exc}") from None
    try:
        if stat.S_ISREG(os.fstat(handle).st_mode):
            os.set_blocking(handle, True)
            data = _read_at_most(handle, MAX_SPEC_BYTES + 1)
        else:
            data = _read_stream(handle, path, deadline)
    except OSError as exc:
        raise GeneratorError(path, f"cannot read the spec: {exc.strerror or exc}") from None
    finally:
        os.close(handle)
    if len(data) > MAX_SPEC_BYTES:
        raise GeneratorError(path, TOO_LARGE)
    return data


def _read_at_most(handle: int, size: int) -> bytes:
    chunks: list[bytes] = []
    while size > 0 and (chunk := os.read(handle, min(size, _CHUNK))):
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)


def _read_stream(handle: int, path: Path, deadline: Deadline) -> bytes:
    """A pipe's or a device's bytes, up to one more than the size limit, by the deadline."""
    poller = select.poll()
    poller.register(handle, select.POLLIN)
    chunks: list[bytes] = []
    size = 0
    while size <= MAX_SPEC_BYTES:
        left = deadline.left()
        if left <= 0 or not poller.poll(left * 1000):
            raise GeneratorError(path, f"no end to the spec: {deadline.timed_out()}")
        try:
            chunk = os.read(handle, _CHUNK)
        except BlockingIOError:  # woken for nothing
            continue
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)
