from __future__ import annotations

import httpx

from .._base_client import AsyncAPIResource, Endpoint, SyncAPIResource
from .._types import Body, Headers, NOT_GIVEN, NotGiven, Query
from ..types.login import LoginResponse

__all__ = ["AuthResource", "AsyncAuthResource"]

_LOGIN: Endpoint[LoginResponse] = Endpoint(
    method="POST",
    path="/login",
    response=LoginResponse,
    response_kind="json",
    security=[],
    body_encoding="form",
)


class AuthResource(SyncAPIResource):
    """Operations tagged 'auth'."""

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
        """POST /login"""
        return self._client.request(
            _LOGIN,
            body={"username": username, "password": password},
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )


class AsyncAuthResource(AsyncAPIResource):
    """Operations tagged 'auth'."""

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
        """POST /login"""
        return await self._client.request(
            _LOGIN,
            body={"username": username, "password": password},
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )
