from __future__ import annotations

import builtins
from typing import Any

import httpx

from .._base_client import AsyncAPIResource, Endpoint, SyncAPIResource
from .._types import Body, Headers, NOT_GIVEN, NotGiven, Query
from ..types.base_model2 import BaseModel2
from ..types.client import Client
from ..types.client2 import Client2

__all__ = ["UserAccountsResource", "AsyncUserAccountsResource"]

_GET_USERS_USER_ID_ITEMS: Endpoint[BaseModel2] = Endpoint(
    method="GET",
    path="/users/{user-id}/items",
    response=BaseModel2,
    response_kind="json",
    security=[],
)

_LIST: Endpoint[list[Client]] = Endpoint(
    method="GET",
    path="/list",
    response=list[Client],
    response_kind="json",
    security=[],
)

_CREATE_ITEM: Endpoint[Client2] = Endpoint(
    method="POST",
    path="/list",
    response=Client2,
    response_kind="json",
    security=[],
    body_encoding="json",
)


class UserAccountsResource(SyncAPIResource):
    """Operations tagged 'User Accounts'."""

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
          timeout: Server-side timeout in ms.
        """
        return self._client.request(
            _GET_USERS_USER_ID_ITEMS,
            path={"user-id": user_id},
            query={"class": class_, "user_id": user_id_2, "timeout": timeout, "self": self_2},
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=request_timeout,
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
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
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
        request_extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> Client2:
        """POST /list

        Args:
          schema_: A field named schema.
        """
        return self._client.request(
            _CREATE_ITEM,
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
            },
            extra_headers=request_extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )


class AsyncUserAccountsResource(AsyncAPIResource):
    """Operations tagged 'User Accounts'."""

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
          timeout: Server-side timeout in ms.
        """
        return await self._client.request(
            _GET_USERS_USER_ID_ITEMS,
            path={"user-id": user_id},
            query={"class": class_, "user_id": user_id_2, "timeout": timeout, "self": self_2},
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=request_timeout,
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
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
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
        request_extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> Client2:
        """POST /list

        Args:
          schema_: A field named schema.
        """
        return await self._client.request(
            _CREATE_ITEM,
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
            },
            extra_headers=request_extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )
