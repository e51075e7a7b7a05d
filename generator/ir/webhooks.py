"""Webhooks (`webhooks`, OpenAPI 3.1 and later) and callbacks (an operation's `callbacks`): the
requests the API sends, whose JSON bodies a receiver reads as typed events, and how the API
signs them (`x-clientgen-webhooks`)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .. import naming, nodes, openapi32
from ..errors import Warnings, escape_pointer_token
from ..load import Document
from .api_parts import Webhook, WebhookSignature
from .bodies import is_json_media_type
from .discriminators import inferred_discriminator
from .operations import HTTP_METHODS
from .schemas import SchemaBuilder, joined
from .type_exprs import Alias, Model, NamedType, Ref, TypeExpr, UnionOf

SIGNATURE_EXTENSION = "x-clientgen-webhooks"
EVENT_UNION = "WebhookEvent"
# The classes of the client's `_webhooks.py`, which the client module and the package import
WEBHOOK_RUNTIME_NAMES = frozenset({"Webhooks", "InvalidWebhookSignatureError", "UnknownWebhookEventError"})

# The extension's keys and the values each may take (None: any string)
_SIGNATURE_KEYS: dict[str, tuple[str, ...] | None] = {
    "header": None,
    "prefix": None,
    "algorithm": ("sha256", "sha512", "sha1"),
    "signed": ("body", "timestamp.body"),
    "encoding": ("hex", "base64"),
    "timestamp-header": None,
}


def declares_webhooks(document: Document) -> bool:
    """Whether the document has webhooks or callbacks (the client then has `webhooks`)."""
    return any(True for _ in _path_items(document))


def _path_items(document: Document) -> Iterator[tuple[str, Any, str]]:
    """(name, path item, pointer) of each webhook and each callback expression, in spec order."""
    for key, item in nodes.mapping(document.data, "webhooks").items():
        if not key.startswith("x-"):
            yield key, item, "/webhooks/" + escape_pointer_token(key)
    for path, raw_item in nodes.mapping(document.data, "paths").items():
        if not path.startswith("/"):
            continue
        path_item, item_pointer = document.resolve(raw_item, "/paths/" + escape_pointer_token(path))
        for method in HTTP_METHODS:
            operation = nodes.mapping(path_item, method)
            for key, raw_callback in nodes.mapping(operation, "callbacks").items():
                callback_pointer = f"{item_pointer}/{method}/callbacks/{escape_pointer_token(key)}"
                callback, callback_pointer = document.resolve(raw_callback, callback_pointer)
                for expression, item in (callback if isinstance(callback, dict) else {}).items():
                    if not expression.startswith("x-"):
                        yield key, item, f"{callback_pointer}/{escape_pointer_token(expression)}"


class WebhookBuilder:
    """The webhooks of a document, their payloads' types and the union `unwrap` returns."""

    def __init__(
        self, document: Document, schemas: SchemaBuilder, warnings: Warnings, class_names: naming.Scope
    ) -> None:
        self._document = document
        self._schemas = schemas
        self._warnings = warnings
        self._class_names = class_names

    def build(self) -> tuple[list[Webhook], Alias | None]:
        webhooks = [
            webhook
            for name, raw_item, pointer in _path_items(self._document)
            for webhook in self._webhooks(name, raw_item, pointer)
        ]
        return webhooks, self._event_union(webhooks)

    def _webhooks(self, name: str, raw_item: Any, pointer: str) -> Iterator[Webhook]:
        path_item, item_pointer = self._document.resolve(raw_item, pointer)
        if not isinstance(path_item, dict):
            raise self._document.error(item_pointer, "a path item must be a mapping")
        methods: list[tuple[str, tuple[str, ...], Any]] = [
            (method, (method,), path_item.get(method)) for method in HTTP_METHODS
        ]
        if openapi32.is_3_2(self._document.data):
            methods += openapi32.added_operations(path_item)
        for method, keys, operation in methods:
            if not isinstance(operation, dict):
                continue
            operation_pointer = item_pointer + openapi32.pointer(keys)
            payload = self._payload(operation, operation_pointer, name)
            if payload is not None:
                description = nodes.text(operation, "summary") or nodes.text(operation, "description")
                yield Webhook(name, method.upper(), payload, description, operation_pointer)

    def _payload(self, operation: dict[str, Any], pointer: str, name: str) -> NamedType | None:
        """The type of the webhook's JSON body; None, with a warning, when it has none."""
        if "requestBody" not in operation:
            self._warnings.add(self._document.location(pointer), "the webhook has no request body; it is left out")
            return None
        body, body_pointer = self._document.resolve(operation["requestBody"], pointer + "/requestBody")
        content = nodes.mapping(body, "content")
        media_type = next((media_type for media_type in content if is_json_media_type(media_type)), None)
        media, media_pointer = (
            self._document.resolve(content[media_type], f"{body_pointer}/content/{escape_pointer_token(media_type)}")
            if media_type is not None
            else (None, body_pointer)
        )  # OpenAPI 3.2's may be a `$ref` to `components/mediaTypes`
        schema = media.get("schema") if isinstance(media, dict) else None
        if schema is None:
            self._warnings.add(
                self._document.location(body_pointer),
                "the webhook's body has no JSON schema, which unwrap needs; the webhook is left out",
            )
            return None
        schema_pointer = media_pointer + "/schema"
        with self._schemas.grouped(None):
            return self._schemas.payload(schema, schema_pointer, joined(name, "event"))

    def _event_union(self, webhooks: list[Webhook]) -> Alias | None:
        """`WebhookEvent`: the payloads' union, tagged where every payload is a model that fixes
        a property (`type`, `event`) to values of its own; otherwise the payload that fits is
        chosen."""
        payloads = list(dict.fromkeys(webhook.payload for webhook in webhooks))
        if not payloads:
            return None
        variants: list[TypeExpr] = [Ref(payload) for payload in payloads]
        models = [payload for payload in payloads if isinstance(payload, Model)]
        tagged = len(models) == len(payloads) > 1
        union = UnionOf(tuple(variants), inferred_discriminator(models) if tagged else None)
        alias = Alias(
            name=self._class_names.claim(EVENT_UNION, separator=""),
            pointer="/webhooks",
            type=union if len(variants) > 1 else variants[0],
            description="The payload of any of the API's webhooks, as `unwrap` returns it.",
        )
        self._schemas.declare(alias, set(payloads))
        return alias


