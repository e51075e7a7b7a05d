"""The models of the Chat API: import them from here.

Each is loaded from its module on first use.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .stream_completion import (
        StreamCompletionResponseEvent as StreamCompletionResponseEvent,
        StreamCompletionTooManyRequestsResponse as StreamCompletionTooManyRequestsResponse,
    )

_MODULES: dict[str, str] = {
    "StreamCompletionResponseEvent": "stream_completion",
    "StreamCompletionTooManyRequestsResponse": "stream_completion",
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
