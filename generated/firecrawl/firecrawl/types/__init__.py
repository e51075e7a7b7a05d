"""The models of the Firecrawl API: import them from here.

Each is loaded from its module on first use.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .stop_interactive_scrape_browser_session import (
        StopInteractiveScrapeBrowserSessionResponse as StopInteractiveScrapeBrowserSessionResponse,
        StopInteractiveScrapeBrowserSessionForbiddenResponse as StopInteractiveScrapeBrowserSessionForbiddenResponse,
        StopInteractiveScrapeBrowserSessionNotFoundResponse as StopInteractiveScrapeBrowserSessionNotFoundResponse,
    )

_MODULES: dict[str, str] = {
    "StopInteractiveScrapeBrowserSessionResponse": "stop_interactive_scrape_browser_session",
    "StopInteractiveScrapeBrowserSessionForbiddenResponse": "stop_interactive_scrape_browser_session",
    "StopInteractiveScrapeBrowserSessionNotFoundResponse": "stop_interactive_scrape_browser_session",
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
