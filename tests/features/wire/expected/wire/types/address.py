from __future__ import annotations

from typing import TypedDict

from .._models import BaseModel

__all__ = ["Address", "AddressParam"]


class Address(BaseModel):
    line1: str | None = None
    city: str | None = None


class AddressParam(TypedDict, total=False):
    """The fields of `Address`, as a dict keyed by their names on the wire."""

    line1: str
    city: str
