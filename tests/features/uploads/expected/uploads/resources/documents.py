from __future__ import annotations

import httpx

from .._base_client import AsyncAPIResource, Endpoint, SyncAPIResource
from .._types import Body, FileTypes, Headers, NOT_GIVEN, NotGiven, Query
from ..types.upload_document import (
    UploadDocumentRequestOptions,
    UploadDocumentRequestOptionsParam,
    UploadDocumentResponse,
)

__all__ = ["DocumentsResource", "AsyncDocumentsResource"]

_UPLOAD_DOCUMENT: Endpoint[UploadDocumentResponse] = Endpoint(
    method="POST",
    path="/documents",
    response=UploadDocumentResponse,
    response_kind="json",
    security=[["token"]],
    body_encoding="multipart",
    part_content_types={"options": "application/json"},
)

_DOWNLOAD_DOCUMENT: Endpoint[bytes] = Endpoint(
    method="GET",
    path="/documents/{id}/content",
    response=bytes,
    response_kind="bytes",
    security=[["token"]],
)

_REPLACE_DOCUMENT: Endpoint[None] = Endpoint(
    method="PUT",
    path="/documents/{id}/content",
    response=None,
    response_kind="none",
    security=[["token"]],
    body_encoding="binary",
)

_SUMMARIZE_DOCUMENT: Endpoint[str] = Endpoint(
    method="GET",
    path="/documents/{id}/summary",
    response=str,
    response_kind="text",
    security=[["token"]],
)


class DocumentsResource(SyncAPIResource):
    """Operations tagged 'documents'."""

    def upload_document(
        self,
        *,
        file: FileTypes,
        title: str | NotGiven = NOT_GIVEN,
        labels: list[str] | NotGiven = NOT_GIVEN,
        options: (
            UploadDocumentRequestOptions | UploadDocumentRequestOptionsParam | NotGiven
        ) = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> UploadDocumentResponse:
        """POST /documents"""
        return self._client.request(
            _UPLOAD_DOCUMENT,
            body={"file": file, "title": title, "labels": labels, "options": options},
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    def download_document(
        self,
        *,
        id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> bytes:
        """GET /documents/{id}/content"""
        return self._client.request(
            _DOWNLOAD_DOCUMENT,
            path={"id": id},
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    def replace_document(
        self,
        *,
        id: str,
        body: FileTypes,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> None:
        """PUT /documents/{id}/content"""
        return self._client.request(
            _REPLACE_DOCUMENT,
            path={"id": id},
            body=body,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    def summarize_document(
        self,
        *,
        id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> str:
        """GET /documents/{id}/summary"""
        return self._client.request(
            _SUMMARIZE_DOCUMENT,
            path={"id": id},
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )


class AsyncDocumentsResource(AsyncAPIResource):
    """Operations tagged 'documents'."""

    async def upload_document(
        self,
        *,
        file: FileTypes,
        title: str | NotGiven = NOT_GIVEN,
        labels: list[str] | NotGiven = NOT_GIVEN,
        options: (
            UploadDocumentRequestOptions | UploadDocumentRequestOptionsParam | NotGiven
        ) = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> UploadDocumentResponse:
        """POST /documents"""
        return await self._client.request(
            _UPLOAD_DOCUMENT,
            body={"file": file, "title": title, "labels": labels, "options": options},
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def download_document(
        self,
        *,
        id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> bytes:
        """GET /documents/{id}/content"""
        return await self._client.request(
            _DOWNLOAD_DOCUMENT,
            path={"id": id},
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def replace_document(
        self,
        *,
        id: str,
        body: FileTypes,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> None:
        """PUT /documents/{id}/content"""
        return await self._client.request(
            _REPLACE_DOCUMENT,
            path={"id": id},
            body=body,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def summarize_document(
        self,
        *,
        id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> str:
        """GET /documents/{id}/summary"""
        return await self._client.request(
            _SUMMARIZE_DOCUMENT,
            path={"id": id},
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )
