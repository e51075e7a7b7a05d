"""`diff OLD NEW`: what changed between two versions of a spec, on the wire and in the generated
package, whether it breaks, and the version bump it calls for. Both versions go through the same
loader and IR as `generate`, so the Python names are the ones the generator emits."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from ..errors import Warnings
from ..ir import build_api
from ..ir.model import Api
from ..ir.overrides import NameOverrides
from ..load import LoadOptions, load_document
from ..validate import validate
from .changes import Change, Report
from .http import HttpDiff, http_name, match_operations, operation_key
from .python import PythonDiff
from .report import markdown, to_json

__all__ = ["Change", "Report", "diff_apis", "diff_specs", "markdown", "to_json"]


def read_api(
    spec: Path, package_name: str | None, options: LoadOptions, names: Mapping[str, str] | None = None
) -> tuple[Api, str]:
    """The IR of a spec (with the user's chosen names), and the spec's digest."""
    document = load_document(spec, options)
    warnings = Warnings()
    validate(document, warnings)
    return build_api(document, warnings, package_name, overrides=NameOverrides(names or {})), document.sha256


def diff_specs(
    old: Path,
    new: Path,
    *,
    package_name: str | None = None,
    options: LoadOptions = LoadOptions(),
    names: Mapping[str, str] | None = None,
) -> Report:
    """Compare two spec files. The package name, unless given, is the old version's, so that a
    new title does not rename everything; `names` are the user's name overrides, which keep
    Python names when the spec renames things."""
    old_api, old_digest = read_api(old, package_name, options, names)
    new_api, new_digest = read_api(new, package_name or old_api.package_name, options, names)
    report = diff_apis(old_api, new_api, str(old), str(new))
    report.docs_only = not report.changes and old_digest != new_digest
    return report


def diff_apis(old: Api, new: Api, old_label: str, new_label: str) -> Report:
    http = HttpDiff()
    http.api(old, new)
    python = PythonDiff(old, new).run()
    matching = match_operations(old, new)
    changed_places = {change.where for change in http.changes}
    changed = sorted(operation_key(new_op) for _, new_op in matching.pairs if http_name(new_op) in changed_places)
    return Report(
        old=old_label,
        new=new_label,
        added_operations=sorted(operation_key(op) for op in matching.added),
        removed_operations=sorted(operation_key(op) for op in matching.removed),
        changed_operations=changed,
        changes=sorted(http.changes) + sorted(python),
    )
