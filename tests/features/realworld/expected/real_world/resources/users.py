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
from ..types.get_user import GetUserResponse

__all__ = [
    "UsersResource",
    "AsyncUsersResource",
    "UsersResourceWithRawResponse",
    "AsyncUsersResourceWithRawResponse",
]

_GET_USER: Endpoint[GetUserResponse] = Endpoint(
    method="GET",
    path="/users/{login}",
    response=GetUserResponse,
    response_kind="json",
)

_PUT_AVATAR: Endpoint[None] = Endpoint(
    method="PUT",
    path="/avatars/{login}",
    response=None,
    response_kind="none",
    body_encoding="binary",
    content_type="image/png",
)


class UsersResource(SyncAPIResource):
    """Operations tagged 'Users'."""

    @functools.cached_property
    def with_raw_response(self) -> UsersResourceWithRawResponse:
        """The same methods, returning a RawResponse: status, headers and the parsed value."""
        return UsersResourceWithRawResponse(self)

    def get_user(
        self,
        *,
        login: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> GetUserResponse:
        """GET /users/{login}

        Args:
          login (str):
        """
        return self._client.request(
            _GET_USER,
            Call(
                path={"login": login},
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    def put_avatar(
        self,
        *,
        login: str,
        body: FileTypes,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> None:
        """PUT /avatars/{login}

        Args:
          login (str):
          body (FileTypes):
        """
        return self._client.request(
            _PUT_AVATAR,
            Call(
                path={"login": login},
                body=body,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )


class UsersResourceWithRawResponse:
    """The methods of `UsersResource`, each returning a RawResponse."""

    def __init__(self, resource: UsersResource) -> None:
        self.get_user = raw_response_wrapper(resource.get_user)
        self.put_avatar = raw_response_wrapper(resource.put_avatar)


class AsyncUsersResource(AsyncAPIResource):
    """Operations tagged 'Users'."""

    @functools.cached_property
    def with_raw_response(self) -> AsyncUsersResourceWithRawResponse:
        """The same methods, returning a RawResponse: status, headers and the parsed value."""
        return AsyncUsersResourceWithRawResponse(self)

    async def get_user(
        self,
        *,
        login: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> GetUserResponse:
        """GET /users/{login}

        Args:
          login (str):
        """
        return await self._client.request(
            _GET_USER,
            Call(
                path={"login": login},
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    async def put_avatar(
        self,
        *,
        login: str,
        body: FileTypes,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> None:
        """PUT /avatars/{login}

        Args:
          login (str):
          body (FileTypes):
        """
        return await self._client.request(
            _PUT_AVATAR,
            Call(
                path={"login": login},
                body=body,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )


class AsyncUsersResourceWithRawResponse:
    """The methods of `AsyncUsersResource`, each returning a RawResponse."""

    def __init__(self, resource: AsyncUsersResource) -> None:
        self.get_user = async_raw_response_wrapper(resource.get_user)
        self.put_avatar = async_raw_response_wrapper(resource.put_avatar)
