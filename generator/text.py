"""Spec text that cannot be written as UTF-8: lone surrogates, which JSON escapes can carry."""

from __future__ import annotations


def has_lone_surrogate(text: str) -> bool:
    return any("\ud800" <= char <= "\udfff" for char in text)


def without_lone_surrogates(text: str) -> str:
    """The text with each lone surrogate replaced by U+FFFD."""
    return "".join("\ufffd" if "\ud800" <= char <= "\udfff" else char for char in text)
