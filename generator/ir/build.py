"""Stage 3: a loaded, validated document to the IR (`Api`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .. import naming, nodes
from ..errors import GeneratorError, Warnings, escape_pointer_token, stale
from ..load import Document
from ..options import ClientOptions, Construction
from .api_parts import EnvironmentVariables, SecurityScheme, Webhook
from .dedupe import merge_identical
from .layout import plan_modules
from .model import Api, Resource
from .operations import OperationBuilder
from .overrides import NameOverrides
from .request_ids import request_id_headers
from .schemas import SchemaBuilder
from .security import global_security, name_grant_arguments, token_grant, with_default_scopes
from .servers import document_servers, environments
from .status_errors import STATUS_ERROR_CLASSES, StatusError, documented_errors, errors_table_problem
from .type_exprs import Alias, Model, NamedType, TypeModule, referenced
from .webhooks import WEBHOOK_RUNTIME_NAMES, WebhookBuilder, declares_webhooks, webhook_signature

# Names a class the generator names must not take: what the generated modules import (a schema
# called `Call` would hide the runtime's in the resource modules), Python's builtins, and the
# status error classes a package exports (`PaymentRequiredError`: ir/status_errors.py).
RESERVED_CLASS_NAMES = (
    frozenset(naming.RUNTIME_IMPORTS) | naming.RUNTIME_MODULES | naming.BUILTIN_NAMES | STATUS_ERROR_CLASSES
)

# Constructor arguments of the generated clients besides credentials, and the names the
# constructor and `_credentials` read that a credential argument would hide.
CLIENT_ARGUMENTS = frozenset(
    {
        "self",
        "base_url",
        "server",
        "server_variables",
        "environment",
        "timeout",
        "max_retries",
        "max_response_size",
        "cross_origin_redirects",
        "strict_response_validation",
        "default_headers",
        "http_client",
        "hooks",
        "platform_headers",
        "super",
        "os",
    }
)


def default_package_name(title: str) -> str:
    """`Firecrawl API` -> `firecrawl`: the title in snake_case, without a trailing `api`; with
    `_client` after it where that name is taken by a module the package would hide (the standard
    library's `numbers`, or a dependency)."""
    name = naming.snake_case(title)
    if name.endswith("_api"):
        name = name[: -len("_api")]
    name = naming.attribute_name(name or "client")
    return f"{name}_client" if name in naming.TAKEN_PACKAGE_NAMES else name


def default_client_class(package_name: str) -> str:
    """The package name in CamelCase (`firecrawl` -> `Firecrawl`), with `Client` after it where
    that name, or its async twin's, is one the package's modules import (`server` -> `ServerClient`,
    not the runtime's `Server`)."""
    name = naming.class_name(package_name)
    return name + "Client" if {name, "Async" + name} & RESERVED_CLASS_NAMES else name


def _check_chosen_names(package_name: str | None, client_class: str | None, env_prefix: str | None) -> None:
    """The names a caller chose, checked as the command line's and the configuration's are."""
    chosen = {"package-name": package_name, "client-name": client_class, "env-prefix": env_prefix}
    for key, value in chosen.items():
        problem = None if value is None else naming.CHOSEN_NAMES[key](value)
        if problem is not None:
            raise GeneratorError(f"--{key}", problem)
    if client_class is not None and {client_class, "Async" + client_class} & RESERVED_CLASS_NAMES:
        raise GeneratorError("--client-name", f"{client_class!r} is a name the generated package uses itself")


def build_api(document: Document, warnings: Warnings, options: ClientOptions = ClientOptions()) -> Api:
    """The IR of a loaded document, shaped by the configuration's options (`options.ClientOptions`
    documents each): the package, client class and environment prefix replace the names made from
    the title; `names` gives chosen Python names to methods, classes and fields."""
    info = nodes.mapping(document.data, "info")
    title = nodes.text(info, "title") or document.path.stem
    package_name, client_class, env_prefix = _chosen_or_made(
        title, options.package_name, options.client_class, options.env_prefix
    )
    error_names = dict(options.errors)
    class_names = _class_names(client_class, error_names, declares_webhooks(document))
    schemes = _client_security(document, options.construction, env_prefix, warnings)
    built = _Built.of(document, warnings, options, class_names, {scheme.key for scheme in schemes})
    servers = document_servers(document)
    return Api(
        title=title,
        version=str(info.get("version", "")),
        description=nodes.text(info, "description"),
        package_name=package_name,
        client_class=client_class,
        async_client_class="Async" + client_class,
        env_prefix=env_prefix,
        environment=EnvironmentVariables.with_prefix(env_prefix, base_url=options.construction.base_url_env),
        construction=options.construction,
        environments=environments(document, servers, options.construction, warnings),
        servers=servers,
        security_schemes=with_default_scopes(document, schemes, built.required_scopes),
        security=global_security(document, {scheme.key for scheme in schemes}),
        resources=built.resources,
        types=built.types,
        type_modules=built.type_modules,
        status_errors=_status_errors(document, built.resources, error_names),
        error_names=error_names,
        retry=options.retry,
        webhooks=built.webhooks,
        webhook_event=built.webhook_event,
        webhook_signature=webhook_signature(document, warnings),
        request_id_headers=request_id_headers(document),
        exports=_exported_types(document, built.types, options.exports, warnings),
    )


@dataclass
class _Built:
    """The resources, the types and the webhooks of a document, every Python name given."""

    resources: list[Resource]
    types: list[NamedType]
    type_modules: list[TypeModule]
    webhooks: list[Webhook]
    webhook_event: Alias | None
    required_scopes: dict[str, list[str]]
    """Security scheme -> the scopes its operations require."""

    @classmethod
    def of(
        cls,
        document: Document,
        warnings: Warnings,
        options: ClientOptions,
        class_names: naming.Scope,
        schemes: set[str],
    ) -> _Built:
        overrides = NameOverrides(dict(options.names))
        schemas = SchemaBuilder(document, warnings, class_names, overrides)
        components = nodes.mapping(nodes.mapping(document.data, "components"), "schemas")
        schemas.claim_component_names(components)
        operations = OperationBuilder(
            document,
            schemas,
            warnings,
            schemes,
            class_names,
            overrides,
            client_members=frozenset({"webhooks"} if declares_webhooks(document) else ()),
            arguments=options.arguments,
            stream_methods=options.stream_methods,
        )
        # names are claimed in this order: the components' (above), the resources', the names the
        # user chose for methods, then the classes of the components' and the operations' types
        plan = operations.plan_resources()
        resources = plan.resource_list
        for key in components:
            schemas.component(key)
        operations.build(plan)
        webhooks, webhook_event = WebhookBuilder(document, schemas, warnings, class_names).build()
        types = merge_identical(
            schemas.types, schemas.declared, resources, class_names, schemas.references, schemas.group_of
        )
        _name_request_twins(resources, types, class_names)
        for message in overrides.unused():
            warnings.add(document.location(), message)
        modules = plan_modules(types, schemas.group_of, schemas.references)
        return cls(resources, types, modules, webhooks, webhook_event, operations.required_scopes)


def _exported_types(document: Document, types: list[NamedType], wanted: Sequence[str], warnings: Warnings) -> list[str]:
    """The types the configuration's `exports` names that the client has; a warning for each it
    has not (the upstream may have removed or renamed it), which `stale-overlays = "error"` stops."""
    known = {named.name for named in types}
    for name in wanted:
        if name not in known:
            warnings.add(
                document.location(),
                stale(f"exports: the client has no type named {name!r}, so none is exported: the upstream may "
                      "have removed or renamed it; remove the entry?"),
            )  # fmt: skip
    return [name for name in dict.fromkeys(wanted) if name in known]


def _class_names(client_class: str, error_names: Mapping[str, str], with_webhooks: bool) -> naming.Scope:
    """The scope of the generated classes' names: the runtime's, the clients' and the errors'
    table's are taken."""
    taken = {client_class, "Async" + client_class, *error_names.values()}
    return naming.Scope(RESERVED_CLASS_NAMES | taken | (WEBHOOK_RUNTIME_NAMES if with_webhooks else set()))


def _client_security(
    document: Document, construction: Construction, env_prefix: str, warnings: Warnings
) -> list[SecurityScheme]:
    """The security schemes, each with its credentials' names and, for OAuth2, how its token is
    fetched; checked against how the client is made (one positional credential at most)."""
    schemes = _security_schemes(document, warnings)
    for scheme in schemes:
        scheme.grant = token_grant(document, scheme.key, construction.token_auth, warnings)
    _name_credentials(schemes, env_prefix)
    _check_construction(document, construction, schemes)
    return schemes


def _status_errors(document: Document, resources: list[Resource], error_names: dict[str, str]) -> list[StatusError]:
    """The exception classes of their own of the error statuses the spec documents and of those
    the `errors` table names; two classes of one name are an error."""
    statuses = [r.status for resource in resources for op in resource.operations for r in op.responses]
    problem = errors_table_problem(error_names, statuses)
    if problem is not None:
        raise document.error(None, f"the errors table: {problem}")
    return documented_errors(statuses, error_names)


def _chosen_or_made(
    title: str, package_name: str | None, client_class: str | None, env_prefix: str | None
) -> tuple[str, str, str]:
    """The package name, the client class and the environment prefix: as the caller chose them
    (checked), or made from the title and from each other."""
    _check_chosen_names(package_name, client_class, env_prefix)
    package_name = package_name or default_package_name(title)
    client_class = client_class or default_client_class(package_name)
    return package_name, client_class, env_prefix or naming.env_prefix(package_name)


def _security_schemes(document: Document, warnings: Warnings) -> list[SecurityScheme]:
    schemes = []
    for key, raw in nodes.mapping(nodes.mapping(document.data, "components"), "securitySchemes").items():
        pointer = "/components/securitySchemes/" + escape_pointer_token(key)
        node, pointer = document.resolve(raw, pointer)
        if not isinstance(node, dict):
            raise document.error(pointer, "a security scheme must be a mapping")
        kind = node.get("type")
        description = nodes.text(node, "description")
        http_scheme = str(node.get("scheme", "")).lower()
        if kind == "http" and http_scheme == "basic":
            schemes.append(SecurityScheme(key, "basic", "header", "Authorization", description))
        elif kind == "http" and http_scheme == "bearer" or kind in ("oauth2", "openIdConnect"):
            # bearer tokens; for OAuth2 and OpenID Connect the client takes an access token
            schemes.append(SecurityScheme(key, "bearer", "header", "Authorization", description))
        elif kind == "apiKey" and node.get("in") in ("header", "query", "cookie") and nodes.text(node, "name"):
            schemes.append(SecurityScheme(key, "api_key", node["in"], node["name"], description))
        elif kind == "mutualTLS":
            # the TLS connection carries it: the client's certificate
            schemes.append(SecurityScheme(key, "mutual_tls", "tls", "", description))
        else:
            warnings.add(document.location(pointer), f"security scheme type {kind!r} is not supported; ignored")
    return schemes


def _name_credentials(schemes: list[SecurityScheme], env_prefix: str) -> None:
    """`api_key` (or `username`, `password`) when one scheme of its kind; else per scheme."""
    arguments = naming.Scope(CLIENT_ARGUMENTS)
    tokens = [scheme for scheme in schemes if scheme.kind not in ("basic", "mutual_tls")]
    basics = [scheme for scheme in schemes if scheme.kind == "basic"]
    for scheme in schemes:
        if scheme.kind == "basic":
            prefix = "" if len(basics) == 1 else naming.attribute_name(scheme.key) + "_"
            scheme.arguments = [arguments.claim(prefix + "username"), arguments.claim(prefix + "password")]
        elif scheme.kind == "mutual_tls":
            scheme.arguments = [arguments.claim("cert")]
        else:
            scheme.arguments = [arguments.claim("api_key" if len(tokens) == 1 else naming.attribute_name(scheme.key))]
        scheme.env_vars = [f"{env_prefix}_{argument.upper()}" for argument in scheme.arguments]
    name_grant_arguments(schemes, arguments, env_prefix)


def _check_construction(document: Document, construction: Construction, schemes: list[SecurityScheme]) -> None:
    """What the configuration asks of the constructor, possible with these credentials and names."""
    arguments = [argument for scheme in schemes for argument in scheme.arguments]
    if construction.positional_credential and len(arguments) != 1:
        # the spec's security schemes decide the credential arguments: the error points at them
        given = f"{len(arguments)} ({', '.join(arguments)})" if arguments else "none"
        raise document.error(
            "/components/securitySchemes",
            "the configuration's client.positional-credential needs a client with one credential argument;"
            f" the security schemes give it {given}",
        )
    for alias in construction.base_url_aliases:
        if alias in CLIENT_ARGUMENTS or alias in arguments:
            raise GeneratorError("client.base-url-aliases", f"{alias!r} is already an argument of the client")


def _name_request_twins(resources: list[Resource], types: list[NamedType], class_names: naming.Scope) -> None:
    """Named types that requests use, and that are or contain models, get a TypedDict twin
    (`<Name>Param`) so callers can pass plain dicts."""
    used: set[NamedType] = set()
    stack = [
        named
        for resource in resources
        for operation in resource.operations
        for parameter in operation.parameters
        for named in referenced(parameter.type)
    ]
    while stack:
        named = stack.pop()
        if named in used:
            continue
        used.add(named)
        if isinstance(named, Model):
            stack.extend(target for field in named.request_fields for target in referenced(field.type))
        else:
            stack.extend(referenced(named.type))
    with_models = _types_containing_models(types)
    for named in types:
        if named in used and named in with_models:
            named.param_name = class_names.claim(named.name + "Param", separator="")


def _types_containing_models(types: list[NamedType]) -> set[NamedType]:
    """Models, and aliases whose type mentions a model (through other aliases too)."""
    found: set[NamedType] = {named for named in types if isinstance(named, Model)}
    changed = True
    while changed:
        changed = False
        for named in types:
            if named not in found and isinstance(named, Alias) and any(t in found for t in referenced(named.type)):
                found.add(named)
                changed = True
    return found
