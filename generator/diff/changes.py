"""What a spec change is, and what it calls for."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Surface = Literal["http", "python"]


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


@dataclass
class Report:
    old: str
    new: str
    added_operations: list[str] = field(default_factory=list)
    removed_operations: list[str] = field(default_factory=list)
    changed_operations: list[str] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    docs_only: bool = False
    """The specs differ only in what the client does not depend on (descriptions, examples)."""

    @property
    def breaking(self) -> list[Change]:
        """What breaks for a user of the generated client."""
        return [change for change in self.changes if change.breaking and not change.absorbed]

    @property
    def semver(self) -> Literal["major", "minor", "patch", "none"]:
        if self.breaking:
            return "major"
        if self.changes:
            return "minor"
        return "patch" if self.docs_only else "none"
