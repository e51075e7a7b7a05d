"""The contract stage: a generated client's own tests (its `tests/`) run against Prism, a mock
server of the spec that refuses any request the spec does not allow and answers with the spec's
examples (static mode)."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from . import fragments, reasons
from .process import run

ROOT = Path(__file__).resolve().parents[2]
PRISM = ROOT / "node_modules" / ".bin" / "prism"
"""Prism 5.14.2, pinned in package-lock.json (`npm ci`, which `make test` runs, installs it)."""
READY_SECONDS = 120.0
"""How long Prism may take to read a spec and listen (a large spec on a busy 2-core machine)."""

_TEST_VARIABLE = re.compile(r"os\.environ\.get\(\s*\"([A-Z0-9_]+_TEST_BASE_URL)\"\s*\)")


class PrismFailed(Exception):
    """Prism exited, or did not listen in time: it could not serve the spec."""


@dataclass
class ContractOutcome:
    """The generated tests of one client: each test that ran, and the message of each failure."""

    passed: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return len(self.passed) + len(self.failed)


def server_variable(project: Path) -> str | None:
    """The environment variable the generated tests take the server's URL from (see conftest.py)."""
    conftest = project / "tests" / "conftest.py"
    found = _TEST_VARIABLE.search(conftest.read_text()) if conftest.is_file() else None
    return found.group(1) if found else None


def has_tests(project: Path) -> bool:
    """Whether the generated project has test modules (a client without operations has none)."""
    return any((project / "tests").glob("test_*.py"))


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def prism(spec: Path, log: Path, prism_bin: Path = PRISM) -> Iterator[str]:
    """A Prism mock of `spec` on 127.0.0.1 (its output in `log`); yields its base URL."""
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    with open(log, "wb") as output:
        process = subprocess.Popen(
            [str(prism_bin), "mock", "-h", "127.0.0.1", "-p", str(port), str(spec)],
            stdout=output,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
        try:
            _wait_until_listening(process, url, log)
            yield url
        finally:
            try:
                os.killpg(process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            process.wait()


def _wait_until_listening(process: subprocess.Popen[bytes], url: str, log: Path) -> None:
    deadline = time.monotonic() + READY_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise PrismFailed(f"prism exited with {process.returncode}: {_prism_error(log)}")
        try:
            urllib.request.urlopen(url, timeout=2)
        except urllib.error.HTTPError:  # any HTTP answer means it listens
            return
        except OSError:
            time.sleep(0.3)
            continue
        return
    raise PrismFailed(f"prism did not listen within {READY_SECONDS:.0f} s: {_prism_error(log)}")


def _prism_error(log: Path) -> str:
    """The line of Prism's output that says what went wrong."""
    lines = [line.strip() for line in log.read_text(errors="replace").splitlines() if line.strip()]
    return next((line for line in lines if "error" in line.lower()), lines[-1] if lines else "no output")


def read_junit(report: Path) -> ContractOutcome:
    """Passed and failed tests of a pytest JUnit report (`test_module.py::test_name[param]`)."""
    outcome = ContractOutcome()
    for case in ElementTree.parse(report).iter("testcase"):
        if case.find("skipped") is not None:
            continue
        name = f"{case.get('classname', '').split('.')[-1]}.py::{case.get('name')}"
        problem = case.find("failure")
        problem = problem if problem is not None else case.find("error")
        if problem is None:
            outcome.passed.append(name)
        else:
            outcome.failed[name] = reasons.shorten(problem.get("message") or problem.text or "", 600)
    return outcome


def failure_reason(message: str) -> str:
    """A test's failure message made comparable across specs: the exception, then its message
    without quoted values, numbers, paths and bodies."""
    return reasons.normalise_reason(message.split(" body starts ")[0].split("; body starts")[0])


def run_tests(project: Path, python: Path, spec: Path, timeout: float, prism_bin: Path = PRISM) -> ContractOutcome:
    """Run the project's tests against a Prism mock of `spec` (behind a proxy that routes by URL
    fragment when the spec has them: see fragments.py). Raises PrismFailed when Prism
    cannot serve the spec and TimeoutError when the tests take longer than `timeout`."""
    variable = server_variable(project)
    if variable is None:
        raise ValueError(f"{project}/tests/conftest.py names no *_TEST_BASE_URL variable")
    report = project / "contract-report.xml"
    served, routes = fragments.prism_spec(spec, project)
    with prism(served, project / "prism.log", prism_bin) as prism_url, fragments.proxy(prism_url, routes) as url:
        environment = {**os.environ, variable: url, "PYTHONPATH": str(project), "PYTHONDONTWRITEBYTECODE": "1"}
        completed = run(
            [
                python,
                "-m",
                "pytest",
                "-q",
                "-p",
                "no:cacheprovider",
                "--rootdir",
                project,
                f"--junitxml={report}",
                "tests",
            ],
            timeout=timeout,
            cwd=project,
            env=environment,
        )
    if completed.timed_out:
        raise TimeoutError(f"the tests took more than {timeout:.0f} s")
    if not report.is_file():
        raise RuntimeError(reasons.first_line(completed.stdout + "\n" + completed.stderr) or "pytest wrote no report")
    return read_junit(report)
