from __future__ import annotations

from .._models import BaseModel
from .author import Author

__all__ = ["Book"]


class Book(BaseModel):
    title: str
    author: Author | None = None
    isbn: str | None = None
