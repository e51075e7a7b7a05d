"""Operations that answer with a stream: the boolean argument that asks for one (`stream: true`)
where the answer may be JSON instead, overloads or twin methods, and how an item of a stream
says that the stream failed (`x-clientgen-stream`)."""

from __future__ import annotations

from typing import Any

from .. import naming
from ..errors import Warnings
from ..load import Document
from ..options import StreamMethods
from .extensions import ExtensionReader
from .model import Parameter, Response, StreamErrors, StreamFlag
from .type_exprs import NONE, Alias, Model, NamedType, Primitive, Ref, TypeExpr, UnionOf

STREAM_EXTENSION = "x-clientgen-stream"
ERROR_SCHEMA_EXTENSION = "x-clientgen-stream-error"
"""On a schema: an item of a stream that is of it says that the stream failed."""
DEFAULT_FLAG = "stream"
METHOD_STYLES = ("overloads", "twins")
_KEYS = frozenset({"flag", "methods", "name", "error-event", "error-key"})


class StreamReader(ExtensionReader):
    """Reads `x-clientgen-stream`: on an operation, and on the document for every operation
    (all but `name`), and `x-clientgen-stream-error` on the schemas of a stream's items."""

    def __init__(self, document: Document, warnings: Warnings, methods: StreamMethods = "overloads") -> None:
        """`methods`: the configuration's, which the document's extension overrides."""
        super().__init__(document, warnings)
        self._warnings = warnings
        self._defaults = {"methods": methods, **self._spec(document.data, "")}
        """The document's `x-clientgen-stream` over the configuration: every operation's defaults."""
        if "name" in self._defaults:
            raise document.error(f"/{STREAM_EXTENSION}/name", "names one operation's method: give it on the operation")
        self._methods_of(self._defaults, f"/{STREAM_EXTENSION}")
        if not isinstance(self._defaults.get("flag", DEFAULT_FLAG), str):
            raise document.error(f"/{STREAM_EXTENSION}/flag", "must be the name of a boolean argument")

    def flag(
        self,
        node: dict[str, Any],
        pointer: str,
        name: str,
        parameters: list[Parameter],
        responses: list[Response],
        scopes: list[naming.Scope],
    ) -> StreamFlag | None:
        """The flag that chooses between the answer (JSON, or bytes) and the stream the same
        response offers: the boolean body field or query parameter `stream` (or the one the
        extension names). Where the answer offers a stream and no such argument chooses it, a
        warning: the method returns the other answer alone."""
        spec = self._spec(node, pointer)
        where = f"{pointer}/{STREAM_EXTENSION}"
        offering = next((r for r in responses if r.is_success and r.stream is not None), None)
        wire_name = spec.get("flag", self._defaults.get("flag", DEFAULT_FLAG))
        if not isinstance(wire_name, str):
            raise self._document.error(f"{where}/flag", "must be the name of a boolean argument")
        if offering is None or offering.stream is None:
            if "flag" in spec:
                raise self._document.error(where, "the successful answer offers no stream beside another body")
            return None
        # a field of a flattened property (`within`) is no argument of the request itself
        arguments = (
            p for p in parameters if p.wire_name == wire_name and p.location in ("body", "query") and p.within is None
        )
        found = next((p for p in arguments if _boolean(p.type)), None)
        if found is None:
            if "flag" in spec:
                raise self._document.error(f"{where}/flag", f"{wire_name!r} is no boolean argument of this operation")
            self._warnings.add(
                self._document.location(pointer),
                f"the answer may be a stream ({offering.stream.media_type}), but no boolean argument {wire_name!r}"
                f" asks for it: the method returns its {offering.media_type} answer only"
                f" ({STREAM_EXTENSION}: {{flag: ...}} names the flag)",
            )
            return None
        twin = None
        if self._methods_of({**self._defaults, **spec}, where) == "twins":
            twin = self._extra_method_name(spec, f"{name}_stream", where, scopes)
        # a method's constant has no `__`: this one is no other's
        endpoint_name = naming.endpoint_constant(twin or name) + ("" if twin else "__STREAM")
        return StreamFlag(parameter=found, stream=offering.stream, endpoint_name=endpoint_name, twin=twin)

    def errors(self, node: dict[str, Any], pointer: str, responses: list[Response]) -> StreamErrors:
        """The event name and the key that mark an item as the stream's failure: `error` unless
        the extension says otherwise (null: none); the key is none by default where the items'
        schema has a property of that name, which is then data."""
        own = self._spec(node, pointer)
        spec = {**self._defaults, **own}
        where = f"{pointer}/{STREAM_EXTENSION}" if own else f"/{STREAM_EXTENSION}"
        values: list[str | None] = []
        for name in ("error-event", "error-key"):
            value = spec.get(name, "error")
            if value is not None and not isinstance(value, str):
                raise self._document.error(f"{where}/{name}", "must be a name, or null for none")
            values.append(value)
        event, key = values
        items = _item_types(responses)
        if "error-key" not in spec and key is not None and any(_has_property(t, key) for t in items):
            key = None
        marked = tuple(dict.fromkeys(named for t in items for named in self._marked(t, set())))
        return StreamErrors(event=event, key=key, types=marked)

    def _marked(self, type_: TypeExpr, seen: set[int]) -> list[NamedType]:
        """The named types a stream's item may be (through unions and aliases) whose schema says
        `x-clientgen-stream-error: true`."""
        if isinstance(type_, UnionOf):
            return [named for variant in type_.variants for named in self._marked(variant, seen)]
        if not isinstance(type_, Ref) or id(type_.target) in seen:
            return []
        target = type_.target
        seen.add(id(target))
        schema = self._document.lookup(target.pointer, referrer=target.pointer)
        if isinstance(schema, dict) and schema.get(ERROR_SCHEMA_EXTENSION) is True:
            return [target]
        return self._marked(target.type, seen) if isinstance(target, Alias) else []

    def _spec(self, node: dict[str, Any], pointer: str) -> dict[str, Any]:
        spec = node.get(STREAM_EXTENSION, {})
        where = f"{pointer}/{STREAM_EXTENSION}"
        if not isinstance(spec, dict):
            raise self._document.error(where, "must be a mapping")
        unknown = sorted(set(spec) - _KEYS)
        if unknown:
            raise self._document.error(f"{where}/{unknown[0]}", f"unknown key; the keys are {', '.join(sorted(_KEYS))}")
        return spec

    def _methods_of(self, spec: dict[str, Any], where: str) -> str:
        methods = spec.get("methods", "overloads")
        if methods not in METHOD_STYLES:
            raise self._document.error(f"{where}/methods", f"must be one of {', '.join(METHOD_STYLES)}")
        return str(methods)


def _boolean(type_: TypeExpr) -> bool:
    """`bool`, or `bool | None`."""
    variants = type_.variants if isinstance(type_, UnionOf) else (type_,)
    return Primitive("bool") in variants and all(v in (Primitive("bool"), NONE) for v in variants)


def _item_types(responses: list[Response]) -> list[TypeExpr]:
    """The types of the items of the streams the successful responses are or offer."""
    streams = [r.stream if r.stream is not None else r for r in responses if r.is_success]
    return [r.type for r in streams if r.stream_kind is not None and r.type is not None]


def _has_property(type_: TypeExpr, wire_name: str) -> bool:
    """Whether a model the type is (or one of its union's) has the property `wire_name`."""
    if isinstance(type_, UnionOf):
        return any(_has_property(variant, wire_name) for variant in type_.variants)
    if isinstance(type_, Ref):
        target = type_.target
        if isinstance(target, Model):
            return any(field.wire_name == wire_name for field in target.fields)
        return _has_property(target.type, wire_name)
    return False
