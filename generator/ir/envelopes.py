"""`x-clientgen-envelope`: an API that wraps every answer (`{"success": true, "data": {...}}`)
gets methods that return what is inside, raise when the wrapper says the call failed, or return
a `bool` where the answer is only a success flag.

The extension stands on an operation, or on the schema of its successful JSON answer (then every
operation answering with that schema has it); the operation's own wins.

    x-clientgen-envelope:
      success: success       # the property that says whether the call succeeded (default "success")
      success-value: true    # the value that means it did (default true)
      error: error           # the property with the failure's message (default "error")
      data: data             # the property the method returns; without it, the whole answer
      flag: true             # or: the method returns whether the call succeeded, as a bool
      false-on: [409]        # with flag: error statuses that answer False instead of raising
"""

from __future__ import annotations

from typing import Any

from ..errors import escape_pointer_token
from ..load import Document
from .model import Envelope, Response
from .type_exprs import NONE, Model, Ref, TypeExpr, UnionOf

ENVELOPE_EXTENSION = "x-clientgen-envelope"
_KEYS = ("success", "success-value", "error", "data", "flag", "false-on")


def operation_envelope(
    document: Document, node: dict[str, Any], pointer: str, responses: list[Response]
) -> Envelope | None:
    """The envelope of an operation: its own `x-clientgen-envelope`, else its successful JSON
    answer's schema's; None when it has neither."""
    spec, where = _declared(document, node, pointer)
    if spec is None:
        return None
    if not isinstance(spec, dict) or not set(spec) <= set(_KEYS):
        raise document.error(where, f"must be an object with some of {', '.join(_KEYS)}")
    names = {key: spec.get(key, key) for key in ("success", "error")}
    for key in ("success", "error", "data"):
        if key in spec and (not isinstance(spec[key], str) or not spec[key]):
            raise document.error(f"{where}/{key}", "must be the name of a property")
    value = spec.get("success-value", True)
    if not isinstance(value, (str, int, bool)):
        raise document.error(f"{where}/success-value", "must be a string, a number or a boolean")
    flag = spec.get("flag", False)
    if not isinstance(flag, bool):
        raise document.error(f"{where}/flag", "must be true or false")
    false_on = spec.get("false-on", [])
    if not isinstance(false_on, list) or not all(isinstance(s, int) and 400 <= s < 600 for s in false_on):
        raise document.error(f"{where}/false-on", "must be a list of error statuses (400 to 599)")
    if false_on and not flag:
        raise document.error(f"{where}/false-on", "answers False: it needs `flag: true`")
    if flag and "data" in spec:
        raise document.error(f"{where}/data", "a method returns the flag or `data`, not both")
    model = _answer_model(responses)
    if model is None:
        raise document.error(where, "the operation's successful answer is not a JSON object with properties")
    payload = _payload_type(document, model, spec.get("data"), f"{where}/data")
    return Envelope(names["success"], value, names["error"], spec.get("data"), payload, flag, tuple(false_on))


def _declared(document: Document, node: dict[str, Any], pointer: str) -> tuple[Any, str]:
    """The extension and where it is written: on the operation, else on the schema of its first
    successful answer."""
    if ENVELOPE_EXTENSION in node:
        return node[ENVELOPE_EXTENSION], f"{pointer}/{ENVELOPE_EXTENSION}"
    for status, item in (node.get("responses") or {}).items():
        if not str(status).startswith("2"):
            continue
        response, at = document.resolve(item, f"{pointer}/responses/{escape_pointer_token(str(status))}")
        for media_type, media in ((response or {}).get("content") or {}).items():
            if not isinstance(media, dict) or "schema" not in media:
                continue
            schema, schema_pointer = document.resolve(
                media["schema"], f"{at}/content/{escape_pointer_token(media_type)}/schema"
            )
            if isinstance(schema, dict) and ENVELOPE_EXTENSION in schema:
                return schema[ENVELOPE_EXTENSION], f"{schema_pointer}/{ENVELOPE_EXTENSION}"
        break
    return None, pointer


def _answer_model(responses: list[Response]) -> Model | None:
    return next(
        (
            r.type.target
            for r in responses
            if r.is_success and r.stream_kind is None and isinstance(r.type, Ref) and isinstance(r.type.target, Model)
        ),
        None,
    )


def _payload_type(document: Document, model: Model, data: str | None, where: str) -> TypeExpr | None:
    """The type the method returns from `data`: its property's, without None (a successful call
    whose answer has no payload is an invalid answer, not a None)."""
    if data is None:
        return None
    field = next((f for f in model.fields if f.wire_name == data), None)
    if field is None:
        known = ", ".join(f.wire_name for f in model.fields)
        raise document.error(where, f"the successful answer {model.name} has no property {data!r} (it has: {known})")
    if isinstance(field.type, UnionOf):
        variants = tuple(t for t in field.type.variants if t != NONE)
        return variants[0] if len(variants) == 1 else UnionOf(variants, field.type.discriminator)
    return field.type
