"""Lenient readers of spec data: a value of the wrong type reads as absent, so the IR builder
stays simple where specs bend the standard (structural errors are caught by validate)."""

from __future__ import annotations

from typing import Any

from .errors import escape_pointer_token, unescape_pointer_token


def mapping(node: Any, key: str) -> dict[str, Any]:
    value = node.get(key) if isinstance(node, dict) else None
    return value if isinstance(value, dict) else {}


def sequence(node: Any, key: str) -> list[Any]:
    value = node.get(key) if isinstance(node, dict) else None
    return value if isinstance(value, list) else []


def text(node: Any, key: str) -> str | None:
    value = node.get(key) if isinstance(node, dict) else None
    return value if isinstance(value, str) else None


def discriminator_mapping(discriminator: Any) -> list[tuple[str, str]]:
    """A discriminator's mapping as (value, $ref) pairs: a value that names a component schema
    instead of referring to one (`Cat` for `#/components/schemas/Cat`) becomes that $ref."""
    found = mapping(discriminator, "mapping")
    return [
        (
            str(value),
            target
            if target.startswith("#") or "/" in target
            else f"#/components/schemas/{escape_pointer_token(target)}",
        )
        for value, target in found.items()
        if isinstance(target, str)
    ]


def schema_name(ref: str) -> str:
    """The name of the schema a $ref or a JSON pointer points to: its last token, unescaped (the
    discriminator value that selects an unmapped variant)."""
    return unescape_pointer_token(ref.rsplit("/", 1)[-1])
