"""The models of the Render Farm API: import them from here.

Each is loaded from its module on first use.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .frame import Frame as Frame
    from .start_render import (
        StartRenderRequestChecksItem as StartRenderRequestChecksItem,
        StartRenderRequestChecksItemParam as StartRenderRequestChecksItemParam,
        StartRenderResponse as StartRenderResponse,
    )
    from .get_render import GetRenderResponse as GetRenderResponse
    from .start_export import StartExportResponse as StartExportResponse
    from .get_export import GetExportResponse as GetExportResponse

_MODULES: dict[str, str] = {
    "Frame": "frame",
    "StartRenderRequestChecksItem": "start_render",
    "StartRenderRequestChecksItemParam": "start_render",
    "StartRenderResponse": "start_render",
    "GetRenderResponse": "get_render",
    "StartExportResponse": "start_export",
    "GetExportResponse": "get_export",
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
