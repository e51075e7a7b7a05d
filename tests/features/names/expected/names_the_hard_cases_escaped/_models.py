"""The base of every model of the API."""

from __future__ import annotations

from typing import Any

import pydantic
from pydantic import ConfigDict, Discriminator, Field, Tag

__all__ = ["BaseModel", "Field", "Tag", "discriminated", "wire_names"]


class BaseModel(pydantic.BaseModel):
    """A model of the API.

    Fields the API sends but does not document are kept: read them with `model_extra` (or
    as attributes). Fields are set by their Python name or by their name on the wire.
    """

    model_config = ConfigDict(extra="allow", populate_by_name=True, protected_namespaces=())


def wire_names(names: dict[str, str]) -> ConfigDict:
    """The configuration of a model whose fields are named differently on the wire."""
    return ConfigDict(alias_generator=lambda field: names.get(field, field))


def discriminated(wire_name: str, attribute: str, tags: dict[str, str]) -> Discriminator:
    """Choose a union's variant by the value of one property (`tags`: value -> variant tag)
    instead of trying each variant in turn."""

    def tag_of(value: Any) -> str | None:
        found = value.get(wire_name) if isinstance(value, dict) else getattr(value, attribute, None)
        return tags.get(found) if isinstance(found, str) else None

    return Discriminator(tag_of)
