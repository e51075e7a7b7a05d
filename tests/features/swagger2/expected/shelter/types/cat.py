from __future__ import annotations

from .animal import Animal

__all__ = ["Cat"]


class Cat(Animal):
    indoor: bool | None = None