def webhook_signature(document: Document, warnings: Warnings) -> WebhookSignature:
    """The signature scheme `x-clientgen-webhooks` declares, else Standard Webhooks'."""
    pointer = "/" + SIGNATURE_EXTENSION
    declared = document.data.get(SIGNATURE_EXTENSION)
    if declared is None:
        return WebhookSignature()
    if not isinstance(declared, dict):
        raise document.error(pointer, "must be a mapping")
    if not declares_webhooks(document):
        warnings.add(document.location(pointer), "the spec has no webhooks nor callbacks to verify; ignored")
    for key, value in declared.items():
        if key not in _SIGNATURE_KEYS:
            raise document.error(pointer, f"unknown key {key!r} (known: {', '.join(_SIGNATURE_KEYS)})")
        allowed = _SIGNATURE_KEYS[key]
        if not isinstance(value, str) or (allowed is not None and value not in allowed):
            expected = "a string" if allowed is None else "one of " + ", ".join(allowed)
            raise document.error(f"{pointer}/{escape_pointer_token(key)}", f"must be {expected}")
    if "header" not in declared:
        raise document.error(pointer, "names no `header` that carries the signature")
    return WebhookSignature(
        scheme="hmac",
        header=declared["header"],
        prefix=declared.get("prefix", ""),
        algorithm=declared.get("algorithm", "sha256"),
        signed=declared.get("signed", "body"),
        encoding=declared.get("encoding", "hex"),
        timestamp_header=declared.get("timestamp-header", "webhook-timestamp"),
    )
