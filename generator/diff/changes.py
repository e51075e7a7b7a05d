"""What a spec change is, and what it calls for."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from ..options import Policy

Surface = Literal["http", "python"]
Section = Literal["breaking", "typing", "wire", "added", "changed"]


@dataclass(frozen=True, order=True)
class Change:
    """One difference between two versions of an API, on the wire or in the generated package."""

    surface: Surface
    where: str
    """`POST /scrape` (with the place in the request or response), or a dotted Python name."""
    kind: str
    message: str
    breaking: bool
    absorbed: bool = False
    """Breaking on the wire, but not for users of a regenerated client (it follows the change)."""
    typing: bool = False
    """Breaking for a type checker only: a response type that is wider (may now be None, one
    more variant) or another class of the same fields; the code runs as before."""

    @property
    def section(self) -> Section:
        """Where a reviewer looks for it: what breaks Python users, what breaks only clients
        built from the old spec, what was added, what else changed."""
        if self.breaking:
            return "wire" if self.absorbed else "breaking"
        return "added" if self.kind.endswith("-added") else "changed"


@dataclass(frozen=True)
class SpecVersion:
    """One version of a spec, as a report names it."""

    label: str
    """What the user gave (a path), or what stands for it (`Firecrawl API 2.0.0`)."""
    title: str
    version: str
    """The spec's own `info.version`."""
    sha256: str
    """Of the spec's own files: what a reviewer can check against the published spec."""
    built_from_sha256: str
    """Of the spec's files and the overlays applied to them: the manifest's `spec_sha256`."""

    @property
    def short_digest(self) -> str:
        return self.sha256[:8]


@dataclass
class Report:
    old: SpecVersion
    new: SpecVersion
    added_operations: list[str] = field(default_factory=list)
    removed_operations: list[str] = field(default_factory=list)
    changed_operations: list[str] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    policy: Policy = "semver"
    """The version policy the changes are weighed by."""

    @property
    def docs_only(self) -> bool:
        """The specs differ only in what the client does not depend on (descriptions, examples)."""
        return not self.changes and self.old.sha256 != self.new.sha256

    @property
    def breaking(self) -> list[Change]:
        """What breaks for a user of the generated client, as the policy weighs it."""
        return [change for change in self.changes if self.section_of(change) == "breaking"]

    def section_of(self, change: Change) -> Section:
        """Where the policy puts a change: under `python`, what breaks on the wire only, or for
        a type checker only, has a section of its own."""
        if self.policy != "python" or not change.breaking or change.absorbed:
            return change.section
        return "wire" if change.surface == "http" else "typing" if change.typing else "breaking"

    def section(self, section: Section) -> list[Change]:
        """The changes of one section, Python's first: a reviewer of a client reads those first."""
        chosen = [change for change in self.changes if self.section_of(change) == section]
        return [c for c in chosen if c.surface == "python"] + [c for c in chosen if c.surface == "http"]

    @property
    def semver(self) -> Literal["major", "minor", "patch", "none"]:
        """The weight of the change under the policy (the bump itself: `release.bumped`)."""
        if self.breaking:
            return "major"
        if self.changes:
            return "minor"
        return "patch" if self.docs_only else "none"
