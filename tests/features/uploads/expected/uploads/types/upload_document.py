from __future__ import annotations

from typing import TypedDict

from .._models import BaseModel

__all__ = [
    "UploadDocumentRequestOptions",
    "UploadDocumentRequestOptionsParam",
    "UploadDocumentResponse",
]


class UploadDocumentRequestOptions(BaseModel):
    ocr: bool | None = None


class UploadDocumentRequestOptionsParam(TypedDict, total=False):
    """The fields of `UploadDocumentRequestOptions`, as a dict keyed by their names on the wire."""

    ocr: bool


class UploadDocumentResponse(BaseModel):
    id: str | None = None
    size: int | None = None
