"""The resources of the Render Farm API: one per tag, reached as attributes of the client."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .renders import (
        AsyncRendersResource as AsyncRendersResource,
        RendersResource as RendersResource,
    )
    from .exports import (
        AsyncExportsResource as AsyncExportsResource,
        ExportsResource as ExportsResource,
    )

_MODULES: dict[str, str] = {
    "RendersResource": "renders",
    "AsyncRendersResource": "renders",
    "ExportsResource": "exports",
    "AsyncExportsResource": "exports",
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
