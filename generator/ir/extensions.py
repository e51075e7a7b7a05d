"""The extensions that shape an operation's methods: `x-clientgen-wait`, `-pages` and `-job`
add methods, `-positional` orders the arguments."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from .. import naming
from ..errors import Warnings
from ..load import Document
from .model import Job, Operation, Pages, Parameter, Resource, Response, Wait
from .pagination import PAGES_EXTENSION, PagesReader, declares_pages
from .type_exprs import NO_DEFAULT, Field, Model, Ref

# Keyword arguments of a waiting method (x-clientgen-wait, or a job's), besides its operation's,
# and of one that also collects every page of a result; reserved in the same way in the
# operations that have such a method.
WAIT_OPTIONS = ("poll_interval", "max_wait")
COLLECT_OPTIONS = ("max_pages", "max_results")
WAIT_EXTENSION = "x-clientgen-wait"
JOB_EXTENSION = "x-clientgen-job"
POSITIONAL_EXTENSION = "x-clientgen-positional"


def waiting_options(node: dict[str, Any]) -> tuple[str, ...]:
    """The options of the methods an operation's extensions add (waiting, collecting)."""
    job = JOB_EXTENSION in node
    waits = WAIT_EXTENSION in node or job
    collects = WAIT_EXTENSION in node and declares_pages(node) or job
    return (WAIT_OPTIONS if waits else ()) + (COLLECT_OPTIONS if collects else ())


class ExtensionReader:
    """Reads and checks the extensions of a document's operations."""

    def __init__(self, document: Document, warnings: Warnings) -> None:
        self._document = document
        self._pages = PagesReader(document, warnings)

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
        (seconds, default 1) and `name` (default: the method's name + `_until_done`)."""
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
        return Wait(
            name=self._extra_method_name(spec, f"{name}_until_done", where, scopes),
            attribute=field.name,
            wire_name=field.wire_name,
            until=tuple(until),
            interval=float(interval),
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
        method of its own where the declaration names one or a waiting method needs the
        operation's answer (default name: `iter_` + the method's name); else its method returns
        a page object. A common shape is assumed where nothing is declared and nothing waits."""
        declared = self._pages.declared(node, pointer)
        if declared is None:
            if node.get(PAGES_EXTENSION) is False or WAIT_EXTENSION in node:
                return None
            return self._pages.detected(pointer, parameters, responses)
        named = None
        if "name" in declared.spec or WAIT_EXTENSION in node:
            named = self._extra_method_name(declared.spec, f"iter_{name}", declared.where, scopes)
        return self._pages.read(declared, parameters, responses, named)

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

    def _extra_method_name(self, spec: dict[str, Any], default: str, where: str, scopes: list[naming.Scope]) -> str:
        """The name of a method an extension adds: its `name`, or `default`, claimed in the
        resource's scope (and the client's, for an operation on the client itself)."""
        name = spec.get("name", default)
        if not isinstance(name, str) or naming.attribute_name(name) != name:
            raise self._document.error(f"{where}/name", f"{name!r} is not a Python method name in snake_case")
        for scope, owner in zip(scopes, ("this resource", "the client")):
            if name in scope:
                raise self._document.error(f"{where}/name", f"{name!r} is already a member of {owner}")
        for scope in scopes:
            scope.claim(name)
        return name
