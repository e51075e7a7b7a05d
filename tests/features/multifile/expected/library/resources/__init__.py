"""The resources of the Library API: one per tag, reached as attributes of the client."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .books import AsyncBooksResource as AsyncBooksResource, BooksResource as BooksResource

_MODULES: dict[str, str] = {
    "BooksResource": "books",
    "AsyncBooksResource": "books",
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
