"""Stage 5: format generated Python with black, in-process, only where it changes something.

black formats about 3,000 to 6,000 lines a second here, so it decides the time of a generation.
Four things keep its work small:
- The templates and render/wrap.py write black's layout themselves, also where it depends on the
  lengths of spec names, and mark where each unit (a class, a method, a constant) begins. A unit
  whose code lines all fit in the line length, or are lines black leaves long too (see
  `_UNSPLITTABLE` and `AS_BLACK_LEAVES_IT`), is left as it is; only the others go through black,
  one unit at a time. (Tests check that this gives the very bytes black gives for whole files.)
- black's output for a unit is remembered by that unit (format_cache.py): a regeneration
  formats only the units that changed, and never takes text from the output folder.
- Large jobs are spread over the machine's cores.
- black is imported only when there is something to format.
"""

from __future__ import annotations

import importlib.metadata
import os
import re
from typing import Any

from . import format_cache

LINE_LENGTH = 100
UNIT = "\x00\n"
"""The line templates put before each unit they lay out; it never stays in the output."""
AS_BLACK_LEAVES_IT = "\x01"
"""Ends a line longer than the line length that the renderer knows black would leave as it is
(render/wrap.py: black's last resort when no layout fits); it never stays in the output."""
PARALLEL_FROM_LINES = 2000
"""Below this many lines for black, starting worker processes costs more than it saves."""


class GeneratedCodeError(Exception):
    """A template produced invalid Python: a bug in the generator, not in the spec."""


def formatter_version() -> str:
    """What the formatted text depends on besides the rendered text: black's major version
    (its stable style changes only with the first release of a year, 26.1.0, never within a
    major) and the line length. The patch version is left out, so that machines with different
    releases of one major agree on the manifest (`tests/test_format_cache.py` formats with the
    oldest release the dependency range allows and checks with the installed one)."""
    major = importlib.metadata.version("black").split(".")[0]
    return f"black {major} stable style, line length {LINE_LENGTH}"


_modes: dict[int, Any] = {}


def format_python(path: str, source: str) -> str:
    """black's formatting of the source, unit by unit (see the module's docstring)."""
    return format_files({path: source})[path]


def _plan(path: str, source: str, trust_layout: bool) -> tuple[list[tuple[str, str, bool]], list[tuple[str, str]]]:
    """The units of a rendered file as (code, blank lines after it, whether black has to format
    it), and the (path, code) of those black has to format. Without `trust_layout`, the file is
    one unit that black formats whole."""
    units = []
    for unit in source.split(UNIT) if trust_layout else [source.replace(UNIT, "")]:
        code = unit.rstrip("\n")
        to_black = bool(code) and (not trust_layout or _needs_black(code))
        units.append((code.replace(AS_BLACK_LEAVES_IT, ""), unit[len(code) :], to_black))
    return units, [(path, code) for code, _, to_black in units if to_black]


def fits(text: str, room: int = LINE_LENGTH) -> bool:
    """Whether black surely sees `text` as no wider than `room`: it counts East Asian wide
    characters twice, so a line with any non-ASCII character is measured as if all were."""
    return len(text) <= room if text.isascii() else 2 * len(text) <= room


# Lines black cannot split, so leaves as they are however long, given that the templates write
# the brackets around them exploded (one item per line, trailing comma) or open on the line:
# - an item alone on its line: a name, a string, `key=` either, `"key": ` either, a re-export
#   (`Name as Name,`);
# - an opening line that ends at its only bracket: `def name(`, `async def name(`, `name.attr(`,
#   `from module import (`;
# - a `class Name:` without bases; comments, which it never wraps;
# - a closing `) -> Name:` whose name would not fit in parentheses of its own either.
_ATOM = r'(?:[A-Za-z_][\w.]*|"[^"\\]*")'
_UNSPLITTABLE = re.compile(
    rf" *(?:(?:(\w+) as \1|(?:\w+=|\"[^\"\\]*\": )?{_ATOM}),"
    r"|(?:async )?def \w+\(|[A-Za-z_][\w.]*\(|from [\w.]+ import \(|class \w+:)"
)
_RETURNS = re.compile(r"( *)\) -> ([\w.]+):")


def _unsplittable(line: str) -> bool:
    if _UNSPLITTABLE.fullmatch(line) or line.lstrip().startswith("#"):
        return True
    returns = _RETURNS.fullmatch(line)
    return returns is not None and len(returns[1]) + 4 + len(returns[2]) > LINE_LENGTH


