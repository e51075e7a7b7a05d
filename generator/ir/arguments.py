"""The arguments the configuration adds to an operation's method: the idempotency key the client
makes (`idempotency-header`) and the values sent in JSON bodies unless a call gives others
(`body-defaults`)."""

from __future__ import annotations

from dataclasses import replace

from .. import naming
from ..errors import Warnings
from ..load import Document
from ..options import ArgumentOptions
from .model import Parameter, RequestBody, default_encoding
from .parameters import IDEMPOTENCY_ARGUMENT, IDEMPOTENCY_HEADERS
from .type_exprs import Alias, LiteralOf, Primitive, Ref, TypeExpr, UnionOf

KEY_DESCRIPTION = "Makes retrying the call safe: a key made for each call, the same on every retry, unless given."
# Methods without an effect a retry could repeat: they get no key of the client's making.
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})


class ConfiguredArguments:
    """Adds the configuration's arguments to the operations of a document."""

    def __init__(self, options: ArgumentOptions, document: Document, warnings: Warnings) -> None:
        self._options = options
        self._document = document
        self._warnings = warnings
        self._defaults_used: set[str] = set()

    def idempotency(
        self, method: str, parameters: list[Parameter], arguments: naming.Scope
    ) -> tuple[str | None, list[Parameter]]:
        """The header that carries the operation's idempotency key, and the argument to add for
        it: none when the spec declares the header (its parameter is the argument), nor for a
        safe method."""
        configured = self._options.idempotency_header
        wanted = IDEMPOTENCY_HEADERS | ({configured.lower()} if configured else set())
        declared = next(
            (p.wire_name for p in parameters if p.location == "header" and p.wire_name.lower() in wanted), None
        )
        if declared is not None:
            return declared, []
        if configured is None or method.upper() in SAFE_METHODS:
            return None, []
        key = Parameter(
            name=arguments.claim(IDEMPOTENCY_ARGUMENT),
            wire_name=configured,
            location="header",
            type=Primitive("str"),
            required=False,
            encoding=default_encoding("header"),
            description=KEY_DESCRIPTION,
        )
        return configured, [key]

    def with_body_defaults(
        self, body: RequestBody | None, parameters: list[Parameter], pointer: str
    ) -> list[Parameter]:
        """The body fields of a JSON body, those the configuration gives a value sending it
        unless the call gives another."""
        defaults = self._options.body_defaults
        if body is None or body.encoding != "json" or not body.flattened or not defaults:
            return parameters
        result = []
        for parameter in parameters:
            value = defaults.get(parameter.wire_name)
            if parameter.location == "body" and parameter.within is None and value is not None:
                if not _accepts(parameter.type, value):
                    raise self._document.error(
                        f"{pointer}/requestBody",
                        f"body-defaults gives {parameter.wire_name} = {value!r}, which this body's field does not take",
                    )
                self._defaults_used.add(parameter.wire_name)
                parameter = replace(parameter, sent_default=value)
            result.append(parameter)
        return result

    def report_unused(self) -> None:
        """A warning for each body default no JSON body has a field for: it is never sent."""
        for name in self._options.body_defaults:
            if name not in self._defaults_used:
                self._warnings.add(
                    self._document.location(),
                    f"body-defaults: no JSON request body has a field {name!r}; its value is never sent",
                )


def _accepts(type_: TypeExpr, value: object) -> bool:
    """Whether a configured value (a string, number or boolean) is one of the type's."""
    if isinstance(type_, UnionOf):
        return any(_accepts(variant, value) for variant in type_.variants)
    if isinstance(type_, LiteralOf):
        return value in type_.values and type(value) in {type(v) for v in type_.values}
    if isinstance(type_, Ref):
        return isinstance(type_.target, Alias) and _accepts(type_.target.type, value)
    if isinstance(type_, Primitive):
        kinds: dict[str, tuple[type, ...]] = {"str": (str,), "bool": (bool,), "int": (int,), "float": (int, float)}
        if type_.kind == "any":
            return True
        allowed = kinds.get(type_.kind, ())
        return isinstance(value, allowed) and (type_.kind == "bool" or not isinstance(value, bool))
    return False
