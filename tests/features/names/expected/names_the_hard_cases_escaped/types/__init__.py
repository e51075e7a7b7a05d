"""The models of the Names: the "hard" cases \\ escaped: import them from here.

Each is loaded from its module on first use.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .base_model2 import BaseModel2 as BaseModel2
    from .client import Client as Client
    from .client2 import Client2 as Client2
    from .sequence2 import (
        Sequence2MarksItem as Sequence2MarksItem,
        Sequence2MarksItemParam as Sequence2MarksItemParam,
        Sequence2 as Sequence2,
        Sequence2Param as Sequence2Param,
    )
    from .tag import Tag as Tag, TagParam as TagParam
    from .annotated2 import Annotated2 as Annotated2, Annotated2Param as Annotated2Param
    from .required2 import Required2 as Required2, Required2Param as Required2Param
    from .typed_dict2 import TypedDict2 as TypedDict2, TypedDict2Param as TypedDict2Param

_MODULES: dict[str, str] = {
    "BaseModel2": "base_model2",
    "Client": "client",
    "Client2": "client2",
    "Sequence2MarksItem": "sequence2",
    "Sequence2MarksItemParam": "sequence2",
    "Sequence2": "sequence2",
    "Sequence2Param": "sequence2",
    "Tag": "tag",
    "TagParam": "tag",
    "Annotated2": "annotated2",
    "Annotated2Param": "annotated2",
    "Required2": "required2",
    "Required2Param": "required2",
    "TypedDict2": "typed_dict2",
    "TypedDict2Param": "typed_dict2",
}

__all__ = sorted(_MODULES)


def __getattr__(name: str) -> object:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
