"""Stage 6: put a generated project into its folder (through transaction.py), or compare it
with the folder for `check`.

Only the files that changed are written; unchanged ones keep their inode and modification
time. Only files the previous generation wrote (its manifest lists them) are ever removed or
replaced: a file of the user's (a NOTES.md, a `.github/` folder) stays, and one where the new
client has a file is an error that names it.
"""

from __future__ import annotations

import fnmatch
import hashlib
import json
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from .errors import GeneratorError
from .inputs import Inputs
from .transaction import INTERNAL, Transaction, locked, output_folder

MANIFEST = ".clientgen.json"
# Left alone in the output folder: never touched by regeneration, never reported by check.
IGNORED = (
    "__pycache__",
    "*.pyc",
    ".mypy_cache",
    ".pytest_cache",
    ".ruff_cache",
    ".git",
    ".venv",
    "*.egg-info",
    "build",
    "dist",
    *INTERNAL,
)


@dataclass
class WriteResult:
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    """Files the generator did not write, carried over as they were."""


@dataclass
class Comparison:
    stale: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    """Files of an earlier generation that `generate` would remove now."""
    kept: list[str] = field(default_factory=list)
    """Files the generator did not write, which `generate` keeps: not a reason to regenerate."""

    @property
    def up_to_date(self) -> bool:
        return not (self.stale or self.missing or self.extra)


@dataclass(frozen=True)
class BuiltFrom:
    """What a generated project was built from, as its manifest records it."""

    spec_sha256: str
    generator: str
    templates_sha256: str
    formatter: str
    version: str
    """The generated package's version: kept from one generation to the next, bumped on request."""
    bumped_from: dict[str, str] | None = None
    """The spec and version the version was bumped from (release.py), so a rerun bumps no further."""
    inputs: dict[str, object] | None = None
    """Everything that decided the bytes (inputs.py), so that `check` can tell without generating."""


def manifest(files: dict[str, bytes], built_from: BuiltFrom) -> bytes:
    """What the project was built from and the hash of each file, for reviewers and for
    `check --trust-manifest`."""
    record = {
        "generator": built_from.generator,
        "spec_sha256": built_from.spec_sha256,
        "templates_sha256": built_from.templates_sha256,
        "formatter": built_from.formatter,
        "version": built_from.version,
        **({"bumped_from": built_from.bumped_from} if built_from.bumped_from else {}),
        **({"inputs": built_from.inputs} if built_from.inputs else {}),
        "files": {path: hashlib.sha256(data).hexdigest() for path, data in sorted(files.items())},
    }
    return (json.dumps(record, indent=2, sort_keys=True) + "\n").encode()


def read_manifest(folder: Path) -> dict[str, Any]:
    """The manifest in `folder`, or an empty record when there is none (or it is unreadable)."""
    try:
        record = json.loads((folder / MANIFEST).read_bytes())
    except (OSError, ValueError):
        return {}
    return record if isinstance(record, dict) else {}


def _written_before(folder: Path) -> set[str]:
    """The files the manifest in `folder` says the generator wrote there."""
    files = read_manifest(folder).get("files")
    return set(files) if isinstance(files, dict) else set()


_IGNORED_NAME = re.compile("|".join(fnmatch.translate(pattern) for pattern in IGNORED))


def _is_ignored(name: str) -> bool:
    """Whether a file or folder of this name is left alone (checked once per name, as a walk meets it)."""
    return _IGNORED_NAME.match(name) is not None


def _checked_path(relative: str) -> PurePosixPath:
    path = PurePosixPath(relative)
    if path.is_absolute() or ".." in path.parts or not path.parts:
        raise ValueError(f"generated file path {relative!r} leaves the output folder")
    return path


def existing_files(folder: Path) -> dict[str, Path]:
    """Relative path -> path of every regular file under `folder` that is not ignored."""
    found = {}
    for root, directories, names in os.walk(folder):
        directories[:] = [d for d in directories if not _is_ignored(d)]
        prefix = PurePosixPath(Path(root).relative_to(folder).as_posix())
        for name in names:
            if not _is_ignored(name):
                found[(prefix / name).as_posix()] = Path(root, name)
    return found


def unchanged_since_generated(folder: Path, spec: Path, inputs: Inputs) -> tuple[int, list[str]] | None:
    """When the manifest in `folder` records exactly these inputs and every file it lists
    hashes as it says, the number of the folder's files and the files the generator did not
    write; None when anything differs or cannot be told this way. This takes the manifest's
    word: whoever can edit a file can edit its hash there too (`check --trust-manifest` only)."""
    record = read_manifest(folder)
    written = record.get("files")
    if not isinstance(written, dict) or not inputs.match(record.get("inputs"), spec):
        return None
    on_disk = existing_files(folder)
    for relative, digest in written.items():
        path = on_disk.get(relative)
        if path is None or path.is_symlink() or hashlib.sha256(path.read_bytes()).hexdigest() != digest:
            return None
    return len(written) + 1, sorted(set(on_disk) - set(written) - {MANIFEST})


