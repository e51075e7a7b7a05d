"""OAuth2 and OpenID Connect schemes whose tokens the client fetches itself: the client
credentials grant, its token (and refresh) URL, how the client authenticates at it, and the
constructor arguments that carry the client id, secret and scopes."""

from __future__ import annotations

from typing import Literal, cast

from .. import naming, nodes
from ..errors import Warnings, escape_pointer_token
from ..load import Document
from .api_parts import SecurityScheme, TokenGrant

TOKEN_AUTH_EXTENSION = "x-clientgen-token-auth"
"""On a security scheme: `client_secret_basic` or `client_secret_post`, how the client
authenticates at the token endpoint (the configuration's `token-auth` is the default)."""
TOKEN_AUTH_METHODS = ("client_secret_post", "client_secret_basic")
AuthMethod = Literal["client_secret_post", "client_secret_basic"]


def token_grant(document: Document, key: str, configured: str | None, warnings: Warnings) -> TokenGrant | None:
    """The grant of the scheme `key` when it is one the client can carry out itself: OAuth2 with a
    `clientCredentials` flow, or OpenID Connect; None for the others (a token is given). Relative
    URLs are the client's to resolve, against its base URL."""
    pointer = "/components/securitySchemes/" + escape_pointer_token(key)
    node, pointer = document.resolve(nodes.mapping(document.data, "components")["securitySchemes"][key], pointer)
    if not isinstance(node, dict):
        return None
    auth_method = _auth_method(document, node, pointer, configured)
    if node.get("type") == "openIdConnect":
        discovery = nodes.text(node, "openIdConnectUrl")
        return TokenGrant(None, discovery_url=discovery, auth_method=auth_method) if discovery else None
    flow = nodes.mapping(nodes.mapping(node, "flows"), "clientCredentials")
    if node.get("type") != "oauth2" or not flow:
        return None
    token_url = nodes.text(flow, "tokenUrl")
    if token_url is None:
        warnings.add(document.location(pointer + "/flows/clientCredentials"), "no tokenUrl: the client takes a token")
        return None
    refresh_url = nodes.text(flow, "refreshUrl")
    return TokenGrant(token_url, refresh_url=refresh_url, auth_method=auth_method)


def global_security(document: Document, keys: set[str]) -> list[list[str]]:
    """The alternatives of the spec's global security requirement, each the keys of its schemes;
    those naming an undeclared scheme left out (the operations that use them warn)."""
    requirements = document.data.get("security")
    listed = requirements if isinstance(requirements, list) else []
    return [
        list(requirement)
        for requirement in listed
        if isinstance(requirement, dict) and all(key in keys for key in requirement)
    ]


def with_default_scopes(
    document: Document, schemes: list[SecurityScheme], required: dict[str, list[str]]
) -> list[SecurityScheme]:
    """`schemes`, each grant given its default scopes: those `required` (scheme key -> the scopes
    the operations name) gives, the flow's listed ones first in its order."""
    for scheme in schemes:
        if scheme.grant is None:
            continue
        raw = nodes.mapping(nodes.mapping(document.data, "components"), "securitySchemes")[scheme.key]
        node, _ = document.resolve(raw, "/components/securitySchemes/" + escape_pointer_token(scheme.key))
        flow = nodes.mapping(nodes.mapping(node, "flows"), "clientCredentials") if isinstance(node, dict) else {}
        needed = required.get(scheme.key, [])
        listed = [scope for scope in nodes.mapping(flow, "scopes") if scope in needed]
        scheme.grant.scopes = listed + [scope for scope in needed if scope not in listed]
    return schemes


def name_grant_arguments(schemes: list[SecurityScheme], arguments: naming.Scope, env_prefix: str) -> None:
    """`client_id`, `client_secret`, `scopes` when one scheme has a grant; else per scheme."""
    granted = [scheme for scheme in schemes if scheme.grant is not None]
    for scheme in granted:
        assert scheme.grant is not None
        prefix = "" if len(granted) == 1 else naming.attribute_name(scheme.key) + "_"
        scheme.grant.arguments = [arguments.claim(prefix + name) for name in ("client_id", "client_secret", "scopes")]
        scheme.grant.env_vars = [f"{env_prefix}_{argument.upper()}" for argument in scheme.grant.arguments]


def _auth_method(document: Document, node: dict[str, object], pointer: str, configured: str | None) -> AuthMethod:
    chosen = node.get(TOKEN_AUTH_EXTENSION, configured or "client_secret_post")
    if chosen not in TOKEN_AUTH_METHODS:
        raise document.error(
            pointer + "/" + TOKEN_AUTH_EXTENSION, f"must be one of {', '.join(TOKEN_AUTH_METHODS)}, not {chosen!r}"
        )
    return cast(AuthMethod, chosen)
