"""Paths and operations to IR operations, grouped into resources by their first tag."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, NamedTuple

from .. import naming, nodes, openapi32
from ..errors import Warnings, escape_pointer_token
from ..load import Document
from ..options import ArgumentOptions, StreamMethods
from .arguments import ConfiguredArguments
from .bodies import FLATTEN_EXTENSION, FLATTEN_FUNCTION, BodyBuilder
from .envelopes import ENVELOPE_EXTENSION, operation_envelope
from .extensions import ExtensionReader
from .model import Envelope, Operation, Pages, Resource, StreamFlag
from .overrides import NameOverrides, check_natural, reserve
from .parameters import ParameterBuilder
from .schemas import SchemaBuilder
from .servers import operation_server
from .streams import StreamReader
from .tags import Tag, read_tags

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")

# Keyword arguments every method takes besides the spec's parameters, by these names in every
# method of every client: a parameter or body field of the same name takes its location as a
# prefix instead (`body_timeout`, `query_extra_query`), as does any name already taken; but for
# `timeout`, which an argument of the spec keeps where an extension says so (`ir/extensions.py`).
REQUEST_OPTIONS = ("extra_headers", "extra_query", "extra_body", "timeout", "base_url")


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
        *,
        client_members: frozenset[str] = frozenset(),
        arguments: ArgumentOptions = ArgumentOptions(),
        stream_methods: StreamMethods = "overloads",
    ) -> None:
        """`client_members`: attributes the client has besides `CLIENT_MEMBERS` (`webhooks`);
        `arguments`: those the configuration adds; `stream_methods`: the configuration's choice
        for a flag that chooses a stream."""
        self._document = document
        self._overrides = overrides
        samples: dict[str, Any] = {}  # of referenced schemas, by $ref
        self._parameters = ParameterBuilder(document, schemas, warnings, samples)
        self._bodies = BodyBuilder(document, schemas, warnings, samples)
        self._extensions = ExtensionReader(document, warnings)
        self._configured = ConfiguredArguments(arguments, document, warnings)
        self._streams = StreamReader(document, warnings, stream_methods)
        self._schemas = schemas
        self._warnings = warnings
        self._security_scheme_keys = security_scheme_keys
        self.required_scopes: dict[str, list[str]] = {}
        """Scheme key -> the scopes the built operations' security requirements name for it."""
        self._class_names = class_names
        self._method_names: dict[str, naming.Scope] = {}
        self._operation_ids: dict[str, str] = {}
        """operationId -> the operation (METHOD path) that has it first."""
        self._client_members = naming.Scope(CLIENT_MEMBERS | client_members)
        """The client's attributes: its own, the resources', the methods on the client itself."""
        self._on_client: set[str] = set()
        """The pointers of the operations whose methods are on the client itself too."""
        self._jobs: list[tuple[Operation, Resource, str, dict[str, Any]]] = []
        """Jobs to link once every operation is built: (starting operation, its resource, the job
        method's name, the extension)."""
        self._chosen_methods: dict[str, str] = {}
        """operation pointer -> the method name the user chose (`names`)"""
        self._tags: dict[str, Tag] = {}
        """The spec's tags by name, read by `plan_resources`."""
        self._reserved_methods: dict[str, dict[str, str]] = {}
        """resource class -> {chosen method name: what chose it}, for the clash messages"""

    def plan_resources(self) -> ResourcePlan:
        """The resources, named before any schema so that their class names come first, and
        the method names the user chose, reserved in them."""
        self._tags = read_tags(self._document, self._warnings)
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
            operation.job = self._extensions.job(operation, resource, name, spec)
        self._configured.report_unused()

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
            methods: list[tuple[str, tuple[str, ...], Any]] = [
                (method, (method,), node) for method, node in path_item.items() if method in HTTP_METHODS
            ]
            if openapi32.is_3_2(self._document.data):
                methods += openapi32.added_operations(path_item)
            for method, keys, node in methods:
                pointer = item_pointer + openapi32.pointer(keys)
                if not isinstance(node, dict):
                    raise self._document.error(pointer, "an operation must be a mapping")
                yield RawOperation(self._resource_key(node, path), path, method, node, pointer, path_item)

    def _resource_key(self, node: dict[str, Any], path: str) -> str:
        """The first tag that is a section (not a badge); untagged operations are grouped by the
        first segment of their path."""
        tags = [tag for tag in nodes.sequence(node, "tags") if isinstance(tag, str) and naming.words(tag)]
        sections = [tag for tag in tags if tag not in self._tags or self._tags[tag].navigation]
        if tags:
            return (sections or tags)[0]
        segments = [s for s in path.split("/") if s and not s.startswith("{") and naming.words(s)]
        return segments[0] if segments else "default"

    def _plan_resources(self, raw_operations: list[RawOperation]) -> dict[str, Resource]:
        """A resource per first tag, in the spec's order, each after the parents it is nested in
        (a parent with no operations of its own too)."""
        resources: dict[str, Resource] = {}
        modules = naming.Scope(fold_case=True)
        for raw in raw_operations:
            for key in self._ancestry(raw.resource_key):
                if key not in resources:
                    resources[key] = self._resource(key, resources, modules, raw.pointer)
        return resources

    def _ancestry(self, key: str) -> list[str]:
        """The tag's nesting parents, outermost first, and the tag (a cycle, which the validation
        refuses, stops where it closes)."""
        keys = [key]
        while (parent := self._parent_of(keys[0])) is not None and parent not in keys:
            keys.insert(0, parent)
        return keys

    def _parent_of(self, key: str) -> str | None:
        tag = self._tags.get(key)
        return tag.parent if tag is not None else None

    def _resource(self, key: str, resources: dict[str, Resource], modules: naming.Scope, pointer: str) -> Resource:
        """A resource, named in its parent's class (whose methods then cannot take its name: one
        that would is numbered, with a warning) or else on the client."""
        parent_key = self._parent_of(key)
        parent = resources[parent_key] if parent_key is not None else None
        natural = naming.attribute_name(key)
        if parent is None:
            attribute = self._client_members.claim(natural)
            if natural in GENERIC_CALLS:
                self._warnings.add(
                    self._document.location(pointer),
                    f"the operations tagged {key!r} are client.{attribute}: client.{natural}"
                    " is the client's generic call of that HTTP method",
                )
        else:
            attribute = self._method_names.setdefault(parent.class_name, naming.Scope(RESOURCE_MEMBERS)).claim(natural)
        parents = () if parent is None else (*parent.parents, parent.attribute)
        tag = self._tags.get(key)
        resource = Resource(
            tag=key,
            attribute=attribute,
            class_name=self._claim_resource_class(naming.class_name(key)),
            module=modules.claim("_".join((*parents, attribute))),  # `catalog_items.py`
            description=tag.description if tag is not None else None,
            operations=[],
            parents=parents,
        )
        if parent is not None:
            parent.children.append(resource)
        return resource

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
        duplicate = self._claim_operation_id(operation_id, f"{method.upper()} {path}", pointer)
        source_name = operation_id if operation_id and naming.words(operation_id) else f"{method} {path}"
        name = self._method_name(resource, source_name, pointer, duplicate)
        hint = naming.class_name(source_name)
        with self._schemas.grouped(hint):
            options = self._extensions.option_names(node, pointer, REQUEST_OPTIONS)
            # the runtime's function a flattening method calls is not to be hidden by an argument
            runtime = (FLATTEN_FUNCTION,) if FLATTEN_EXTENSION in node else ()
            arguments = naming.Scope({"self", *options.values(), *runtime})
            parameters = self._parameters.parameters(node, pointer, path_item, path, hint, arguments)
            idempotency_header, key = self._configured.idempotency(method, parameters, arguments)
            parameters += key
            body, body_parameters = self._bodies.request_body(node, pointer, hint, arguments)
            body_parameters = self._configured.with_body_defaults(body, body_parameters, pointer)
            responses = self._bodies.responses(node, pointer, hint)
        # the methods extensions add go where their operation's method goes: on the client too
        on_client = pointer in self._on_client
        method_names = self._method_names[resource.class_name]
        scopes = [method_names, self._client_members] if on_client else [method_names]
        wait = self._extensions.wait(node, pointer, name, responses, scopes)
        # a flattened body's fields can carry the next page's cursor or offset too
        body_fields = body_parameters if body is not None and body.flattened else []
        pages = self._extensions.pages(node, pointer, name, parameters + body_fields, responses, scopes)
        job = self._extensions.job_declaration(node, pointer, name, scopes)
        envelope = operation_envelope(self._document, node, pointer, responses)
        stream_flag = self._streams.flag(node, pointer, name, parameters + body_parameters, responses, scopes)
        self._check_together(pointer, envelope, stream_flag, bool(wait or pages or job), pages)
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
            parameters=self._extensions.positional_first(node, pointer, parameters + body_parameters),
            option_names=options,
            server_timeout=self._extensions.server_timeout(node, pointer, parameters + body_parameters),
            body=body,
            responses=responses,
            security=self._security(node, pointer),
            server=operation_server(self._document, node, path_item, pointer, self._warnings),
            idempotency_header=idempotency_header,
            endpoint_name=naming.endpoint_constant(name),
            wait=wait,
            pages=pages,
            envelope=envelope,
            on_client=on_client,
            stream_flag=stream_flag,
            stream_errors=self._streams.errors(node, pointer, responses),
        )
        if job is not None:
            self._jobs.append((operation, resource, *job))
        return operation

    def _claim_operation_id(self, operation_id: str | None, operation: str, pointer: str) -> bool:
        """Whether another operation has the operationId already (a warning says which)."""
        if operation_id is None:
            return False
        first_owner = self._operation_ids.setdefault(operation_id, operation)
        if first_owner == operation:
            return False
        self._warnings.add(
            self._document.location(pointer + "/operationId"),
            f"operationId {operation_id!r} is not unique: {first_owner} has it too",
        )
        return True

    def _check_together(
        self,
        pointer: str,
        envelope: Envelope | None,
        stream_flag: StreamFlag | None,
        extended: bool,
        pages: Pages | None,
    ) -> None:
        """The extensions one method cannot honour together are errors (`extended`: a wait,
        pages or a job)."""
        if envelope is not None and (envelope.data or envelope.flag) and extended:
            # those methods read the fields of the whole answer
            raise self._document.error(
                pointer, f"{ENVELOPE_EXTENSION} with `data` or `flag` cannot go with x-clientgen-wait, -pages or -job"
            )
        if stream_flag is not None and stream_flag.twin is None and pages is not None and pages.name is None:
            # the overloads' answer without the flag would be the first page, not the answer
            raise self._document.error(
                pointer,
                "a flag that chooses a stream needs twin methods (x-clientgen-stream: {methods: twins}) where"
                " x-clientgen-pages makes the method return a page object",
            )

    def _method_name(self, resource: Resource, source_name: str, pointer: str, duplicate: bool) -> str:
        """The name the user chose, else the one `source_name` makes, numbered when the resource
        has it already (`duplicate`: a repeated operationId, reported already)."""
        method_names = self._method_names.setdefault(resource.class_name, naming.Scope(RESOURCE_MEMBERS))
        if pointer in self._chosen_methods:
            return self._chosen_methods[pointer]
        name = naming.attribute_name(source_name)
        reserved = self._reserved_methods.get(resource.class_name, {})
        check_natural(name, reserved, self._document.location(pointer), f"the method of {resource.class_name}")
        if name in method_names and not duplicate:
            self._warnings.add(
                self._document.location(pointer + "/operationId"),
                f"method name {name!r} is already used in {resource.class_name}; a numbered name is used",
            )
        return method_names.claim(name)

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
            for key, scopes in requirement.items():
                needed = self.required_scopes.setdefault(key, [])
                for scope in scopes if isinstance(scopes, list) else []:
                    if isinstance(scope, str) and scope not in needed:
                        needed.append(scope)
        return alternatives


# The client's generic calls (`client.post("/path", cast_to=...)`), one per HTTP method.
GENERIC_CALLS = ("get", "post", "put", "patch", "delete")
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
        "hooks",
        *GENERIC_CALLS,
    }
)
# Resource attributes must not take those, nor the names the client class's body reads (its
# decorator, the builtins its annotations write), nor the modules the annotations use.
CLIENT_MEMBERS = CLIENT_ATTRIBUTES | {"property", "str", "int", "bool", "float"} | naming.RUNTIME_MODULES
# Method names that would shadow the resource's own members, or what a resource class's body
# reads: the modules (`functools.cached_property`, `httpx.Timeout`) and `float`, which the
# per-call options' annotations write (other builtins an annotation needs are written
# `builtins.list` where a method takes their name).
# `overload` decorates the methods a stream flag chooses the answer of.
RESOURCE_MEMBERS = (
    frozenset({"self", "with_raw_response", "with_streaming_response", "float", "overload"}) | naming.RUNTIME_MODULES
)
