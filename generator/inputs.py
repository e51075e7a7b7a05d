"""What decides the bytes of a generated client, as one digest the manifest records: the spec's
files, the overlays, the options and names, the templates (the user's overrides included), the
generator's own code and the formatter's output-deciding version.

`check --trust-manifest` recomputes it from the files on disk; when it matches the manifest and
every file the manifest lists still hashes as recorded, it takes the manifest's word that the
folder is what `generate` would write, and generates nothing (plain `check` always generates:
the manifest is in the folder, and can be edited with it). Anything else falls back to
generating and comparing. This module is light to import on purpose: that answer for an
unchanged client should cost a few hashes.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .format import formatter_version
from .options import ClientOptions
from .release import Versioning

PACKAGE = Path(__file__).resolve().parent


def templates_dir() -> Path:
    """The templates: inside the installed package, or beside it in a source checkout."""
    installed = PACKAGE / "templates"
    return installed if installed.is_dir() else PACKAGE.parent / "templates"


def templates_sha256(overrides: Path | None = None) -> str:
    """A digest of every template (the user's overrides included): with the generator's version,
    what the output depends on besides the spec."""
    digest = hashlib.sha256()
    for root in (templates_dir(), overrides):
        if root is None:
            continue
        for path in sorted(root.rglob("*.jinja")):
            digest.update(f"{path.relative_to(root).as_posix()}\0".encode() + path.read_bytes() + b"\0")
    return digest.hexdigest()


@dataclass(frozen=True)
class Inputs(ClientOptions):
    """Everything a generation reads besides the spec's files: what shapes the client (the
    `ClientOptions` a diff reads a spec with too), and what shapes only its files."""

    templates: Path | None = None
    strict: bool = False
    with_tests: bool = True
    versioning: Versioning = Versioning()
    """How the version moves when a spec change is named; a new client's version."""

    def sha256(self, spec_files: Mapping[str, str]) -> str:
        """The digest of these inputs and of the spec's files ({path from the spec's folder:
        SHA-256}, "" for the spec's own file)."""
        record = {
            "spec": sorted(spec_files.items()),
            "overlays": [_file_sha256(overlay) for overlay in self.overlays],
            "templates": templates_sha256(self.templates),
            "options": [self.package_name, self.client_class, self.env_prefix, sorted(self.names.items()),
                        self.strict, self.with_tests, self.load.allow_remote_refs, self.load.allow_external_files,
                        self.versioning.initial, self.arguments.idempotency_header,
                        sorted(self.arguments.body_defaults.items()), sorted(self.errors.items()), repr(self.retry),
                        dataclasses.asdict(self.construction), self.stream_methods, list(self.exports)],
            "generator": generator_sha256(),
            "formatter": formatter_version(),
        }  # fmt: skip
        return hashlib.sha256(json.dumps(record, sort_keys=True).encode()).hexdigest()

    def record(self, spec_files: Mapping[str, str]) -> dict[str, object]:
        """What the manifest keeps: the digest, and the spec's other files, to hash them again."""
        return {"sha256": self.sha256(spec_files), "spec_files": sorted(path for path in spec_files if path)}

    def match(self, recorded: object, spec: Path) -> bool:
        """Whether a manifest's record is of these inputs and of the spec's files as they are now."""
        if not isinstance(recorded, dict) or not isinstance(recorded.get("spec_files"), list):
            return False
        spec_files = spec_files_on_disk(spec, [str(path) for path in recorded["spec_files"]])
        return spec_files is not None and recorded.get("sha256") == self.sha256(spec_files)


def spec_files_on_disk(spec: Path, paths: list[str]) -> dict[str, str] | None:
    """The SHA-256 of the spec's own file and of the files at `paths` beside it (None when one
    cannot be read)."""
    try:
        found = {"": _file_sha256(spec)}
        for path in paths:
            found[path] = _file_sha256(spec.parent / path)
    except OSError:
        return None
    return found


@lru_cache(maxsize=1)
def generator_sha256() -> str:
    """The generator's own code: a change to it can change the bytes it writes, whatever its
    version number says."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*.py")):
        digest.update(f"{path.relative_to(PACKAGE).as_posix()}\0".encode() + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
