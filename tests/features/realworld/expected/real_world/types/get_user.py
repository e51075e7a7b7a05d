from __future__ import annotations

from typing import Annotated, TypeAlias

from .._models import discriminated
from .private_user import PrivateUser
from .public_user import PublicUser

__all__ = ["GetUserResponse"]


GetUserResponse: TypeAlias = Annotated[
    PrivateUser | PublicUser,
    discriminated(
        "user_view_type", "user_view_type", {"private": "PrivateUser", "public": "PublicUser"}
    ),
]
