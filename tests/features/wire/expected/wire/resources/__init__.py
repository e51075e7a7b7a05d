"""The resources of the Wire: one per tag, reached as attributes of the client."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .reports import (
        AsyncReportsResource as AsyncReportsResource,
        ReportsResource as ReportsResource,
    )
    from .customers import (
        AsyncCustomersResource as AsyncCustomersResource,
        CustomersResource as CustomersResource,
    )
    from .documents import (
        AsyncDocumentsResource as AsyncDocumentsResource,
        DocumentsResource as DocumentsResource,
    )

_MODULES: dict[str, str] = {
    "ReportsResource": "reports",
    "AsyncReportsResource": "reports",
    "CustomersResource": "customers",
    "AsyncCustomersResource": "customers",
    "DocumentsResource": "documents",
    "AsyncDocumentsResource": "documents",
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
