from __future__ import annotations

from typing import TYPE_CHECKING, TypeAlias, Union

from typing_extensions import TypeAliasType

__all__ = ["JsonValue"]


if TYPE_CHECKING:
    JsonValue: TypeAlias = Union[str, float, bool, list["JsonValue"], dict[str, "JsonValue"], None]
else:
    JsonValue = TypeAliasType(
        "JsonValue", Union[str, float, bool, list["JsonValue"], dict[str, "JsonValue"], None]
    )
