"""The models of the Events API: import them from here.

Each is loaded from its module on first use.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .event import (
        EventPayloadVariant2 as EventPayloadVariant2,
        EventPayload as EventPayload,
        Event as Event,
    )
    from .list_events import ListEventsResponse as ListEventsResponse

_MODULES: dict[str, str] = {
    "EventPayloadVariant2": "event",
    "EventPayload": "event",
    "Event": "event",
    "ListEventsResponse": "list_events",
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
