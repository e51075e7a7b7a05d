"""The base of every model of the API."""

from __future__ import annotations

import pydantic
from pydantic import ConfigDict


class BaseModel(pydantic.BaseModel):
    """A model of the API.

    Fields the API sends but does not document are kept: read them with `model_extra` (or
    as attributes). Fields are set by their Python name or by their name on the wire.
    """

    model_config = ConfigDict(extra="allow", populate_by_name=True, protected_namespaces=())


def wire_names(names: dict[str, str]) -> ConfigDict:
    """The configuration of a model whose fields are named differently on the wire."""
    return ConfigDict(alias_generator=lambda field: names.get(field, field))
