"""`_client.py`: the client classes, their credentials, servers, resources and the methods on
the client itself."""

from __future__ import annotations

import keyword
import urllib.parse
from dataclasses import dataclass

from ...ir.api_parts import SecurityScheme, Server, ServerVariable, TokenGrant
from ...ir.model import Api
from ..annotations import Imports, from_import, relative_module
from ..code import Code, docstring_text, py_literal
from ..wrap import call_statement
from .layout import CLASS_INDENT, METHOD_INDENT, method_signature


@dataclass
class SchemeView:
    key: str
    kind: str
    location: str
    parameter_name: str
    arguments: list[str]
    env_vars: list[str]
    hint: str
    """How a user provides the credential."""
    description: str
    """What kind of credential it is, for people."""
    grant: TokenGrant | None
    token_endpoint: Code | None
    """The `TokenEndpoint(...)` of its grant."""


@dataclass
class CredentialParameter:
    """A constructor argument that carries a credential, or what the client fetches one with."""

    name: str
    annotation: Code
    async_annotation: Code
    env_var: str
    fallback: Code = Code("")
    """What it is without the argument and the variable, when that is something (a docstring's
    text at `_ARGUMENT_NOTE_INDENT`)."""


@dataclass
class ServerVariableView:
    name: str
    """As the API description names it."""
    annotation: Code
    """`Literal[...]` of the values its servers' `enum`s allow, else `str`."""
    doc: Code


@dataclass
class ClientView:
    default_base_url: str | None
    server_path: str
    """The path of the first server's URL (`/v2`), "" for none."""
    schemes: list[SchemeView]
    doc: Code
    servers: list[Server]
    choosable_servers: bool
    """Several servers, or variables in a server URL: the constructor takes `server=`."""
    described_servers: bool
    """Some server has a description (the README's table gets a column for them)."""
    server_variables: bool
    """Some server URL has variables (`_client.py` declares them with `ServerVariable`)."""
    operation_servers: bool
    """Some operation has a server of its own (the runtime needs the API's servers to know when
    the client talks to one of them)."""
    variables: list[ServerVariableView]
    """The variables of every server, the document's and the operations' (one entry per name):
    the keys of `ServerVariables`, which `server_variables=` takes."""
    variables_as_class: bool
    """Every variable's name is an identifier: `ServerVariables` is a class (else the call
    form of TypedDict, which takes any key)."""
    type_imports: list[Code]
    """What the annotations need, imported when type-checking only: the resources' classes (each
    loads on first use), and the types of the methods on the client itself."""
    methods: list[ClientMethodView]
    """The methods on the client itself, each calling the same method of its resource."""
    resource_accessors: dict[str, ResourceAccessorView]
    """Resource class -> the client's property that makes it (sync and async classes)."""

    @property
    def credential_parameters(self) -> list[CredentialParameter]:
        return [parameter for scheme in self.schemes for parameter in _credential_parameters(scheme)]

    @property
    def credential_arguments(self) -> list[str]:
        return [parameter.name for parameter in self.credential_parameters]

    @property
    def grants(self) -> bool:
        """Some scheme's tokens are fetched by the client (`_client.py` imports the grant's classes)."""
        return any(scheme.grant for scheme in self.schemes)

    @property
    def credential_functions(self) -> bool:
        """Some credential may be a function (`_client.py` imports `Callable`)."""
        return any(scheme.kind not in ("basic", "mutual_tls") for scheme in self.schemes)


@dataclass
class ResourceAccessorView:
    """A client's property that makes one of its resources on first use, laid out as black would."""

    signature: Code
    """`def attribute(self) -> ResourceClass:`"""
    load: Code
    """The import of the resource's module."""
    returns: Code
    """`return self._resource(ResourceClass)`"""


