"""A diff report as Markdown (a pull request's description) or JSON (for tools)."""

from __future__ import annotations

import json
from typing import Any

from .changes import Change, Report

def to_json(report: Report) -> str:
    data: dict[str, Any] = {
        "old": report.old,
        "new": report.new,
        "semver": report.semver,
        "operations": {
            "added": report.added_operations,
            "removed": report.removed_operations,
            "changed": report.changed_operations,
        },
        "changes": [
            {
                "kind": change.kind,
                "where": change.where,
                "surface": change.surface,
                "breaking": change.breaking,
                "breaks_generated_client": change.breaking and not change.absorbed,
                "message": change.message,
            }
            for change in report.changes
        ],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def markdown(report: Report) -> str:
    lines = [f"## API changes: `{report.old}` → `{report.new}`", "", _summary(report), ""]
    breaking = report.breaking
    absorbed = [c for c in report.changes if c.breaking and c.absorbed]
    other = [c for c in report.changes if not c.breaking and c.surface == "http"]
    python = [c for c in report.changes if c.surface == "python" and not c.breaking]
    if breaking:
        lines += ["### Breaking changes", "", *_items(breaking), ""]
    if absorbed:
        lines += [
            "### Breaking on the wire only",
            "",
            "Clients built from the old spec break; the regenerated client follows the change.",
            "",
            *_items(absorbed),
            "",
        ]
    if other:
        lines += ["### Other changes to the HTTP API", "", *_items(other), ""]
    if python:
        lines += ["### Python surface", "", *_items(python), ""]
    if not report.changes:
        lines += ["No change to the HTTP API or to the generated package." if not report.docs_only
                  else "Only documentation changed (descriptions, examples): the package's docstrings follow.", ""]
    return "\n".join(lines)


def _summary(report: Report) -> str:
    counts = [
        f"{len(report.added_operations)} added",
        f"{len(report.removed_operations)} removed",
        f"{len(report.changed_operations)} changed",
    ]
    breaking = len(report.breaking)
    verdict = f"{breaking} breaking change{'' if breaking == 1 else 's'}" if breaking else "nothing breaks"
    return f"**Suggested version bump: {report.semver}** ({verdict}). Operations: {', '.join(counts)}."


def _items(changes: list[Change]) -> list[str]:
    """HTTP changes under their operation; Python changes name their own place."""
    return [
        f"- HTTP `{change.where}`: {change.message}" if change.surface == "http" else f"- Python: {change.message}"
        for change in changes
    ]
