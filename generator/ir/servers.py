"""Servers: the document's (the client chooses among them), and an operation's own (from the
operation or its path item), which its calls go to while the client talks to one of the API's
servers."""

from __future__ import annotations

import re
from typing import Any

from .. import naming, nodes, openapi32
from ..errors import Warnings
from ..load import Document
from ..options import Construction
from .api_parts import Server, ServerVariable

ENVIRONMENT_EXTENSION = "x-clientgen-environment"
"""On a server of the document: the name `environment=` picks it by."""
_GENERIC_WORDS = ("server", "environment", "api", "url")
"""Words a description ends with that do not name the environment (`Production server`)."""


def document_servers(document: Document) -> list[Server]:
    return _servers(document, document.data, "")


def environments(
    document: Document, servers: list[Server], construction: Construction, warnings: Warnings
) -> dict[str, int]:
    """Environment name -> index in `servers`: the configuration's (their URLs added to `servers`
    when not among them); else each server's `x-clientgen-environment`; else their `name`s
    (OpenAPI 3.2); else the servers' descriptions, when each names a different one in a word or
    two (`Production`, `Sandbox`)."""
    if construction.environments:
        named = {}
        for name, url in construction.environments:
            known = [index for index, server in enumerate(servers) if server.url == url]
            if not known:
                servers.append(Server(url=url, description=name))
            named[name] = known[0] if known else len(servers) - 1
        return named
    raw = nodes.sequence(document.data, "servers")
    marked = {index: node[ENVIRONMENT_EXTENSION] for index, node in enumerate(raw) if ENVIRONMENT_EXTENSION in node}
    if marked:
        return _checked_names(document, marked, warnings)
    given = {index: node["name"] for index, node in enumerate(raw) if isinstance(nodes.text(node, "name"), str)}
    if given and openapi32.is_3_2(document.data):  # 3.2's server names, as identifiers
        return _server_names(document, given, warnings)
    described = {index: _environment_name(server.description) for index, server in enumerate(servers)}
    names = list(described.values())
    if len(servers) < 2 or None in names or len(set(names)) != len(names):
        return {}
    return {str(name): index for index, name in described.items()}


def _checked_names(document: Document, marked: dict[int, Any], warnings: Warnings) -> dict[str, int]:
    named: dict[str, int] = {}
    for index, name in marked.items():
        pointer = f"/servers/{index}/{ENVIRONMENT_EXTENSION}"
        if not isinstance(name, str) or not naming.attribute_name(name) == name or name in named:
            warnings.add(
                document.location(pointer), f"{name!r} is not an environment name (a distinct identifier): ignored"
            )
            continue
        named[name] = index
    return named


def _server_names(document: Document, given: dict[int, str], warnings: Warnings) -> dict[str, int]:
    """OpenAPI 3.2's `name` of each server, in snake_case (`Sandbox EU` -> `sandbox_eu`); a name
    two servers would share names neither, with a warning."""
    identifiers = {index: naming.attribute_name(name) for index, name in given.items()}
    shared = {name for name in identifiers.values() if list(identifiers.values()).count(name) > 1}
    for index in sorted(index for index, name in identifiers.items() if name in shared):
        warnings.add(
            document.location(f"/servers/{index}/name"),
            f"{given[index]!r} names another server too, as {identifiers[index]!r}: no environment takes it",
        )
    return {name: index for index, name in identifiers.items() if name not in shared}


def _environment_name(description: str | None) -> str | None:
    """`Production server` -> `production`; None for a description longer than a name."""
    words = [word.lower() for word in naming.words(description or "")]
    while words and words[-1] in _GENERIC_WORDS:
        words.pop()
    return "_".join(words) if 0 < len(words) <= 2 else None


def operation_server(
    document: Document, node: dict[str, Any], path_item: dict[str, Any], pointer: str, warnings: Warnings
) -> Server | None:
    """The operation's first server, else its path item's; None when neither has servers of its
    own. Its variables take the client's `server_variables=` values. What a call cannot choose
    (another of these servers) or fill in (a `{name}` without its variable) is a warning."""
    path_item_pointer = pointer.rpartition("/")[0]
    for owner, where in ((node, pointer), (path_item, path_item_pointer)):
        servers = _servers(document, owner, where)
        if not servers:
            continue
        if len(servers) > 1:
            warnings.add(
                document.location(f"{where}/servers/1"),
                "only the first server of an operation or a path item is used: its calls go there",
            )
        declared = {variable.name for variable in servers[0].variables}
        for name in re.findall(r"\{([^{}]*)\}", servers[0].url):
            if name not in declared:
                warnings.add(
                    document.location(f"{where}/servers/0/url"),
                    f"{{{name}}} has no variable of the server to fill it: the calls' URL keeps it as it is",
                )
        return servers[0]
    return None


def _servers(document: Document, owner: dict[str, Any], pointer: str) -> list[Server]:
    servers = []
    for index, node in enumerate(nodes.sequence(owner, "servers")):
        url = nodes.text(node, "url")
        if url is None:
            raise document.error(f"{pointer}/servers/{index}", "a server must be a mapping with a url")
        variables = [
            ServerVariable(
                name=name,
                default=str(variable.get("default", "")),
                enum=[str(value) for value in nodes.sequence(variable, "enum")],
                description=nodes.text(variable, "description"),
            )
            for name, variable in nodes.mapping(node, "variables").items()
            if isinstance(variable, dict)
        ]
        servers.append(Server(url=url, description=nodes.text(node, "description"), variables=variables))
    return servers
