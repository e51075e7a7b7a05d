from __future__ import annotations

import functools
from collections.abc import Sequence

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
from ..types.address import Address, AddressParam

__all__ = [
    "DocumentsResource",
    "AsyncDocumentsResource",
    "DocumentsResourceWithRawResponse",
    "AsyncDocumentsResourceWithRawResponse",
]

_UPLOAD_DOCUMENTS: Endpoint[None] = Endpoint(
    method="POST",
    path="/documents",
    response=None,
    response_kind="none",
    body_encoding="multipart",
    encodings={
        "body": {
            "scan": Encoding(headers={"X-Scan-Resolution": "300"}),
            "owner": Encoding(content_type="application/json"),
            "addresses": Encoding(content_type="application/json"),
            "thumbnail": Encoding(content_type="image/png"),
        },
    },
)


class DocumentsResource(SyncAPIResource):
    """Operations tagged 'documents'."""

    @functools.cached_property
    def with_raw_response(self) -> DocumentsResourceWithRawResponse:
        """The same methods, returning a RawResponse: status, headers and the parsed value."""
        return DocumentsResourceWithRawResponse(self)

    def upload_documents(
        self,
        *,
        scan: FileTypes,
        title: str | NotGiven = NOT_GIVEN,
        pages: int | NotGiven = NOT_GIVEN,
        labels: list[str] | NotGiven = NOT_GIVEN,
        owner: Address | AddressParam | NotGiven = NOT_GIVEN,
        addresses: Sequence[Address | AddressParam] | NotGiven = NOT_GIVEN,
        thumbnail: FileTypes | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> None:
        """POST /documents

        Args:
          scan (FileTypes):
          title (str):
          pages (int):
          labels (list[str]):
          owner (Address | AddressParam):
          addresses (Sequence[Address | AddressParam]):
          thumbnail (FileTypes):
        """
        return self._client.request(
            _UPLOAD_DOCUMENTS,
            Call(
                body={
                    "scan": scan,
                    "title": title,
                    "pages": pages,
                    "labels": labels,
                    "owner": owner,
                    "addresses": addresses,
                    "thumbnail": thumbnail,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )


class DocumentsResourceWithRawResponse:
    """The methods of `DocumentsResource`, each returning a RawResponse."""

    def __init__(self, resource: DocumentsResource) -> None:
        self.upload_documents = raw_response_wrapper(resource.upload_documents)


class AsyncDocumentsResource(AsyncAPIResource):
    """Operations tagged 'documents'."""

    @functools.cached_property
    def with_raw_response(self) -> AsyncDocumentsResourceWithRawResponse:
        """The same methods, returning a RawResponse: status, headers and the parsed value."""
        return AsyncDocumentsResourceWithRawResponse(self)

    async def upload_documents(
        self,
        *,
        scan: FileTypes,
        title: str | NotGiven = NOT_GIVEN,
        pages: int | NotGiven = NOT_GIVEN,
        labels: list[str] | NotGiven = NOT_GIVEN,
        owner: Address | AddressParam | NotGiven = NOT_GIVEN,
        addresses: Sequence[Address | AddressParam] | NotGiven = NOT_GIVEN,
        thumbnail: FileTypes | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> None:
        """POST /documents

        Args:
          scan (FileTypes):
          title (str):
          pages (int):
          labels (list[str]):
          owner (Address | AddressParam):
          addresses (Sequence[Address | AddressParam]):
          thumbnail (FileTypes):
        """
        return await self._client.request(
            _UPLOAD_DOCUMENTS,
            Call(
                body={
                    "scan": scan,
                    "title": title,
                    "pages": pages,
                    "labels": labels,
                    "owner": owner,
                    "addresses": addresses,
                    "thumbnail": thumbnail,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )


class AsyncDocumentsResourceWithRawResponse:
    """The methods of `AsyncDocumentsResource`, each returning a RawResponse."""

    def __init__(self, resource: AsyncDocumentsResource) -> None:
        self.upload_documents = async_raw_response_wrapper(resource.upload_documents)
