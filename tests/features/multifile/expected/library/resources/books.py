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
from .._types import Body, Headers, NOT_GIVEN, NotGiven, Query
from ..types.author import Author, AuthorParam
from ..types.book import Book
from ..types.problem import Problem

__all__ = [
    "BooksResource",
    "AsyncBooksResource",
    "BooksResourceWithRawResponse",
    "AsyncBooksResourceWithRawResponse",
]

_LIST_BOOKS: Endpoint[list[Book]] = Endpoint(
    method="GET",
    path="/books",
    response=list[Book],
    response_kind="json",
    errors={
        "4XX": Problem,
    },
    accept="application/vnd.library+json, application/problem+json;q=0.5",
)

_ADD_BOOK: Endpoint[Book] = Endpoint(
    method="POST",
    path="/books",
    response=Book,
    response_kind="json",
    errors={
        "default": Problem,
    },
    body_encoding="json",
    accept="application/json, application/problem+json;q=0.5",
)


class BooksResource(SyncAPIResource):
    """Operations tagged 'books'."""

    @functools.cached_property
    def with_raw_response(self) -> BooksResourceWithRawResponse:
        """The same methods, returning a RawResponse: status, headers and the parsed value."""
        return BooksResourceWithRawResponse(self)

    def list_books(
        self,
        *,
        page: int | NotGiven = NOT_GIVEN,
        lang: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> list[Book]:
        """GET /books

        Args:
          page (int): Which page, from 1.
          lang (str): Defaults to "en" on the server.

        Raises:
          APIStatusError: 4XX Something went wrong.
        """
        return self._client.request(
            _LIST_BOOKS,
            Call(
                query={"page": page, "lang": lang},
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    def add_book(
        self,
        *,
        title: str,
        author: Author | AuthorParam | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> Book:
        """POST /books

        Args:
          title (str):
          author (Author | AuthorParam):

        Raises:
          APIStatusError: default Something went wrong.
        """
        return self._client.request(
            _ADD_BOOK,
            Call(
                body={"title": title, "author": author},
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )


class BooksResourceWithRawResponse:
    """The methods of `BooksResource`, each returning a RawResponse."""

    def __init__(self, resource: BooksResource) -> None:
        self.list_books = raw_response_wrapper(resource.list_books)
        self.add_book = raw_response_wrapper(resource.add_book)


class AsyncBooksResource(AsyncAPIResource):
    """Operations tagged 'books'."""

    @functools.cached_property
    def with_raw_response(self) -> AsyncBooksResourceWithRawResponse:
        """The same methods, returning a RawResponse: status, headers and the parsed value."""
        return AsyncBooksResourceWithRawResponse(self)

    async def list_books(
        self,
        *,
        page: int | NotGiven = NOT_GIVEN,
        lang: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> list[Book]:
        """GET /books

        Args:
          page (int): Which page, from 1.
          lang (str): Defaults to "en" on the server.

        Raises:
          APIStatusError: 4XX Something went wrong.
        """
        return await self._client.request(
            _LIST_BOOKS,
            Call(
                query={"page": page, "lang": lang},
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    async def add_book(
        self,
        *,
        title: str,
        author: Author | AuthorParam | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> Book:
        """POST /books

        Args:
          title (str):
          author (Author | AuthorParam):

        Raises:
          APIStatusError: default Something went wrong.
        """
        return await self._client.request(
            _ADD_BOOK,
            Call(
                body={"title": title, "author": author},
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )


class AsyncBooksResourceWithRawResponse:
    """The methods of `AsyncBooksResource`, each returning a RawResponse."""

    def __init__(self, resource: AsyncBooksResource) -> None:
        self.list_books = async_raw_response_wrapper(resource.list_books)
        self.add_book = async_raw_response_wrapper(resource.add_book)
