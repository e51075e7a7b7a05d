"""Paths and operations to IR operations, grouped into resources by their first tag."""

from __future__ import annotations

import http
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import Any, NamedTuple

from .. import naming, nodes
from ..errors import GeneratorError, Warnings, escape_pointer_token
from ..load import Document, split_pointer
from .model import (
    ANY,
    NO_DEFAULT,
    NONE,
    BodyEncoding,
    Encoding,
    Field,
    Job,
    ListOf,
    LiteralOf,
    MapOf,
    Model,
    Operation,
    Pages,
    Parameter,
    ParameterLocation,
    Primitive,
    Ref,
    RequestBody,
    Resource,
    Response,
    TypeExpr,
    UnionOf,
    Wait,
    default_encoding,
    is_event_stream,
)
from .overrides import NameOverrides, check_natural, reserve
from .samples import BINARY, required_by_variant, sample
from .schemas import SchemaBuilder, joined

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
PARAMETER_LOCATIONS: tuple[ParameterLocation, ...] = ("path", "query", "header", "cookie")

# Keyword arguments every method takes besides the spec's parameters, by these names in every
# method of every client: a parameter or body field of the same name takes its location as a
# prefix instead (`body_timeout`, `query_extra_query`), as does any name already taken.
REQUEST_OPTIONS = ("extra_headers", "extra_query", "extra_body", "timeout")


# Keyword arguments of a waiting method (x-clientgen-wait, or a job's), besides its operation's,
# and of one that also collects every page of a result; reserved in the same way in the
# operations that have such a method.
WAIT_OPTIONS = ("poll_interval", "max_wait")
COLLECT_OPTIONS = ("max_pages", "max_results")
WAIT_EXTENSION = "x-clientgen-wait"
PAGES_EXTENSION = "x-clientgen-pages"
JOB_EXTENSION = "x-clientgen-job"
POSITIONAL_EXTENSION = "x-clientgen-positional"


def _waiting_options(node: dict[str, Any]) -> tuple[str, ...]:
    """The options of the methods an operation's extensions add (waiting, collecting)."""
    job = JOB_EXTENSION in node
    waits = WAIT_EXTENSION in node or job
    collects = WAIT_EXTENSION in node and PAGES_EXTENSION in node or job
    return (WAIT_OPTIONS if waits else ()) + (COLLECT_OPTIONS if collects else ())


# Headers that frame the message, which httpx writes from the body and the URL: a value given by
# the caller would contradict them (Vercel's uploads declare Content-Length).
TRANSPORT_HEADERS = frozenset({"content-length", "transfer-encoding", "host", "connection"})

# Header parameters that make a retried call safe: one key per call, reused on every retry.
IDEMPOTENCY_HEADERS = frozenset({"idempotency-key", "x-idempotency-key"})


def is_json_media_type(media_type: str) -> bool:
    essence = media_type.split(";")[0].strip().lower()
    return essence == "application/json" or essence.endswith("+json")


def _body_argument_sample(body: RequestBody, sampled: object) -> object:
    """What the generated tests pass as a body given whole: nothing for an optional body, a
    file's bytes for an upload, else the schema's sample."""
    if not body.required:
        return None
    if body.type == Primitive("file"):
        return BINARY
    return "sample" if sampled is None else sampled


def _body_encoding(media_type: str) -> BodyEncoding:
    essence = media_type.split(";")[0].strip().lower()
    if is_json_media_type(essence):
        return "json"
    if essence == "multipart/form-data":
        return "multipart"
    if essence == "application/x-www-form-urlencoded":
        return "form"
    if essence.startswith("text/"):
        return "text"
    return "binary"


_ENCODING_PREFERENCE: tuple[BodyEncoding, ...] = ("json", "multipart", "form", "binary", "text")


def _preferred_media_type(content: dict[str, Any]) -> str | None:
    """The media type the client sends or reads when several are offered."""
    if not content:
        return None
    return min(content, key=lambda media_type: _ENCODING_PREFERENCE.index(_body_encoding(media_type)))


def _status_phrase(status: str) -> str:
    if status == "default":
        return "default"
    if status.upper().endswith("XX"):
        return {"1": "informational", "2": "success", "3": "redirect", "4": "client error", "5": "server error"}.get(
            status[0], status
        )
    try:
        return http.HTTPStatus(int(status)).phrase
    except ValueError:
        return f"status {status}"


class RawOperation(NamedTuple):
    """An operation as the spec has it, with the resource (first tag) it goes to."""

    resource_key: str
    path: str
    method: str
    node: dict[str, Any]
    pointer: str
    path_item: dict[str, Any]


