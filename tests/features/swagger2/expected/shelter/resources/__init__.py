"""The resources of the Shelter API: one per tag, reached as attributes of the client."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .animals import (
        AsyncAnimalsResource as AsyncAnimalsResource,
        AnimalsResource as AnimalsResource,
    )
    from .adoptions import (
        AsyncAdoptionsResource as AsyncAdoptionsResource,
        AdoptionsResource as AdoptionsResource,
    )
    from .reports import (
        AsyncReportsResource as AsyncReportsResource,
        ReportsResource as ReportsResource,
    )

_MODULES: dict[str, str] = {
    "AnimalsResource": "animals",
    "AsyncAnimalsResource": "animals",
    "AdoptionsResource": "adoptions",
    "AsyncAdoptionsResource": "adoptions",
    "ReportsResource": "reports",
    "AsyncReportsResource": "reports",
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
