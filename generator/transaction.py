"""Stage 6, writing: a generated project and the files that change with it (`update`'s spec, its
pull request's description) put in place so that an interruption at any moment leaves, once
the next run has recovered, either everything as it was or everything as it is meant to be.

- Runs on one output folder take turns: `locked` holds a lock on the folder from
  before the previous generation is read until the new one is in place, and recovers first
  what an interrupted run left.
- The new and changed files are written into a staging folder inside the output folder
  (`.clientgen-staging`, so on the output folder's file system) and the other files beside
  their targets (`.<name>.clientgen-new`). Nothing of the user's is ever moved: `.git`,
  `.venv`, their files, empty folders, links and modes stay where they are.
- Then a journal (`.clientgen-journal.json`) lists the renames and removals that make the
  folder the new client. Its atomic creation is the point of no return: an interrupted run
  without a journal is rolled back (the staged files are removed), one with a journal is
  rolled forward (the renames it lists are finished). Each rename replaces one file or puts
  in a whole new folder at once, so no reader ever sees half a file.
"""

from __future__ import annotations

import errno
import fcntl
import json
import os
import re
import shutil
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .errors import GeneratorError

STAGING = ".clientgen-staging"
JOURNAL = ".clientgen-journal.json"
_JOURNAL_DRAFT = JOURNAL + ".tmp"
INTERNAL = (STAGING, JOURNAL, _JOURNAL_DRAFT)
"""The generator's own entries of an output folder while it writes (and after an interruption)."""
_OUTSIDE_FILES = ".outside"
"""In the staging folder: the staged files outside the output folder, listed before they are made."""
NEW_SUFFIX = ".clientgen-new"
WRITERS = 8
"""Threads that create the staged files: creating a file waits on the file system (about a
millisecond each on these disks), not on the processor, and threads overlap the waits."""


def output_folder(path: Path) -> Path:
    """Where an output folder really is: a symbolic link to a folder is written through."""
    return Path(os.path.realpath(path))


_held: dict[Path, int] = {}
"""The output folders whose lock this process holds, and their handles."""


@contextmanager
def locked(folders: Iterable[Path], waiting: Callable[[Path], None] | None = None) -> Iterator[list[str]]:
    """Hold the write lock of each output folder (made as needed, with its parents), having
    first recovered what an interrupted run left in it; yields what was recovered, a line each.
    A folder another process holds is waited for: `waiting` hears of it first. Within one
    process a lock is taken once, however many blocks ask for it."""
    places = sorted({output_folder(folder) for folder in folders})
    made: list[Path] = []
    taken: list[Path] = []
    try:
        for folder in places:
            made += _make_folders(folder)
            if folder not in _held:
                _held[folder], made_it = _lock(folder, waiting)
                taken.append(folder)
                made += [folder] if made_it else []
        yield [line for folder in places for line in recover(folder)]
    finally:
        for folder in taken:
            os.close(_held.pop(folder))  # and so the lock goes
        for place in reversed(made):  # a run that wrote nothing leaves no empty folders behind
            _remove_if_empty(place)


def _lock(folder: Path, waiting: Callable[[Path], None] | None) -> tuple[int, bool]:
    """A handle on `folder` that holds its lock, and whether the folder was made for it. The
    folder is made, when missing, under the parent's lock: two runs never lock two folders."""
    try:
        parent = os.open(folder.parent, os.O_RDONLY | os.O_DIRECTORY)
        try:
            fcntl.flock(parent, fcntl.LOCK_EX)
            made = not folder.exists() and not folder.is_symlink()
            if made:
                folder.mkdir()
            elif not folder.is_dir():
                raise GeneratorError(folder, "output exists and is not a folder")
            handle = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        finally:
            os.close(parent)
    except OSError as exc:
        raise GeneratorError(exc.filename or folder, f"cannot open the output folder: {exc.strerror}") from None
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        if waiting is not None:
            waiting(folder)
        fcntl.flock(handle, fcntl.LOCK_EX)
    return handle, made


def _make_folders(folder: Path) -> list[Path]:
    """Make the output folder's missing parents; the ones made, outermost first."""
    missing = [place for place in folder.parents if not place.is_dir()][::-1]
    for place in missing:
        if place.exists() or place.is_symlink():
            raise GeneratorError(place, f"is a file, so the output folder {folder} cannot be made in it")
        place.mkdir()
    return missing


def _remove_if_empty(folder: Path) -> None:
    try:
        folder.rmdir()
    except OSError:
        pass  # not empty: something was written into it


@dataclass
class _Staged:
    """One output folder's new files, staged, and what the journal will say."""

    folder: Path
    renames: list[tuple[str, str]] = field(default_factory=list)
    """(path in the staging folder, path in the output folder), both relative."""
    removals: list[str] = field(default_factory=list)
    outside: list[tuple[str, str]] = field(default_factory=list)
    """(staged file, its target) outside the output folder, relative to it."""
    made_folder: bool = False


