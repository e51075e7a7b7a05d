"""examples/firecrawl/differences.toml, every difference the differential run finds, each with its
reason; and the side-by-side table and migration section of the preset's README drawn from it.

    make differences    (or: .venv/bin/python -m tests.differential.refresh)

reruns the scenario and rewrites both (reasons kept for the differences that stay; a new one gets
its detail as a reason to be written)."""

from __future__ import annotations

import ast
import json
import re
import tomllib
from dataclasses import dataclass
from typing import Any

from .compare import KINDS, PRESET, SCENARIO, Observed

DIFFERENCES = PRESET / "differences.toml"
README = PRESET / "README.md"
UNEXPLAINED = "unexplained: "
TABLE_BEGIN = "<!-- differential table: written by `make differences` -->"
TABLE_END = "<!-- end of the differential table -->"


@dataclass
class Listing:
    ignored_fields: dict[str, str]
    """Body fields left out of the comparison of requests, with why."""
    reasons: dict[tuple[str, str], str]
    """(call site, kind) -> why it differs."""


def load() -> Listing:
    data = tomllib.loads(DIFFERENCES.read_text()) if DIFFERENCES.is_file() else {}
    return Listing(
        ignored_fields=dict(data.get("ignored-body-fields", {})),
        reasons={(entry["site"], entry["kind"]): entry["reason"] for entry in data.get("difference", [])},
    )


def toml_string(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def write(listing: Listing, found: dict[tuple[str, str], str], order: list[str]) -> None:
    """The listing rewritten to hold exactly what was found, reasons kept where they apply."""
    lines = [
        "# Every difference between firecrawl-py 4.54.0 and the client this preset generates that",
        "# tests/test_firecrawl_differential.py finds in tests/differential/scenario.py's call sites.",
        "# The test fails when one appears or disappears; after a change, rerun the scenario and",
        "# rewrite this file and README.md's table with `make differences`,",
        f"# then replace each reason that starts with {UNEXPLAINED!r}.",
        "# kind: types (mypy --strict rejects the call site), outcome (raises where the other returns, or",
        "# another exception), result (returns something else), requests (sends something else).",
        "# Requests are compared less the body fields below and less any field that holds the default",
        "# the spec documents for it (it asks the API for what leaving it out asks).",
        "",
        "[ignored-body-fields]",
        *(f"{name} = {toml_string(reason)}" for name, reason in listing.ignored_fields.items()),
    ]
    for site, kind in sorted(found, key=lambda key: (order.index(key[0]), KINDS.index(key[1]))):
        reason = listing.reasons.get((site, kind)) or f"{UNEXPLAINED}{found[site, kind]}"
        lines += ["", "[[difference]]", f"site = {toml_string(site)}", f"kind = {toml_string(kind)}"]
        lines.append(f"reason = {toml_string(reason)}")
    DIFFERENCES.write_text("\n".join(lines) + "\n")


def call_site_source() -> dict[str, str]:
    """Each call site's body, the lines a user writes (its comments left out)."""
    text = SCENARIO.read_text()
    tree = ast.parse(text)
    sources = {}
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and not node.name.startswith("_"):
            body = [ast.get_source_segment(text, statement) or "" for statement in node.body]
            sources[node.name] = "; ".join(" ".join(part.split()) for part in body)
    return sources


def cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def outcome_cell(outcome: dict[str, Any]) -> str:
    if "raises" in outcome:
        return f"raises `{outcome['raises']}`"
    text = json.dumps(outcome["result"])
    return f"`{text[:50]}…`" if len(text) > 50 else f"`{text}`"


def table(observed: dict[str, Observed], listing: Listing) -> str:
    """The side-by-side table: each call site, what each client did, what differs and why."""
    sources = call_site_source()
    rows = [
        "| call site (firecrawl-py source) | firecrawl-py | generated client | differs | why |",
        "| --- | --- | --- | --- | --- |",
    ]
    for site, seen in observed.items():
        kinds = [kind for kind in KINDS if (site, kind) in listing.reasons]
        kinds_by_reason: dict[str, list[str]] = {}
        for kind in kinds:
            kinds_by_reason.setdefault(listing.reasons[site, kind], []).append(kind)
        why = "<br>".join(f"{', '.join(named)}: {cell(reason)}" for reason, named in kinds_by_reason.items())
        rows.append(
            f"| `{site}`: `{cell(sources[site])[:160]}` | {cell(outcome_cell(seen.outcomes['firecrawl-py']))} | "
            f"{cell(outcome_cell(seen.outcomes['generated']))} | {', '.join(kinds) or 'same'} | {why} |"
        )
    return "\n".join(rows)


def migration(observed: dict[str, Observed], listing: Listing) -> str:
    """What a firecrawl-py user changes: each reason once, with the call sites it concerns."""
    by_reason: dict[str, list[str]] = {}
    for (site, _kind), reason in listing.reasons.items():
        by_reason.setdefault(reason, []).append(f"`{site}`")
    same = [site for site in observed if not any((site, kind) in listing.reasons for kind in KINDS)]
    lines = [
        "### Migrating a firecrawl-py program",
        "",
        f"{len(same)} of {len(observed)} call sites run unchanged (same requests, same result). For the others:",
        "",
    ]
    lines += [f"- {reason} ({', '.join(sorted(set(sites)))})" for reason, sites in sorted(by_reason.items())]
    silent = [
        f"`{site}`"
        for site in observed
        if (site, "types") not in listing.reasons and any((site, kind) in listing.reasons for kind in KINDS)
    ]
    lines += ["", "Accepted by mypy --strict, yet returning, raising or sending something else:", ""]
    lines.append(", ".join(silent) or "none.")
    lines += ["", "Requests differ in body fields by design:", ""]
    lines += [f"- `{name}`: {reason}" for name, reason in listing.ignored_fields.items()]
    return "\n".join(lines)


def readme_section(observed: dict[str, Observed], listing: Listing) -> str:
    return "\n\n".join([TABLE_BEGIN, table(observed, listing), migration(observed, listing), TABLE_END])


def with_section(readme: str, section: str) -> str:
    pattern = re.compile(re.escape(TABLE_BEGIN) + ".*?" + re.escape(TABLE_END), re.DOTALL)
    if pattern.search(readme) is None:
        return readme.rstrip("\n") + "\n\n" + section + "\n"
    return pattern.sub(lambda _: section, readme)


def readme_is_current(observed: dict[str, Observed], listing: Listing) -> bool:
    return with_section(README.read_text(), readme_section(observed, listing)) == README.read_text()


def rewrite_readme(observed: dict[str, Observed], listing: Listing) -> None:
    README.write_text(with_section(README.read_text(), readme_section(observed, listing)))