@dataclass
class ResourcePlan:
    """What `plan_resources` decides before any schema is built, for `build`: the spec's
    operations in order and the resource of each (by key), their names claimed first."""

    operations: list[RawOperation]
    resources: dict[str, Resource]

    @property
    def resource_list(self) -> list[Resource]:
        return list(self.resources.values())


class OperationBuilder:
    """Builds the operations of a document; one instance per document, in two steps:
    `plan_resources` (before the schemas, whose class names come after the resources'), then
    `build` with that plan."""

    def __init__(
        self,
        document: Document,
        schemas: SchemaBuilder,
        warnings: Warnings,
        security_scheme_keys: set[str],
        class_names: naming.Scope,
        overrides: NameOverrides,
    ) -> None:
        self._document = document
        self._overrides = overrides
        self._samples: dict[str, Any] = {}  # samples of referenced schemas, by $ref
        self._schemas = schemas
        self._warnings = warnings
        self._security_scheme_keys = security_scheme_keys
        self._class_names = class_names
        self._method_names: dict[str, naming.Scope] = {}
        self._operation_ids: dict[str, str] = {}
        """operationId -> the operation (METHOD path) that has it first."""
        self._client_members = naming.Scope(CLIENT_MEMBERS)
        """The client's attributes: its own, the resources', the methods on the client itself."""
        self._on_client: set[str] = set()
        """The pointers of the operations whose methods are on the client itself too."""
        self._jobs: list[tuple[Operation, Resource, str, dict[str, Any]]] = []
        """Jobs to link once every operation is built: (starting operation, its resource, the job
        method's name, the extension)."""
        self._chosen_methods: dict[str, str] = {}
        """operation pointer -> the method name the user chose (`names`)"""
        self._reserved_methods: dict[str, dict[str, str]] = {}
        """resource class -> {chosen method name: what chose it}, for the clash messages"""

    def plan_resources(self) -> ResourcePlan:
        """The resources, named before any schema so that their class names come first, and
        the method names the user chose, reserved in them."""
        paths = nodes.mapping(self._document.data, "paths")
        raw = list(self._raw_operations(paths))
        plan = ResourcePlan(raw, self._plan_resources(raw))
        self._reserve_chosen_methods(plan)
        return plan

    def _reserve_chosen_methods(self, plan: ResourcePlan) -> None:
        """The method names the user chose, taken in each resource before any other."""
        chosen_by_resource: dict[str, list[tuple[str, str]]] = {}
        on_client: list[tuple[str, str]] = []
        for operation in plan.operations:
            found = self._overrides.method(nodes.text(operation.node, "operationId"), operation.pointer)
            if found is not None:
                self._chosen_methods[operation.pointer] = found.name
                class_name = plan.resources[operation.resource_key].class_name
                chosen_by_resource.setdefault(class_name, []).append(found[:2])
                if found.on_client:
                    self._on_client.add(operation.pointer)
                    on_client.append(found[:2])
        where = self._document.location("/paths")
        for class_name, chosen in chosen_by_resource.items():
            method_names = self._method_names.setdefault(class_name, naming.Scope(RESOURCE_MEMBERS))
            self._reserved_methods[class_name] = reserve(method_names, chosen, where, f"a method of {class_name}")
        reserve(self._client_members, on_client, where, "a member of the client")

    def build(self, plan: ResourcePlan) -> None:
        """Fill the planned resources with their operations, then link each job to its status
        operation (which may come later in the spec)."""
        for resource_key, path, method, node, pointer, path_item in plan.operations:
            resource = plan.resources[resource_key]
            resource.operations.append(self._operation(resource, path, method, node, pointer, path_item))
        for operation, resource, name, spec in self._jobs:
            operation.job = self._job(operation, resource, name, spec)

    # --- grouping ---------------------------------------------------------------------------------

    def _raw_operations(self, paths: dict[str, Any]) -> Iterator[RawOperation]:
        for path, raw_item in paths.items():
            if not path.startswith("/"):
                if not path.startswith("x-"):
                    self._warnings.add(
                        self._document.location("/paths"), f"path {path!r} does not start with '/'; skipped"
                    )
                continue
            # a path item in another file: its operations are there, and their $refs are relative to it
            path_item, item_pointer = self._document.resolve(raw_item, "/paths/" + escape_pointer_token(path))
            if not isinstance(path_item, dict):
                raise self._document.error(item_pointer, "a path item must be a mapping")
            for method, node in path_item.items():
                if method not in HTTP_METHODS:
                    continue
                pointer = f"{item_pointer}/{method}"
                if not isinstance(node, dict):
                    raise self._document.error(pointer, "an operation must be a mapping")
                yield RawOperation(self._resource_key(node, path), path, method, node, pointer, path_item)

    @staticmethod
    def _resource_key(node: dict[str, Any], path: str) -> str:
        """The first tag; untagged operations are grouped by the first segment of their path."""
        tags = node.get("tags")
        if isinstance(tags, list) and tags and isinstance(tags[0], str) and naming.words(tags[0]):
            return tags[0]
        segments = [s for s in path.split("/") if s and not s.startswith("{") and naming.words(s)]
        return segments[0] if segments else "default"

    def _plan_resources(self, raw_operations: list[RawOperation]) -> dict[str, Resource]:
        tag_descriptions = {
            nodes.text(tag, "name"): nodes.text(tag, "description")
            for tag in nodes.sequence(self._document.data, "tags")
        }
        attributes = self._client_members
        modules = naming.Scope(fold_case=True)
        resources: dict[str, Resource] = {}
        for key in (operation.resource_key for operation in raw_operations):
            if key in resources:
                continue
            attribute = attributes.claim(naming.attribute_name(key))
            class_base = naming.class_name(key)
            resources[key] = Resource(
                tag=key,
                attribute=attribute,
                class_name=self._claim_resource_class(class_base),
                module=modules.claim(attribute),
                description=tag_descriptions.get(key),
                operations=[],
            )
        return resources

    def _claim_resource_class(self, base: str) -> str:
        """`<base>Resource` (numbered before `Resource` on a collision), whose companion classes
        (async, raw response) are free too."""
        number = 1
        while True:
            name = f"{base}{number if number > 1 else ''}Resource"
            family = Resource.class_family(name)
            if not any(member in self._class_names for member in family):
                for member in family:
                    self._class_names.claim(member)
                return name
            number += 1

    # --- one operation ----------------------------------------------------------------------------

    def _operation(
        self, resource: Resource, path: str, method: str, node: dict[str, Any], pointer: str, path_item: dict[str, Any]
    ) -> Operation:
        operation_id = nodes.text(node, "operationId")
        first_owner = self._operation_ids.get(operation_id) if operation_id is not None else None
        duplicate = first_owner is not None
        if first_owner is not None:
            self._warnings.add(
                self._document.location(pointer + "/operationId"),
                f"operationId {operation_id!r} is not unique: {first_owner} has it too",
            )
        elif operation_id is not None:
            self._operation_ids[operation_id] = f"{method.upper()} {path}"
        source_name = operation_id if operation_id and naming.words(operation_id) else f"{method} {path}"
        method_names = self._method_names.setdefault(resource.class_name, naming.Scope(RESOURCE_MEMBERS))
        if pointer in self._chosen_methods:
            name = self._chosen_methods[pointer]
        else:
            name = naming.attribute_name(source_name)
            reserved = self._reserved_methods.get(resource.class_name, {})
            check_natural(name, reserved, self._document.location(pointer), f"the method of {resource.class_name}")
            if name in method_names and not duplicate:  # (a duplicate operationId was just reported)
                self._warnings.add(
                    self._document.location(pointer + "/operationId"),
                    f"method name {name!r} is already used in {resource.class_name}; a numbered name is used",
                )
            name = method_names.claim(name)
        hint = naming.class_name(source_name)
        with self._schemas.grouped(hint):
            arguments = naming.Scope({"self", *REQUEST_OPTIONS, *_waiting_options(node)})
            parameters = self._parameters(node, pointer, path_item, path, hint, arguments)
            body, body_parameters = self._request_body(node, pointer, hint, arguments)
            responses = self._responses(node, pointer, hint)
        # the methods extensions add go where their operation's method goes: on the client too
        on_client = pointer in self._on_client
        scopes = [method_names, self._client_members] if on_client else [method_names]
        wait = self._wait(node, pointer, name, responses, scopes) if WAIT_EXTENSION in node else None
        pages = self._pages(node, pointer, name, parameters, responses, scopes) if PAGES_EXTENSION in node else None
        job = self._job_declaration(node, pointer, name, scopes) if JOB_EXTENSION in node else None
        operation = Operation(
            name=name,
            operation_id=operation_id,
            http_method=method.upper(),
            path=path,
            pointer=pointer,
            summary=nodes.text(node, "summary"),
            description=nodes.text(node, "description"),
            deprecated=node.get("deprecated") is True,
            tags=[tag for tag in nodes.sequence(node, "tags") if isinstance(tag, str)],
            parameters=self._positional_first(node, pointer, parameters + body_parameters),
            body=body,
            responses=responses,
            security=self._security(node, pointer),
            idempotency_header=next(
                (
                    p.wire_name
                    for p in parameters
                    if p.location == "header" and p.wire_name.lower() in IDEMPOTENCY_HEADERS
                ),
                None,
            ),
            endpoint_name=naming.endpoint_constant(name),
            wait=wait,
            pages=pages,
            on_client=on_client,
        )
        if job is not None:
            self._jobs.append((operation, resource, *job))
        return operation

    def _positional_first(self, node: dict[str, Any], pointer: str, parameters: list[Parameter]) -> list[Parameter]:
        """The arguments in the method's order: the path parameters (in the order of the path)
        and the required arguments `x-clientgen-positional` names (by their names in the spec,
        in its order), which can be passed by position; then the others, keyword-only."""
        named = node.get(POSITIONAL_EXTENSION, [])
        where = f"{pointer}/{POSITIONAL_EXTENSION}"
        if not isinstance(named, list) or not all(isinstance(name, str) for name in named):
            raise self._document.error(where, "must be a list of the names of required arguments")
        # passed by position, so given by the caller: no default, not even a constant's
        path = [
            replace(parameter, positional=True, default=NO_DEFAULT)
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
            if not found[0].required:
                raise self._document.error(
                    f"{where}/{index}", f"{wire_name!r} is optional; only required arguments can be positional"
                )
            if any(parameter is found[0] for parameter in chosen):
                raise self._document.error(f"{where}/{index}", f"{wire_name!r} is named twice")
            chosen.append(found[0])
        rest = [p for p in parameters if p.location != "path" and not any(p is parameter for parameter in chosen)]
        return path + [replace(parameter, positional=True, default=NO_DEFAULT) for parameter in chosen] + rest

    def _wait(
        self, node: dict[str, Any], pointer: str, name: str, responses: list[Response], scopes: list[naming.Scope]
    ) -> Wait:
        """The waiting method `x-clientgen-wait` asks for: `property` (of the successful JSON
        answer), `until` (the values that end the wait), optional `interval` (seconds, default 1)
        and `name` (default: the method's name + `_until_done`)."""
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

    def _pages(
        self,
        node: dict[str, Any],
        pointer: str,
        name: str,
        parameters: list[Parameter],
        responses: list[Response],
        scopes: list[naming.Scope],
    ) -> Pages:
        """The paging method `x-clientgen-pages` asks for: `items` (a list field of the successful
        JSON answer), `next` (its field with the URL of the next page, or with the cursor for the
        query parameter `cursor`) and optionally `name` (default: `iter_` + the method's name)."""
        where = f"{pointer}/{PAGES_EXTENSION}"
        spec = node[PAGES_EXTENSION]
        if (
            not isinstance(spec, dict)
            or not isinstance(spec.get("items"), str)
            or not isinstance(spec.get("next"), str)
        ):
            raise self._document.error(where, "must be an object with `items`, `next` and optionally `name`")
        items = self._answer_field(responses, spec["items"], f"{where}/items", "to take items from")
        listed = [t for t in (items.type.variants if isinstance(items.type, UnionOf) else (items.type,)) if t != NONE]
        if len(listed) != 1 or not isinstance(listed[0], ListOf):
            raise self._document.error(f"{where}/items", f"{spec['items']!r} is not an array")
        following = self._answer_field(responses, spec["next"], f"{where}/next", "with the next page's URL")
        cursor = spec.get("cursor")
        parameter = next((p for p in parameters if p.location == "query" and p.wire_name == cursor), None)
        if cursor is not None and parameter is None:
            raise self._document.error(f"{where}/cursor", f"the operation has no query parameter {cursor!r}")
        return Pages(
            name=self._extra_method_name(spec, f"iter_{name}", where, scopes),
            items_attribute=items.name,
            item=listed[0].item,
            next_attribute=following.name,
            cursor_parameter=parameter.name if parameter is not None else None,
        )

    def _job_declaration(
        self, node: dict[str, Any], pointer: str, name: str, scopes: list[naming.Scope]
    ) -> tuple[str, dict[str, Any]]:
        """The name of the job method `x-clientgen-job` asks for (default: the method's name +
        `_and_wait`), and the extension, checked for its shape; `_job` links it once every
        operation is built."""
        where = f"{pointer}/{JOB_EXTENSION}"
        spec = node[JOB_EXTENSION]
        if not isinstance(spec, dict) or not isinstance(spec.get("status"), str) or not isinstance(spec.get("id"), str):
            raise self._document.error(
                where, "must be an object with `status` (an operationId), `id` and optionally `name`"
            )
        return self._extra_method_name(spec, f"{name}_and_wait", where, scopes), spec

    def _job(self, start: Operation, resource: Resource, name: str, spec: dict[str, Any]) -> Job:
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
        if any(r.is_success and r.is_event_stream for r in responses):
            raise self._document.error(where, "the operation answers with a stream of events, not one answer")
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

    def _parameters(
        self,
        node: dict[str, Any],
        pointer: str,
        path_item: dict[str, Any],
        path: str,
        hint: str,
        arguments: naming.Scope,
    ) -> list[Parameter]:
        # Operation parameters override path-level ones with the same name and location.
        merged: dict[tuple[str, str], tuple[dict[str, Any], str]] = {}
        for owner, owner_pointer in ((path_item, pointer.rsplit("/", 1)[0]), (node, pointer)):
            raw = owner.get("parameters") or []
            if not isinstance(raw, list):
                raise self._document.error(owner_pointer + "/parameters", "parameters must be a list")
            for index, item in enumerate(raw):
                parameter, parameter_pointer = self._document.resolve(item, f"{owner_pointer}/parameters/{index}")
                if not isinstance(parameter, dict) or not isinstance(parameter.get("name"), str):
                    raise self._document.error(parameter_pointer, "a parameter must be a mapping with a name")
                location = parameter.get("in")
                if location not in PARAMETER_LOCATIONS:
                    raise self._document.error(
                        parameter_pointer + "/in",
                        f"parameter location {location!r} is not one of path, query, header, cookie",
                    )
                if location == "header" and parameter["name"].lower() in TRANSPORT_HEADERS:
                    self._warnings.add(
                        self._document.location(parameter_pointer),
                        f"header {parameter['name']} is the HTTP client's to set (from the body and the URL);"
                        " the parameter is left out",
                    )
                    continue
                merged[(parameter["name"], location)] = (parameter, parameter_pointer)
        for name in _path_template_names(path):
            if (name, "path") not in merged:
                self._warnings.add(
                    self._document.location(pointer),
                    f"path parameter {{{name}}} is not declared; it is taken as a required string",
                )
                merged[(name, "path")] = (
                    {"name": name, "in": "path", "required": True, "schema": {"type": "string"}},
                    pointer,
                )
        # path parameters first, in the order of the path (they are the positional arguments)
        template = _path_template_names(path)
        ordered = sorted(
            merged.values(),
            key=lambda item: (
                PARAMETER_LOCATIONS.index(item[0]["in"]),
                template.index(item[0]["name"]) if item[0]["in"] == "path" and item[0]["name"] in template else 0,
            ),
        )
        return [
            self._parameter(parameter, parameter_pointer, hint, arguments) for parameter, parameter_pointer in ordered
        ]

    def _parameter(self, parameter: dict[str, Any], pointer: str, hint: str, arguments: naming.Scope) -> Parameter:
        wire_name = parameter["name"]
        location = parameter["in"]
        schema, schema_pointer = parameter.get("schema"), pointer + "/schema"
        content = nodes.mapping(parameter, "content")
        if schema is None and content:
            media_type = next(iter(content))
            schema = nodes.mapping(content, media_type).get("schema")
            schema_pointer = f"{pointer}/content/{escape_pointer_token(media_type)}/schema"
            encoding = Encoding(None, content_type=media_type)
        else:
            encoding = _style_encoding(parameter, location)
        type_ = ANY if schema is None else self._schemas.type_of(schema, schema_pointer, joined(hint, wire_name))
        required = location == "path" or parameter.get("required") is True
        declared = schema.get("default") if isinstance(schema, dict) and "default" in schema else NO_DEFAULT
        name = naming.attribute_name(wire_name)
        return Parameter(
            name=arguments.claim_first(name, f"{location}_{name}"),
            wire_name=wire_name,
            location=location,
            type=type_,
            required=required,
            description=nodes.text(parameter, "description"),
            default=_argument_default(required, type_, declared),
            deprecated=parameter.get("deprecated") is True,
            encoding=encoding,
            sample=self._parameter_sample(schema, location)
            if location == "path" or parameter.get("required") is True
            else None,
        )

    def _parameter_sample(self, schema: Any, location: str) -> Any:
        """A parameter's sample; for a path parameter never empty (the client refuses that),
        though the schema allows it (AWS's `pattern: .*`, `minLength: 0`)."""
        value = sample(self._document, schema, cache=self._samples)
        if location == "path" and value == "" and isinstance(schema, dict):
            try:
                resolved, _ = self._document.resolve(schema, "") if "$ref" in schema else (schema, "")
            except GeneratorError:
                return "sample"
            value = sample(self._document, {**resolved, "minLength": 1}) or "sample"
        return value

    def _request_body(
        self, node: dict[str, Any], pointer: str, hint: str, arguments: naming.Scope
    ) -> tuple[RequestBody | None, list[Parameter]]:
        if "requestBody" not in node:
            return None, []
        body, body_pointer = self._document.resolve(node["requestBody"], pointer + "/requestBody")
        content = nodes.mapping(body, "content")
        media_type = _preferred_media_type(content)
        if media_type is None:
            self._warnings.add(self._document.location(body_pointer), "request body has no content; it is left out")
            return None, []
        media = nodes.mapping(content, media_type)
        encoding = _body_encoding(media_type)
        schema_pointer = f"{body_pointer}/content/{escape_pointer_token(media_type)}/schema"
        schema = media.get("schema")
        if encoding == "binary" and self._is_structured(schema, schema_pointer):
            # bytes cannot be an object: the value is sent as JSON, in the media type declared
            self._warnings.add(
                self._document.location(schema_pointer),
                f"the body's media type is {media_type}, its schema an object or an array;"
                " it is sent as JSON in that media type",
            )
            encoding = "json"
        if encoding == "multipart" and self._is_string(schema, schema_pointer):
            # a multipart body is named parts: a lone file (loket.nl's uploads) is sent as one
            self._warnings.add(
                self._document.location(schema_pointer),
                f"a {media_type} body must be an object of parts; the string is sent as the part 'file'",
            )
            schema = {"type": "object", "required": ["file"], "properties": {"file": schema}}
        request_body = RequestBody(
            media_type=media_type,
            encoding=encoding,
            type=ANY,
            required=body.get("required") is True,
            description=nodes.text(body, "description"),
        )
        fields = None
        with self._shared(pointer + "/requestBody", body_pointer) as shared_name:
            body_hint = shared_name or joined(hint, "request")
            if encoding in ("json", "multipart", "form") and schema is not None:
                fields = self._schemas.object_fields(schema, schema_pointer, body_hint)
            body_sample = sample(self._document, schema, cache=self._samples) if schema is not None else None
            if fields is not None:
                request_body.flattened = True
                values = body_sample if isinstance(body_sample, dict) else {}
                # the tests pass the required fields and those a `oneOf` beside them requires
                passed = required_by_variant(self._document, schema)
                encodings = nodes.mapping(media, "encoding")
                encoding_pointer = f"{body_pointer}/content/{escape_pointer_token(media_type)}/encoding"
                return request_body, [
                    self._body_field(
                        field,
                        arguments,
                        values.get(field.wire_name) if field.required or field.wire_name in passed else None,
                        self._field_encoding(encoding, field, encodings, encoding_pointer),
                    )
                    for field in fields
                    if not field.read_only
                ]
            if schema is not None:
                request_body.type = self._schemas.type_of(schema, schema_pointer, body_hint)
            if encoding == "binary" and (schema is None or request_body.type in (Primitive("str"), ANY)):
                # the body's bytes, whether the schema says `format: binary`, only `type: string`
                # (Docker's tar archives) or nothing (Vercel's artifacts): an upload
                request_body.type = Primitive("file")
            elif schema is None and encoding == "text":
                request_body.type = Primitive("str")
        parameter = Parameter(
            name=arguments.claim("body"),
            wire_name="",
            location="body",
            type=request_body.type,
            required=request_body.required,
            description=request_body.description,
            sample=_body_argument_sample(request_body, body_sample),
        )
        return request_body, [parameter]

    def _resolved(self, schema: Any, pointer: str) -> dict[str, Any]:
        """A schema with its `$ref` followed; {} for one that is not a mapping."""
        resolved, _ = self._document.resolve(schema, pointer) if isinstance(schema, dict) else (schema, pointer)
        return resolved if isinstance(resolved, dict) else {}

    def _is_string(self, schema: Any, pointer: str) -> bool:
        return self._resolved(schema, pointer).get("type") == "string"

    def _is_structured(self, schema: Any, pointer: str) -> bool:
        """Whether a schema describes an object or an array (by its type or its keywords)."""
        resolved = self._resolved(schema, pointer)
        kind = resolved.get("type")
        return kind in ("object", "array") or (kind is None and any(key in resolved for key in ("properties", "items")))

    def _field_encoding(self, kind: BodyEncoding, field: Field, encodings: dict[str, Any], pointer: str) -> Encoding:
        """How a field of a form or multipart body is written: by the style its Encoding Object
        gives, or as its value in a media type (its `contentType`, else JSON for objects and text
        for the rest); a field of a form body with no Encoding Object in style form."""
        if kind == "json":
            return default_encoding(kind)
        where = f"{pointer}/{escape_pointer_token(field.wire_name)}"
        entry, where = self._document.resolve(encodings.get(field.wire_name, {}), where)
        if not isinstance(entry, dict):
            raise self._document.error(where, "an encoding must be a mapping")
        headers = self._part_headers(entry, where) if kind == "multipart" else ()
        if any(key in entry for key in ("style", "explode", "allowReserved")) or (kind == "form" and not entry):
            return replace(_style_encoding(entry, "query"), headers=headers)
        content_type = nodes.text(entry, "contentType") or _default_content_type(field.type)
        if content_type is not None and ("," in content_type or "*" in content_type):
            content_type = None  # a choice of types, not one the client can send
        return Encoding(None, content_type=content_type, headers=headers)

    def _part_headers(self, entry: dict[str, Any], pointer: str) -> tuple[tuple[str, str], ...]:
        """The headers of `encoding.headers` whose schema fixes the value (`const`, a one-value
        `enum` or a `default`), written in style simple; Content-Type is the encoding's own."""
        fixed = []
        for name, raw in nodes.mapping(entry, "headers").items():
            header, header_pointer = self._document.resolve(raw, f"{pointer}/headers/{escape_pointer_token(name)}")
            schema, _ = self._document.resolve(nodes.mapping(header, "schema"), header_pointer + "/schema")
            if not isinstance(schema, dict):
                continue
            enum = schema.get("enum")
            if "const" in schema:
                value = schema["const"]
            elif isinstance(enum, list) and len(enum) == 1:
                value = enum[0]
            else:
                value = schema.get("default")
            if name.lower() != "content-type" and isinstance(value, (str, int, float, bool)):
                fixed.append((name, _header_text(value)))
        return tuple(fixed)

    @staticmethod
    def _body_field(field: Field, arguments: naming.Scope, sample_value: object, encoding: Encoding) -> Parameter:
        name = naming.argument_name(field.name)
        return Parameter(
            name=arguments.claim_first(name, "body_" + name),
            wire_name=field.wire_name,
            location="body",
            type=field.type,
            required=field.required,
            description=field.description,
            default=_argument_default(field.required, field.type, field.default),
            deprecated=field.deprecated,
            encoding=encoding,
            sample=sample_value,
        )

    @contextmanager
    def _shared(self, own_pointer: str, resolved_pointer: str) -> Iterator[str | None]:
        """For a response or request body reached through a `$ref` (shared by operations), its
        name (the last token of its place) and, while its types are built, no operation group:
        the types are named after it and live in a module of their own."""
        if resolved_pointer == own_pointer:
            yield None
            return
        with self._schemas.grouped(None):
            yield nodes.schema_name(split_pointer(resolved_pointer)[1])

    def _responses(self, node: dict[str, Any], pointer: str, hint: str) -> list[Response]:
        raw = node.get("responses")
        if not isinstance(raw, dict) or not raw:
            self._warnings.add(self._document.location(pointer), "operation declares no responses")
            return []
        responses = []
        first_success = True
        for status, item in raw.items():
            status = str(status)
            if status.startswith("x-"):
                continue
            own_pointer = f"{pointer}/responses/{escape_pointer_token(status)}"
            response, response_pointer = self._document.resolve(item, own_pointer)
            if not isinstance(response, dict):
                raise self._document.error(response_pointer, "a response must be a mapping")
            content = nodes.mapping(response, "content")
            media_type = _preferred_media_type(content)
            type_: TypeExpr | None = None
            if media_type is not None:
                if status.startswith("2") and first_success:
                    response_hint = joined(hint, "response")
                else:
                    response_hint = joined(hint, _status_phrase(status), "response")
                with self._shared(own_pointer, response_pointer) as shared_name:
                    type_ = self._response_type(
                        nodes.mapping(content, media_type), media_type, response_pointer, shared_name or response_hint
                    )
            if status.startswith("2"):
                first_success = False
            responses.append(
                Response(
                    status=status,
                    description=nodes.text(response, "description"),
                    media_type=media_type,
                    type=type_,
                )
            )
        return responses

    def _response_type(self, media: dict[str, Any], media_type: str, pointer: str, hint: str) -> TypeExpr:
        encoding = _body_encoding(media_type)
        if is_event_stream(media_type):
            # the schema describes the data of each event
            schema = media.get("schema")
            if schema is None:
                return Primitive("str")
            return self._schemas.type_of(
                schema, f"{pointer}/content/{escape_pointer_token(media_type)}/schema", joined(hint, "event")
            )
        if encoding == "text":
            return Primitive("str")
        if encoding != "json":
            return Primitive("bytes")
        schema = media.get("schema")
        if schema is None:
            return ANY
        return self._schemas.type_of(schema, f"{pointer}/content/{escape_pointer_token(media_type)}/schema", hint)

    def _security(self, node: dict[str, Any], pointer: str) -> list[list[str]]:
        requirements = node.get("security", self._document.data.get("security", []))
        requirement_pointer = pointer + "/security" if "security" in node else "/security"
        alternatives = []
        for index, requirement in enumerate(requirements if isinstance(requirements, list) else []):
            if not isinstance(requirement, dict):
                continue
            unknown = [key for key in requirement if key not in self._security_scheme_keys]
            if unknown:
                self._warnings.add(
                    self._document.location(f"{requirement_pointer}/{index}"),
                    f"security scheme {unknown[0]!r} is not declared in components/securitySchemes; "
                    "this alternative is ignored",
                )
                continue
            alternatives.append(list(requirement))
        return alternatives


def _argument_default(required: bool, type_: TypeExpr, declared: object) -> object:
    """What an argument defaults to: for an optional one, the spec's default (documented; the
    server applies it); for a required constant, its one allowed value, which the client sends
    unless told otherwise (AWS's `X-Amz-Target`, `Action`, `Version`); else nothing."""
    if not required:
        return declared
    if isinstance(type_, LiteralOf) and len(type_.values) == 1:
        return type_.values[0]
    return NO_DEFAULT


def _style_encoding(node: dict[str, Any], location: ParameterLocation) -> Encoding:
    """The style, explode and allowReserved of a Parameter or Encoding Object (whose fields
    follow a query parameter's), with the specification's defaults: form in a query or a
    cookie, simple in a path or a header; explode when the style is form. allowReserved applies
    to queries only."""
    style = nodes.text(node, "style") or default_encoding(location).style
    return Encoding(
        style,
        explode=node.get("explode", style == "form") is True,
        allow_reserved=location == "query" and node.get("allowReserved") is True,
    )


def _default_content_type(type_: TypeExpr) -> str | None:
    """The specification's default media type of a form field or a multipart part: JSON for an
    object or an array of objects; None (text, or a file's own type) for the rest."""
    if isinstance(type_, ListOf):
        type_ = type_.item
    return "application/json" if _is_object(type_) else None


def _is_object(type_: TypeExpr) -> bool:
    if isinstance(type_, Ref):
        return isinstance(type_.target, Model) or _is_object(type_.target.type)
    if isinstance(type_, UnionOf):
        variants = [variant for variant in type_.variants if variant != NONE]
        return bool(variants) and all(_is_object(variant) for variant in variants)
    return isinstance(type_, MapOf)


def _header_text(value: str | int | float | bool) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _path_template_names(path: str) -> list[str]:
    names = []
    for segment in path.split("{")[1:]:
        if "}" in segment:
            names.append(segment.split("}", 1)[0])
    return names


# The public members of the generated clients, which a resource or a method on the client must
# not replace (tests/test_client_runtime.py and tests/test_names.py compare them with the clients').
CLIENT_ATTRIBUTES = frozenset(
    {
        "base_url",
        "timeout",
        "max_retries",
        "max_response_size",
        "cross_origin_redirects",
        "default_headers",
        "strict_response_validation",
        "close",
        "with_options",
    }
)
# Resource attributes must not take those, nor the names the client class's body reads (its
# decorator, the builtins its annotations write), nor the modules the annotations use.
CLIENT_MEMBERS = CLIENT_ATTRIBUTES | {"property", "str", "int", "bool", "float"} | naming.RUNTIME_MODULES
# Method names that would shadow the resource's own members, or what a resource class's body
# reads: the modules (`functools.cached_property`, `httpx.Timeout`) and `float`, which the
# per-call options' annotations write (other builtins an annotation needs are written
# `builtins.list` where a method takes their name).
RESOURCE_MEMBERS = frozenset({"self", "with_raw_response", "with_streaming_response", "float"}) | naming.RUNTIME_MODULES
