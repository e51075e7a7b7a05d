"""Stage 2: check a loaded document. Structural errors stop generation; defects that real specs
commonly have (defaults that do not match their schema, ...) are warnings, errors under --strict."""

from __future__ import annotations

import copy
import multiprocessing
import re
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from . import nodes, openapi32
from .errors import GeneratorError, Warnings, escape_pointer_token, pointer_tokens
from .load import Document

if TYPE_CHECKING:
    from pydantic_core import ErrorDetails

_VERSION = re.compile(r"^3\.(0|1|2)\.\d+$")


def validate(document: Document, warnings: Warnings) -> None:
    # Imported here: building the models takes 0.1 s, which a large spec spends in the worker
    # process of `validate_in_background`, beside the IR, rather than before it.
    from openapi_pydantic.v3.v3_0 import OpenAPI as OpenAPI30
    from openapi_pydantic.v3.v3_1 import OpenAPI as OpenAPI31
    from pydantic import ValidationError

    version = document.data.get("openapi")
    if not isinstance(version, str) or not _VERSION.match(version):
        raise document.error("/openapi", f"OpenAPI version {version!r} is not supported (3.0.x, 3.1.x or 3.2.x)")
    model = OpenAPI30 if version.startswith("3.0") else OpenAPI31
    schemas = list(iter_schemas(document))
    problems: list[ErrorDetails] = []
    patched = _patched_for_validation(document, schemas, warnings)
    if openapi32.is_3_2(patched):
        patched = openapi32.lowered(patched)
        problems += _problems_of_added_operations(patched)
    for part in _parts(patched):
        try:
            model.model_validate(part)
        except ValidationError as exc:
            problems.extend(exc.errors())
    if problems:
        raise _first_error(document, problems)
    if openapi32.is_3_2(document.data):
        _check_3_2_rules(document)
    _warn_of_what_is_not_used(document, warnings)
    for node, pointer in schemas:
        for key, value in schema_samples(node):
            if not conforms(document, value, node):
                warnings.add(
                    document.location(f"{pointer}/{key}"),
                    f"{key.split('/')[0]} {_short(value)} does not match the schema",
                )
    for media, pointer in _media_types(document.data):
        for key, value in _media_samples(media):
            if not conforms(document, value, media["schema"]):
                warnings.add(
                    document.location(f"{pointer}/{key}"), f"example {_short(value)} does not match the schema"
                )


_METHODS = frozenset({"get", "put", "post", "delete", "options", "head", "patch", "trace"})
_PATH_ITEM_FIELDS = _METHODS | {"$ref", "summary", "description", "servers", "parameters"}


def _warn_of_what_is_not_used(document: Document, warnings: Warnings) -> None:
    """What a spec says that the client would silently not do: a path item's unknown fields
    (OpenAPI 3.2's `query` and `additionalOperations` in a spec that says 3.1)."""
    paths = document.data.get("paths")
    for path, item in paths.items() if isinstance(paths, dict) else ():
        if not isinstance(item, dict):
            continue
        where = f"/paths/{escape_pointer_token(path)}"
        known = _PATH_ITEM_FIELDS | (openapi32.NEW_PATH_ITEM_FIELDS if openapi32.is_3_2(document.data) else set())
        for method in openapi32.misnamed_methods(item) if "additionalOperations" in known else ():
            raise document.error(
                f"{where}/additionalOperations/{escape_pointer_token(method)}",
                f"{method!r} has a field of its own in a path item; additionalOperations are for other methods",
            )
        for key in item:
            if key not in known and not key.startswith("x-"):
                message = (
                    f"{key!r} is a path item field of OpenAPI 3.2, not of {document.data['openapi']}: ignored"
                    if key in openapi32.NEW_PATH_ITEM_FIELDS
                    else f"unknown field {key!r} of a path item: ignored"
                )
                warnings.add(document.location(f"{where}/{escape_pointer_token(key)}"), message)


def _check_3_2_rules(document: Document) -> None:
    """What OpenAPI 3.2 requires beyond the shape of each part: a tag's `parent` names a tag, and
    tags do not nest in a cycle; an operation's `querystring` parameter is its only one and has
    no `query` parameter beside it (it is the whole query)."""
    tags = nodes.sequence(document.data, "tags")
    parents = {nodes.text(tag, "name"): nodes.text(tag, "parent") for tag in tags}
    for index, tag in enumerate(tags):
        parent, seen = nodes.text(tag, "parent"), {nodes.text(tag, "name")}
        while parent is not None:
            if parent not in parents:
                raise document.error(f"/tags/{index}/parent", f"parent tag {parent!r} is not one of the spec's tags")
            if parent in seen:
                raise document.error(f"/tags/{index}/parent", f"tag {parent!r} is its own ancestor")
            seen.add(parent)
            parent = parents[parent]
    paths = document.data.get("paths")
    for path, item in paths.items() if isinstance(paths, dict) else ():
        where = f"/paths/{escape_pointer_token(path)}"
        if not isinstance(item, dict):
            continue
        shared = list(enumerate(nodes.sequence(item, "parameters")))
        operations = [(f"{where}/{method}", item[method]) for method in sorted(_METHODS & item.keys())]
        operations += [(where + openapi32.pointer(keys), node) for _, keys, node in openapi32.added_operations(item)]
        for pointer, operation in operations:
            own = list(enumerate(nodes.sequence(operation, "parameters")))
            found = [(f"{where}/parameters/{i}", p) for i, p in shared] + [
                (f"{pointer}/parameters/{i}", p) for i, p in own
            ]
            locations = [(at, nodes.text(document.resolve(p, at)[0], "in")) for at, p in found]
            querystrings = [at for at, location in locations if location == "querystring"]
            if len(querystrings) > 1:
                raise document.error(querystrings[1], "an operation has one querystring parameter at most")
            if querystrings and any(location == "query" for _, location in locations):
                raise document.error(
                    querystrings[0], "a querystring parameter is the whole query: no query parameter may be beside it"
                )


def _problems_of_added_operations(data: dict[str, Any]) -> list[ErrorDetails]:
    """openapi-pydantic's errors for 3.2's QUERY and other operations, which its 3.1 model lets
    pass unchecked, at their places in the document."""
    from openapi_pydantic.v3.v3_1 import Operation
    from pydantic import ValidationError

    problems: list[ErrorDetails] = []
    for where, node in openapi32.operations(data):
        try:
            Operation.model_validate(node)
        except ValidationError as exc:
            problems += [{**error, "loc": (*where, *error["loc"])} for error in exc.errors()]
    return problems


_PARTED = ("paths", "components", "webhooks")
_STUB_INFO = {"title": "", "version": ""}


