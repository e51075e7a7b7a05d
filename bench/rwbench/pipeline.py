"""The stages one spec goes through with one generator: generate, count operations, compile, import, mypy.

Each stage runs in a subprocess with a time limit; a stage runs only when the one before it
produced something to check.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import contract, reasons
from .corpus import CorpusSpec
from .generators import INTERNAL, NO_PACKAGE, OK, Generator
from .process import Completed, run

PROBES = Path(__file__).resolve().parent / "probes"

# statuses of the checking stages
PASSED = "ok"
FAILED = "fail"
CRASHED = "crash"  # the checker itself died (no report): a segfault, a recursion overflow
TIMED_OUT = "timeout"
SKIPPED = "skipped"
STAGES = ("compile", "imports", "mypy", "contract")


@dataclass(frozen=True)
class Settings:
    """Where outputs go, which interpreter checks them, and the time limits (seconds)."""

    work: Path
    check_bin: Path
    timeout: float
    mypy_timeout: float
    prism: Path | None = None
    """Prism, to run each client's contract tests against a mock of its spec; None: no contract stage."""

    @property
    def python(self) -> Path:
        return self.check_bin / "python"

    @property
    def mypy_config(self) -> Path:
        """An empty configuration: mypy reads no pyproject.toml or setup.cfg of the generated project."""
        return self.work / "mypy-no-config.ini"

    def prepare(self) -> None:
        """Create the work folder and the empty mypy configuration, once before the workers start."""
        self.work.mkdir(parents=True, exist_ok=True)
        self.mypy_config.write_text("[mypy]\n")

    def scaled(self, factor: float) -> Settings:
        return Settings(self.work, self.check_bin, self.timeout * factor, self.mypy_timeout * factor, self.prism)


@dataclass
class Stage:
    """The outcome of one checking stage: status, and each normalised reason (for grouping) with an example."""

    status: str = SKIPPED
    seconds: float = 0.0
    reasons: dict[str, str] = field(default_factory=dict)  # normalised reason -> one raw message
    detail: dict[str, Any] = field(default_factory=dict)

    @property
    def passed(self) -> bool:
        return self.status == PASSED


@dataclass
class SpecResult:
    """Everything measured for one spec and one generator."""

    spec: CorpusSpec
    generator: str
    operations_expected: int
    in_mypy_sample: bool
    generate_status: str = ""
    generate_seconds: float = 0.0
    generate_reason: str = ""
    generate_message: str = ""
    warnings: int = 0
    package: str | None = None
    files: int = 0
    operations_generated: int | None = None
    compile: Stage = field(default_factory=Stage)
    imports: Stage = field(default_factory=Stage)
    mypy: Stage = field(default_factory=Stage)
    contract: Stage = field(default_factory=Stage)
    """The generated contract tests against Prism (detail: tests, passed, failed test -> message)."""

    @property
    def generated(self) -> bool:
        return self.generate_status == OK

    @property
    def internal_error(self) -> bool:
        return self.generate_status == INTERNAL

    @property
    def all_operations(self) -> bool:
        """Generated, and with exactly one method per operation of the spec."""
        return self.generated and self.operations_generated == self.operations_expected

    def to_json(self) -> dict[str, Any]:
        data = {key: value for key, value in self.__dict__.items() if key not in ("spec", *STAGES)}
        data["spec"] = self.spec.to_json()
        for name in STAGES:
            data[name] = getattr(self, name).__dict__
        return data


def output_folder(settings: Settings, generator: Generator, spec: CorpusSpec) -> Path:
    """work/<generator>/<spec id with / as __>: replaced at each run."""
    slug = spec.spec_id.strip("/").replace("/", "__").replace(" ", "_")
    return settings.work / generator.name / slug


def find_package(output: Path) -> Path | None:
    """The one top-level package (folder with __init__.py) in a generated project."""
    packages = sorted(path.parent for path in output.glob("*/__init__.py"))
    return packages[0] if len(packages) == 1 else None


def probe_report(completed: Completed) -> dict[str, Any] | None:
    """The JSON a probe printed as its last line, or None when it died before printing it."""
    lines = completed.stdout.strip().splitlines()
    if completed.timed_out or not lines:
        return None
    try:
        report = json.loads(lines[-1])
    except ValueError:
        return None
    return report if isinstance(report, dict) else None


def unreported(completed: Completed) -> Stage:
    """The stage for a checker that timed out or died without a report."""
    if completed.timed_out:
        return Stage(TIMED_OUT, completed.seconds, {"timeout": f"no answer in {completed.seconds:.0f} s"})
    line = (
        reasons.traceback_reason(completed.stderr)
        if reasons.has_traceback(completed.stderr)
        else (reasons.first_line(completed.stderr) or f"exit {completed.returncode}")
    )
    return Stage(
        CRASHED, completed.seconds, {reasons.normalise_reason(line, keep_quotes=True): reasons.shorten(line, 400)}
    )


def compile_stage(package: Path, settings: Settings) -> Stage:
    """Every .py file of the package compiles."""
    completed = run([settings.python, PROBES / "compile_all.py", package], timeout=settings.timeout)
    report = probe_report(completed)
    if report is None:
        return unreported(completed)
    failures = report["failures"]
    stage_reasons = {
        reasons.shorten(f"{entry['type']}: {reasons.normalise_reason(entry['message'])}"): reasons.shorten(
            f"{entry['file']}: {entry['message']}", 400
        )
        for entry in reversed(failures)
    }
    return Stage(
        FAILED if failures else PASSED,
        completed.seconds,
        stage_reasons,
        {"files": report["files"], "failures": len(failures)},
    )


def import_stage(package: Path, settings: Settings) -> Stage:
    """The package and every module in it import."""
    environment = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    completed = run(
        [settings.python, PROBES / "import_all.py", package.parent, package.name],
        timeout=settings.timeout,
        cwd=package.parent,
        env=environment,
    )
    report = probe_report(completed)
    if report is None:
        return unreported(completed)
    failures = report["failures"]
    stage_reasons = {
        reasons.import_failure_reason(entry["type"], entry["message"], package.name): reasons.shorten(
            f"{entry['module']}: {entry['type']}: {entry['message']}", 400
        )
        for entry in reversed(failures)
    }
    return Stage(
        FAILED if failures else PASSED,
        completed.seconds,
        stage_reasons,
        {"modules": report["modules"], "failed_modules": [entry["module"] for entry in failures]},
    )


def mypy_stage(package: Path, settings: Settings) -> Stage:
    """`mypy --strict` on the package, with no configuration file and no cache, reports no error."""
    completed = run(
        [
            settings.python,
            "-m",
            "mypy",
            "--strict",
            "--config-file",
            settings.mypy_config,
            "--cache-dir",
            os.devnull,
            "--no-color-output",
            "--no-error-summary",
            "--show-error-codes",
            package,
        ],
        timeout=settings.mypy_timeout,
        cwd=package.parent,
    )
    if completed.timed_out:
        return unreported(completed)
    codes = reasons.mypy_error_codes(completed.stdout)
    if completed.returncode == 0 and not codes:
        return Stage(PASSED, completed.seconds)
    if not codes:  # exit 2: mypy could not check at all (a crash, duplicate modules, a syntax error)
        line = reasons.first_line(completed.stdout + "\n" + completed.stderr) or f"exit {completed.returncode}"
        return Stage(CRASHED, completed.seconds, {reasons.normalise_reason(line): reasons.shorten(line, 400)})
    return Stage(
        FAILED,
        completed.seconds,
        reasons.mypy_examples(completed.stdout, codes),
        {"errors": sum(codes.values()), "codes": dict(codes.most_common())},
    )


def contract_stage(project: Path, spec: CorpusSpec, settings: Settings) -> Stage:
    """The project's own tests against a Prism mock of the spec; each failure's reason is its
    normalised message, with the test and the whole message as the example."""
    assert settings.prism is not None
    started = time.perf_counter()
    try:
        outcome = contract.run_tests(project, settings.python, spec.path, settings.mypy_timeout, settings.prism)
    except TimeoutError as exc:
        return Stage(TIMED_OUT, time.perf_counter() - started, {"timeout": str(exc)})
    except (contract.PrismFailed, RuntimeError, ValueError) as exc:
        reason = f"{type(exc).__name__}: {reasons.normalise_reason(str(exc))}"
        return Stage(CRASHED, time.perf_counter() - started, {reason: reasons.shorten(str(exc), 400)})
    stage_reasons = {
        contract.failure_reason(message): f"{test}: {message}" for test, message in reversed(outcome.failed.items())
    }
    return Stage(
        FAILED if outcome.failed else PASSED,
        time.perf_counter() - started,
        stage_reasons,
        {"tests": outcome.total, "passed": len(outcome.passed), "failed": outcome.failed},
    )


def run_spec(
    generator: Generator, spec: CorpusSpec, operations_expected: int, in_mypy_sample: bool, settings: Settings
) -> SpecResult:
    """Generate a client for `spec` and put it through every stage."""
    result = SpecResult(spec, generator.name, operations_expected, in_mypy_sample)
    output = output_folder(settings, generator, spec)
    shutil.rmtree(output, ignore_errors=True)
    output.parent.mkdir(parents=True, exist_ok=True)
    completed = run(
        generator.command(spec.path, output),
        timeout=settings.timeout,
        cwd=generator.working_directory(),
        env=generator.environment(),
    )
    verdict = generator.judge(completed, spec.path)
    result.generate_status, result.generate_reason = verdict.status, verdict.reason
    result.generate_message, result.warnings = verdict.message, verdict.warnings
    result.generate_seconds = completed.seconds
    if not result.generated:
        return result
    package = find_package(output)
    if package is None:
        result.generate_status, result.generate_reason = NO_PACKAGE, "no single Python package in the output folder"
        return result
    result.package = str(package)
    result.files = sum(1 for _ in package.rglob("*.py"))
    result.compile = compile_stage(package, settings)
    try:
        result.operations_generated = generator.count_operations(package)
    except (SyntaxError, ValueError, OSError):
        result.operations_generated = None
    result.imports = import_stage(package, settings)
    if in_mypy_sample:
        result.mypy = mypy_stage(package, settings)
    if settings.prism is not None and generator.writes_contract_tests and result.imports.passed:
        # a spec without operations (webhooks only) has no contract tests, and Prism refuses it
        if contract.has_tests(output):
            result.contract = contract_stage(output, spec, settings)
    return result
