"""Stoplight Prism, the mock server that judges our clients: it validates every request against
the spec and answers with the spec's examples (static mode) or with bodies generated from the
schemas (dynamic mode). Installed by `make test` from package-lock.json into node_modules/."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bench.rwbench import fragments

ROOT = Path(__file__).resolve().parent.parent
PRISM = ROOT / "node_modules" / ".bin" / "prism"
READY_SECONDS = 90  # a loaded 2-core machine can take a while to start node
PORT_ATTEMPTS = 3  # the free port may be taken by another process before Prism binds it


class _PortTaken(RuntimeError):
    pass


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def prism(spec: Path, *, seed: int | None = None) -> Iterator[str]:
    """A Prism mock of `spec` on 127.0.0.1, behind a proxy that routes by URL fragment when the
    spec's paths have them (bench/rwbench/fragments.py); yields its base URL (Prism ignores the
    servers' base paths). With `seed`, dynamic mode with that seed."""
    with tempfile.TemporaryDirectory() as workdir:
        served, routes = fragments.prism_spec(spec, Path(workdir))
        with _prism(served, seed) as url, fragments.proxy(url, routes) as front:
            yield front


@contextmanager
def _prism(spec: Path, seed: int | None) -> Iterator[str]:
    if not PRISM.is_file():
        raise RuntimeError(f"{PRISM} is missing: run `make test` (it runs `npm ci`)")
    for attempt in range(PORT_ATTEMPTS):
        port = free_port()
        command = [str(PRISM), "mock", "-h", "127.0.0.1", "-p", str(port), str(spec)]
        if seed is not None:
            command += ["-d", "--seed", str(seed)]
        log = open(ROOT / "node_modules" / f"prism-{port}.log", "wb")  # noqa: SIM115 - closed below
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        url = f"http://127.0.0.1:{port}"
        try:
            try:
                _wait_until_listening(process, url, log.name)
            except _PortTaken:
                if attempt + 1 == PORT_ATTEMPTS:
                    raise
                continue
            yield url
            return
        finally:
            try:
                os.killpg(process.pid, signal.SIGTERM)
            except ProcessLookupError:  # it ended on its own (its port was taken)
                pass
            process.wait(timeout=30)
            log.close()


def _wait_until_listening(process: subprocess.Popen[bytes], url: str, log: str) -> None:
    deadline = time.monotonic() + READY_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            output = Path(log).read_text(errors="replace")[-2000:]
            if "EADDRINUSE" in output:
                raise _PortTaken(f"{url} was taken before prism could listen on it: {output}")
            raise RuntimeError(f"prism exited with {process.returncode}: {output}")
        try:
            urllib.request.urlopen(url, timeout=2)
        except urllib.error.HTTPError:  # any HTTP answer means something is listening
            pass
        except OSError:
            time.sleep(0.3)
            continue
        if process.poll() is None:  # and Prism is still there, not gone for a taken port
            return
    raise RuntimeError(f"prism did not listen on {url} within {READY_SECONDS} s: {Path(log).read_text()[-2000:]}")
