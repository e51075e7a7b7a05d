from __future__ import annotations

from .._models import BaseModel

__all__ = ["UploadDocumentRequestOptions", "UploadDocumentResponse"]


class UploadDocumentRequestOptions(BaseModel):
    ocr: bool | None = None


class UploadDocumentResponse(BaseModel):
    id: str | None = None
    size: int | None = None