def compare(files: dict[str, bytes], folder: Path) -> Comparison:
    result = Comparison()
    on_disk = existing_files(folder) if folder.is_dir() else {}
    for relative, data in sorted(files.items()):
        path = on_disk.get(relative)
        if path is None:
            result.missing.append(relative)
        elif path.is_symlink() or path.read_bytes() != data:
            result.stale.append(relative)
    written_before = _written_before(folder)
    for relative in sorted(set(on_disk) - set(files)):
        (result.extra if relative in written_before else result.kept).append(relative)
    return result


def write_project(files: dict[str, bytes], folder: Path) -> WriteResult:
    """Replace `folder`'s generated files with exactly `files` (see transaction.py), keeping
    every file of the user's."""
    with locked([folder]), Transaction() as transaction:
        result = stage_project(transaction, files, folder)
        transaction.commit()
    return result


def stage_project(transaction: Transaction, files: dict[str, bytes], folder: Path) -> WriteResult:
    """Stage in `transaction` what makes `folder` hold exactly `files` as its generated files:
    the new and changed ones, and the removal of those an earlier generation wrote and this one
    does not. A file of the user's where the new client has a file is an error that names it."""
    folder = output_folder(folder)
    for relative in files:
        _checked_path(relative)
    if folder.exists() and not folder.is_dir():
        raise GeneratorError(folder, "output exists and is not a folder")
    if folder.is_dir() and any(n not in INTERNAL for n in os.listdir(folder)) and not (folder / MANIFEST).is_file():
        raise GeneratorError(
            folder,
            f"output folder is not empty and was not made by this generator (no {MANIFEST}); refusing to replace it",
        )
    if folder.is_dir():
        _refuse_escaping_links(folder)
    old = existing_files(folder) if folder.is_dir() else {}
    written_before = _written_before(folder)
    _refuse_overwriting_the_users(folder, files, old, written_before)
    result = WriteResult()
    changed: dict[str, bytes] = {}
    modes: dict[str, int] = {}
    for relative, data in files.items():
        previous = old.get(relative)
        if previous is not None and not previous.is_symlink() and previous.read_bytes() == data:
            result.unchanged.append(relative)
            continue
        result.written.append(relative)
        changed[relative] = data
        if previous is not None and not previous.is_symlink():
            modes[relative] = stat.S_IMODE(previous.stat().st_mode)  # a chmod of the user's stays
    for relative in sorted(set(old) - set(files)):
        (result.removed if relative in written_before else result.kept).append(relative)
    if MANIFEST in changed:  # the manifest last: it says what the rest is
        changed[MANIFEST] = changed.pop(MANIFEST)
    transaction.stage_folder(folder, changed, modes, result.removed)
    return result


def _refuse_overwriting_the_users(
    folder: Path, files: dict[str, bytes], old: dict[str, Path], written_before: set[str]
) -> None:
    """A file the generator did not write (a hand-written module) where the new client has a
    file or a folder is never replaced: the user moves it."""
    folders_of_files = {parent for relative in files for parent in PurePosixPath(relative).parents}
    for relative in sorted(set(old) - written_before - {MANIFEST}):
        path = PurePosixPath(relative)
        conflict = (relative in files and old[relative].read_bytes() != files[relative]) or path in folders_of_files
        if conflict:
            raise GeneratorError(
                folder / relative,
                "is not a file the generator wrote, and the new client has a file there; "
                "move it (or delete it) and run again",
            )
    seen: set[Path] = set()
    # a folder of the user's, or a file above, where a new file of the client goes (a file that is
    # there already has folders above it)
    for relative in (relative for relative in files if relative not in old):
        place = folder / relative
        for parent in [place, *place.parents]:
            if parent == folder or parent in seen:
                break
            seen.add(parent)
            is_users = parent.exists() and (parent.is_dir() if parent == place else not parent.is_dir())
            if is_users and parent.relative_to(folder).as_posix() not in written_before:
                raise GeneratorError(parent, "is in the way of a file the new client has; move it and run again")


def _refuse_escaping_links(folder: Path) -> None:
    """A symbolic link in the output folder that leads outside it is refused: it is a sign of
    a tampered folder, and nothing the generator does should ever go through it."""
    root = folder.resolve()
    for current, directories, names in os.walk(folder):
        directories[:] = [d for d in directories if not _is_ignored(d)]
        for name in [*directories, *names]:
            path = Path(current) / name
            if path.is_symlink() and not _is_ignored(name):
                target = path.resolve()
                if target != root and root not in target.parents:
                    raise GeneratorError(
                        path, f"is a symbolic link to {target}, outside the output folder; refusing to write"
                    )
