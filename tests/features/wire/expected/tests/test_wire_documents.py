"""Contract tests of `client.documents`: each operation called with arguments the spec
accepts, and each documented error status, asked of the server, raised as its exception."""

from __future__ import annotations

from wire import Wire


def test_upload_documents(client: Wire) -> None:
    # the client parses the response into the declared type, or raises
    client.documents.upload_documents(scan=b"sample")
