"""Contract tests of `client.books`: each operation called with arguments the spec
accepts, and each documented error status, asked of the server, raised as its exception."""

from __future__ import annotations

from library import Library
from library.types import Book


def test_list_books(client: Library) -> None:
    result = client.books.list_books()
    assert isinstance(result, list)


def test_add_book(client: Library) -> None:
    result = client.books.add_book(title="sample")
    assert isinstance(result, Book)
