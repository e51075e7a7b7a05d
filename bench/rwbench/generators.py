"""The generators compared: how to run each, judge its exit, and count the operations it wrote.

Everything else (the stages, the report) is shared: a generator is only these few differences.
"""

from __future__ import annotations

import os
import subprocess
import sys
from abc import ABC, abstractmethod
from dataclasses import dataclass
from pathlib import Path

from . import operations, reasons
from .process import Completed

ROOT = Path(__file__).resolve().parents[2]

# statuses of the generation stage
OK = "ok"
ERROR = "error"  # the generator refused the spec with a message
INTERNAL = "internal"  # a traceback or an "internal error": a bug, whatever the spec
TIMEOUT = "timeout"
NO_PACKAGE = "no-package"  # it exited 0 but wrote no single package


@dataclass(frozen=True)
class Verdict:
    """How one generation went: status, the normalised reason (for grouping) and the raw line."""

    status: str
    reason: str = ""
    message: str = ""
    warnings: int = 0


class Generator(ABC):
    """One client generator as the benchmark drives it."""

    name: str
    label: str
    writes_contract_tests = False
    """The project it writes has tests that call every operation of a server it is given."""

    @abstractmethod
    def command(self, spec: Path, output: Path) -> list[str]:
        """The command that writes a client for `spec` into the (absent) folder `output`."""

    @abstractmethod
    def count_operations(self, package: Path) -> int:
        """How many operations the generated package offers."""

    @abstractmethod
    def judge(self, completed: Completed, spec: Path) -> Verdict:
        """Classify a finished (or timed-out) generation."""

    @abstractmethod
    def version(self) -> str:
        """The generator's version, for the report."""

    def environment(self) -> dict[str, str] | None:
        """The environment to run the command in (None: this process's)."""
        return None

    def working_directory(self) -> Path | None:
        return None


class Clientgen(Generator):
    """This repository's generator, run from its checkout with the benchmark's interpreter."""

    name = "clientgen"
    label = "clientgen"
    writes_contract_tests = True

    def command(self, spec: Path, output: Path) -> list[str]:
        return [sys.executable, "-m", "generator", "generate", str(spec), "--output", str(output)]

    def working_directory(self) -> Path:
        return ROOT

    def count_operations(self, package: Path) -> int:
        return operations.clientgen_operations(package)

    def judge(self, completed: Completed, spec: Path) -> Verdict:
        warnings = sum(1 for line in completed.stderr.splitlines() if line.startswith("warning: "))
        if completed.timed_out:
            return Verdict(TIMEOUT, "timeout", warnings=warnings)
        if reasons.has_traceback(completed.stderr):
            line = reasons.traceback_reason(completed.stderr)
            return Verdict(INTERNAL, reasons.normalise_reason(line, str(spec)), line, warnings)
        if completed.returncode == 0:
            return Verdict(OK, warnings=warnings)
        line = reasons.first_line(completed.stderr, ("error: ", "internal error: "))
        status = ERROR if completed.returncode == 2 and line.startswith("error: ") else INTERNAL
        reason = reasons.normalise_reason(line, str(spec))
        if status == INTERNAL and completed.returncode != 3:
            reason = f"exit {completed.returncode}: {reason}"
        return Verdict(status, reason, reasons.shorten(line, 400), warnings)

    def version(self) -> str:
        described = subprocess.run(
            ["git", "describe", "--always", "--dirty"], cwd=ROOT, capture_output=True, text=True, check=False
        )
        return f"clientgen {described.stdout.strip() or 'unknown'}"


class OpenapiPythonClient(Generator):
    """openapi-python-client from its own venv (its post-generation ruff hooks find ruff there)."""

    name = "opc"
    label = "openapi-python-client"

    def __init__(self, bin_dir: Path) -> None:
        self.bin_dir = bin_dir

    def command(self, spec: Path, output: Path) -> list[str]:
        return [
            str(self.bin_dir / "openapi-python-client"),
            "generate",
            "--path",
            str(spec),
            "--output-path",
            str(output),
            "--overwrite",
        ]

    def environment(self) -> dict[str, str]:
        return {**os.environ, "PATH": f"{self.bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"}

    def count_operations(self, package: Path) -> int:
        return operations.opc_operations(package)

    def judge(self, completed: Completed, spec: Path) -> Verdict:
        output = completed.stderr + "\n" + completed.stdout
        warnings = sum(1 for line in output.splitlines() if line.startswith(("WARNING", "Unable to")))
        if completed.timed_out:
            return Verdict(TIMEOUT, "timeout", warnings=warnings)
        if reasons.has_traceback(output):
            line = reasons.traceback_reason(output)
            return Verdict(INTERNAL, reasons.normalise_reason(line, str(spec)), line, warnings)
        if completed.returncode == 0:
            return Verdict(OK, warnings=warnings)
        message = reasons.opc_message(output)
        return Verdict(ERROR, reasons.normalise_reason(message, str(spec)), reasons.shorten(message, 400), warnings)

    def version(self) -> str:
        completed = subprocess.run(
            [str(self.bin_dir / "openapi-python-client"), "--version"],
            capture_output=True,
            text=True,
            check=False,
            env=self.environment(),
        )
        return completed.stdout.strip() or "openapi-python-client (version unknown)"
