"""`update`: the spec-update loop. For each target of the configuration, take the newest spec from
its `source`; when it differs from the committed spec, regenerate the client through the
target's overlays and names, bump its version by the diff, put the diff at the top of its
CHANGELOG.md, and describe the change for a pull request.

Every target's new client is built in memory before anything is written, so a spec that cannot
be fetched or generated leaves every file as it was. Run again with the same spec, it changes
nothing: the fetched spec equals the committed one.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .config import Target
from .diff import NewClient, Release, SpecVersion, pull_request_body, pull_request_title
from .errors import STALE, Diagnostic, GeneratorError, Location
from .fetch import fetch_spec
from .ir.build import default_package_name
from .pipeline import Generated, generate_files
from .sources import is_url
from .spec import load_document
from .transaction import Transaction
from .write import WriteResult, stage_project


@dataclass
class TargetUpdate:
    """What `update` found and did for one target."""

    target: Target
    source: str
    old_spec: bytes | None
    """The committed spec (None: there was none)."""
    new_spec: bytes
    generated: Generated | None = None
    """The regenerated client (None: the spec did not change)."""
    written: WriteResult | None = None

    @property
    def changed(self) -> bool:
        return self.generated is not None

    @property
    def release(self) -> Release | None:
        """The client's new version and the diff it was bumped for."""
        return self.generated.release if self.generated is not None else None

    @property
    def new_client(self) -> NewClient | None:
        """A target's first client, from a spec that was not committed before."""
        if self.generated is None or self.old_spec is not None:
            return None
        api = self.generated.api
        spec = SpecVersion(shown(self.source), api.title, api.version, _sha256(self.new_spec) or "", "")
        return NewClient(api.package_name, self.generated.version, spec, len(api.operations))

    @property
    def stale(self) -> list[tuple[str, str]]:
        """(place, message) of each of the target's overlay actions and names that no longer apply."""
        warnings = self.generated.warnings if self.generated is not None else []
        return [(_shown_location(w.location), w.message.removeprefix(STALE)) for w in warnings if w.stale]

    def line(self) -> str:
        """What happened, in one line: unchanged, or what changed and where it went."""
        name, digest = self.target.name, hashlib.sha256(self.new_spec).hexdigest()[:8]
        if self.generated is None or self.written is None:
            return f"{name}: the spec at {shown(self.source)} is unchanged ({digest}); nothing to do"
        api, release, written = self.generated.api, self.release, self.written
        version = (
            f"{api.package_name} {release.previous_version} -> {release.version} ({release.report.semver})"
            if release is not None
            else f"{api.package_name} {self.generated.version}"
        )
        return (
            f"{name}: new spec from {shown(self.source)} ({digest}) -> {shown(self.target.spec)}; {version}; "
            f"{len(written.written)} files written, {len(written.removed)} removed -> {shown(self.target.output)}"
        )

    def summary(self) -> dict[str, Any]:
        """This target in the machine-readable summary."""
        release = self.release
        old_version = release.previous_version if release else self.generated.version if self.generated else None
        record: dict[str, Any] = {
            "name": self.target.name,
            "changed": self.changed,
            "source": shown(self.source),
            "spec": shown(self.target.spec),
            "output": shown(self.target.output),
            "old": {"sha256": _sha256(self.old_spec), "version": old_version},
            "new": {"sha256": _sha256(self.new_spec), "version": self.generated.version if self.generated else None},
            "semver": release.report.semver if release else "none",
            "versioning": self.target.versioning,
        }
        if self.generated is not None:
            api = self.generated.api
            record["package"] = api.package_name
            record["test_base_url_variable"] = api.environment.test_base_url
        if release is not None:
            report = release.report
            record["counts"] = {
                "operations_added": len(report.added_operations),
                "operations_removed": len(report.removed_operations),
                "operations_changed": len(report.changed_operations),
                **{
                    f"changes_{section}": len(report.section(section))
                    for section in ("breaking", "wire", "added", "changed")
                },
            }
        record["stale_overrides"] = [{"where": where, "message": message} for where, message in self.stale]
        if self.written is not None:
            record["files"] = {
                "written": len(self.written.written),
                "removed": len(self.written.removed),
                "kept": len(self.written.kept),
            }
        return record