# The per-call options, documented once: in the client's docstring (and its README), not in
# every method's.
PER_CALL_OPTIONS = """Every method of its resources also takes these keyword arguments:
  extra_headers: Headers to add to the request's, or to replace them.
  extra_query: Query parameters to add to the request's.
  extra_body: Properties to add to a JSON body, or fields to a form.
  timeout: Seconds (or an httpx.Timeout) for this call instead of the client's.
  base_url: This call's base URL instead of the client's."""


@dataclass
class ClientMethodView:
    """A method on the client itself: its resource's method, by the same name (a descriptor
    typed with the resource method's signature, so mypy and completion see it whole)."""

    name: str
    resource: str
    """The resource's attributes from the client: `scraping`, `catalog.items`."""
    class_name: Code
    async_class_name: Code


_TOKEN = "str | Callable[[], str] | None", "str | CredentialFunction | None"
"""A token or key's annotations in the sync and the async client: a function called at each
request may give it (an awaitable one too, in the async client)."""
_TEXT = "str | None", "str | None"
_CERTIFICATE = "str | tuple[str, str] | None", "str | tuple[str, str] | None"
"""A client certificate: a PEM file with its key, or the certificate's file and the key's."""


_ARGUMENT_NOTE_INDENT = 12
"""Where the lines after an argument's first stand in the constructor's Args."""


def _credential_parameters(scheme: SchemeView) -> list[CredentialParameter]:
    annotations = {"basic": _TEXT, "mutual_tls": _CERTIFICATE}.get(scheme.kind, _TOKEN)
    parameters = [
        CredentialParameter(argument, Code(annotations[0]), Code(annotations[1]), env_var)
        for argument, env_var in zip(scheme.arguments, scheme.env_vars, strict=True)
    ]
    if scheme.grant is not None:
        types = ["str | None", "str | None", "Sequence[str] | None"]
        parameters += [
            CredentialParameter(argument, Code(annotation), Code(annotation), env_var)
            for argument, env_var, annotation in zip(scheme.grant.arguments, scheme.grant.env_vars, types, strict=True)
        ]
        if scheme.grant.scopes:
            needed = " ".join(scheme.grant.scopes)
            text = f"Without either, the scopes the API's operations need: {needed}."
            # a line of its own in the Args of the constructor (the trailing pad is the template's)
            parameters[-1].fallback = Code(docstring_text(text, _ARGUMENT_NOTE_INDENT).rstrip())
    return parameters


_SCHEME_DESCRIPTIONS = {
    "bearer": "a bearer token",
    "basic": "HTTP basic authentication",
    "api_key": "an API key",
    "mutual_tls": "a client certificate for mutual TLS: a PEM file with its key, or a certificate file and a key file",
}


def client_view(api: Api) -> ClientView:
    imports = Imports("_client")
    methods = _client_methods(api)
    # the client's own resources, and those of the methods it has of nested ones
    for resource in (r for r in api.resources if not r.parents or any(op.on_client for op in r.operations)):
        module = relative_module("_client", f"resources.{resource.module}")
        imports.local.setdefault(module, set()).update((resource.class_name, resource.async_class_name))
    variables = _server_variables(api.servers + [op.server for op in api.operations if op.server is not None])
    return ClientView(
        default_base_url=_default_base_url(api),
        server_path=urllib.parse.urlsplit(_default_url(api) or "").path.rstrip("/"),
        schemes=[_scheme_view(scheme) for scheme in api.security_schemes],
        doc=docstring_text(f"{(api.description or api.title).strip()}\n\n{PER_CALL_OPTIONS}", CLASS_INDENT),
        servers=api.servers,
        choosable_servers=len(api.servers) > 1 or any(server.variables for server in api.servers),
        described_servers=any(server.description for server in api.servers),
        server_variables=any(server.variables for server in api.servers),
        operation_servers=any(operation.server is not None for operation in api.operations),
        variables=variables,
        variables_as_class=all(v.name.isidentifier() and not keyword.iskeyword(v.name) for v in variables),
        type_imports=imports.lines(indent=4),
        methods=methods,
        resource_accessors={
            class_name: ResourceAccessorView(
                signature=method_signature(resource.attribute, ["self"], class_name),
                load=Code(from_import(f".resources.{resource.module}", {class_name}, indent=METHOD_INDENT)),
                returns=Code(call_statement("return ", "self._resource", [class_name], indent=METHOD_INDENT)),
            )
            for resource in api.top_resources
            for class_name in (resource.class_name, resource.async_class_name)
        },
    )


