"""The newest spec for `update`: from an https:// URL (plain http only from this machine) or a
file, within a deadline and the size limit (sources.py), retrying what may pass (a 5xx or 429
answer, a dropped or cut-short connection, a timeout). Every failure is one GeneratorError that
names the source."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from .errors import GeneratorError
from .sources import ONLY_HTTPS, TIMEOUT, Deadline, TransientError, allowed_url, is_url, read_file

__all__ = ["RETRIES", "TIMEOUT", "fetch_spec"]

RETRIES = 2
RETRY_DELAY = 1.0
"""Seconds before the first retry; doubled before each next one."""
MAX_RETRY_AFTER = 30.0
"""The longest wait a server's Retry-After gets."""


def fetch_spec(
    source: str, *, timeout: float = TIMEOUT, retries: int = RETRIES, sleep: Callable[[float], None] = time.sleep
) -> bytes:
    """The bytes of the spec at `source`, a URL or a file path. Each attempt at a URL ends within
    `timeout` seconds, and all of them, with the waits between, within `retries + 1` times that."""
    from .download import get  # urllib: only for a download, it takes a while to import

    if not is_url(source):
        return read_file(Path(source), Deadline(timeout))
    if not allowed_url(source):
        raise GeneratorError(source, ONLY_HTTPS)
    run = Deadline(timeout * (retries + 1))
    attempt, delay = 1, RETRY_DELAY
    while True:
        try:
            return get(source, Deadline(timeout, within=run))
        except TransientError as exc:
            wait = min(exc.retry_after, MAX_RETRY_AFTER) if exc.retry_after is not None else delay
            if attempt > retries or wait >= run.left():
                tries = f" (after {attempt} attempts)" if attempt > 1 else ""
                raise GeneratorError(source, f"{exc.diagnostic.message}{tries}") from None
            sleep(wait)
            attempt, delay = attempt + 1, delay * 2