def describe_target(target: Target) -> dict[str, str | None]:
    """A target as `targets --json` lists it. The package is the configured one, else the one
    the spec's title gives (through the overlays); None while the spec is not there yet."""
    package = target.package_name
    if package is None and target.spec.is_file():
        document = load_document(target.spec, target.load_options, target.overlays)
        info = document.data.get("info")
        package = default_package_name(str(info.get("title", "")) if isinstance(info, dict) else "")
    return {
        "name": target.name,
        "spec": shown(target.spec),
        "source": shown(target.source) if target.source is not None else None,
        "output": shown(target.output),
        "package": package,
    }


def plan_update(
    transaction: Transaction, target: Target, source: str | None, warnings: list[Diagnostic], **fetching: Any
) -> TargetUpdate:
    """Fetch the target's newest spec and, when it changed, stage it and the new client built
    from it in `transaction`."""
    source = source or target.source
    if source is None:
        raise GeneratorError(
            target.spec,
            f"target {target.name!r} has no `source` to update from: set one in the configuration, or pass --from",
        )
    new_spec = fetch_spec(source, **fetching)
    old_spec = target.spec.read_bytes() if target.spec.is_file() else None
    update = TargetUpdate(target, source, old_spec, new_spec)
    if new_spec == old_spec:
        return update
    # The new spec is staged beside the committed one, and read from there so that its relative
    # $refs resolve alike; its place in messages is the source's. It is read by what it holds
    # (YAML may come for a .json spec), whatever its name.
    target.spec.parent.mkdir(parents=True, exist_ok=True)
    candidate = transaction.stage_file(target.spec, new_spec, with_folder=target.output)
    try:
        update.generated = generate_files(
            candidate,
            target.inputs,
            previous=target.output,
            changelog_from=target.spec if old_spec is not None else None,
        )
    except GeneratorError as exc:
        raise GeneratorError(_placed(exc.diagnostic.location, candidate, source), exc.diagnostic.message) from None
    target.refuse_stale(update.generated.warnings)
    warnings += [Diagnostic(_placed(w.location, candidate, source), w.message) for w in update.generated.warnings]
    update.written = stage_project(transaction, update.generated.files, target.output)
    return update


def pull_request(updates: list[TargetUpdate]) -> tuple[str, str] | None:
    """The title and description of a pull request for the targets that changed (None: none did)."""
    releases = [update.release for update in updates if update.release is not None]
    new_clients = [client for client in (update.new_client for update in updates) if client is not None]
    if not releases and not new_clients:
        return None
    stale = {update.target.name: update.stale for update in updates if update.stale}
    return pull_request_title(releases, new_clients), pull_request_body(releases, new_clients, stale)


def summary(updates: list[TargetUpdate], title: str | None) -> str:
    """The JSON summary of an `update` run: per target, the specs' digests, the versions, the
    semver of the change and its counts."""
    record = {
        "changed": any(update.changed for update in updates),
        "title": title,
        "targets": [update.summary() for update in updates],
    }
    return json.dumps(record, indent=2, ensure_ascii=False) + "\n"


def shown(path: Path | str) -> str:
    """A path as a user in this folder names it: relative when it is inside (the summary is read
    by a workflow in the repository's folder); a URL as it is."""
    if isinstance(path, str) and is_url(path):
        return path
    absolute = Path(os.path.abspath(path))
    return str(absolute.relative_to(Path.cwd())) if absolute.is_relative_to(Path.cwd()) else str(path)


def _shown_location(location: Location) -> str:
    return str(Location(shown(location.file), location.pointer, location.line))


def _placed(location: Location, candidate: Path, source: str) -> Location:
    """A place in the fetched spec, named by its source rather than by the file it was read from."""
    if Path(location.file) != candidate:
        return location
    return Location(source, location.pointer, location.line, location.column)


def _sha256(data: bytes | None) -> str | None:
    return hashlib.sha256(data).hexdigest() if data is not None else None
