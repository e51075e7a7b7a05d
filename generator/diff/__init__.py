"""`diff OLD NEW`: what changed between two versions of a spec, on the wire and in the generated
package, whether it breaks, and the version bump it calls for. Both versions go through the same
loader, overlays and IR as `generate`, with the same names, so the Python names are the ones the
generator emits for the user's configuration."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ..errors import Warnings
from ..ir import build_api
from ..ir.model import Api
from ..options import ClientOptions
from ..overlay import overlaid_sha256
from ..spec import load_document
from ..validate import validate
from .changes import Change, Report, SpecVersion
from .http import HttpDiff, http_name, match_operations, operation_key
from .python import PythonDiff
from .report import NewClient, Release, changelog_section, markdown, pull_request_body, pull_request_title, to_json

__all__ = [
    "Change",
    "ClientOptions",
    "NewClient",
    "Release",
    "Report",
    "SpecVersion",
    "changelog_section",
    "diff_apis",
    "diff_specs",
    "markdown",
    "pull_request_body",
    "pull_request_title",
    "read_api",
    "to_json",
]


def read_api(spec: Path, options: ClientOptions, label: str | None = None) -> tuple[Api, SpecVersion]:
    """The IR of a spec as `generate` builds it with these options, and the version it is."""
    document = load_document(spec, options.load, options.overlays)
    warnings = Warnings()
    validate(document, warnings)
    api = build_api(document, warnings, options)
    version = SpecVersion(
        label or str(spec), api.title, api.version, document.sha256, overlaid_sha256(document, options.overlays)
    )
    return api, version


def diff_specs(
    old: Path, new: Path, options: ClientOptions = ClientOptions(), *, labels: tuple[str, str] | None = None
) -> Report:
    """Compare two spec files. The package name, unless given, is the old version's, so that a
    new title does not rename everything; the options' names keep Python names when the spec
    renames things. `labels` name the two versions in the report (default: the paths)."""
    old_api, old_version = read_api(old, options, labels and labels[0])
    if options.package_name is None:
        options = replace(options, package_name=old_api.package_name)
    new_api, new_version = read_api(new, options, labels and labels[1])
    return diff_apis(old_api, new_api, old_version, new_version)


def diff_apis(old: Api, new: Api, old_version: SpecVersion, new_version: SpecVersion) -> Report:
    http = HttpDiff()
    http.api(old, new)
    python = PythonDiff(old, new).run()
    matching = match_operations(old, new)
    changed_places = {change.where for change in http.changes}
    changed = sorted(operation_key(new_op) for _, new_op in matching.pairs if http_name(new_op) in changed_places)
    return Report(
        old=old_version,
        new=new_version,
        added_operations=sorted(operation_key(op) for op in matching.added),
        removed_operations=sorted(operation_key(op) for op in matching.removed),
        changed_operations=changed,
        changes=sorted(http.changes) + sorted(python),
    )
