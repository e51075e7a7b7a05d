"""A diff report as Markdown (for `diff`, a CHANGELOG section, a pull request's description) or
JSON (for tools). Every Markdown form has the same sections, in the order a reviewer of a client
needs them: what breaks Python users, what breaks only clients built from the old spec, what
was added, what else changed; Python's changes before the wire's in each."""

from __future__ import annotations

import json
import re
import textwrap
from dataclasses import dataclass
from typing import Any

from .changes import Change, Report, Section, SpecVersion

FOLD_AFTER = 10
"""Items of a long Added or Changed list shown before the rest is folded in `<details>`;
breaking changes are never folded."""
PULL_REQUEST_LIMIT = 65_536
"""The most characters GitHub takes for a pull request's description."""
ITEM_WIDTH = 200
"""The longest line of a report's list: a longer item shows its long types summed up (`a union
of 54 types`), the whole text folded beneath it in lines of this width."""
_LONG_CODE = 60
"""A code span longer than this is summed up in an item that is too long."""

_SECTIONS: list[tuple[Section, str, str]] = [
    ("breaking", "Breaking for Python users", ""),
    (
        "typing",
        "Typing",
        "A type checker may ask for a change; the code runs as before"
        " (a wider response type, a class of the same fields).",
    ),
    (
        "wire",
        "Breaking on the wire",
        "Clients built from the old spec break; the regenerated client follows the change.",
    ),
    ("added", "Added", ""),
    ("changed", "Changed", ""),
]

STALE_HEADING = "Overrides that no longer apply"
STALE_EXPLANATION = "These overlay actions select nothing, or these `names` entries name nothing, in the new spec."


@dataclass(frozen=True)
class Release:
    """A client's new version and the spec change it was bumped for."""

    package: str
    previous_version: str
    version: str
    report: Report

    @property
    def heading(self) -> str:
        """`firecrawl 1.0.0 → 2.0.0 · Firecrawl API v2, spec 3a044e57 → 6fc66878`."""
        old, new = self.report.old, self.report.new
        spec = (
            f"{new.title} {new.version}" if old.version == new.version else f"{new.title} {old.version} → {new.version}"
        )
        return (
            f"{self.package} {self.previous_version} → {self.version} · "
            f"{spec}, spec `{old.short_digest}` → `{new.short_digest}`"
        )


@dataclass(frozen=True)
class NewClient:
    """A client generated for the first time: there is no earlier spec to compare with."""

    package: str
    version: str
    spec: SpecVersion
    operations: int

    @property
    def heading(self) -> str:
        """`pets 0.1.0 · Petstore API 1.0.0, spec 3a044e57: a new client`."""
        spec = f"{self.spec.title} {self.spec.version}, spec `{self.spec.short_digest}`"
        return f"{self.package} {self.version} · {spec}: a new client"


def to_json(report: Report) -> str:
    data: dict[str, Any] = {
        "old": _spec_json(report.old),
        "new": _spec_json(report.new),
        "semver": report.semver,
        "policy": report.policy,
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
                "section": report.section_of(change),
                "breaking": change.breaking,
                "breaks_generated_client": report.section_of(change) == "breaking",
                "message": change.message,
            }
            for change in report.changes
        ],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _spec_json(spec: SpecVersion) -> dict[str, str]:
    return {
        "file": spec.label,
        "title": spec.title,
        "version": spec.version,
        "sha256": spec.sha256,
        "built_from_sha256": spec.built_from_sha256,
    }


def markdown(report: Report) -> str:
    """The report of `diff`: ready to paste as a pull request's description."""
    heading = f"## API changes: `{report.old.label}` → `{report.new.label}`"
    return "\n".join([heading, "", _summary(report), "", *_body(report)])


def changelog_section(release: Release) -> str:
    """The CHANGELOG.md section of a new version of the client."""
    old, new = release.report.old, release.report.new
    source = (
        f"Built from {new.title} {new.version} (spec `{new.short_digest}`); "
        f"{release.previous_version} was built from spec `{old.short_digest}`."
    )
    return "\n".join(
        [
            f"## {release.version}",
            "",
            source,
            "",
            _summary(release.report),
            "",
            _why(release),
            "",
            *_body(release.report),
        ]
    )


def pull_request_body(
    releases: list[Release],
    new_clients: list[NewClient] | None = None,
    stale: dict[str, list[tuple[str, str]]] | None = None,
) -> str:
    """A pull request's description for new versions of one or more clients: a title line per
    client (package, versions, spec), a summary with counts, and the sections; then, by target,
    the user's overrides that no longer apply (`stale`); cut to what GitHub takes, the whole
    report staying in each client's CHANGELOG.md."""
    new_clients = new_clients or []
    parts = []
    if len(releases) + len(new_clients) > 1:
        clients = [f"{r.package} {r.previous_version} → {r.version}" for r in releases]
        clients += [f"{client.package} {client.version} (new)" for client in new_clients]
        parts += [f"Updates {len(clients)} clients: {', '.join(clients)}.", ""]
    for release in releases:
        parts += [f"## {release.heading}", "", _summary(release.report), "", _why(release), "", *_body(release.report)]
    for client in new_clients:
        parts += [f"## {client.heading}", "", f"{_count(client.operations, 'operation')}; see its README.md.", ""]
    if stale:
        parts += [f"## {STALE_HEADING}", "", STALE_EXPLANATION, ""]
        parts += [f"- {target}: `{where}`: {message}" for target, items in stale.items() for where, message in items]
        parts.append("")
    return _cut("\n".join(parts), PULL_REQUEST_LIMIT)


