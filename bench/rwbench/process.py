"""Running a command with a time limit: a command that hangs is killed with its children."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Completed:
    """What a command did: exit code (None when it was killed at its time limit), output, wall time."""

    returncode: int | None
    stdout: str
    stderr: str
    seconds: float

    @property
    def timed_out(self) -> bool:
        return self.returncode is None


def run(
    command: Sequence[str | Path], *, timeout: float, cwd: Path | None = None, env: Mapping[str, str] | None = None
) -> Completed:
    """Run `command` in its own process group; past `timeout` seconds kill the whole group."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [str(part) for part in command],
        cwd=cwd,
        env=dict(env) if env is not None else None,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        errors="replace",
        start_new_session=True,
    )
    try:
        stdout, stderr = process.communicate(timeout=timeout)
        returncode: int | None = process.returncode
    except subprocess.TimeoutExpired:
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:  # it ended in the meantime
            pass
        stdout, stderr = process.communicate()
        returncode = None
    return Completed(returncode, stdout, stderr, time.perf_counter() - started)
