"""The models of the Shelter API: import them from here.

Each is loaded from its module on first use.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .animal import Animal as Animal
    from .cat import Cat as Cat
    from .dog import Dog as Dog
    from .problem import Problem as Problem
    from .adoption import Adoption as Adoption

_MODULES: dict[str, str] = {
    "Animal": "animal",
    "Cat": "cat",
    "Dog": "dog",
    "Problem": "problem",
    "Adoption": "adoption",
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