class Transaction:
    """Everything one run writes, staged first, then put in place by `commit`; `abort` (or
    leaving a `with` block by an exception) removes what was staged."""

    def __init__(self) -> None:
        self._staged: list[_Staged] = []
        self._loose: list[tuple[Path, Path]] = []
        """(staged file, target) of files that no output folder goes with."""

    def __enter__(self) -> Transaction:
        return self

    def __exit__(self, kind: object, error: object, traceback: object) -> None:
        if error is not None:
            self.abort()

    def stage_folder(self, folder: Path, changed: dict[str, bytes], modes: dict[str, int], removed: list[str]) -> None:
        """Stage the files of `changed` (relative path -> bytes, each new or different from the
        folder's) to replace the folder's, in that order, keeping the modes of `modes`, and
        `removed` to go."""
        staged = self._staging(folder)
        staged.removals = sorted(removed)
        try:
            _write_all(staged.folder / STAGING, changed, modes)
        except OSError as exc:
            raise _write_error(exc, staged.folder) from None
        staged.renames = _renames(staged.folder, list(changed))

    def stage_file(self, path: Path, data: bytes, with_folder: Path | None = None) -> Path:
        """Stage `path`'s new bytes beside it (its name's suffix kept), and return where; with
        `with_folder`, an output folder, the file changes together with that folder's files."""
        path = Path(os.path.abspath(path))
        new = path.with_name(f".{path.stem}{NEW_SUFFIX}{path.suffix}")
        if with_folder is not None:
            staged = self._staging(with_folder)
            staged.outside.append((os.path.relpath(new, staged.folder), os.path.relpath(path, staged.folder)))
            _write_outside_list(staged)  # before the file: a roll-back finds it
        else:
            self._loose.append((new, path))
        try:
            if path.is_dir():
                raise IsADirectoryError(errno.EISDIR, "is a folder", str(path))
            _write_new(new, data, _mode_of(path))
        except OSError as exc:
            raise GeneratorError(path, f"cannot write: {exc.strerror or exc}") from None
        return new

    def _staging(self, folder: Path) -> _Staged:
        """The staged files of `folder`, its staging folder made on first use."""
        folder = output_folder(folder)
        for staged in self._staged:
            if staged.folder == folder:
                return staged
        if folder.exists() and not folder.is_dir():
            raise GeneratorError(folder, "output exists and is not a folder")
        staged = _Staged(folder)
        self._staged.append(staged)  # from here on, `abort` removes what is made
        try:
            if not folder.exists():
                folder.mkdir()
                staged.made_folder = True
            (folder / STAGING).mkdir()
        except OSError as exc:
            raise _write_error(exc, folder) from None
        return staged

    def commit(self) -> None:
        """Put every staged file in place: folder by folder, each at once through its journal,
        then the files that go with no folder."""
        for staged in self._staged:
            _write_journal(staged)
            _roll_forward(staged.folder)
        for new, path in self._loose:
            os.replace(new, path)
        self._staged, self._loose = [], []

    def abort(self) -> None:
        for staged in self._staged:
            _roll_back(staged.folder)
            if staged.made_folder:
                _remove_if_empty(staged.folder)
        for new, _ in self._loose:
            new.unlink(missing_ok=True)
        self._staged, self._loose = [], []


def _write_error(exc: OSError, folder: Path) -> GeneratorError:
    return GeneratorError(exc.filename or folder, f"cannot write the output folder: {exc.strerror or exc}")


def _mode_of(path: Path) -> int | None:
    try:
        return os.stat(path, follow_symlinks=False).st_mode & 0o7777
    except OSError:
        return None


def _write_new(path: Path, data: bytes, mode: int | None) -> None:
    """A new file with `data` (its mode `mode`, or the umask's)."""
    handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, 0o666)
    with os.fdopen(handle, "wb") as file:
        file.write(data)
        if mode is not None:
            os.fchmod(file.fileno(), mode)


def _write_all(staging: Path, files: dict[str, bytes], modes: dict[str, int]) -> None:
    for parent in sorted({(staging / relative).parent for relative in files}):
        parent.mkdir(parents=True, exist_ok=True)
    with ThreadPoolExecutor(WRITERS) as writers:
        list(writers.map(lambda relative: _write_new(staging / relative, files[relative], modes.get(relative)), files))


def _renames(folder: Path, paths: list[str]) -> list[tuple[str, str]]:
    """The renames that put the staged `paths` in place, in their order: a file onto its old
    self, or the highest new folder whole (one rename for a new package of a thousand files)."""
    renames: list[tuple[str, str]] = []
    done: set[str] = set()
    exists: dict[str, bool] = {}  # folder -> whether the output folder has it: asked once each
    for relative in paths:
        parts = relative.split("/")
        moved = relative
        for depth in range(1, len(parts)):
            prefix = "/".join(parts[:depth])
            if prefix not in exists:
                exists[prefix] = (folder / prefix).exists()
            if not exists[prefix]:
                moved = prefix
                break
        if moved not in done:
            done.add(moved)
            renames.append((f"{STAGING}/{moved}", moved))
    return renames


def _write_outside_list(staged: _Staged) -> None:
    path = staged.folder / STAGING / _OUTSIDE_FILES
    path.write_text(json.dumps([source for source, _ in staged.outside]))


def _write_journal(staged: _Staged) -> None:
    record = {"renames": staged.renames, "outside": staged.outside, "removals": staged.removals}
    draft = staged.folder / _JOURNAL_DRAFT
    with open(draft, "w", encoding="utf-8") as file:
        json.dump(record, file)
        file.flush()
        os.fsync(file.fileno())  # on disk whole before its name says the run is decided
    os.replace(draft, staged.folder / JOURNAL)
    _sync_folder(staged.folder)


def _sync_folder(folder: Path) -> None:
    handle = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def interrupted(folder: Path) -> bool:
    """Whether an interrupted run left something in `folder` for the next run to recover."""
    folder = output_folder(folder)
    return any((folder / name).exists() for name in INTERNAL)


def recover(folder: Path) -> list[str]:
    """Finish (journal) or undo (no journal) what an interrupted run left in `folder`, and what
    an interrupted run of an earlier version left beside it; a line for each thing done."""
    folder = output_folder(folder)
    done = _recover_earlier_versions(folder)
    if (folder / JOURNAL).is_file():
        _roll_forward(folder)
        done.append(f"{folder}: finished the writing an interrupted run had begun")
    elif (folder / STAGING).exists() or (folder / _JOURNAL_DRAFT).exists():
        _roll_back(folder)
        done.append(f"{folder}: removed the files an interrupted run had staged")
    return done


def _recover_earlier_versions(folder: Path) -> list[str]:
    """clientgen 0.2 built a new client in `.<name>.XXXXXXXX` beside the folder, moved `.git`,
    `.venv` and caches into it and swapped it in, keeping the old one as `...XXXXXXXX.old`
    until it was removed: a kill could leave either, with the user's entries inside, and no
    folder at all. The folder is put back, the user's entries given back, the rest removed."""
    if not folder.parent.is_dir():
        return []
    pattern = re.compile(rf"\.{re.escape(folder.name)}\.[a-z0-9_]{{8}}(\.old)?")
    leftovers = [
        place
        for place in sorted(folder.parent.iterdir(), key=lambda place: place.name.endswith(".old"))
        if pattern.fullmatch(place.name) and (place / ".clientgen.json").is_file()
    ]
    done = []
    if leftovers and not folder.exists():  # killed between the two renames: the new tree first
        os.rename(leftovers[0], folder)
        done.append(f"{folder}: put back from {leftovers.pop(0).name}, left by an earlier clientgen")
    for leftover in leftovers:
        for name in _EARLIER_CARRIED:
            if (leftover / name).exists() and not (folder / name).exists():
                os.rename(leftover / name, folder / name)
                done.append(f"{folder}: {name} given back from {leftover.name}, left by an earlier clientgen")
        shutil.rmtree(leftover)
        done.append(f"{folder.parent}: removed {leftover.name}, left by an interrupted run of an earlier clientgen")
    return done


_EARLIER_CARRIED = (".git", ".venv", ".mypy_cache", ".pytest_cache", ".ruff_cache")


def _roll_forward(folder: Path) -> None:
    try:
        record = json.loads((folder / JOURNAL).read_text(encoding="utf-8"))
        moves = [(folder / source, folder / target) for source, target in record["renames"] + record["outside"]]
        removals = [str(relative) for relative in record["removals"]]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise GeneratorError(folder / JOURNAL, f"cannot read this journal of an interrupted run: {exc}") from None
    for origin, place in moves:
        if origin.exists() or origin.is_symlink():
            place.parent.mkdir(parents=True, exist_ok=True)
            if place.is_dir() and not place.is_symlink() and not origin.is_dir():
                shutil.rmtree(place)  # a folder of the old client where a file of the new one goes
            elif origin.is_dir() and (place.is_file() or place.is_symlink()):
                place.unlink()  # and the other way round
            os.replace(origin, place)
    for relative in removals:
        _remove(folder, relative)
    shutil.rmtree(folder / STAGING, ignore_errors=True)
    (folder / JOURNAL).unlink()


def _remove(folder: Path, relative: str) -> None:
    """Remove a file of the old client, and the folders it leaves empty."""
    path = folder / relative
    path.unlink(missing_ok=True)
    for parent in path.parents:
        if parent == folder or not parent.is_relative_to(folder):
            return
        try:
            parent.rmdir()
        except OSError:
            return


def _roll_back(folder: Path) -> None:
    staging = folder / STAGING
    try:
        outside = json.loads((staging / _OUTSIDE_FILES).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        outside = []
    for source in outside:
        (folder / source).unlink(missing_ok=True)
    shutil.rmtree(staging, ignore_errors=True)
    (folder / _JOURNAL_DRAFT).unlink(missing_ok=True)
