"""The generated package's version and CHANGELOG.md across spec updates.

The version is kept from one generation to the next (the manifest records it) and bumped only
when a spec change is named (`generate --changelog-from OLD`, or `update`): by what the diff
of OLD and the new spec calls for, counted from the version of the client built from OLD. The
manifest records that starting point (`bumped_from`), so doing it again with the same specs
gives the same version and the same CHANGELOG.md, byte for byte, instead of bumping twice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from .options import Policy

if TYPE_CHECKING:
    from .diff import Release, Report

FIRST_VERSION = "0.1.0"
VERSION = re.compile(r"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$")
"""What `initial-version` takes: MAJOR.MINOR.PATCH."""
CHANGELOG = "CHANGELOG.md"
_TITLE = "# Changelog\n\n"


@dataclass(frozen=True)
class Bump:
    """The spec a version was bumped from, and that spec's client's version."""

    spec_sha256: str
    version: str

    def record(self) -> dict[str, str]:
        return {"spec_sha256": self.spec_sha256, "version": self.version}


@dataclass(frozen=True)
class Versioning:
    """How a client's version moves (`versioning` and `initial-version` in the configuration)."""

    policy: Policy = "zero"
    """Today's clients start at 0.x: under `zero` a breaking change bumps the minor until a
    maintainer makes it 1.0.0; from then on `zero` is `semver`."""
    initial: str = FIRST_VERSION
    """A new client's version."""


@dataclass(frozen=True)
class History:
    """What a client folder says of its versions: its manifest's record and its CHANGELOG.md."""

    version: str = FIRST_VERSION
    spec_sha256: str | None = None
    bumped_from: Bump | None = None
    changelog: str = ""
    versioning: Versioning = field(default_factory=Versioning)

    @classmethod
    def of(cls, manifest: dict[str, Any], changelog: str, versioning: Versioning = Versioning()) -> History:
        version = manifest.get("version")
        spec = manifest.get("spec_sha256")
        bump = manifest.get("bumped_from")
        bumped_from = None
        if isinstance(bump, dict) and isinstance(bump.get("spec_sha256"), str) and isinstance(bump.get("version"), str):
            bumped_from = Bump(bump["spec_sha256"], bump["version"])
        return cls(
            version=version if isinstance(version, str) else versioning.initial,
            spec_sha256=spec if isinstance(spec, str) else None,
            bumped_from=bumped_from,
            changelog=changelog,
            versioning=versioning,
        )

    def release(self, package: str, report: Report) -> tuple[History, Release | None]:
        """The history after the spec change of `report`, and the release it makes (None when
        nothing changed). A folder already bumped from the same old spec is bumped again from
        where it started, and its CHANGELOG section replaced: a second run changes nothing."""
        from .diff import Release, changelog_section  # only when a spec change is named

        start, changelog = self.version, self.changelog
        old, new = report.old.built_from_sha256, report.new.built_from_sha256
        if self.spec_sha256 != old and self.bumped_from and self.bumped_from.spec_sha256 == old:
            start, changelog = self.bumped_from.version, _without_section(changelog, self.version)
        report = replace(report, policy=self.versioning.policy)
        version = bumped(start, report.semver, report.policy)
        if version == start:
            return self, None
        release = Release(package, start, version, report)
        changelog = _with_section(changelog, changelog_section(release))
        return History(version, new, Bump(old, start), changelog, self.versioning), release


def bumped(version: str, semver: str, policy: Policy = "semver") -> str:
    """`version` raised as a change of the given weight calls for (1.4.2 + minor = 1.5.0);
    under `zero`, a major change of a 0.x version is a minor one (0.3.1 + major = 0.4.0)."""
    parts = [int(part) if part.isdigit() else 0 for part in (version.split(".") + ["0", "0"])[:3]]
    if semver == "major" and policy == "zero" and parts[0] == 0:
        semver = "minor"
    if semver == "major":
        return f"{parts[0] + 1}.0.0"
    if semver == "minor":
        return f"{parts[0]}.{parts[1] + 1}.0"
    if semver == "patch":
        return f"{parts[0]}.{parts[1]}.{parts[2] + 1}"
    return version


def _sections_start(changelog: str) -> int:
    """Where the first version's section begins (the end, when there is none)."""
    if changelog.startswith("## "):
        return 0
    found = changelog.find("\n## ")
    return len(changelog) if found < 0 else found + 1


def _with_section(changelog: str, section: str) -> str:
    """`changelog` with `section` as its newest version."""
    if not changelog.strip():
        return _TITLE + section
    start = _sections_start(changelog)
    head = changelog[:start]
    if head and not head.endswith("\n\n"):
        head = head.rstrip("\n") + "\n\n"
    return head + section + ("\n" + changelog[start:] if start < len(changelog) else "")


def _without_section(changelog: str, version: str) -> str:
    """`changelog` without its newest section, when that section is `version`'s."""
    start = _sections_start(changelog)
    if not changelog.startswith(f"## {version}\n", start):
        return changelog
    following = changelog.find("\n## ", start)
    return changelog[:start] + (changelog[following + 1 :] if following >= 0 else "")
