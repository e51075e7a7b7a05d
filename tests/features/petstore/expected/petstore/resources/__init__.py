"""The resources of the Petstore API: one per tag, reached as attributes of the client."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .pets import AsyncPetsResource as AsyncPetsResource, PetsResource as PetsResource
    from .store import AsyncStoreResource as AsyncStoreResource, StoreResource as StoreResource

_MODULES: dict[str, str] = {
    "PetsResource": "pets",
    "AsyncPetsResource": "pets",
    "StoreResource": "store",
    "AsyncStoreResource": "store",
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