def pull_request_title(releases: list[Release], new_clients: list[NewClient] | None = None) -> str:
    """`Update firecrawl to 2.0.0 (Firecrawl API v2)`, or the versions of every client."""
    new_clients = new_clients or []
    if len(releases) == 1 and not new_clients:
        (release,) = releases
        return (
            f"Update {release.package} to {release.version} ({release.report.new.title} {release.report.new.version})"
        )
    if len(new_clients) == 1 and not releases:
        (client,) = new_clients
        return f"Add {client.package} {client.version} ({client.spec.title} {client.spec.version})"
    return "Update " + ", ".join(
        [f"{release.package} to {release.version}" for release in releases]
        + [f"{client.package} {client.version} (new)" for client in new_clients]
    )


def _summary(report: Report) -> str:
    breaking, wire = len(report.section("breaking")), len(report.section("wire"))
    verdict = (
        f"{_count(breaking, 'change')} {'breaks' if breaking == 1 else 'break'} users of the generated client"
        if breaking
        else "nothing breaks for users of the generated client"
    )
    if wire:
        verdict += f"; {wire} break{'s' if wire == 1 else ''} only clients built from the old spec"
    operations = (
        f"{len(report.added_operations)} added, {len(report.removed_operations)} removed, "
        f"{len(report.changed_operations)} changed"
    )
    others = [_count(len(report.section("added")), "addition"), _count(len(report.section("changed")), "other change")]
    others = [count for count in others if not count.startswith("0 ")]
    rest = f"; {' and '.join(others)} to the API and the package" if others else ""
    return f"**Suggested version bump: {report.semver}** ({verdict}). Operations: {operations}{rest}."


_POLICY_RULES = {
    "semver": "what breaks users of the generated client is major, an addition minor, documentation a patch",
    "zero": "as semver, but while the major version is 0 what breaks users of the generated client bumps the minor",
    "python": "only what breaks a program that uses the generated package is major; a change on the wire that the "
    "regenerated client follows, or one only a type checker sees, is minor",
}


def _why(release: Release) -> str:
    """The version policy, and why the bump is what it is."""
    report = release.report
    weight = {"major": "a major change", "minor": "a minor change", "patch": "a patch", "none": "no change"}
    zero_rule = report.policy == "zero" and report.semver == "major" and release.version.startswith("0.")
    reason = "; the major version is 0, so the minor is bumped" if zero_rule else ""
    return (
        f"Versioning `{report.policy}` ({_POLICY_RULES[report.policy]}): {weight[report.semver]}{reason}, "
        f"so {release.previous_version} → {release.version}."
    )


def _body(report: Report) -> list[str]:
    lines: list[str] = []
    for section, title, explanation in _SECTIONS:
        changes = report.section(section)
        if not changes:
            continue
        lines += [f"### {title}", ""]
        if explanation:
            lines += [explanation, ""]
        folded = section in ("added", "changed") and len(changes) > FOLD_AFTER + 1
        shown = changes[:FOLD_AFTER] if folded else changes
        lines += [*_items(shown), ""]
        if folded:
            rest = changes[FOLD_AFTER:]
            lines += [f"<details><summary>{len(rest)} more</summary>", "", *_items(rest), "", "</details>", ""]
    if not report.changes:
        lines += [
            "Only documentation changed (descriptions, examples): the package's docstrings follow."
            if report.docs_only
            else "No change to the HTTP API or to the generated package.",
            "",
        ]
    return lines


def _items(changes: list[Change]) -> list[str]:
    """HTTP changes under their operation; Python changes name their own place."""
    return [line for change in changes for line in _item(change)]


def _item(change: Change) -> list[str]:
    prefix = f"- HTTP `{change.where}`: " if change.surface == "http" else "- Python: "
    if len(prefix) + len(change.message) <= ITEM_WIDTH:
        return [prefix + change.message]
    summed_up = _CODE_SPAN.sub(
        lambda span: _summed_up(span[1]) if len(span[1]) > _LONG_CODE else span[0], change.message
    )
    whole = textwrap.wrap(change.message, ITEM_WIDTH - 2, break_long_words=False, break_on_hyphens=False)
    folded = ["  <details><summary>in full</summary>", "", *(f"  {line}" for line in whole), "", "  </details>"]
    return [prefix + summed_up, *folded]


_CODE_SPAN = re.compile(r"`([^`]+)`")


def _summed_up(code: str) -> str:
    """A long type in a few words: `a union of 54 types`, or its start."""
    members = _top_level_members(code)
    if len(members) > 1:
        return f"a union of {len(members)} types"
    return f"`{code[: _LONG_CODE - 1]}…`"


def _top_level_members(code: str) -> list[str]:
    """The members of a union written `A | B[C | D] | E`, its brackets' insides kept whole."""
    members, depth, start = [], 0, 0
    for position, character in enumerate(code):
        if character in "[(":
            depth += 1
        elif character in "])":
            depth -= 1
        elif character == "|" and depth == 0:
            members.append(code[start:position].strip())
            start = position + 1
    return [*members, code[start:].strip()]


def _cut(text: str, limit: int) -> str:
    """`text`, or as many of its lines as fit in `limit` characters with a note that says so."""
    if len(text) <= limit:
        return text
    note = "\n\n…the rest is cut (GitHub takes 65,536 characters); each client's CHANGELOG.md has the whole report.\n"
    kept = text[: text.rfind("\n", 0, limit - len(note) - len("\n</details>"))]
    if kept.count("<details>") > kept.count("</details>"):
        kept += "\n</details>"
    return kept + note


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"
