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

__all__ = [
    "SecretsResource",
    "AsyncSecretsResource",
    "SecretsResourceWithRawResponse",
    "AsyncSecretsResourceWithRawResponse",
]

_WITH_DEFAULT_SECURITY: Endpoint[None] = Endpoint(
    method="GET",
    path="/default",
    response=None,
    response_kind="none",
    security=[["headerKey"]],
)

_WITH_QUERY_KEY: Endpoint[None] = Endpoint(
    method="GET",
    path="/query",
    response=None,
    response_kind="none",
    security=[["queryKey"]],
)

_WITH_COOKIE_KEY: Endpoint[None] = Endpoint(
    method="GET",
    path="/cookie",
    response=None,
    response_kind="none",
    security=[["cookieKey"]],
)

_WITH_TOKEN_OR_BASIC: Endpoint[None] = Endpoint(
    method="GET",
    path="/either",
    response=None,
    response_kind="none",
    security=[["token"], ["basic"]],
)

_WITH_HEADER_AND_QUERY_KEYS: Endpoint[None] = Endpoint(
    method="GET",
    path="/both",
    response=None,
    response_kind="none",
    security=[["headerKey", "queryKey"]],
)

_WITH_OPTIONAL_TOKEN: Endpoint[None] = Endpoint(
    method="GET",
    path="/optional",
    response=None,
    response_kind="none",
    security=[["token"], []],
)

_WITHOUT_SECURITY: Endpoint[None] = Endpoint(
    method="GET",
    path="/public",
    response=None,
    response_kind="none",
)


class SecretsResource(SyncAPIResource):
    """Operations tagged 'secrets'."""

    @functools.cached_property
    def with_raw_response(self) -> SecretsResourceWithRawResponse:
        """The same methods, returning a RawResponse: status, headers and the parsed value."""
        return SecretsResourceWithRawResponse(self)

    def with_default_security(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> None:
        """GET /default"""
        return self._client.request(
            _WITH_DEFAULT_SECURITY,
            Call(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    def with_query_key(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> None:
        """GET /query"""
        return self._client.request(
            _WITH_QUERY_KEY,
            Call(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    def with_cookie_key(
        self,
        *,
        theme: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> None:
        """GET /cookie

        Args:
          theme (str):
        """
        return self._client.request(
            _WITH_COOKIE_KEY,
            Call(
                cookies={"theme": theme},
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    def with_token_or_basic(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> None:
        """GET /either"""
        return self._client.request(
            _WITH_TOKEN_OR_BASIC,
            Call(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    def with_header_and_query_keys(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> None:
        """GET /both"""
        return self._client.request(
            _WITH_HEADER_AND_QUERY_KEYS,
            Call(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    def with_optional_token(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> None:
        """GET /optional"""
        return self._client.request(
            _WITH_OPTIONAL_TOKEN,
            Call(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    def without_security(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> None:
        """GET /public"""
        return self._client.request(
            _WITHOUT_SECURITY,
            Call(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )


class SecretsResourceWithRawResponse:
    """The methods of `SecretsResource`, each returning a RawResponse."""

    def __init__(self, resource: SecretsResource) -> None:
        self.with_default_security = raw_response_wrapper(resource.with_default_security)
        self.with_query_key = raw_response_wrapper(resource.with_query_key)
        self.with_cookie_key = raw_response_wrapper(resource.with_cookie_key)
        self.with_token_or_basic = raw_response_wrapper(resource.with_token_or_basic)
        self.with_header_and_query_keys = raw_response_wrapper(resource.with_header_and_query_keys)
        self.with_optional_token = raw_response_wrapper(resource.with_optional_token)
        self.without_security = raw_response_wrapper(resource.without_security)


class AsyncSecretsResource(AsyncAPIResource):
    """Operations tagged 'secrets'."""

    @functools.cached_property
    def with_raw_response(self) -> AsyncSecretsResourceWithRawResponse:
        """The same methods, returning a RawResponse: status, headers and the parsed value."""
        return AsyncSecretsResourceWithRawResponse(self)

    async def with_default_security(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> None:
        """GET /default"""
        return await self._client.request(
            _WITH_DEFAULT_SECURITY,
            Call(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    async def with_query_key(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> None:
        """GET /query"""
        return await self._client.request(
            _WITH_QUERY_KEY,
            Call(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    async def with_cookie_key(
        self,
        *,
        theme: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> None:
        """GET /cookie

        Args:
          theme (str):
        """
        return await self._client.request(
            _WITH_COOKIE_KEY,
            Call(
                cookies={"theme": theme},
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    async def with_token_or_basic(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> None:
        """GET /either"""
        return await self._client.request(
            _WITH_TOKEN_OR_BASIC,
            Call(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    async def with_header_and_query_keys(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> None:
        """GET /both"""
        return await self._client.request(
            _WITH_HEADER_AND_QUERY_KEYS,
            Call(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    async def with_optional_token(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> None:
        """GET /optional"""
        return await self._client.request(
            _WITH_OPTIONAL_TOKEN,
            Call(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    async def without_security(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> None:
        """GET /public"""
        return await self._client.request(
            _WITHOUT_SECURITY,
            Call(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )


class AsyncSecretsResourceWithRawResponse:
    """The methods of `AsyncSecretsResource`, each returning a RawResponse."""

    def __init__(self, resource: AsyncSecretsResource) -> None:
        self.with_default_security = async_raw_response_wrapper(resource.with_default_security)
        self.with_query_key = async_raw_response_wrapper(resource.with_query_key)
        self.with_cookie_key = async_raw_response_wrapper(resource.with_cookie_key)
        self.with_token_or_basic = async_raw_response_wrapper(resource.with_token_or_basic)
        self.with_header_and_query_keys = async_raw_response_wrapper(
            resource.with_header_and_query_keys
        )
        self.with_optional_token = async_raw_response_wrapper(resource.with_optional_token)
        self.without_security = async_raw_response_wrapper(resource.without_security)
