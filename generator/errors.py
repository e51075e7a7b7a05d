"""Errors and warnings that point at a place in the input: a file, a JSON pointer, a line."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


def escape_pointer_token(token: str | int) -> str:
    """Escape one reference token of a JSON pointer (RFC 6901)."""
    return str(token).replace("~", "~0").replace("/", "~1")


def unescape_pointer_token(token: str) -> str:
    """The key one escaped reference token of a JSON pointer names (RFC 6901)."""
    return token.replace("~1", "/").replace("~0", "~")


def pointer_tokens(fragment: str) -> list[str]:
    """The keys a JSON pointer (`/paths/~1a/get`, no `#`) names, unescaped."""
    return [unescape_pointer_token(token) for token in fragment.split("/")[1:]]


def pointer_of(*tokens: str | int) -> str:
    """The JSON pointer for a path of keys, e.g. ("paths", "/a") -> "/paths/~1a"."""
    return "".join("/" + escape_pointer_token(token) for token in tokens)


@dataclass(frozen=True)
class Location:
    """Where in the input something is: a file, and optionally a JSON pointer and a line."""

    file: Path | str
    pointer: str | None = None
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        text = str(self.file)
        if self.line is not None:
            text += f":{self.line}"
            if self.column is not None:
                text += f":{self.column}"
        if self.pointer is not None:
            text += f"#{self.pointer}"
        return text


STALE = "no longer applies: "
"""How the warning of a user's override that no longer applies begins: an overlay action whose
target selects nothing, a `names` entry whose operation or schema is gone. The upstream may
have fixed what it worked around, so it never stops a run (not even under --strict) unless the
configuration's `stale-overlays = "error"` says so."""


def stale(message: str) -> str:
    """The message of an override that no longer applies."""
    return STALE + message


@dataclass(frozen=True)
class Diagnostic:
    """One finding about the input; printed as a single line."""

    location: Location
    message: str

    @property
    def stale(self) -> bool:
        """It names an override that no longer applies (`stale`)."""
        return self.message.startswith(STALE)

    def __str__(self) -> str:
        # one line whatever the message quotes: line breaks and other control characters escaped
        text = f"{self.location}: {self.message}"
        return "".join(char if char.isprintable() else repr(char)[1:-1] for char in text)


class GeneratorError(Exception):
    """Bad input or an unusable output folder: the CLI prints it as one line and exits 2."""

    def __init__(self, location: Location | Path | str, message: str) -> None:
        if not isinstance(location, Location):
            location = Location(location)
        self.diagnostic = Diagnostic(location, message)
        super().__init__(str(self.diagnostic))


@dataclass
class Warnings:
    """Warnings collected while reading a spec; `strict` turns the first one into an error, but
    for an override that no longer applies (`stale`)."""

    strict: bool = False
    items: list[Diagnostic] = field(default_factory=list)

    def add(self, location: Location, message: str) -> None:
        if self.strict and not message.startswith(STALE):
            raise GeneratorError(location, message + " (--strict)")
        self.items.append(Diagnostic(location, message))
