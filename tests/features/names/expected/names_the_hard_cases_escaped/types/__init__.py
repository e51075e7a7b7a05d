"""The models of the Names: the "hard" cases \\ escaped: import them from here.

Each is loaded from its module on first use.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .base_model2 import BaseModel2 as BaseModel2
    from .client import Client as Client
    from .client2 import Client2 as Client2

_MODULES: dict[str, str] = {
    "BaseModel2": "base_model2",
    "Client": "client",
    "Client2": "client2",
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
