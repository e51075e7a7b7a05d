from __future__ import annotations

from .pet import Pet

__all__ = ["Parrot"]


class Parrot(Pet):
    words: list[str]
