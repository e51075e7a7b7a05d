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
from ..types.login import LoginResponse

__all__ = [
    "AuthResource",
    "AsyncAuthResource",
    "AuthResourceWithRawResponse",
    "AsyncAuthResourceWithRawResponse",
]

_LOGIN: Endpoint[LoginResponse] = Endpoint(
    method="POST",
    path="/login",
    response=LoginResponse,
    response_kind="json",
    body_encoding="form",
)


class AuthResource(SyncAPIResource):
    """Operations tagged 'auth'."""

    @functools.cached_property
    def with_raw_response(self) -> AuthResourceWithRawResponse:
        """The same methods, returning a RawResponse: status, headers and the parsed value."""
        return AuthResourceWithRawResponse(self)

    def login(
        self,
        *,
        username: str,
        password: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> LoginResponse:
        """POST /login

        Args:
          username (str):
          password (str):
        """
        return self._client.request(
            _LOGIN,
            Call(
                body={"username": username, "password": password},
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )


class AuthResourceWithRawResponse:
    """The methods of `AuthResource`, each returning a RawResponse."""

    def __init__(self, resource: AuthResource) -> None:
        self.login = raw_response_wrapper(resource.login)


class AsyncAuthResource(AsyncAPIResource):
    """Operations tagged 'auth'."""

    @functools.cached_property
    def with_raw_response(self) -> AsyncAuthResourceWithRawResponse:
        """The same methods, returning a RawResponse: status, headers and the parsed value."""
        return AsyncAuthResourceWithRawResponse(self)

    async def login(
        self,
        *,
        username: str,
        password: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> LoginResponse:
        """POST /login

        Args:
          username (str):
          password (str):
        """
        return await self._client.request(
            _LOGIN,
            Call(
                body={"username": username, "password": password},
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )


class AsyncAuthResourceWithRawResponse:
    """The methods of `AsyncAuthResource`, each returning a RawResponse."""

    def __init__(self, resource: AsyncAuthResource) -> None:
        self.login = async_raw_response_wrapper(resource.login)
