from __future__ import annotations

import functools
from collections.abc import Sequence

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
from ..types.json_value import JsonValue
from ..types.tree_node import TreeNode, TreeNodeParam

__all__ = [
    "TreeResource",
    "AsyncTreeResource",
    "TreeResourceWithRawResponse",
    "AsyncTreeResourceWithRawResponse",
]

_GET_TREE: Endpoint[TreeNode] = Endpoint(
    method="GET",
    path="/tree",
    response=TreeNode,
    response_kind="json",
)

_PLANT_TREE: Endpoint[None] = Endpoint(
    method="POST",
    path="/tree",
    response=None,
    response_kind="none",
    body_encoding="json",
)


class TreeResource(SyncAPIResource):
    """Operations tagged 'tree'."""

    @functools.cached_property
    def with_raw_response(self) -> TreeResourceWithRawResponse:
        """The same methods, returning a RawResponse: status, headers and the parsed value."""
        return TreeResourceWithRawResponse(self)

    def get_tree(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> TreeNode:
        """GET /tree"""
        return self._client.request(
            _GET_TREE,
            Call(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    def plant_tree(
        self,
        *,
        value: JsonValue,
        children: Sequence[TreeNode | TreeNodeParam] | NotGiven = NOT_GIVEN,
        leaf_count: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> None:
        """POST /tree

        A request body that contains itself, with a key that is not a Python name.

        Args:
          value (JsonValue):
          children (Sequence[TreeNode | TreeNodeParam]):
          leaf_count (int):
        """
        return self._client.request(
            _PLANT_TREE,
            Call(
                body={"value": value, "children": children, "leaf-count": leaf_count},
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )


class TreeResourceWithRawResponse:
    """The methods of `TreeResource`, each returning a RawResponse."""

    def __init__(self, resource: TreeResource) -> None:
        self.get_tree = raw_response_wrapper(resource.get_tree)
        self.plant_tree = raw_response_wrapper(resource.plant_tree)


class AsyncTreeResource(AsyncAPIResource):
    """Operations tagged 'tree'."""

    @functools.cached_property
    def with_raw_response(self) -> AsyncTreeResourceWithRawResponse:
        """The same methods, returning a RawResponse: status, headers and the parsed value."""
        return AsyncTreeResourceWithRawResponse(self)

    async def get_tree(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> TreeNode:
        """GET /tree"""
        return await self._client.request(
            _GET_TREE,
            Call(
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    async def plant_tree(
        self,
        *,
        value: JsonValue,
        children: Sequence[TreeNode | TreeNodeParam] | NotGiven = NOT_GIVEN,
        leaf_count: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> None:
        """POST /tree

        A request body that contains itself, with a key that is not a Python name.

        Args:
          value (JsonValue):
          children (Sequence[TreeNode | TreeNodeParam]):
          leaf_count (int):
        """
        return await self._client.request(
            _PLANT_TREE,
            Call(
                body={"value": value, "children": children, "leaf-count": leaf_count},
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )


class AsyncTreeResourceWithRawResponse:
    """The methods of `AsyncTreeResource`, each returning a RawResponse."""

    def __init__(self, resource: AsyncTreeResource) -> None:
        self.get_tree = async_raw_response_wrapper(resource.get_tree)
        self.plant_tree = async_raw_response_wrapper(resource.plant_tree)
