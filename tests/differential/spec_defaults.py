"""The defaults Firecrawl's spec documents for request bodies, as the preset's overlays leave it:
a field sent with its default value asks the API for what leaving it out asks, so the comparison
of requests leaves such fields out on both sides (firecrawl-py fills many in; the generated client
leaves them to the API)."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

from generator.overlay import apply_overlay

Schema = dict[str, Any]


class Defaults:
    def __init__(self, spec_path: Path, overlays: Sequence[Path]) -> None:
        self._spec = json.loads(spec_path.read_text())
        for overlay in overlays:
            apply_overlay(self._spec, overlay)
        self._operations = [
            (method.upper(), re.compile("/v2" + re.sub(r"\{[^}]+\}", "[^/]+", path) + "$"), operation)
            for path, item in self._spec["paths"].items()
            for method, operation in item.items()
            if isinstance(operation, dict) and "requestBody" in operation
        ]

    def _resolved(self, schema: Schema) -> Schema:
        while "$ref" in schema:
            schema = self._spec["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]]
        return schema

    def _properties(self, schema: Schema) -> dict[str, Schema]:
        """An object schema's properties, those of its allOf parts included."""
        schema = self._resolved(schema)
        properties = dict(schema.get("properties", {}))
        for part in schema.get("allOf", []):
            properties.update(self._properties(part))
        return properties

    def without_defaults(self, value: Any, schema: Schema) -> Any:
        """value, less every object field (at any depth) that holds its schema's default."""
        if not isinstance(value, dict):
            return value
        properties = self._properties(schema)
        kept = {}
        for key, item in value.items():
            field = self._resolved(properties.get(key, {}))
            if "default" in field and field["default"] == item:
                continue
            kept[key] = self.without_defaults(item, field)
        return kept

    def body_schema(self, method: str, path: str) -> Schema:
        for operation_method, pattern, operation in self._operations:
            if operation_method == method and pattern.match(path):
                content = operation["requestBody"].get("content", {})
                return dict(content.get("application/json", {}).get("schema", {}))
        return {}


@cache
def defaults(spec_path: Path, overlays: tuple[Path, ...]) -> Defaults:
    return Defaults(spec_path, overlays)
