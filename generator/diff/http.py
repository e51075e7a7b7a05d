"""Changes on the wire: operations, parameters, bodies, responses, security and servers, by the
names the API uses (wire names), read from the IR of each version."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from ..ir.model import Api, Operation, Pages, Parameter, Response, StreamKind
from ..ir.type_exprs import NONE, Alias, ListOf, LiteralOf, MapOf, Model, Primitive, Ref, TupleOf, TypeExpr, UnionOf
from .changes import Change

Side = Literal["request", "response"]

WIRE_PRIMITIVES = {
    "str": "string",
    "int": "integer",
    "float": "number",
    "bool": "boolean",
    "none": "null",
    "any": "any value",
    "bytes": "binary",
    "file": "binary",
    "datetime": "string (date-time)",
    "date": "string (date)",
    "time": "string (time)",
    "json_schema": "object (a JSON Schema)",
}


def operation_key(operation: Operation) -> str:
    """How an operation is known across versions: its operationId, else `METHOD path`."""
    return operation.operation_id or f"{operation.http_method.upper()} {operation.path}"


def http_name(operation: Operation) -> str:
    return f"{operation.http_method.upper()} {operation.path}"


@dataclass
class Matching:
    """The operations of two versions, paired by operationId (or `METHOD path` without one),
    then the rest by `METHOD path`: an operation whose operationId changed is still itself."""

    pairs: list[tuple[Operation, Operation]]
    removed: list[Operation]
    added: list[Operation]


def match_operations(old: Api, new: Api) -> Matching:
    old_ops = {operation_key(op): op for op in old.operations}
    new_ops = {operation_key(op): op for op in new.operations}
    pairs = [(old_ops[key], new_ops[key]) for key in sorted(old_ops.keys() & new_ops.keys())]
    removed = {http_name(old_ops[key]): old_ops[key] for key in old_ops.keys() - new_ops.keys()}
    added = {http_name(new_ops[key]): new_ops[key] for key in new_ops.keys() - old_ops.keys()}
    pairs += [(removed.pop(name), added.pop(name)) for name in sorted(removed.keys() & added.keys())]
    return Matching(pairs, [removed[name] for name in sorted(removed)], [added[name] for name in sorted(added)])


@dataclass
class HttpDiff:
    """Collects the wire-level changes between two versions."""

    changes: list[Change] = field(default_factory=list)

    def add(self, where: str, kind: str, message: str, breaking: bool, absorbed: bool = False) -> None:
        self.changes.append(Change("http", where, kind, message, breaking, absorbed))

    # --- the API as a whole -------------------------------------------------------------------

    def api(self, old: Api, new: Api) -> None:
        old_servers, new_servers = [s.url for s in old.servers], [s.url for s in new.servers]
        if old_servers[:1] != new_servers[:1]:
            self.add(
                "servers",
                "server-changed",
                f"default server changed from {_quoted(old_servers[:1])} to {_quoted(new_servers[:1])}",
                breaking=True,
                absorbed=True,
            )
        matching = match_operations(old, new)
        for operation in matching.removed:
            key = operation_key(operation)
            self.add(http_name(operation), "operation-removed", f"operation `{key}` removed", breaking=True)
        for operation in matching.added:
            key = operation_key(operation)
            self.add(http_name(operation), "operation-added", f"operation `{key}` added", breaking=False)
        for old_operation, new_operation in matching.pairs:
            self.operation(old_operation, new_operation)
        self.webhooks(old, new)

    def operation(self, old: Operation, new: Operation) -> None:
        where = http_name(new)
        if operation_key(old) != operation_key(new):
            self.add(
                where,
                "operation-id-changed",
                f"operationId changed from `{operation_key(old)}` to `{operation_key(new)}`",
                breaking=False,
            )
        if http_name(old) != where:
            self.add(
                where,
                "operation-moved",
                f"`{operation_key(new)}` moved from `{http_name(old)}` to `{where}`; the regenerated "
                "client calls the new one, older clients break",
                breaking=True,
                absorbed=True,
            )
        self.parameters(where, old.parameters, new.parameters)
        self.body(where, old, new)
        self.responses(where, old, new)
        self.pages(where, old, new)
        if _security_set(old) != _security_set(new):
            newly_required = not old.security and bool(new.security)
            self.add(
                where,
                "security-changed",
                f"security changed from {_security_text(old)} to {_security_text(new)}",
                breaking=newly_required or bool(_security_set(old) - _security_set(new)),
            )

    def pages(self, where: str, old: Operation, new: Operation) -> None:
        """How the answers come in pages: another shape asks for the next page otherwise, and a
        method that starts or stops returning a page object returns something else."""
        before, after = _pages_text(old.pages), _pages_text(new.pages)
        if before == after:
            return
        if before is None:
            self.add(where, "pages-added", f"now comes in pages: {after}", breaking=_page_object(new))
        elif after is None:
            self.add(where, "pages-removed", f"no longer comes in pages ({before})", breaking=_page_object(old))
        else:
            self.add(where, "pages-changed", f"pages changed from {before} to {after}", breaking=True)

    def webhooks(self, old: Api, new: Api) -> None:
        """Webhooks by name and method. Their bodies are read by the receiver, as responses are
        by the client: a field the API stops sending breaks receivers, a new one does not."""
        before = {(webhook.name, webhook.method): webhook for webhook in old.webhooks}
        after = {(webhook.name, webhook.method): webhook for webhook in new.webhooks}
        for name, method in sorted(before.keys() - after.keys()):
            self.add(f"webhook {name}", "webhook-removed", f"webhook `{name}` ({method}) removed", breaking=True)
        for name, method in sorted(after.keys() - before.keys()):
            self.add(f"webhook {name}", "webhook-added", f"webhook `{name}` ({method}) added", breaking=False)
        for key in sorted(before.keys() & after.keys()):
            old_payload, new_payload = Ref(before[key].payload), Ref(after[key].payload)
            self.types(f"webhook {key[0]}", "webhook body", old_payload, new_payload, "response", set())
        if old.webhooks and new.webhooks and old.webhook_signature != new.webhook_signature:
            self.add(
                "webhooks",
                "webhook-signature-changed",
                f"webhook signature changed from {_signature_text(old)} to {_signature_text(new)}",
                breaking=True,
                absorbed=True,  # the regenerated client verifies the new one
            )

    # --- requests -------------------------------------------------------------------------------

    def parameters(self, where: str, old: list[Parameter], new: list[Parameter]) -> None:
        def by_place(parameters: list[Parameter]) -> dict[tuple[str, str], Parameter]:
            return {(p.location, p.wire_name): p for p in parameters if p.location != "body"}

        before, after = by_place(old), by_place(new)
        for place in sorted(before.keys() - after.keys()):
            self.add(where, "parameter-removed", f"{_kind_of(before[place])} `{place[1]}` removed", breaking=True)
        for place in sorted(after.keys() - before.keys()):
            required = after[place].required
            self.add(
                where,
                "parameter-added",
                f"{'required' if required else 'optional'} {_kind_of(after[place])} `{place[1]}` added",
                breaking=required,
            )
        for place in sorted(before.keys() & after.keys()):
            old_parameter, new_parameter = before[place], after[place]
            if old_parameter.whole_query != new_parameter.whole_query:
                self.add(
                    where,
                    "parameter-kind-changed",
                    f"{_kind_of(old_parameter)} `{place[1]}` is now a {_kind_of(new_parameter)}",
                    # an exploded form object is sent as a querystring is: its type says the rest
                    breaking=False,
                )
            label = f"{_kind_of(new_parameter)} {place[1]}"
            if old_parameter.required != new_parameter.required:
                self.add(
                    where,
                    "parameter-required" if new_parameter.required else "parameter-optional",
                    f"{label} is now {'required' if new_parameter.required else 'optional'}",
                    breaking=new_parameter.required,
                )
            self.types(where, label, old_parameter.type, new_parameter.type, "request", set())

    def body(self, where: str, old: Operation, new: Operation) -> None:
        if old.body is None and new.body is None:
            return
        if old.body is None or new.body is None:
            added = new.body is not None
            self.add(
                where,
                "request-body-added" if added else "request-body-removed",
                f"request body {'added' if added else 'removed'}",
                breaking=not added or bool(new.body and new.body.required),
            )
            return
        if old.body.media_type != new.body.media_type:
            self.add(
                where,
                "request-media-type-changed",
                f"request body media type changed from `{old.body.media_type}` to `{new.body.media_type}`",
                breaking=True,
                absorbed=True,  # the regenerated client sends the new one; its arguments are compared apart
            )
        if new.body.required and not old.body.required:
            self.add(where, "request-body-required", "request body is now required", breaking=True)
        if old.body.flattened or new.body.flattened:  # the body's properties are the method's arguments

            def members(operation: Operation) -> dict[str, tuple[TypeExpr, bool]]:
                return {p.wire_name: (p.type, p.required) for p in operation.parameters if p.location == "body"}

            self.members(where, "request body", members(old), members(new), "request", set())
        else:
            self.types(where, "request body", old.body.type, new.body.type, "request", set())

    # --- responses ------------------------------------------------------------------------------

    def responses(self, where: str, old: Operation, new: Operation) -> None:
        before = {r.status: r for r in old.responses}
        after = {r.status: r for r in new.responses}
        for status in sorted(before.keys() - after.keys()):
            self.add(
                where,
                "response-status-removed",
                f"response status {status} removed",
                breaking=before[status].is_success,
            )
        for status in sorted(after.keys() - before.keys()):
            self.add(where, "response-status-added", f"response status {status} added", breaking=False)
        for status in sorted(before.keys() & after.keys()):
            old_response, new_response = before[status], after[status]
            if old_response.media_type != new_response.media_type:
                self.media_type(where, old_response, new_response)
            if old_response.type is not None and new_response.type is not None:
                self.types(where, _place(new_response), old_response.type, new_response.type, "response", set())
            self.offered_stream(where, old_response, new_response)

    def media_type(self, where: str, old: Response, new: Response) -> None:
        """Another media type; a stream's (OpenAPI 3.2's `itemSchema`, events, JSON lines) that
        starts or stops is named as such: the method returns a stream, or no longer does."""
        change = f"from `{old.media_type}` to `{new.media_type}`"
        if old.stream_kind is None and new.stream_kind is not None:
            kind, message = (
                "response-now-stream",
                f"response {new.status} is now a stream of {_STREAMS[new.stream_kind]}",
            )
        elif old.stream_kind is not None and new.stream_kind is None:
            kind, message = "response-no-longer-stream", f"response {new.status} is no longer a stream"
        else:
            kind, message = "response-media-type-changed", f"response {new.status} media type changed"
        self.add(where, kind, f"{message} ({change})", breaking=old.is_success)

    def offered_stream(self, where: str, old: Response, new: Response) -> None:
        """The stream a response offers beside its body, which a flag of the request asks for."""
        if old.stream is None and new.stream is not None:
            offered = f"response {new.status} may now come as a stream (`{new.stream.media_type}`) when asked"
            self.add(where, "response-stream-offered", offered, breaking=False)
        elif old.stream is not None and new.stream is None:
            withdrawn = f"response {new.status} no longer comes as a stream (`{old.stream.media_type}`)"
            self.add(where, "response-stream-withdrawn", withdrawn, breaking=old.is_success)
        elif old.stream is not None and new.stream is not None:
            if old.stream.media_type != new.stream.media_type:
                self.media_type(where, old.stream, new.stream)
            if old.stream.type is not None and new.stream.type is not None:
                self.types(where, _place(new.stream), old.stream.type, new.stream.type, "response", set())

    # --- types ----------------------------------------------------------------------------------

    def types(
        self, where: str, place: str, old: TypeExpr, new: TypeExpr, side: Side, seen: set[tuple[str, str]]
    ) -> None:
        """Compare two types as the wire sees them, descending into objects, arrays and maps.
        `place` is where the type stands in the operation: `request body.url`, `response 200`."""
        old, new = _unaliased(old), _unaliased(new)
        old_base, old_nullable = _without_null(old)
        new_base, new_nullable = _without_null(new)
        if old_nullable != new_nullable:
            if side == "response":
                breaking = new_nullable  # clients reading it must now handle null
                what = "may now be null" if new_nullable else "is no longer null"
            else:
                breaking = old_nullable  # clients sending null are now refused
                what = "now accepts null" if new_nullable else "no longer accepts null"
            self.add(where, "nullable-changed", f"`{place}` {what}", breaking=breaking)
        if isinstance(old_base, Ref) and isinstance(new_base, Ref):
            old_model, new_model = old_base.target, new_base.target
            if isinstance(old_model, Model) and isinstance(new_model, Model):
                pair = (old_model.pointer, new_model.pointer)
                if pair not in seen:
                    self.fields(where, place, old_model, new_model, side, seen | {pair})
                return
        if isinstance(old_base, LiteralOf) and isinstance(new_base, LiteralOf):
            self.enum(where, place, old_base, new_base, side)
            return
        if isinstance(old_base, ListOf) and isinstance(new_base, ListOf):
            self.types(where, f"{place}[]", old_base.item, new_base.item, side, seen)
            return
        if isinstance(old_base, MapOf) and isinstance(new_base, MapOf):
            self.types(where, f"{place}{{}}", old_base.value, new_base.value, side, seen)
            return
        before, after = wire_type(old_base), wire_type(new_base)
        if before != after:
            self.add(where, "type-changed", f"`{place}` changed from {before} to {after}", breaking=True)

    def fields(self, where: str, place: str, old: Model, new: Model, side: Side, seen: set[tuple[str, str]]) -> None:
        def members(model: Model) -> dict[str, tuple[TypeExpr, bool]]:
            fields = model.request_fields if side == "request" else model.response_fields
            return {f.wire_name: (f.type, f.required) for f in fields}

        self.members(where, place, members(old), members(new), side, seen)

    def members(
        self,
        where: str,
        place: str,
        before: dict[str, tuple[TypeExpr, bool]],
        after: dict[str, tuple[TypeExpr, bool]],
        side: Side,
        seen: set[tuple[str, str]],
    ) -> None:
        """Compare the properties of two objects: wire name -> (type, required)."""
        for name in sorted(before.keys() - after.keys()):
            self.add(where, "field-removed", f"`{place}.{name}` removed", breaking=True)
        for name in sorted(after.keys() - before.keys()):
            required = after[name][1] and side == "request"
            self.add(
                where, "field-added", f"{'required ' if required else ''}`{place}.{name}` added", breaking=required
            )
        for name in sorted(before.keys() & after.keys()):
            (old_type, old_required), (new_type, new_required) = before[name], after[name]
            if old_required != new_required:
                self.add(
                    where,
                    "field-required" if new_required else "field-optional",
                    f"`{place}.{name}` is now {'required' if new_required else 'optional'}",
                    breaking=new_required if side == "request" else not new_required,
                )
            self.types(where, f"{place}.{name}", old_type, new_type, side, seen)

    def enum(self, where: str, place: str, old: LiteralOf, new: LiteralOf, side: Side) -> None:
        removed = [value for value in old.values if value not in new.values]
        added = [value for value in new.values if value not in old.values]
        if removed:
            self.add(
                where,
                "enum-value-removed",
                f"`{place}`: value{'s' if len(removed) > 1 else ''} {_values(removed)} removed",
                breaking=side == "request",
            )
        if added:
            note = " (clients with closed enums break; ours accept unknown values)" if side == "response" else ""
            self.add(
                where,
                "enum-value-added",
                f"`{place}`: value{'s' if len(added) > 1 else ''} {_values(added)} added{note}",
                breaking=side == "response",
                absorbed=side == "response",
            )


def wire_type(type_: TypeExpr) -> str:
    """A type as the wire sees it: JSON types, objects by their properties' place, not their name."""
    type_ = _unaliased(type_)
    if isinstance(type_, Primitive):
        return WIRE_PRIMITIVES[type_.kind]
    if isinstance(type_, ListOf):
        return f"array of {wire_type(type_.item)}"
    if isinstance(type_, MapOf):
        return f"map of {wire_type(type_.value)}"
    if isinstance(type_, TupleOf):
        return "tuple of (" + ", ".join(wire_type(item) for item in type_.items) + ")"
    if isinstance(type_, LiteralOf):
        return "enum" if len(type_.values) > 1 else f"constant {type_.values[0]!r}"
    if isinstance(type_, UnionOf):
        return "one of (" + ", ".join(sorted({wire_type(variant) for variant in type_.variants})) + ")"
    return "object"


