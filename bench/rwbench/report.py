"""Summaries side by side, failure groups, and the JSON report."""

from __future__ import annotations

import json
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from .corpus import GITHUB_ID
from .generators import ERROR, INTERNAL, NO_PACKAGE, TIMEOUT
from .pipeline import CRASHED, FAILED, SKIPPED, TIMED_OUT, SpecResult

TARGETS = {"every operation": 99.0, "import all": 98.0, "mypy clean": 95.0}


@dataclass(frozen=True)
class Summary:
    """The figures of one generator on one group of specs."""

    specs: int
    generated: int  # exit 0 with a package
    all_operations: int  # ... and one method per operation of the spec
    dropped: int  # exit 0 but operations missing: dropped silently
    compiled: int
    imported: int
    mypy_sample: int
    mypy_clean: int
    tracebacks: int
    timeouts: int
    median_seconds: float
    total_seconds: float
    contract_specs: int = 0  # specs whose contract tests ran against Prism
    contract_clean: int = 0  # ... and all passed
    contract_tests: int = 0
    contract_passed: int = 0

    def percent(self, count: int, of: int | None = None) -> float:
        total = self.specs if of is None else of
        return 100.0 * count / total if total else 0.0

    def meets_targets(self) -> bool:
        return (
            self.percent(self.all_operations) >= TARGETS["every operation"]
            and self.percent(self.imported) >= TARGETS["import all"]
            and self.percent(self.mypy_clean, self.mypy_sample) >= TARGETS["mypy clean"]
            and self.tracebacks == 0
        )


def group_name(result: SpecResult) -> str:
    """The table row a result belongs to: "GitHub", or the spec's OpenAPI (or Swagger) version."""
    if result.spec.spec_id == GITHUB_ID:
        return "GitHub"
    return f"{'Swagger' if result.spec.version == '2.0' else 'OpenAPI'} {result.spec.version}"


def timed_out(result: SpecResult) -> bool:
    return result.generate_status == TIMEOUT or TIMED_OUT in (
        result.compile.status,
        result.imports.status,
        result.mypy.status,
        result.contract.status,
    )


def summarise(results: Sequence[SpecResult]) -> Summary:
    """Count what passed each stage. Every rate is over all the specs of the group: a spec that
    failed to generate did not import either; mypy-clean is over the specs drawn for mypy."""
    seconds = [result.generate_seconds for result in results]
    mypy_results = [result for result in results if result.in_mypy_sample]
    contract_results = [result.contract for result in results if result.contract.status != SKIPPED]
    return Summary(
        specs=len(results),
        generated=sum(result.generated for result in results),
        all_operations=sum(result.all_operations for result in results),
        dropped=sum(
            result.generated and (result.operations_generated or 0) < result.operations_expected for result in results
        ),
        compiled=sum(result.compile.passed for result in results),
        imported=sum(result.imports.passed for result in results),
        mypy_sample=len(mypy_results),
        mypy_clean=sum(result.mypy.passed for result in mypy_results),
        tracebacks=sum(result.internal_error for result in results),
        timeouts=sum(timed_out(result) for result in results),
        median_seconds=statistics.median(seconds) if seconds else 0.0,
        total_seconds=sum(seconds),
        contract_specs=len(contract_results),
        contract_clean=sum(stage.passed for stage in contract_results),
        contract_tests=sum(stage.detail.get("tests", 0) for stage in contract_results),
        contract_passed=sum(stage.detail.get("passed", 0) for stage in contract_results),
    )


def summaries(results: Iterable[SpecResult]) -> dict[tuple[str, str], Summary]:
    """One Summary per (group, generator), groups in order: OpenAPI 3.0, 3.1, others, GitHub."""
    buckets: dict[tuple[str, str], list[SpecResult]] = {}
    for result in results:
        buckets.setdefault((group_name(result), result.generator), []).append(result)
    order = sorted(buckets, key=lambda key: (key[0] == "GitHub", key[0], key[1] != "clientgen", key[1]))
    return {key: summarise(buckets[key]) for key in order}


def _cell(count: int, total: int) -> str:
    if total == 0:
        return "-"
    if total == 1:
        return "yes" if count else "no"
    return f"{100.0 * count / total:.1f}% ({count})"


