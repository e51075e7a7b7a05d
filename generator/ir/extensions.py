"""The extensions that shape an operation's methods: `x-clientgen-wait`, `-pages` and `-job`
add methods (and name their options), `-positional` orders the arguments, `-timeout` lets an
argument that is the server's own time limit keep its name and set the HTTP timeout."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from .. import naming
from ..errors import Warnings
from ..load import Document
from .model import Job, Operation, Pages, Parameter, Resource, Response, ServerTimeout, Wait
from .pagination import PAGES_EXTENSION, PagesReader, declares_pages
from .type_exprs import NO_DEFAULT, NONE, Alias, Field, LiteralOf, Model, Primitive, Ref, TypeExpr, UnionOf

# Keyword arguments of a waiting method (x-clientgen-wait, or a job's), besides its operation's,
# and of one that also collects every page of a result; reserved in the same way in the
# operations that have such a method.
WAIT_OPTIONS = ("poll_interval", "max_wait")
COLLECT_OPTIONS = ("max_pages", "max_results")
# The options of an operation whose own method collects every page (`x-clientgen-pages` with
# `collect: true`): whether it does, and its limits in pages, items and seconds.
PAGE_COLLECTING_OPTIONS = ("all_pages", "max_pages", "max_results", "max_time")
WAIT_EXTENSION = "x-clientgen-wait"
JOB_EXTENSION = "x-clientgen-job"
POSITIONAL_EXTENSION = "x-clientgen-positional"
TIMEOUT_EXTENSION = "x-clientgen-timeout"
# The per-call HTTP timeout option, and its keyword where an argument of the spec or a waiting
# option takes the name `timeout`: never a silent change of what `timeout=` means.
HTTP_TIMEOUT = "timeout"
REQUEST_TIMEOUT = "request_timeout"
TIMEOUT_UNITS = {"ms": (0.001, "milliseconds"), "s": (1.0, "seconds"), "min": (60.0, "minutes")}
"""The units of a server-side time limit (`x-clientgen-timeout`'s `unit`): seconds per unit, name."""


def _extension_options(node: dict[str, Any]) -> dict[str, tuple[str, ...]]:
    """extension -> the options of the methods it adds to the operation (waiting, collecting),
    which its `options` may rename."""
    job = JOB_EXTENSION in node
    pages = node.get(PAGES_EXTENSION)
    found: dict[str, tuple[str, ...]] = {}
    if WAIT_EXTENSION in node:
        found[WAIT_EXTENSION] = WAIT_OPTIONS + (COLLECT_OPTIONS if declares_pages(node) else ())
    if job:
        found[JOB_EXTENSION] = WAIT_OPTIONS + COLLECT_OPTIONS
    if isinstance(pages, dict) and pages.get("collect") is True:
        found[PAGES_EXTENSION] = PAGE_COLLECTING_OPTIONS
    return found


class ExtensionReader:
    """Reads and checks the extensions of a document's operations."""

    def __init__(self, document: Document, warnings: Warnings) -> None:
        self._document = document
        self._warnings = warnings
        self._pages = PagesReader(document, warnings)

    def option_names(self, node: dict[str, Any], pointer: str, request_options: tuple[str, ...]) -> dict[str, str]:
        """option -> keyword name, for the options every method of the operation takes: the
        per-call options (`request_options`) and those of the methods its extensions add, under
        the names each extension's `options` gives them. The HTTP timeout is `request_timeout`
        where a renamed option, or the argument `x-clientgen-timeout` names, is `timeout`."""
        names = {option: option for option in request_options}
        pages = node.get(PAGES_EXTENSION)
        if isinstance(pages, dict) and "options" in pages and pages.get("collect") is not True:
            # the collecting options of a waiting method are its x-clientgen-wait's to rename
            raise self._document.error(
                f"{pointer}/{PAGES_EXTENSION}/options", "names the options of `collect: true`, which is not set"
            )
        renamed: dict[str, str] = {}
        for extension, options in _extension_options(node).items():
            names.update((option, option) for option in options if option not in names)
            for option, name in self._renames(node[extension], f"{pointer}/{extension}/options", options).items():
                if renamed.setdefault(option, name) != name:
                    raise self._document.error(
                        f"{pointer}/{extension}/options/{option}", f"{option!r} is named {renamed[option]!r} already"
                    )
        names.update(renamed)
        server_timeout = self._server_timeout_name(node)
        if server_timeout in renamed.values():
            # the argument keeps its name: an option may not take it
            raise self._document.error(
                f"{pointer}/{TIMEOUT_EXTENSION}/argument",
                f"the argument {server_timeout!r} is the name of an option too; rename the option (`options`)",
            )
        if HTTP_TIMEOUT in renamed.values() or server_timeout == HTTP_TIMEOUT:
            names[HTTP_TIMEOUT] = REQUEST_TIMEOUT
        holders: dict[str, str] = {}
        for option, name in names.items():
            if holders.setdefault(name, option) != option:
                raise self._document.error(
                    pointer, f"the options {holders[name]!r} and {option!r} would both be named {name!r}"
                )
        return names

    def _renames(self, spec: object, where: str, options: tuple[str, ...]) -> dict[str, str]:
        """An extension's `options`: option -> the keyword name its methods take it by."""
        renames = spec.get("options", {}) if isinstance(spec, dict) else {}
        if not isinstance(renames, dict):
            raise self._document.error(where, f"must map options ({', '.join(options)}) to their names")
        for option, name in renames.items():
            if option not in options:
                raise self._document.error(
                    f"{where}/{option}", f"{option!r} is no option of these methods (those: {', '.join(options)})"
                )
            if not isinstance(name, str) or naming.attribute_name(name) != name or name == "self":
                raise self._document.error(f"{where}/{option}", f"{name!r} is not a Python name in snake_case")
        return dict(renames)

    @staticmethod
    def _server_timeout_name(node: dict[str, Any]) -> str | None:
        """The name the argument `x-clientgen-timeout` names would take, before it is built."""
        spec = node.get(TIMEOUT_EXTENSION)
        argument = spec.get("argument") if isinstance(spec, dict) else None
        return naming.attribute_name(argument) if isinstance(argument, str) else None

    def server_timeout(self, node: dict[str, Any], pointer: str, parameters: list[Parameter]) -> ServerTimeout | None:
        """The argument `x-clientgen-timeout` declares the server's own time limit, if the
        operation has it: `argument` (its name in the spec: a query parameter or a body field,
        a number), `unit` (`ms`, `s` or `min`) and optionally `margin` (seconds the HTTP timeout
        adds to it, default 0)."""
        if TIMEOUT_EXTENSION not in node:
            return None
        where = f"{pointer}/{TIMEOUT_EXTENSION}"
        spec = node[TIMEOUT_EXTENSION]
        if not isinstance(spec, dict) or not isinstance(spec.get("argument"), str):
            raise self._document.error(where, "must be an object with `argument`, `unit` and optionally `margin`")
        unit = spec.get("unit")
        if unit not in TIMEOUT_UNITS:
            raise self._document.error(f"{where}/unit", f"must be one of {', '.join(TIMEOUT_UNITS)}")
        margin = spec.get("margin", 0)
        if isinstance(margin, bool) or not isinstance(margin, (int, float)) or margin < 0:
            raise self._document.error(f"{where}/margin", "must be a number of seconds, 0 or more")
        wire_name = spec["argument"]
        found = next((p for p in parameters if p.wire_name == wire_name and p.location in ("query", "body")), None)
        if found is None:
            candidates = ", ".join(sorted({p.wire_name for p in parameters if p.location in ("query", "body")}))
            raise self._document.error(
                f"{where}/argument",
                f"{wire_name!r} is no query parameter or body field of this operation (those: {candidates or 'none'})",
            )
        if not {Primitive("int"), Primitive("float")} & set(_variants(found.type)):
            raise self._document.error(f"{where}/argument", f"{wire_name!r} is not a number")
        return ServerTimeout(
            parameter=found.name,
            location=found.location,
            wire_name=found.wire_name,
            seconds_per_unit=TIMEOUT_UNITS[unit][0],
            unit_name=TIMEOUT_UNITS[unit][1],
            margin=float(margin),
        )

    def positional_first(self, node: dict[str, Any], pointer: str, parameters: list[Parameter]) -> list[Parameter]:
        """The arguments in the method's order: the path parameters (in the order of the path)
        and the arguments `x-clientgen-positional` names (by their names in the spec, in its
        order; the optional ones after the required), which can be passed by position; then the
        others, keyword-only."""
        named = node.get(POSITIONAL_EXTENSION, [])
        where = f"{pointer}/{POSITIONAL_EXTENSION}"
        if not isinstance(named, list) or not all(isinstance(name, str) for name in named):
            raise self._document.error(where, "must be a list of the names of arguments")
        # passed by position, so given by the caller: no default, not even a constant's
        path = [
            replace(parameter, positional=True, default=NO_DEFAULT, sent_default=NO_DEFAULT)
            for parameter in parameters
            if parameter.location == "path"
        ]
        chosen: list[Parameter] = []
        for index, wire_name in enumerate(named):
            found = [
                p for p in parameters if p.wire_name == wire_name and p.location not in ("path", "header", "cookie")
            ]
            if not found:
                candidates = (
                    ", ".join(sorted({p.wire_name for p in parameters if p.location in ("query", "body")})) or "none"
                )
                raise self._document.error(
                    f"{where}/{index}",
                    f"{wire_name!r} is no query parameter or body field of this operation (those: {candidates})",
                )
            if found[0].required and chosen and not chosen[-1].required:
                raise self._document.error(
                    f"{where}/{index}",
                    f"{wire_name!r} is required: it cannot follow the optional {chosen[-1].wire_name!r}",
                )
            if any(parameter is found[0] for parameter in chosen):
                raise self._document.error(f"{where}/{index}", f"{wire_name!r} is named twice")
            chosen.append(found[0])
        rest = [p for p in parameters if p.location != "path" and not any(p is parameter for parameter in chosen)]
        given = [
            replace(parameter, positional=True, default=NO_DEFAULT, sent_default=NO_DEFAULT)
            if parameter.required
            else replace(parameter, positional=True)  # given by position or not at all
            for parameter in chosen
        ]
        return path + given + rest

    def wait(
        self, node: dict[str, Any], pointer: str, name: str, responses: list[Response], scopes: list[naming.Scope]
    ) -> Wait | None:
        """The waiting method `x-clientgen-wait` asks for, if the operation has it: `property` (of
        the successful JSON answer), `until` (the values that end the wait), optional `interval`
        (seconds, default 1), `name` (default: the method's name + `_until_done`), `watch` (the
        name of a method that yields every answer while it waits; none by default) and
        `options` (the names of its options, `option_names`). An `until` value the property's
        enum does not allow is a warning: the wait could never end on it."""
        if WAIT_EXTENSION not in node:
            return None
        where = f"{pointer}/{WAIT_EXTENSION}"
        spec = node[WAIT_EXTENSION]
        if not isinstance(spec, dict) or not isinstance(spec.get("property"), str):
            raise self._document.error(
                where, "must be an object with `property`, `until` and optionally `interval`, `name`"
            )
        until = spec.get("until")
        if not isinstance(until, list) or not until or not all(isinstance(v, (str, int, bool)) for v in until):
            raise self._document.error(f"{where}/until", "must be a non-empty list of strings, numbers or booleans")
        interval = spec.get("interval", 1)
        if isinstance(interval, bool) or not isinstance(interval, (int, float)) or not interval > 0:
            raise self._document.error(f"{where}/interval", "must be a positive number of seconds")
        field = self._answer_field(responses, spec["property"], f"{where}/property", "to wait on")
        allowed = _enum_values(field.type)
        for index, value in enumerate(until):
            if allowed is not None and value not in allowed:
                self._warnings.add(
                    self._document.location(f"{where}/until/{index}"),
                    f"{value!r} is not one of the values the spec allows for {spec['property']!r}"
                    f" ({', '.join(map(repr, allowed))}); add it to the enum if the API sends it",
                )
        return Wait(
            name=self._extra_method_name(spec, f"{name}_until_done", where, scopes),
            attribute=field.name,
            wire_name=field.wire_name,
            until=tuple(until),
            interval=float(interval),
            watch=self._optional_method_name(spec, "watch", where, scopes),
        )

    def pages(
        self,
        node: dict[str, Any],
        pointer: str,
        name: str,
        parameters: list[Parameter],
        responses: list[Response],
        scopes: list[naming.Scope],
    ) -> Pages | None:
        """How the operation's answers come in pages (`ir/pagination.py`): with an iterating
        method of its own where the declaration names one, a waiting method needs the
        operation's answer or the operation's own method collects every page (`collect: true`,
        with limits, `PAGE_COLLECTING_OPTIONS`; default name: `iter_` + the method's name); else
        its method returns a page object. `page` names a method that reads the page at a `next`
        URL. A common shape is assumed where nothing is declared and nothing waits."""
        declared = self._pages.declared(node, pointer)
        if declared is None:
            if node.get(PAGES_EXTENSION) is False or WAIT_EXTENSION in node:
                return None
            return self._pages.detected(pointer, parameters, responses)
        collect = declared.spec.get("collect", False)
        if not isinstance(collect, bool):
            raise self._document.error(declared.at("collect"), "must be true or false")
        named = None
        if "name" in declared.spec or WAIT_EXTENSION in node or collect:
            named = self._extra_method_name(declared.spec, f"iter_{name}", declared.where, scopes)
        pages = self._pages.read(declared, parameters, responses, named)
        if "page" in declared.spec and pages.style != "next_url":
            raise self._document.error(declared.at("page"), f"a next page comes by {pages.style} here, not at a URL")
        page_method = self._optional_method_name(declared.spec, "page", declared.where, scopes)
        return replace(pages, collect=collect, page_method=page_method)

    def job_declaration(
        self, node: dict[str, Any], pointer: str, name: str, scopes: list[naming.Scope]
    ) -> tuple[str, dict[str, Any]] | None:
        """The name of the job method `x-clientgen-job` asks for, if the operation has it (default:
        the method's name + `_and_wait`), and the extension, checked for its shape; `job` links it
        once every operation is built."""
        if JOB_EXTENSION not in node:
            return None
        where = f"{pointer}/{JOB_EXTENSION}"
        spec = node[JOB_EXTENSION]
        if not isinstance(spec, dict) or not isinstance(spec.get("status"), str) or not isinstance(spec.get("id"), str):
            raise self._document.error(
                where, "must be an object with `status` (an operationId), `id` and optionally `name`"
            )
        return self._extra_method_name(spec, f"{name}_and_wait", where, scopes), spec

    def job(self, start: Operation, resource: Resource, name: str, spec: dict[str, Any]) -> Job:
        """The job `x-clientgen-job` declares: `status` is the operationId of the operation that
        reports the job (it has an `x-clientgen-wait`, in the same resource), `id` the field of the
        starting answer that holds the id the status operation takes as its one required argument."""
        where = f"{start.pointer}/{JOB_EXTENSION}"
        status = next((op for op in resource.operations if op.operation_id == spec["status"]), None)
        if status is None:
            raise self._document.error(
                f"{where}/status",
                f"no operation with operationId {spec['status']!r} among the {resource.tag!r} operations",
            )
        if status.wait is None:
            raise self._document.error(f"{where}/status", f"{spec['status']!r} has no {WAIT_EXTENSION} to wait with")
        required = [parameter for parameter in status.parameters if parameter.required]
        if len(required) != 1:
            raise self._document.error(
                f"{where}/status", f"{spec['status']!r} must take exactly one required argument, the job's id"
            )
        field = self._answer_field(start.responses, spec["id"], f"{where}/id", "with the job's id")
        return Job(name=name, id_attribute=field.name, status=status, id_parameter=required[0].name)

    def _answer_field(self, responses: list[Response], wire_name: str, where: str, purpose: str) -> Field:
        """The field `wire_name` of the model of the operation's successful answer."""
        stream = next((r for r in responses if r.is_success and r.stream_kind is not None), None)
        if stream is not None:
            raise self._document.error(
                where, f"the operation answers with a stream ({stream.media_type}), not one answer"
            )
        model = next(
            (
                r.type.target
                for r in responses
                if r.is_success and isinstance(r.type, Ref) and isinstance(r.type.target, Model)
            ),
            None,
        )
        field = next((f for f in model.fields if f.wire_name == wire_name), None) if model is not None else None
        if field is None:
            raise self._document.error(
                where, f"the operation's successful answer has no property {wire_name!r} {purpose}"
            )
        return field

    def _extra_method_name(
        self, spec: dict[str, Any], default: str, where: str, scopes: list[naming.Scope], key: str = "name"
    ) -> str:
        """The name of a method an extension adds: its `key` (`name`), or `default`, claimed in
        the resource's scope (and the client's, for an operation on the client itself)."""
        name = spec.get(key, default)
        if not isinstance(name, str) or naming.attribute_name(name) != name:
            raise self._document.error(f"{where}/{key}", f"{name!r} is not a Python method name in snake_case")
        for scope, owner in zip(scopes, ("this resource", "the client")):
            if name in scope:
                raise self._document.error(f"{where}/{key}", f"{name!r} is already a member of {owner}")
        for scope in scopes:
            scope.claim(name)
        return name

    def _optional_method_name(
        self, spec: dict[str, Any], key: str, where: str, scopes: list[naming.Scope]
    ) -> str | None:
        """The name of a method an extension adds only when its `key` names it."""
        return self._extra_method_name(spec, "", where, scopes, key) if key in spec else None


def _variants(type_: TypeExpr) -> tuple[TypeExpr, ...]:
    """The types a value of `type_` may have: a union's variants, an alias's type."""
    if isinstance(type_, Ref) and isinstance(type_.target, Alias):
        return _variants(type_.target.type)
    if isinstance(type_, UnionOf):
        return tuple(variant for member in type_.variants for variant in _variants(member))
    return (type_,)


def _enum_values(type_: TypeExpr) -> tuple[object, ...] | None:
    """The values an enum allows; None when the type is not only an enum (or null)."""
    variants = [variant for variant in _variants(type_) if variant != NONE]
    if not variants or not all(isinstance(variant, LiteralOf) for variant in variants):
        return None
    return tuple(value for variant in variants if isinstance(variant, LiteralOf) for value in variant.values)