def _unaliased(type_: TypeExpr) -> TypeExpr:
    seen: set[str] = set()
    while isinstance(type_, Ref) and isinstance(type_.target, Alias) and type_.target.pointer not in seen:
        seen.add(type_.target.pointer)
        type_ = type_.target.type
    return type_


def _without_null(type_: TypeExpr) -> tuple[TypeExpr, bool]:
    if isinstance(type_, UnionOf) and NONE in type_.variants:
        rest = tuple(v for v in type_.variants if v != NONE)
        return (rest[0] if len(rest) == 1 else UnionOf(rest, type_.discriminator)), True
    return type_, type_ == NONE


def _kind_of(parameter: Parameter) -> str:
    """`query parameter`, or `querystring` for OpenAPI 3.2's whole query."""
    return "querystring" if parameter.whole_query else f"{parameter.location} parameter"


_STREAMS: dict[StreamKind, str] = {"events": "server-sent events", "lines": "JSON lines"}


def _place(response: Response) -> str:
    """Where a response's type stands: the response, or each item of its stream."""
    return f"response {response.status}" + (" stream item" if response.stream_kind is not None else "")


def _pages_text(pages: Pages | None) -> str | None:
    """The shape of an operation's pages, in words: its style and the fields and parameters it reads."""
    if pages is None:
        return None
    parts = [
        f"{label} `{value}`"
        for label, value in (
            ("items", pages.items_attribute or "(the answer)"),
            ("next", pages.next_attribute),
            ("parameter", pages.parameter),
            ("limit", pages.limit_parameter),
            ("has_more", pages.has_more_attribute),
            ("id", pages.id_attribute),
        )
        if value is not None
    ]
    first = f", from page {pages.first_page}" if pages.style == "page" and pages.first_page != 1 else ""
    return f"{pages.style} ({', '.join(parts)}{first})"


def _page_object(operation: Operation) -> bool:
    """Its method returns a page object (no iterating method of its own)."""
    return operation.pages is not None and operation.pages.name is None


def _security_set(operation: Operation) -> set[frozenset[str]]:
    return {frozenset(alternative) for alternative in operation.security}


def _security_text(operation: Operation) -> str:
    if not operation.security:
        return "none"
    return " or ".join("+".join(sorted(alternative)) or "anonymous" for alternative in operation.security)


def _values(values: Sequence[object]) -> str:
    return ", ".join(f"`{value!r}`" if not isinstance(value, str) else f"`{value}`" for value in values)


def _signature_text(api: Api) -> str:
    signature = api.webhook_signature
    if signature.scheme == "standard":
        return "Standard Webhooks"
    return (
        f"{signature.header}: {signature.prefix}<{signature.encoding} HMAC-{signature.algorithm} of {signature.signed}>"
    )


def _quoted(urls: list[str]) -> str:
    return f"`{urls[0]}`" if urls else "none"
