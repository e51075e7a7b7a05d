"""Python names the user chose, so that a public name survives spec changes: a method by the
operation's operationId (or its JSON pointer), a class or a field by its schema's JSON pointer."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class NameOverrides:
    names: Mapping[str, str] = field(default_factory=dict)
    """operationId or `#/json/pointer` -> the Python name."""

    def method(self, operation_id: str | None, pointer: str) -> str | None:
        return (self.names.get(operation_id) if operation_id else None) or self.names.get("#" + pointer)

    def at(self, pointer: str) -> str | None:
        return self.names.get("#" + pointer)


NO_OVERRIDES = NameOverrides()
