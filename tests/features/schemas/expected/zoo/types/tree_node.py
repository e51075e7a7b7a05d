from __future__ import annotations

from .._models import BaseModel
from .json_value import JsonValue

__all__ = ["TreeNode"]


class TreeNode(BaseModel):
    value: JsonValue
    children: list[TreeNode] | None = None