def _parts(data: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The document in parts openapi-pydantic validates one at a time: everything but the path
    items, components and webhooks; then documents of one path item, component or webhook
    each, at its own place (errors keep their location). The model of a whole large spec takes
    more memory than the spec itself (GitHub's: 78 MB beside 97 MB); a part's is dropped at once."""
    head = {key: value for key, value in data.items() if key not in _PARTED}
    for key in _PARTED:
        if key in data:
            value = data[key]
            if not isinstance(value, dict):
                head[key] = value  # the head reports it
            else:
                head[key] = {kind: {} for kind in value} if key == "components" else {}
    yield head
    stub = {"openapi": data["openapi"], "info": _STUB_INFO, "paths": {}}  # the head reports the real info
    for key in ("paths", "webhooks"):
        items = data.get(key)
        for name, item in items.items() if isinstance(items, dict) else ():
            yield {**stub, key: {name: item}}
    components = data.get("components")
    for kind, entries in components.items() if isinstance(components, dict) else ():
        if isinstance(entries, dict):
            for name, entry in entries.items():
                yield {**stub, "components": {kind: {name: entry}}}
        else:
            yield {**stub, "components": {kind: entries}}


BACKGROUND_FROM_SIZE = 2_000_000
"""Below this many characters of spec, a worker process costs more than it saves."""


def validate_in_background(document: Document, warnings: Warnings) -> Callable[[], None]:
    """Start `validate` beside the caller's own work (the IR does not need its result) and return
    the function that waits for it: it adds the warnings, or raises the error, that `validate`
    would have. Large specs only, where the machine has a second core and `fork`."""
    if (
        document.size < BACKGROUND_FROM_SIZE
        or (multiprocessing.cpu_count() or 1) < 2
        or "fork" not in multiprocessing.get_all_start_methods()
    ):
        validate(document, warnings)
        return lambda: None
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    worker = context.Process(target=_validate_into, args=(document, warnings.strict, sender), daemon=True)
    worker.start()
    sender.close()
    position = len(warnings.items)  # validation's warnings go here, as when run in line

    def wait() -> None:
        try:
            outcome, payload = receiver.recv()
        except EOFError:
            outcome, payload = "crash", f"the validating process ended with exit code {worker.exitcode}"
        finally:
            worker.join()
            receiver.close()
        if outcome == "error":
            raise GeneratorError(payload.location, payload.message)
        if outcome == "crash":
            raise RuntimeError(f"validation failed: {payload}")
        warnings.items[position:position] = payload

    return wait


def _validate_into(document: Document, strict: bool, sender: Any) -> None:
    # The cyclic collector stays paused, as the parent had it: with it on, this short-lived
    # process took 0.2 s longer on GitHub's spec, and no more memory without it.
    found = Warnings(strict=strict)
    try:
        validate(document, found)
        sender.send(("ok", found.items))
    except GeneratorError as exc:
        sender.send(("error", exc.diagnostic))
    except BaseException as exc:  # a bug: reported by the parent as an internal error
        sender.send(("crash", f"{type(exc).__name__}: {exc}"))
    finally:
        sender.close()


def schema_samples(schema: dict[str, Any]) -> Iterator[tuple[str, Any]]:
    """(relative pointer, value) of a schema's default and examples (3.0 `example`, 3.1 `examples`)."""
    if "default" in schema:
        yield "default", schema["default"]
    if "example" in schema:
        yield "example", schema["example"]
    if isinstance(schema.get("examples"), list):
        yield from ((f"examples/{index}", value) for index, value in enumerate(schema["examples"]))


def _media_samples(media: dict[str, Any]) -> Iterator[tuple[str, Any]]:
    """(relative pointer, value) of the examples of a media type object."""
    if "example" in media:
        yield "example", media["example"]
    for name, example in _items(media.get("examples")):
        if isinstance(example, dict) and "value" in example:
            yield f"examples/{escape_pointer_token(name)}/value", example["value"]


def _media_types(data: dict[str, Any]) -> Iterator[tuple[dict[str, Any], str]]:
    """Every media type object with a schema, of every request body and response."""
    for body, pointer in _bodies(data):
        for media_type, media in _items(body.get("content")):
            if isinstance(media, dict) and "schema" in media:
                yield media, f"{pointer}/content/{escape_pointer_token(media_type)}"


def _first_error(document: Document, problems: list[ErrorDetails]) -> GeneratorError:
    """The most specific of pydantic's errors, as one line at the right JSON pointer.

    pydantic reports one error per union branch it tried; the branch that got deepest into the
    document names the real problem."""
    best: tuple[int, str, str] | None = None
    for error in problems:
        tokens, node = [], document.data
        for part in error["loc"]:
            if isinstance(node, dict) and isinstance(part, str) and part in node:
                node = node[part]
            elif isinstance(node, list) and isinstance(part, int) and part < len(node):
                node = node[part]
            else:
                continue  # a union branch or model name, not a key of the document
            tokens.append(part)
        missing = error["type"] == "missing"
        name = error["loc"][-1] if error["loc"] else ""
        message = f"required field {name!r} is missing" if missing else f"{error['msg']} (got {_short(error['input'])})"
        pointer = "".join("/" + escape_pointer_token(token) for token in tokens)
        depth = len(tokens) + (1 if missing else 0)
        if best is None or depth > best[0]:
            best = (depth, pointer, message)
    assert best is not None
    count = len(problems)
    more = f" ({count - 1} more problems of the same kind)" if count > 1 else ""
    return document.error(best[1], f"invalid OpenAPI document: {best[2]}{more}")


def _patched_for_validation(
    document: Document, schemas: list[tuple[dict[str, Any], str]], warnings: Warnings
) -> dict[str, Any]:
    """The document as openapi-pydantic can take it; a copy only when needed. `true`/`false`
    schemas (JSON Schema allows them, 3.1 specs use them) become `{}` and `{"not": {}}`; a
    schema's `examples` that is not a list (a common slip: the media type's map of examples)
    is left out, with a warning."""
    replacements: list[tuple[list[str], Any]] = []  # (path of keys, new value or _DROP)
    if not str(document.data.get("openapi")).startswith("3.0"):  # 3.0's schemas are objects
        for root, pointer in _schema_roots(document.data):
            if isinstance(root, bool):
                replacements.append((pointer_tokens(pointer), {} if root else {"not": {}}))
    for node, pointer in schemas:
        tokens = pointer_tokens(pointer)
        for path, value in _schema_children(node):
            if isinstance(value, bool) and path != ("additionalProperties",):
                replacements.append(([*tokens, *path], {} if value else {"not": {}}))
        if "examples" in node and not isinstance(node["examples"], list):
            warnings.add(document.location(f"{pointer}/examples"), "examples must be a list; ignored")
            replacements.append(([*tokens, "examples"], _DROP))
    if not replacements:
        return document.data
    patched = copy.deepcopy(document.data)
    for keys, value in replacements:
        container: Any = patched
        for token in keys[:-1]:
            container = container[int(token)] if isinstance(container, list) else container[token]
        key: Any = int(keys[-1]) if isinstance(container, list) else keys[-1]
        if value is _DROP:
            del container[key]
        else:
            container[key] = value
    return patched


_DROP = object()


def _schema_children(node: dict[str, Any]) -> Iterator[tuple[tuple[str, ...], Any]]:
    """(path of keys from `node`, value) of the places in a schema that hold schemas."""
    for key in _SCHEMA_SINGLES:
        if key in node:
            yield (key,), node[key]
    for key in _SCHEMA_LISTS:
        if isinstance(node.get(key), list):
            yield from (((key, str(index)), item) for index, item in enumerate(node[key]))
    for key in _SCHEMA_MAPS:
        if isinstance(node.get(key), dict):
            yield from (((key, name), item) for name, item in node[key].items())


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


# --- walking every schema of a document ----------------------------------------------------------

_SCHEMA_MAPS = ("properties", "patternProperties", "$defs", "definitions")
_SCHEMA_LISTS = ("allOf", "oneOf", "anyOf", "prefixItems")
_SCHEMA_SINGLES = ("items", "additionalProperties", "not", "contains", "propertyNames", "if", "then", "else")
_OPERATION_KEYS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def iter_schemas(document: Document) -> Iterator[tuple[dict[str, Any], str]]:
    """Every schema object written in the document (not following `$ref`s), with its pointer."""
    for start, pointer in _schema_roots(document.data):
        stack = [(start, pointer)]
        while stack:
            node, node_pointer = stack.pop()
            if not isinstance(node, dict):
                continue
            yield node, node_pointer
            stack.extend(
                (child, node_pointer + "".join("/" + escape_pointer_token(token) for token in path))
                for path, child in _schema_children(node)
            )


def _bodies(data: dict[str, Any]) -> Iterator[tuple[dict[str, Any], str]]:
    """Every request body and response written in the document, with its pointer."""
    components = nodes.mapping(data, "components")
    for section in ("requestBodies", "responses"):
        for name, item in _items(components.get(section)):
            if isinstance(item, dict):
                yield item, f"/components/{section}/{escape_pointer_token(name)}"
    for path, path_item in _items(data.get("paths")):
        for method in _OPERATION_KEYS:
            operation = path_item.get(method) if isinstance(path_item, dict) else None
            if not isinstance(operation, dict):
                continue
            pointer = f"/paths/{escape_pointer_token(path)}/{method}"
            if isinstance(operation.get("requestBody"), dict):
                yield operation["requestBody"], pointer + "/requestBody"
            for status, response in _items(operation.get("responses")):
                if isinstance(response, dict):
                    yield response, f"{pointer}/responses/{escape_pointer_token(status)}"


def _schema_roots(data: dict[str, Any]) -> Iterator[tuple[Any, str]]:
    components = nodes.mapping(data, "components")
    for name, schema in _items(components.get("schemas")):
        yield schema, "/components/schemas/" + escape_pointer_token(name)
    for section in ("parameters", "headers"):
        for name, item in _items(components.get(section)):
            yield from _parameter_schemas(item, f"/components/{section}/{escape_pointer_token(name)}")
    for section in ("requestBodies", "responses"):
        for name, item in _items(components.get(section)):
            yield from _body_schemas(item, f"/components/{section}/{escape_pointer_token(name)}")
    for path, path_item in _items(data.get("paths")):
        path_pointer = "/paths/" + escape_pointer_token(path)
        if not isinstance(path_item, dict):
            continue
        for index, parameter in enumerate(path_item.get("parameters") or []):
            yield from _parameter_schemas(parameter, f"{path_pointer}/parameters/{index}")
        for method in _OPERATION_KEYS:
            operation = path_item.get(method)
            if not isinstance(operation, dict):
                continue
            pointer = f"{path_pointer}/{method}"
            for index, parameter in enumerate(operation.get("parameters") or []):
                yield from _parameter_schemas(parameter, f"{pointer}/parameters/{index}")
            if "requestBody" in operation:
                yield from _body_schemas(operation["requestBody"], pointer + "/requestBody")
            for status, response in _items(operation.get("responses")):
                yield from _body_schemas(response, f"{pointer}/responses/{escape_pointer_token(status)}")


def _items(node: Any) -> Iterator[tuple[str, Any]]:
    return iter(node.items()) if isinstance(node, dict) else iter(())


def _parameter_schemas(node: Any, pointer: str) -> Iterator[tuple[Any, str]]:
    if isinstance(node, dict) and "schema" in node:
        yield node["schema"], pointer + "/schema"


def _body_schemas(node: Any, pointer: str) -> Iterator[tuple[Any, str]]:
    if not isinstance(node, dict):
        return
    for media_type, media in _items(node.get("content")):
        if isinstance(media, dict) and "schema" in media:
            yield media["schema"], f"{pointer}/content/{escape_pointer_token(media_type)}/schema"
    for name, header in _items(node.get("headers")):
        yield from _parameter_schemas(header, f"{pointer}/headers/{escape_pointer_token(name)}")


# --- does a value match a schema ------------------------------------------------------------------

_JSON_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "array": (list,),
    "object": (dict,),
}


def conforms(document: Document, value: Any, schema: Any, depth: int = 0) -> bool:
    """Whether `value` matches `schema` by type, enum, const, items, properties and the
    combinators; constraints such as patterns and ranges are not checked."""
    if depth > 64 or not isinstance(schema, dict):
        return True
    if "$ref" in schema:
        try:
            schema, _ = document.resolve(schema, "")
        except GeneratorError:
            return True  # the broken reference is reported where it is used
        return conforms(document, value, schema, depth + 1)
    if value is None and (schema.get("nullable") is True or _allows_type(schema, "null")):
        return True
    if "enum" in schema and isinstance(schema["enum"], list) and value not in schema["enum"]:
        return False
    if "const" in schema and value != schema["const"]:
        return False
    declared = schema.get("type")
    if declared is not None and not any(_is_type(value, name) for name in _names(declared)):
        return False
    if isinstance(value, list) and "items" in schema:
        if not all(conforms(document, item, schema["items"], depth + 1) for item in value):
            return False
    if isinstance(value, dict):
        for name, property_schema in (schema.get("properties") or {}).items():
            if name in value and not conforms(document, value[name], property_schema, depth + 1):
                return False
    for part in schema.get("allOf") or []:
        if not conforms(document, value, part, depth + 1):
            return False
    for keyword in ("oneOf", "anyOf"):
        variants = schema.get(keyword)
        if isinstance(variants, list) and variants:
            if not any(conforms(document, value, variant, depth + 1) for variant in variants):
                return False
    return True


def _names(declared: Any) -> list[str]:
    return [declared] if isinstance(declared, str) else [name for name in declared if isinstance(name, str)]


def _allows_type(schema: dict[str, Any], name: str) -> bool:
    return name in _names(schema.get("type") or [])


def _is_type(value: Any, name: str) -> bool:
    if name == "null":
        return value is None
    if isinstance(value, bool) and name != "boolean":
        return False
    if name == "integer" and isinstance(value, float):
        return value.is_integer()
    return isinstance(value, _JSON_TYPES.get(name, (object,)))
