from __future__ import annotations

from collections.abc import Sequence
from typing import Required, TypedDict, Union

from .._models import BaseModel, wire_names
from .json_value import JsonValue

__all__ = ["TreeNode", "TreeNodeParam"]


class TreeNode(BaseModel):
    value: JsonValue
    children: list[TreeNode] | None = None
    leaf_count: int | None = None

    model_config = wire_names({"leaf_count": "leaf-count"})


TreeNodeParam = TypedDict(
    "TreeNodeParam",
    {
        "value": Required[JsonValue],
        "children": Sequence[Union[TreeNode, "TreeNodeParam"]],
        "leaf-count": int,
    },
    total=False,
)
"""The fields of `TreeNode`, as a dict keyed by their names on the wire."""