def format_table(table: dict[tuple[str, str], Summary]) -> str:
    """A Markdown table: one row per group and generator; with the contract stage, its tests
    passed (of all the tests of the clients it ran) and the specs whose tests all passed."""
    header = [
        "specs",
        "generator",
        "n",
        "exit 0",
        "every operation",
        "dropped ops",
        "compile",
        "import all",
        "mypy clean",
        "tracebacks",
        "timeouts",
        "median s",
        "total s",
    ]
    with_contract = any(summary.contract_specs for summary in table.values())
    if with_contract:
        header += ["contract tests passed", "contract clean"]
    rows = [header, ["---"] * len(header)]
    for (group, generator), summary in table.items():
        rows.append(
            [
                group,
                generator,
                str(summary.specs),
                _cell(summary.generated, summary.specs),
                _cell(summary.all_operations, summary.specs),
                str(summary.dropped),
                _cell(summary.compiled, summary.specs),
                _cell(summary.imported, summary.specs),
                f"{_cell(summary.mypy_clean, summary.mypy_sample)} of {summary.mypy_sample}",
                str(summary.tracebacks),
                str(summary.timeouts),
                f"{summary.median_seconds:.2f}",
                f"{summary.total_seconds:.0f}",
            ]
        )
        if with_contract:
            rows[-1] += [
                f"{_cell(summary.contract_passed, summary.contract_tests)} of {summary.contract_tests}",
                f"{_cell(summary.contract_clean, summary.contract_specs)} of {summary.contract_specs}",
            ]
    widths = [max(len(row[column]) for row in rows) for column in range(len(header))]
    return "\n".join("| " + " | ".join(cell.ljust(width) for cell, width in zip(row, widths)) + " |" for row in rows)


def failure_keys(result: SpecResult) -> dict[str, str]:
    """Each reason this result failed, as a group key, with an example message.

    The generation reason is the normalised first line of the generator's error; internal errors and
    tracebacks form their own groups; imports group by exception type and message, mypy by error code.
    """
    keys: dict[str, str] = {}
    if result.generate_status == INTERNAL:
        keys[f"internal error: {result.generate_reason}"] = result.generate_message
    elif result.generate_status in (ERROR, TIMEOUT, NO_PACKAGE):
        keys[f"generate: {result.generate_reason}"] = result.generate_message
    if result.generated and not result.all_operations:
        got, expected = result.operations_generated, result.operations_expected
        if got is None:
            keys["operations: resource modules unreadable"] = ""
        elif got < expected:
            keys["operations: dropped silently (exit 0)"] = f"{got} of {expected} operations"
        else:
            keys["operations: more methods than operations"] = f"{got} methods for {expected} operations"
    for stage_name, stage in (
        ("compile", result.compile),
        ("import", result.imports),
        ("mypy", result.mypy),
        ("contract", result.contract),
    ):
        if stage.status in (FAILED, CRASHED, TIMED_OUT):
            label = stage_name if stage.status == FAILED else f"{stage_name} {stage.status}"
            for reason, example in stage.reasons.items():
                key = f"mypy [{reason}]" if stage_name == "mypy" and stage.status == FAILED else f"{label}: {reason}"
                keys[key] = example
    return keys


@dataclass
class FailureGroup:
    """Specs that failed for the same reason, with the first one as the example."""

    key: str
    specs: list[str] = field(default_factory=list)
    example_path: str = ""
    example_message: str = ""


def failure_groups(results: Iterable[SpecResult], generator: str) -> list[FailureGroup]:
    """The failure groups of one generator, largest first."""
    groups: dict[str, FailureGroup] = {}
    for result in results:
        if result.generator != generator:
            continue
        for key, example in failure_keys(result).items():
            group = groups.setdefault(key, FailureGroup(key, [], str(result.spec.path), example))
            group.specs.append(result.spec.spec_id)
    return sorted(groups.values(), key=lambda group: (-len(group.specs), group.key))


def format_groups(groups: Sequence[FailureGroup], top: int) -> str:
    lines = []
    for rank, group in enumerate(groups[:top], 1):
        lines.append(f"{rank:2}. [{len(group.specs)} specs] {group.key}")
        lines.append(f"      e.g. {group.example_path}")
        if group.example_message:
            lines.append(f"           {group.example_message}")
    if len(groups) > top:
        lines.append(f"    ... and {len(groups) - top} smaller groups (all in the JSON report)")
    return "\n".join(lines) if lines else "    (no failures)"


def targets_verdict(table: dict[tuple[str, str], Summary], generator: str) -> list[str]:
    """One line per group saying whether `generator` meets the issue's targets there."""
    lines = []
    for (group, name), summary in table.items():
        if name != generator or group not in ("OpenAPI 3.0", "OpenAPI 3.1", "GitHub"):
            continue
        met = "met" if summary.meets_targets() else "NOT met"
        lines.append(
            f"{group}: every operation {summary.percent(summary.all_operations):.1f}% (>= "
            f"{TARGETS['every operation']}), "
            f"import all {summary.percent(summary.imported):.1f}% (>= {TARGETS['import all']}), "
            f"mypy clean {summary.percent(summary.mypy_clean, summary.mypy_sample):.1f}% (>= {TARGETS['mypy clean']}), "
            f"tracebacks {summary.tracebacks} (0): {met}"
        )
    return lines


def write_json(
    path: Path,
    metadata: dict[str, Any],
    results: Sequence[SpecResult],
    table: dict[tuple[str, str], Summary],
    groups: dict[str, list[FailureGroup]],
) -> None:
    """The machine-readable report: metadata, the summaries, the failure groups and every result."""
    report = {
        **metadata,
        "summary": [
            {"group": group, "generator": generator, **asdict(summary)} for (group, generator), summary in table.items()
        ],
        "failure_groups": {name: [asdict(group) for group in found] for name, found in groups.items()},
        "results": [result.to_json() for result in results],
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report, indent=1, default=str))
