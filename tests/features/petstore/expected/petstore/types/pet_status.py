from __future__ import annotations

from typing import Literal, TypeAlias

__all__ = ["PetStatus"]


PetStatus: TypeAlias = Literal["available", "pending", "sold"]
"""Where the pet is in the sales process."""