def _server_variables(servers: list[Server]) -> list[ServerVariableView]:
    """One entry per variable name among `servers`, in order of appearance: a value given for it
    fills it in each of them, so its type allows what each allows (any text where one has no
    `enum`)."""
    found: dict[str, list[ServerVariable]] = {}
    for server in servers:
        for variable in server.variables:
            found.setdefault(variable.name, []).append(variable)
    views = []
    for name, variables in found.items():
        annotation = "str"
        if all(variable.enum for variable in variables):
            values = list(dict.fromkeys(value for variable in variables for value in variable.enum))
            annotation = f"Literal[{', '.join(py_literal(value) for value in values)}]"
        description = next((variable.description for variable in variables if variable.description), None)
        views.append(ServerVariableView(name, Code(annotation), docstring_text(description, CLASS_INDENT)))
    return views


def _client_methods(api: Api) -> list[ClientMethodView]:
    """The methods the names put on the client itself, with those their extensions add."""
    methods = []
    for resource in api.resources:
        classes = Code(resource.class_name), Code(resource.async_class_name)
        for operation in (operation for operation in resource.operations if operation.on_client):
            for name in [operation.name, *operation.added_methods]:
                methods.append(ClientMethodView(name, resource.path, *classes))
    return methods


def _default_base_url(api: Api) -> str | None:
    """The first server's URL with its variables at their defaults, if it is absolute."""
    url = _default_url(api)
    return url if url is not None and "://" in url else None


def _default_url(api: Api) -> str | None:
    """The first server's URL with its variables at their defaults."""
    if not api.servers:
        return None
    server = api.servers[0]
    url = server.url
    for variable in server.variables:
        url = url.replace("{" + variable.name + "}", variable.default)
    return url


def _scheme_view(scheme: SecurityScheme) -> SchemeView:
    wanted = " and ".join(f"{argument}=" for argument in scheme.arguments)
    env = " and ".join(scheme.env_vars)
    grant = scheme.grant
    if grant is not None:
        wanted += " or " + " and ".join(f"{argument}=" for argument in grant.arguments[:2])
        env += " or " + " and ".join(grant.env_vars[:2])
    return SchemeView(
        key=scheme.key,
        kind=scheme.kind,
        location=scheme.location,
        parameter_name=scheme.parameter_name,
        arguments=scheme.arguments,
        env_vars=scheme.env_vars,
        hint=f"pass {wanted} to the client or set {env}",
        description=_SCHEME_DESCRIPTIONS[scheme.kind] if grant is None else _grant_description(grant),
        grant=grant,
        token_endpoint=None if grant is None else _token_endpoint(grant),
    )


def _grant_description(grant: TokenGrant) -> str:
    if grant.token_url is None:
        return "a bearer token, or a client id and secret for the token endpoint of OpenID Connect's discovery document"
    return "a bearer token, or a client id and secret for OAuth2 tokens the client fetches itself"


def _token_endpoint(grant: TokenGrant) -> Code:
    arguments = {
        "token_url": grant.token_url,
        "refresh_url": grant.refresh_url,
        "discovery_url": grant.discovery_url,
        "auth_method": None if grant.auth_method == "client_secret_post" else grant.auth_method,
    }
    given = [f"{name}={py_literal(value)}" for name, value in arguments.items() if value is not None]
    if grant.scopes:
        listed = ", ".join(py_literal(scope) for scope in grant.scopes)
        given.append(f"scopes=({listed}{',' if len(grant.scopes) == 1 else ''})")
    return Code(f"TokenEndpoint({', '.join(given)})")
