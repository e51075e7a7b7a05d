"""Stage 5: format generated Python with black, in-process, only where the text changed.

black formats about 3,000 to 6,000 lines a second here, so it decides the time of a generation.
Three things keep it small: a file whose rendered text is the same as at the last generation
keeps its formatted text from the output folder (the manifest records the hash of each file's
rendered text); large jobs are spread over the machine's cores; black is imported only when
there is something to format.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any

LINE_LENGTH = 100
PARALLEL_FROM_LINES = 4000
"""Below this many lines to format, starting worker processes costs more than it saves."""


class GeneratedCodeError(Exception):
    """A template produced invalid Python: a bug in the generator, not in the spec."""


def formatter_version() -> str:
    """What the formatted text depends on besides the rendered text."""
    return f"black {importlib.metadata.version('black')}, line length {LINE_LENGTH}"


def rendered_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class FormatCache:
    """Formatted texts from an earlier generation, by path and hash of their rendered text."""

    entries: dict[str, tuple[str, str]]
    """path -> (rendered hash, formatted text)."""

    def lookup(self, path: str, rendered: str) -> str | None:
        entry = self.entries.get(path)
        return entry[1] if entry is not None and entry[0] == rendered else None


EMPTY_CACHE = FormatCache({})


_mode: Any = None


def format_python(path: str, source: str) -> str:
    global _mode
    import black  # here, so that a generation with nothing to format never imports it
    from black.mode import Mode, TargetVersion
    from black.parsing import InvalidInput

    if _mode is None:
        _mode = Mode(target_versions={TargetVersion.PY311}, line_length=LINE_LENGTH)
    try:
        return black.format_str(source, mode=_mode)
    except InvalidInput as exc:
        raise GeneratedCodeError(f"generated {path} is not valid Python: {exc}") from None


def _format_batch(batch: list[tuple[str, str]]) -> list[str]:
    return [format_python(path, source) for path, source in batch]


def format_files(files: dict[str, str], cache: FormatCache = EMPTY_CACHE) -> tuple[dict[str, str], dict[str, str]]:
    """Every `.py` file formatted (other files as they are), and the rendered hash of each
    `.py` file, for the manifest."""
    hashes = {path: rendered_hash(text) for path, text in files.items() if path.endswith(".py")}
    formatted: dict[str, str] = {path: text for path, text in files.items() if not path.endswith(".py")}
    todo: list[tuple[str, str]] = []
    for path, digest in hashes.items():
        reused = cache.lookup(path, digest)
        if reused is not None:
            formatted[path] = reused
        else:
            todo.append((path, files[path]))
    for (path, _), text in zip(todo, _format_all(todo)):
        formatted[path] = text
    return {path: formatted[path] for path in files}, hashes


def _format_all(todo: list[tuple[str, str]]) -> list[str]:
    """black over every file of `todo`, in worker processes when the job is large."""
    workers = min(os.cpu_count() or 1, 8)
    lines = sum(source.count("\n") for _, source in todo)
    if workers < 2 or lines < PARALLEL_FROM_LINES or "fork" not in multiprocessing.get_all_start_methods():
        return _format_batch(todo)
    # one batch per worker, balanced by size: the largest files first, each to the lightest batch
    batches: list[list[tuple[str, str]]] = [[] for _ in range(workers)]
    sizes = [0] * workers
    placed: list[tuple[int, int, int]] = []  # (position in todo, batch, position in batch)
    for position in sorted(range(len(todo)), key=lambda i: -len(todo[i][1])):
        lightest = sizes.index(min(sizes))
        placed.append((position, lightest, len(batches[lightest])))
        batches[lightest].append(todo[position])
        sizes[lightest] += len(todo[position][1])
    format_python("warm-up.py", "x = 1\n")  # the workers inherit black loaded and warm
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
        results = list(pool.map(_format_batch, batches))
    formatted = [""] * len(todo)
    for position, batch, index in placed:
        formatted[position] = results[batch][index]
    return formatted
