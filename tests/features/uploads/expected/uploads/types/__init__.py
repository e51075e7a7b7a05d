"""The models of the Uploads: import them from here.

Each is loaded from its module on first use.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .upload_document import (
        UploadDocumentRequestOptions as UploadDocumentRequestOptions,
        UploadDocumentRequestOptionsParam as UploadDocumentRequestOptionsParam,
        UploadDocumentResponse as UploadDocumentResponse,
    )
    from .login import LoginResponse as LoginResponse

_MODULES: dict[str, str] = {
    "UploadDocumentRequestOptions": "upload_document",
    "UploadDocumentRequestOptionsParam": "upload_document",
    "UploadDocumentResponse": "upload_document",
    "LoginResponse": "login",
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
