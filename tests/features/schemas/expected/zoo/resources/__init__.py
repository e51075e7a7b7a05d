"""The resources of the Zoo API: one per tag, reached as attributes of the client."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .animals import (
        AsyncAnimalsResource as AsyncAnimalsResource,
        AnimalsResource as AnimalsResource,
    )
    from .keepers import (
        AsyncKeepersResource as AsyncKeepersResource,
        KeepersResource as KeepersResource,
    )
    from .events import AsyncEventsResource as AsyncEventsResource, EventsResource as EventsResource
    from .tree import AsyncTreeResource as AsyncTreeResource, TreeResource as TreeResource

_MODULES: dict[str, str] = {
    "AnimalsResource": "animals",
    "AsyncAnimalsResource": "animals",
    "KeepersResource": "keepers",
    "AsyncKeepersResource": "keepers",
    "EventsResource": "events",
    "AsyncEventsResource": "events",
    "TreeResource": "tree",
    "AsyncTreeResource": "tree",
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
