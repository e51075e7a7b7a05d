from __future__ import annotations

import builtins
import functools
from collections.abc import Sequence
from typing import Any

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
from ..types.base_model2 import BaseModel2
from ..types.client import Client
from ..types.client2 import Client2
from ..types.sequence2 import Sequence2, Sequence2Param

__all__ = [
    "UserAccountsResource",
    "AsyncUserAccountsResource",
    "UserAccountsResourceWithRawResponse",
    "AsyncUserAccountsResourceWithRawResponse",
]

_GET_USERS_USER_ID_ITEMS: Endpoint[BaseModel2] = Endpoint(
    method="GET",
    path="/users/{user-id}/items",
    response=BaseModel2,
    response_kind="json",
)

_LIST: Endpoint[list[Client]] = Endpoint(
    method="GET",
    path="/list",
    response=list[Client],
    response_kind="json",
)

_CREATE_ITEM: Endpoint[Client2] = Endpoint(
    method="POST",
    path="/list",
    response=Client2,
    response_kind="json",
    body_encoding="json",
)


class UserAccountsResource(SyncAPIResource):
    """Operations tagged 'User Accounts'."""

    @functools.cached_property
    def with_raw_response(self) -> UserAccountsResourceWithRawResponse:
        """The same methods, returning a RawResponse: status, headers and the parsed value."""
        return UserAccountsResourceWithRawResponse(self)

    def get_users_user_id_items(
        self,
        *,
        user_id: str,
        class_: str | NotGiven = NOT_GIVEN,
        user_id_2: str | NotGiven = NOT_GIVEN,
        timeout: int | NotGiven = NOT_GIVEN,
        self_2: bool | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        request_timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> BaseModel2:
        """GET /users/{user-id}/items

        Args:
          user_id (str):
          class_ (str):
          user_id_2 (str):
          timeout (int): Server-side timeout in ms.
          self_2 (bool):
        """
        return self._client.request(
            _GET_USERS_USER_ID_ITEMS,
            Call(
                path={"user-id": user_id},
                query={"class": class_, "user_id": user_id_2, "timeout": timeout, "self": self_2},
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=request_timeout,
            ),
        )

    def list(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> builtins.list[Client]:
        """GET /list"""
        return self._client.request(
            _LIST,
            Call(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    def create_item(
        self,
        *,
        schema_: dict[str, Any],
        json_: str | NotGiven = NOT_GIVEN,
        model_config_: str | NotGiven = NOT_GIVEN,
        model_id: str | NotGiven = NOT_GIVEN,
        v2_fa: bool | NotGiven = NOT_GIVEN,
        odd_name: str | NotGiven = NOT_GIVEN,
        list: builtins.list[str] | NotGiven = NOT_GIVEN,
        str: str | NotGiven = NOT_GIVEN,
        from_: str | NotGiven = NOT_GIVEN,
        user_name: str | NotGiven = NOT_GIVEN,
        user_name_2: str | NotGiven = NOT_GIVEN,
        user_name_3: str | NotGiven = NOT_GIVEN,
        extra_headers: str | NotGiven = NOT_GIVEN,
        sequences: Sequence[Sequence2 | Sequence2Param] | NotGiven = NOT_GIVEN,
        request_extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> Client2:
        """POST /list

        Args:
          schema_ (dict[str, Any]): A field named schema.
          json_ (str):
          model_config_ (str):
          model_id (str):
          v2_fa (bool):
          odd_name (str):
          list (builtins.list[str]):
          str (str):
          from_ (str):
          user_name (str):
          user_name_2 (str):
          user_name_3 (str):
          extra_headers (str):
          sequences (Sequence[Sequence2 | Sequence2Param]):
        """
        return self._client.request(
            _CREATE_ITEM,
            Call(
                body={
                    "schema": schema_,
                    "json": json_,
                    "model_config": model_config_,
                    "model_id": model_id,
                    "2fa": v2_fa,
                    "<odd name> ": odd_name,
                    "list": list,
                    "str": str,
                    "from": from_,
                    "user-name": user_name,
                    "user_name": user_name_2,
                    "userName": user_name_3,
                    "extra_headers": extra_headers,
                    "sequences": sequences,
                },
                extra_headers=request_extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )


class UserAccountsResourceWithRawResponse:
    """The methods of `UserAccountsResource`, each returning a RawResponse."""

    def __init__(self, resource: UserAccountsResource) -> None:
        self.get_users_user_id_items = raw_response_wrapper(resource.get_users_user_id_items)
        self.list = raw_response_wrapper(resource.list)
        self.create_item = raw_response_wrapper(resource.create_item)


class AsyncUserAccountsResource(AsyncAPIResource):
    """Operations tagged 'User Accounts'."""

    @functools.cached_property
    def with_raw_response(self) -> AsyncUserAccountsResourceWithRawResponse:
        """The same methods, returning a RawResponse: status, headers and the parsed value."""
        return AsyncUserAccountsResourceWithRawResponse(self)

    async def get_users_user_id_items(
        self,
        *,
        user_id: str,
        class_: str | NotGiven = NOT_GIVEN,
        user_id_2: str | NotGiven = NOT_GIVEN,
        timeout: int | NotGiven = NOT_GIVEN,
        self_2: bool | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        request_timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> BaseModel2:
        """GET /users/{user-id}/items

        Args:
          user_id (str):
          class_ (str):
          user_id_2 (str):
          timeout (int): Server-side timeout in ms.
          self_2 (bool):
        """
        return await self._client.request(
            _GET_USERS_USER_ID_ITEMS,
            Call(
                path={"user-id": user_id},
                query={"class": class_, "user_id": user_id_2, "timeout": timeout, "self": self_2},
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=request_timeout,
            ),
        )

    async def list(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> builtins.list[Client]:
        """GET /list"""
        return await self._client.request(
            _LIST,
            Call(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    async def create_item(
        self,
        *,
        schema_: dict[str, Any],
        json_: str | NotGiven = NOT_GIVEN,
        model_config_: str | NotGiven = NOT_GIVEN,
        model_id: str | NotGiven = NOT_GIVEN,
        v2_fa: bool | NotGiven = NOT_GIVEN,
        odd_name: str | NotGiven = NOT_GIVEN,
        list: builtins.list[str] | NotGiven = NOT_GIVEN,
        str: str | NotGiven = NOT_GIVEN,
        from_: str | NotGiven = NOT_GIVEN,
        user_name: str | NotGiven = NOT_GIVEN,
        user_name_2: str | NotGiven = NOT_GIVEN,
        user_name_3: str | NotGiven = NOT_GIVEN,
        extra_headers: str | NotGiven = NOT_GIVEN,
        sequences: Sequence[Sequence2 | Sequence2Param] | NotGiven = NOT_GIVEN,
        request_extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> Client2:
        """POST /list

        Args:
          schema_ (dict[str, Any]): A field named schema.
          json_ (str):
          model_config_ (str):
          model_id (str):
          v2_fa (bool):
          odd_name (str):
          list (builtins.list[str]):
          str (str):
          from_ (str):
          user_name (str):
          user_name_2 (str):
          user_name_3 (str):
          extra_headers (str):
          sequences (Sequence[Sequence2 | Sequence2Param]):
        """
        return await self._client.request(
            _CREATE_ITEM,
            Call(
                body={
                    "schema": schema_,
                    "json": json_,
                    "model_config": model_config_,
                    "model_id": model_id,
                    "2fa": v2_fa,
                    "<odd name> ": odd_name,
                    "list": list,
                    "str": str,
                    "from": from_,
                    "user-name": user_name,
                    "user_name": user_name_2,
                    "userName": user_name_3,
                    "extra_headers": extra_headers,
                    "sequences": sequences,
                },
                extra_headers=request_extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )


class AsyncUserAccountsResourceWithRawResponse:
    """The methods of `AsyncUserAccountsResource`, each returning a RawResponse."""

    def __init__(self, resource: AsyncUserAccountsResource) -> None:
        self.get_users_user_id_items = async_raw_response_wrapper(resource.get_users_user_id_items)
        self.list = async_raw_response_wrapper(resource.list)
        self.create_item = async_raw_response_wrapper(resource.create_item)