def _needs_black(unit: str) -> bool:
    """Whether a unit has a code line longer than the line length that black could shorten:
    black leaves the rest as the templates write it. Docstring lines do not count (black does
    not wrap them); spec text only reaches the code as escaped literals, so `\"\"\"` always
    opens or closes a docstring."""
    lines = unit.split("\n")
    if unit.isascii() and max(map(len, lines)) <= LINE_LENGTH:  # the common case, at C speed
        return False
    in_docstring = False
    for line in lines:
        quotes = line.count('"""')
        starts_with_docstring = line.lstrip().startswith('"""')
        too_long = not fits(line) and not _unsplittable(line) and not line.endswith(AS_BLACK_LEAVES_IT)
        if not in_docstring and not starts_with_docstring and too_long:
            return True
        if quotes % 2:
            in_docstring = not in_docstring
    return False


_BLACK_SETTINGS = f"target py310, line length {LINE_LENGTH} less the indentation, v1"
"""Besides the unit and black's release, what decides `_black_batch`'s output: part of the
cache's key, so a change to `_black` or `_black_batch` changes it too."""


def _black(path: str, source: str) -> str:
    """black on one unit; an indented unit (a method) is formatted at its own indentation."""
    import black  # here, so that a generation with nothing to format never imports it
    from black.mode import Mode, TargetVersion
    from black.parsing import InvalidInput

    indent = len(source) - len(source.lstrip(" "))
    if indent not in _modes:
        _modes[indent] = Mode(target_versions={TargetVersion.PY310}, line_length=LINE_LENGTH - indent)
    dedented = "\n".join(line[indent:] for line in source.split("\n")) if indent else source
    try:
        result = black.format_str(dedented, mode=_modes[indent])
    except InvalidInput as exc:
        raise GeneratedCodeError(f"generated {path} is not valid Python: {exc}") from None
    if not indent:
        return result
    return "\n".join(" " * indent + line if line else line for line in result.split("\n"))


def _black_batch(batch: list[tuple[str, str]]) -> list[str]:
    return [_black(path, code + "\n").rstrip("\n") for path, code in batch]


def format_files(files: dict[str, str], *, trust_layout: bool = True) -> dict[str, str]:
    """Every `.py` file formatted (other files as they are). `trust_layout`: the files come from
    the built-in templates, which write black's layout themselves (see the module's docstring);
    without it (template overrides) black formats every file whole."""
    split: dict[str, list[tuple[str, str, bool]]] = {}
    jobs: list[tuple[str, str]] = []  # (path, code) of every unit black has to format
    for path, text in files.items():
        if path.endswith(".py"):
            split[path], file_jobs = _plan(path, text, trust_layout)
            jobs.extend(file_jobs)
    results = iter(_black_remembered(jobs))
    formatted = dict(files)
    for path, units in split.items():
        formatted[path] = "".join((next(results) if to_black else code) + blank for code, blank, to_black in units)
    return formatted


def _black_remembered(jobs: list[tuple[str, str]]) -> list[str]:
    """black's output for every unit of `jobs`: from the cache, or formatted and then kept there."""
    if not jobs:
        return []
    keys = format_cache.unit_keys([code for _, code in jobs], _BLACK_SETTINGS)
    known = format_cache.recall(keys)
    unknown = {key: job for key, job in zip(keys, jobs) if key not in known}  # a unit met twice: formatted once
    formatted = dict(zip(unknown, _black_all(list(unknown.values()))))
    format_cache.remember(formatted)
    return [known[key] if key in known else formatted[key] for key in keys]


def _black_all(jobs: list[tuple[str, str]]) -> list[str]:
    """black over every unit of `jobs`, in worker processes when the job is large."""
    import multiprocessing  # here, like black: `check` of an unchanged client needs neither
    from concurrent.futures import ProcessPoolExecutor

    workers = min(os.cpu_count() or 1, 8)
    lines = sum(code.count("\n") + 1 for _, code in jobs)
    if workers < 2 or lines < PARALLEL_FROM_LINES or "fork" not in multiprocessing.get_all_start_methods():
        return _black_batch(jobs)
    # one batch per worker, balanced by size: the largest units first, each to the lightest batch
    batches: list[list[tuple[str, str]]] = [[] for _ in range(workers)]
    sizes = [0] * workers
    placed: list[tuple[int, int, int]] = []  # (position in jobs, batch, position in batch)
    for position in sorted(range(len(jobs)), key=lambda i: -len(jobs[i][1])):
        lightest = sizes.index(min(sizes))
        placed.append((position, lightest, len(batches[lightest])))
        batches[lightest].append(jobs[position])
        sizes[lightest] += len(jobs[position][1])
    _black("warm-up.py", "x = 1\n")  # the workers inherit black loaded and warm
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
        results = list(pool.map(_black_batch, batches))
    formatted = [""] * len(jobs)
    for position, batch, index in placed:
        formatted[position] = results[batch][index]
    return formatted
