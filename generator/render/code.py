"""The one escaping path from spec values to generated text, by context.

Every value a template prints goes through Jinja's `finalize` hook (`guard`): it lets through
`Code` (made only by the functions below), integers and plain identifiers, and refuses any
other string. So a description, wire name or enum value can reach generated code only as a
string literal, a docstring, a comment or Markdown text escaped for that place.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

from jinja2 import TemplateRuntimeError

from ..format import LINE_LENGTH
from ..text import without_lone_surrogates


class Code(str):
    """Text that is safe to print in a generated file as it is."""


_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*")


def guard(value: Any) -> str:
    """Jinja `finalize`: refuse anything a template prints without escaping it first."""
    if isinstance(value, Code):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, str) and (value == "" or _IDENTIFIER.fullmatch(value)):
        return value
    raise TemplateRuntimeError(f"template printed {value!r} without escaping it (use a filter from render.code)")


def identifiers(names: Any) -> Code:
    """Identifiers joined by commas, each checked."""
    return Code(", ".join(guard(name) for name in names))


# --- Python ------------------------------------------------------------------------------------


def py_literal(value: Any) -> Code:
    """A Python expression that evaluates to the JSON value `value`."""
    if value is None or isinstance(value, (bool, int)):
        return Code(repr(value))
    if isinstance(value, float):
        return Code(repr(value) if math.isfinite(value) else f'float("{value}")')
    if isinstance(value, str):
        return Code(string_literal(value))
    if isinstance(value, (list, tuple)):
        return Code("[" + ", ".join(py_literal(item) for item in value) + "]")
    if isinstance(value, dict):
        return Code("{" + ", ".join(f"{py_literal(str(k))}: {py_literal(v)}" for k, v in value.items()) + "}")
    raise TypeError(f"not a JSON value: {value!r}")


def string_literal(text: str) -> str:
    """A Python string literal for `text`, quoted as black would: double quotes unless the
    text has more double quotes than single ones."""
    quote = "'" if text.count('"') > text.count("'") else '"'
    if text.isprintable() and "\\" not in text:  # the common case, at C speed
        return quote + text.replace(quote, "\\" + quote) + quote
    escapes = {quote: "\\" + quote, "\n": "\\n"}
    return quote + "".join(escapes.get(char) or _escape_for_string(char) for char in text) + quote


def _escape_for_string(char: str) -> str:
    """A character as it may stand inside a non-raw Python string literal."""
    if char == "\\":
        return "\\\\"
    if char == "\n" or char.isprintable():
        return char
    return repr(char)[1:-1]


def docstring_text(text: str | None, indent: int = 0, *, code: str = "") -> Code:
    """Text for the inside of a triple-double-quoted docstring.

    Backslashes and non-printable characters (NUL, U+2028, ...) are escaped, quotes cannot
    close the string, and every line after the first is indented by `indent` spaces. Lines
    longer than the line length are wrapped (see `_wrapped`). Lone surrogates, which Python
    cannot keep in a docstring, become U+FFFD. `code`, laid out already (an example call),
    follows the text four spaces deeper, its lines never wrapped: a break would change it.
    """
    if not text:
        return Code("")
    text = without_lone_surrogates(text)
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").strip().split("\n")]
    lines = _wrapped(lines, LINE_LENGTH - indent)
    lines += [f"    {line}" for line in without_lone_surrogates(code).split("\n") if code]
    pad = " " * indent
    laid_out = "\n".join(pad + line if index and line else line for index, line in enumerate(lines))
    if "\\" in laid_out or not all(line.isprintable() for line in lines):
        escaped = "".join(_escape_for_string(char) for char in laid_out)
    else:  # the common case, at C speed
        escaped = laid_out
    # a quote before another quote or at the very end is escaped, so nothing closes the docstring
    escaped = re.sub(r'"(?="|\Z)', r'\\"', escaped)
    if escaped.startswith('"'):  # as black does: a space keeps it apart from the opening quotes
        escaped = " " + escaped
    if len(lines) > 1:  # the closing quotes of a docstring of several lines go on a line of their own
        return Code(escaped + "\n" + pad)
    # black puts a space between a final quote and the closing quotes; so do we
    return Code(escaped + " " if escaped.endswith('"') else escaped)


_LIST_ITEM = re.compile(r" *(?:[-*+]|\d+[.)]) +")
_FENCE = re.compile(r" *(```|~~~)")


def _wrapped(lines: list[str], room: int) -> list[str]:
    """Lines longer than `room` broken at spaces, as a careful writer would: a list item's
    continuation aligned with its text, an indented line's (`  name: ...` in Args)
    four spaces deeper. The first line also holds the quotes (6 characters). Words longer than
    a line, inline code, code blocks and tables stay as they are. Runs of spaces are kept (they may be inside
    a quoted default): a line breaks at a single space only, so joining the lines with one
    space gives the text back."""
    out: list[str] = []
    in_code = False
    for index, line in enumerate(lines):
        if _FENCE.match(line):
            in_code = not in_code
        limit = room - 6 if index == 0 else room
        if in_code or len(line) <= limit or line.lstrip().startswith("|"):
            out.append(line)
            continue
        item = _LIST_ITEM.match(line)
        leading = len(line) - len(line.lstrip(" "))
        start = line[: item.end()] if item else " " * leading
        hanging = " " * (len(start) if item else leading + 4 if leading else 0)
        current: list[str] = []  # the words of the line being filled, after `start`
        width = len(start)  # of `start` and `current` joined by spaces
        in_code_span = False  # between the backticks of `inline code`, which is not broken
        for word in line[len(start) :].split(" "):
            fits = width + (1 if current else 0) + len(word) <= limit
            if current and word and current[-1] and not fits and not in_code_span:
                out.append(start + " ".join(current))
                start, current, limit, width = hanging, [], room, len(hanging)
            width += (1 if current else 0) + len(word)
            current.append(word)
            in_code_span ^= word.count("`") % 2 == 1
        out.append(start + " ".join(current))
    return out


def comment_text(text: str) -> Code:
    """Text for after `# `: one line, whatever line breaks the input held, nothing unprintable."""
    one_line = " ".join(text.split())
    return Code("".join(char if char.isprintable() else repr(char)[1:-1] for char in one_line))


# --- other file types --------------------------------------------------------------------------


def toml_string(text: str) -> Code:
    """A TOML basic string."""
    out = []
    for char in without_lone_surrogates(text):
        if char in ('"', "\\"):
            out.append("\\" + char)
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return Code('"' + "".join(out) + '"')


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")


def markdown_text(text: str | None) -> Code:
    """Spec text for one line of Markdown: no HTML, no links or formatting of its own."""
    if not text:
        return Code("")
    return Code(_MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(without_lone_surrogates(text).split())))


def markdown_code(text: str) -> Code:
    """Text shown as inline code in Markdown (a path, a name)."""
    text = " ".join(without_lone_surrogates(text).split())
    return Code(f"`` {text} ``" if "`" in text else f"`{text}`")


def json_text(value: Any) -> Code:
    return Code(json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False) + "\n")
