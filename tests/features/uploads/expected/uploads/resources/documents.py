from __future__ import annotations

import functools

import httpx

from .._base_client import (
    AsyncAPIResource,
    Call,
    Endpoint,
    SyncAPIResource,
    async_raw_response_wrapper,
    raw_response_wrapper,
)
from .._types import Body, FileTypes, Headers, NOT_GIVEN, NotGiven, Query
from .._wire import Encoding
from ..types.upload_document import (
    UploadDocumentRequestOptions,
    UploadDocumentRequestOptionsParam,
    UploadDocumentResponse,
)

__all__ = [
    "DocumentsResource",
    "AsyncDocumentsResource",
    "DocumentsResourceWithRawResponse",
    "AsyncDocumentsResourceWithRawResponse",
]

_UPLOAD_DOCUMENT: Endpoint[UploadDocumentResponse] = Endpoint(
    method="POST",
    path="/documents",
    response=UploadDocumentResponse,
    response_kind="json",
    security=[["token"]],
    body_encoding="multipart",
    encodings={"body": {"options": Encoding(content_type="application/json")}},
)

_DOWNLOAD_DOCUMENT: Endpoint[bytes] = Endpoint(
    method="GET",
    path="/documents/{id}/content",
    response=bytes,
    response_kind="bytes",
    security=[["token"]],
    accept="application/octet-stream",
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
    accept="text/plain",
)


class DocumentsResource(SyncAPIResource):
    """Operations tagged 'documents'."""

    @functools.cached_property
    def with_raw_response(self) -> DocumentsResourceWithRawResponse:
        """The same methods, returning a RawResponse: status, headers and the parsed value."""
        return DocumentsResourceWithRawResponse(self)

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
        """POST /documents

        Args:
          file (FileTypes):
          title (str):
          labels (list[str]):
          options (UploadDocumentRequestOptions | UploadDocumentRequestOptionsParam):
        """
        return self._client.request(
            _UPLOAD_DOCUMENT,
            Call(
                body={"file": file, "title": title, "labels": labels, "options": options},
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
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
        """GET /documents/{id}/content

        Args:
          id (str):
        """
        return self._client.request(
            _DOWNLOAD_DOCUMENT,
            Call(
                path={"id": id},
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
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
        """PUT /documents/{id}/content

        Args:
          id (str):
          body (FileTypes):
        """
        return self._client.request(
            _REPLACE_DOCUMENT,
            Call(
                path={"id": id},
                body=body,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
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
        """GET /documents/{id}/summary

        Args:
          id (str):
        """
        return self._client.request(
            _SUMMARIZE_DOCUMENT,
            Call(
                path={"id": id},
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )


class DocumentsResourceWithRawResponse:
    """The methods of `DocumentsResource`, each returning a RawResponse."""

    def __init__(self, resource: DocumentsResource) -> None:
        self.upload_document = raw_response_wrapper(resource.upload_document)
        self.download_document = raw_response_wrapper(resource.download_document)
        self.replace_document = raw_response_wrapper(resource.replace_document)
        self.summarize_document = raw_response_wrapper(resource.summarize_document)


class AsyncDocumentsResource(AsyncAPIResource):
    """Operations tagged 'documents'."""

    @functools.cached_property
    def with_raw_response(self) -> AsyncDocumentsResourceWithRawResponse:
        """The same methods, returning a RawResponse: status, headers and the parsed value."""
        return AsyncDocumentsResourceWithRawResponse(self)

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
        """POST /documents

        Args:
          file (FileTypes):
          title (str):
          labels (list[str]):
          options (UploadDocumentRequestOptions | UploadDocumentRequestOptionsParam):
        """
        return await self._client.request(
            _UPLOAD_DOCUMENT,
            Call(
                body={"file": file, "title": title, "labels": labels, "options": options},
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
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
        """GET /documents/{id}/content

        Args:
          id (str):
        """
        return await self._client.request(
            _DOWNLOAD_DOCUMENT,
            Call(
                path={"id": id},
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
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
        """PUT /documents/{id}/content

        Args:
          id (str):
          body (FileTypes):
        """
        return await self._client.request(
            _REPLACE_DOCUMENT,
            Call(
                path={"id": id},
                body=body,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
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
        """GET /documents/{id}/summary

        Args:
          id (str):
        """
        return await self._client.request(
            _SUMMARIZE_DOCUMENT,
            Call(
                path={"id": id},
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )


class AsyncDocumentsResourceWithRawResponse:
    """The methods of `AsyncDocumentsResource`, each returning a RawResponse."""

    def __init__(self, resource: AsyncDocumentsResource) -> None:
        self.upload_document = async_raw_response_wrapper(resource.upload_document)
        self.download_document = async_raw_response_wrapper(resource.download_document)
        self.replace_document = async_raw_response_wrapper(resource.replace_document)
        self.summarize_document = async_raw_response_wrapper(resource.summarize_document)
