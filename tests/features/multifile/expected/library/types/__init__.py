"""The models of the Library API: import them from here.

Each is loaded from its module on first use.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .book import Book as Book
    from .author import Author as Author, AuthorParam as AuthorParam
    from .problem import Problem as Problem

_MODULES: dict[str, str] = {
    "Book": "book",
    "Author": "author",
    "AuthorParam": "author",
    "Problem": "problem",
}

__all__ = sorted(_MODULES)


def __getattr__(name: str) -> object:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
