"""Failure reasons made comparable: spec-specific details removed so that identical causes group."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

MAX_REASON = 160
TRACEBACK_HEADER = "Traceback (most recent call last):"

# boilerplate lines openapi-python-client prints around its real message
OPC_BOILERPLATE = (
    "Generating ",
    "Error(s) encountered while generating",
    "Warning(s) encountered while generating",
    "If you believe this was a mistake",
    "For further information visit",
    "You may be trying to use a Swagger document",
)

_LOCATION = re.compile(r"^SPEC(?::\d+){0,2}(?:#.*?)?: ")
_POINTER = re.compile(r"#/\S*")
_FILE = re.compile(r"[^\s'\"()]*\.(?:py|json|ya?ml)\b")
_QUOTED = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"")
_NUMBER = re.compile(r"\b\d+\b")
_INNER_BRACES = re.compile(r"\{[^{}]*\}|\[[^\[\]]*\]")
_OPEN_BRACE = re.compile(r"[{\[][^)]*")
_HEX_ADDRESS = re.compile(r"\b0x[0-9a-f]+\b")
_SPACES = re.compile(r"\s+")
_MYPY_LINE = re.compile(
    r"^(?P<file>[^:\n]+):(?P<line>\d+):(?:\d+:)? (?P<severity>error|note): (?P<message>.*?)"
    r"(?:  \[(?P<code>[a-z0-9-]+)\])?$"
)


def shorten(text: str, limit: int = MAX_REASON) -> str:
    """One line of at most `limit` characters."""
    text = _SPACES.sub(" ", text).strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


def collapse_literals(text: str) -> str:
    """Dict and list literals (`{'a': [1]}`, even cut short: `{'a': {'b...`) become `{…}`."""
    previous = None
    while previous != text:
        previous, text = text, _INNER_BRACES.sub("\x00", text)
    return _OPEN_BRACE.sub("\x00", text).replace("\x00", "{…}")


def normalise_reason(line: str, spec_path: str = "", keep_quotes: bool = False) -> str:
    """A failure message without what is particular to one spec.

    `error: /cache/x.json:12#/paths/~1a/get: unknown format 'foo' in 3 places` becomes
    `unknown format '…' in N places`: the leading "error:"/"internal error:", the spec's location,
    JSON pointers, file paths, numbers, hexadecimal addresses and (unless `keep_quotes`) quoted
    values and dict or list literals go.
    """
    text = line.strip()
    for prefix in ("internal error: ", "error: "):
        if text.startswith(prefix):
            text = text[len(prefix) :]
            break
    if spec_path:
        text = text.replace(spec_path, "SPEC")
    text = _LOCATION.sub("", text)
    text = _POINTER.sub("#/…", text)
    text = _FILE.sub("FILE", text)
    if not keep_quotes:
        text = _QUOTED.sub("'…'", text)
        text = collapse_literals(text)
    text = _HEX_ADDRESS.sub("0x…", text)
    text = _NUMBER.sub("N", text)
    return shorten(text)


def has_traceback(output: str) -> bool:
    return TRACEBACK_HEADER in output


def traceback_reason(output: str) -> str:
    """The exception line of the last traceback in `output` ("KeyError: 'x'")."""
    tail = output[output.rfind(TRACEBACK_HEADER) :].splitlines()
    for line in reversed(tail):
        if line.strip() and not line.startswith((" ", "\t")):
            return line.strip()
    return "traceback"


def first_line(output: str, startswith: tuple[str, ...] = ()) -> str:
    """The first non-empty line that starts with one of `startswith` (any, when empty), else the first one."""
    lines = [line.strip() for line in output.splitlines() if line.strip()]
    for line in lines:
        if not startswith or line.startswith(startswith):
            return line
    return lines[0] if lines else ""


def opc_message(output: str, lines: int = 3) -> str:
    """The first `lines` lines of openapi-python-client's error output that say something, joined."""
    kept = [
        line.strip() for line in output.splitlines() if line.strip() and not line.strip().startswith(OPC_BOILERPLATE)
    ]
    return " / ".join(kept[:lines])


def import_failure_reason(exception_type: str, message: str, package: str) -> str:
    """ "TypeName: message" with the generated package's name and any file path replaced.

    Quoted names are kept (`name 'Unset' is not defined` says what is wrong) except the dotted
    module paths inside the package, which differ per spec.
    """
    text = message.splitlines()[0] if message else ""
    if package:
        text = re.sub(rf"\b{re.escape(package)}(\.[\w.]+)?", "PKG…", text)
    text = _FILE.sub("FILE", text)
    text = _HEX_ADDRESS.sub("0x…", text)
    return shorten(f"{exception_type}: {text}" if text else exception_type)


def mypy_error_codes(output: str) -> Counter[str]:
    """How many errors mypy reported for each error code ("misc" stands in where it printed none)."""
    codes: Counter[str] = Counter()
    for line in output.splitlines():
        match = _MYPY_LINE.match(line)
        if match and match["severity"] == "error":
            codes[match["code"] or "misc"] += 1
    return codes


def mypy_examples(output: str, codes: Iterable[str]) -> dict[str, str]:
    """The first error mypy printed for each of `codes`, with its file and line."""
    wanted = set(codes)
    examples: dict[str, str] = {}
    for line in output.splitlines():
        match = _MYPY_LINE.match(line)
        if match and match["severity"] == "error":
            code = match["code"] or "misc"
            if code in wanted and code not in examples:
                examples[code] = shorten(f"{match['file']}:{match['line']}: {match['message']}", 400)
    return examples
