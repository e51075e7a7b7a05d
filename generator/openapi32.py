"""What OpenAPI 3.2 adds to 3.1 that this generator reads: the QUERY operation and
`additionalOperations` (any other method, sent as written), and the fields that the 3.1 checks
of openapi-pydantic do not know (a `querystring` parameter, a response without a description),
which a copy lowered to 3.1 lets them check."""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from typing import Any

from .errors import escape_pointer_token

VERSION = re.compile(r"^3\.2\.\d+$")
NEW_PATH_ITEM_FIELDS = frozenset({"query", "additionalOperations"})
_FIXED_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace", "query")


def is_3_2(data: dict[str, Any]) -> bool:
    version = data.get("openapi")
    return isinstance(version, str) and VERSION.match(version) is not None


def added_operations(path_item: dict[str, Any]) -> Iterator[tuple[str, tuple[str, ...], Any]]:
    """(method, keys below the path item, operation) of 3.2's QUERY and other operations."""
    if "query" in path_item:
        yield "query", ("query",), path_item["query"]
    others = path_item.get("additionalOperations")
    for method, node in others.items() if isinstance(others, dict) else ():
        yield method, ("additionalOperations", method), node


def pointer(keys: tuple[str, ...]) -> str:
    return "".join(f"/{escape_pointer_token(key)}" for key in keys)


def path_item_pointer(operation_pointer: str) -> str:
    """The pointer of the path item an operation's pointer is in."""
    item, other, _ = operation_pointer.rpartition("/additionalOperations/")
    return item if other else operation_pointer.rsplit("/", 1)[0]


def misnamed_methods(path_item: dict[str, Any]) -> Iterator[str]:
    """The `additionalOperations` keys that name a method with a field of its own (3.2 forbids it)."""
    others = path_item.get("additionalOperations")
    for method in others if isinstance(others, dict) else ():
        if method.lower() in _FIXED_METHODS:
            yield method


def lowered(data: dict[str, Any]) -> dict[str, Any]:
    """A copy of a 3.2 document that openapi-pydantic's 3.1 model checks at the same places:
    labelled 3.1.0, a `querystring` parameter as a query one, a response's missing description
    as empty. The
    QUERY and other operations stay where they are (the 3.1 model lets unknown fields of a path
    item pass): `operations` gives them to be checked one by one."""
    lowered_data = copy.deepcopy(data)
    lowered_data["openapi"] = "3.1.0"  # the version the model takes; the rest is checked here
    for item in _path_items(lowered_data):
        for parameter in _sequence(item.get("parameters")):
            _lower_parameter(parameter)
        for operation in _operations_of(item):
            for parameter in _sequence(operation.get("parameters")):
                _lower_parameter(parameter)
            for response in _values(operation.get("responses")):
                _lower_response(response)
    components = lowered_data.get("components")
    if isinstance(components, dict):
        for parameter in _values(components.get("parameters")):
            _lower_parameter(parameter)
        for response in _values(components.get("responses")):
            _lower_response(response)
    return lowered_data


def operations(data: dict[str, Any]) -> Iterator[tuple[tuple[str, ...], Any]]:
    """The QUERY and other operations of a (lowered) 3.2 document, each with its place as keys."""
    for path, item in _values_with_keys(data.get("paths")):
        if isinstance(item, dict):
            for method, _, node in added_operations(item):
                where = (
                    ("paths", path, "query") if method == "query" else ("paths", path, "additionalOperations", method)
                )
                yield where, node


def _path_items(data: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The path items of the paths, the webhooks and the components, where they are written out."""
    components = data.get("components")
    items = [
        data.get("paths"),
        data.get("webhooks"),
        components.get("pathItems") if isinstance(components, dict) else None,
    ]
    for mapping in items:
        yield from (item for item in _values(mapping) if isinstance(item, dict))


def _operations_of(item: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for node in [item.get(method) for method in _FIXED_METHODS] + [node for _, _, node in added_operations(item)]:
        if isinstance(node, dict):
            yield node


def _sequence(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _lower_parameter(parameter: Any) -> None:
    if isinstance(parameter, dict) and parameter.get("in") == "querystring":
        parameter["in"] = "query"


def _lower_response(response: Any) -> None:
    if isinstance(response, dict) and "$ref" not in response:
        response.setdefault("description", "")


def _values(mapping: Any) -> list[Any]:
    return list(mapping.values()) if isinstance(mapping, dict) else []


def _values_with_keys(mapping: Any) -> list[tuple[str, Any]]:
    return list(mapping.items()) if isinstance(mapping, dict) else []
