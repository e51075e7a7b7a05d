"""Part of stage 1: a Swagger 2.0 document converted into the OpenAPI 3.0 structure the later
stages read, so that none of them knows the difference.

The user's files stay what messages point at: the converted document keeps a record of where
each of its parts came from (`Origins`), and `Document.location` translates a pointer of the
converted document into the pointer, file and line of the 2.0 source.

The root file is rebuilt; a node of another file that a `$ref` reaches (a schema, a parameter, a
response, a path item) is converted where it is, so that its pointer, and so the names made
from it, stay those of a 3.0 spec split the same way. Anything the conversion does not know
(extensions such as `x-ms-*`, keywords 2.0 does not have) is carried over as it is; whatever is
wrong with it is then reported by the validation of the converted document, at its 2.0 place.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from . import nodes
from .errors import escape_pointer_token, unescape_pointer_token
from .load import Document, join_pointer, split_pointer

OPENAPI_VERSION = "3.0.3"

DEFAULT_MEDIA_TYPE = "application/json"
"""What a body or response is when neither the operation nor the spec says (`consumes`,
`produces`): 2.0 leaves it open, and the APIs that omit it serve JSON."""
BINARY_MEDIA_TYPE = "application/octet-stream"
FORM_MEDIA_TYPES = ("multipart/form-data", "application/x-www-form-urlencoded")
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch")

# A query array's collectionFormat as 3.0's (style, explode); `multi` is the form default.
_QUERY_STYLES = {
    "csv": ("form", False),
    "ssv": ("spaceDelimited", False),
    "pipes": ("pipeDelimited", False),
    "multi": ("form", True),
}
# What a 2.0 parameter, header or `items` says about its value: the keywords of its schema.
_VALUE_KEYWORDS = frozenset(
    """type format items default maximum exclusiveMaximum minimum exclusiveMinimum maxLength
    minLength pattern maxItems minItems uniqueItems enum multipleOf""".split()
)
# 2.0 OAuth2 flow -> (3.0 flow, its URL fields)
_OAUTH2_FLOWS = {
    "implicit": ("implicit", ("authorizationUrl",)),
    "password": ("password", ("tokenUrl",)),
    "application": ("clientCredentials", ("tokenUrl",)),
    "accessCode": ("authorizationCode", ("authorizationUrl", "tokenUrl")),
}
# Sections of a 2.0 root whose entries a `$ref` names, and where they are in 3.0 (a body
# parameter's $ref is the operation's, which never reaches here).
_SECTIONS = {
    "/definitions/": "/components/schemas/",
    "/responses/": "/components/responses/",
    "/parameters/": "/components/parameters/",
}
_CONVERTED_KEYS = frozenset(
    """swagger info host basePath schemes consumes produces paths definitions parameters responses
    securityDefinitions""".split()
)
_PARAMETER_VALUE_KEYWORDS = _VALUE_KEYWORDS | {"collectionFormat", "x-nullable", "x-example"}


@dataclass
class Origins:
    """Where the parts of a converted document came from: `moves` maps a pointer of the converted
    document to the pointer of its source; anything below a moved node is at the same relative
    place in its source, as far as the source has it (`nullable` is the schema's `x-nullable`,
    whose nearest place in the source is the schema)."""

    sources: dict[str, Any]
    """File key -> the file's data as the user wrote it."""
    moves: dict[str, str] = field(default_factory=dict)

    def original(self, pointer: str) -> str:
        key, fragment = split_pointer(pointer)
        tokens = fragment.split("/")
        base, rest = join_pointer(key, ""), tokens[1:]
        for end in range(len(tokens), 0, -1):
            moved = self.moves.get(join_pointer(key, "/".join(tokens[:end])))
            if moved is not None:
                base, rest = moved, tokens[end:]
                break
        base_key, base_fragment = split_pointer(base)
        if base_key not in self.sources:
            return pointer  # a file nothing was converted in
        node = self.sources[base_key]
        for token in base_fragment.split("/")[1:]:
            node = _child(node, token)
        found = []
        for token in rest:
            node = _child(node, token)
            if node is _MISSING:
                break
            found.append(token)
        return join_pointer(base_key, "/".join([base_fragment, *found]))


_MISSING = object()


def _child(node: Any, token: str) -> Any:
    """The node an escaped pointer token names in `node`, or _MISSING."""
    name = unescape_pointer_token(token)
    if isinstance(node, dict):
        return node.get(name, _MISSING)
    if isinstance(node, list) and name.isdigit() and int(name) < len(node):
        return node[int(name)]
    return _MISSING


def convert_swagger2(document: Document) -> None:
    """Replace a loaded Swagger 2.0 document's data with its OpenAPI 3.0 equivalent and record
    where each part came from; errors name the 2.0 file."""
    version = document.data["swagger"]
    if version != "2.0":
        raise document.error("/swagger", f"Swagger {version} is not supported (2.0, or OpenAPI 3.0, 3.1 and 3.2)")
    converter = _Converter(document)
    converted = converter.document()
    document.convert(converted, converter.origins, converter.warnings)


def _media_types(node: dict[str, Any], key: str, default: list[str]) -> list[str]:
    value = node.get(key)
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return list(dict.fromkeys(value))
    return default


def _extensions(node: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in node.items() if key.startswith("x-")}


def _join(pointer: str, *tokens: str | int) -> str:
    return pointer + "".join("/" + escape_pointer_token(token) for token in tokens)


class _Converter:
    def __init__(self, source: Document) -> None:
        self._source = source
        self._root: dict[str, Any] = source.data
        self.origins = Origins(sources={"": self._root})
        self._consumes = _media_types(self._root, "consumes", [])
        self._produces = _media_types(self._root, "produces", [])
        self._converted_nodes: set[int] = set()
        """Nodes of other files converted where they are (by identity: YAML aliases share one)."""
        self.warnings: list[tuple[str, str]] = []
        """(pointer into the user's files, message): what 3.0 cannot say as 2.0 does."""
        self._external_bodies: set[int] = set()
        """Body parameters of other files, which are request bodies once converted."""

    def _moved(self, target: str, source: str) -> None:
        if target != source:
            self.origins.moves[target] = source
            self._keep_source(split_pointer(source)[0], source)

    def _keep_source(self, key: str, referrer: str) -> None:
        """Keep the user's text of another file, before any node of it is converted."""
        if key not in self.origins.sources:
            self.origins.sources[key] = copy.deepcopy(self._source.lookup(join_pointer(key, ""), referrer=referrer))

    # --- the document ---------------------------------------------------------------------------

    def document(self) -> dict[str, Any]:
        root = self._root
        result: dict[str, Any] = {"openapi": OPENAPI_VERSION}
        self._moved("/openapi", "/swagger")
        if "info" in root:
            result["info"] = root["info"]
        servers = self._servers()
        if servers:
            result["servers"] = servers
        result.update((key, value) for key, value in root.items() if key not in _CONVERTED_KEYS)
        paths = root.get("paths")
        if isinstance(paths, dict):
            result["paths"] = {
                path: item if path.startswith("x-") else self._path_item(item, _join("/paths", path))
                for path, item in paths.items()
            }
        elif "paths" in root:
            result["paths"] = paths
        components = self._components()
        if components:
            result["components"] = components
        return result

    def _servers(self) -> list[dict[str, Any]]:
        """`schemes`, `host` and `basePath` as server URLs, one per scheme in the spec's order
        (https when none is said); without `host` the API is on the host that serves the spec:
        a URL relative to it."""
        root = self._root
        host, base_path = root.get("host"), root.get("basePath")
        base_path = base_path.rstrip("/") if isinstance(base_path, str) else ""
        if not isinstance(host, str) or not host:
            if not base_path:
                return []
            self._moved("/servers", "/basePath")
            return [{"url": base_path}]
        schemes = root.get("schemes") if isinstance(root.get("schemes"), list) else []
        self._moved("/servers", "/host")
        return [{"url": f"{scheme}://{host}{base_path}"} for scheme in schemes or ["https"] if isinstance(scheme, str)]

    def _components(self) -> dict[str, Any]:
        root = self._root
        components: dict[str, Any] = {}
        definitions = root.get("definitions")
        if isinstance(definitions, dict):
            self._moved("/components/schemas", "/definitions")
            components["schemas"] = {
                name: self._schema(schema, _join("/definitions", name)) for name, schema in definitions.items()
            }
        parameters, bodies = {}, {}
        shared = root.get("parameters")
        for name, parameter in shared.items() if isinstance(shared, dict) else ():
            where = _join("/parameters", name)
            kind = parameter.get("in") if isinstance(parameter, dict) else None
            if kind == "body":
                bodies[name] = self._request_body(parameter, where, _join("/components/requestBodies", name))
            elif kind != "formData":  # form parameters become properties of each body that uses them
                parameters[name] = self._parameter(parameter, where, _join("/components/parameters", name))
        if parameters:
            components["parameters"] = parameters
        if bodies:
            components["requestBodies"] = bodies
        responses = root.get("responses")
        if isinstance(responses, dict):
            components["responses"] = {
                name: self._response(response, _join("/responses", name), _join("/components/responses", name))
                for name, response in responses.items()
            }
        schemes = root.get("securityDefinitions")
        if isinstance(schemes, dict):
            self._moved("/components/securitySchemes", "/securityDefinitions")
            components["securitySchemes"] = {name: _security_scheme(scheme) for name, scheme in schemes.items()}
        return components

    # --- references -----------------------------------------------------------------------------

    def _reference(self, ref: Any, where: str, kind: Callable[[Any, str], Any]) -> Any:
        """The `$ref` at `where` as the converted document needs it: into the root file, its
        place in 3.0; into another file, unchanged, the node there converted as `kind`."""
        if not isinstance(ref, str):
            return ref  # reported by the resolution of the converted document
        target = self._source.reference_target(ref, where)
        node = self._source.lookup(target, referrer=where + "/$ref")
        key = split_pointer(target)[0]
        if not key:
            address, _, fragment = ref.partition("#")
            for old, new in _SECTIONS.items():
                if fragment.startswith(old):
                    return f"{address}#{new}{fragment[len(old) :]}"
            return ref
        if isinstance(node, dict) and id(node) not in self._converted_nodes:
            self._converted_nodes.add(id(node))
            self._keep_source(key, where)
            converted = kind(node, target)
            node.clear()
            node.update(converted)
        return ref

    # --- schemas --------------------------------------------------------------------------------

    def _schema(self, node: Any, where: str) -> Any:
        """A 2.0 schema (a subset of JSON Schema, as 3.0's) with the few 2.0 spellings put as
        3.0 says them and its `$ref`s rewritten."""
        if not isinstance(node, dict):
            return node
        result: dict[str, Any] = {}
        for key, value in node.items():
            if key == "$ref":
                result[key] = self._reference(value, where, self._schema)
            elif key == "x-nullable" and isinstance(value, bool):
                result["nullable"] = value
            elif key == "discriminator" and isinstance(value, str):
                result[key] = {"propertyName": value}
            elif key in ("properties", "patternProperties") and isinstance(value, dict):
                result[key] = {name: self._schema(item, _join(where, key, name)) for name, item in value.items()}
            elif key in ("allOf", "anyOf", "oneOf") and isinstance(value, list):
                result[key] = [self._schema(item, _join(where, key, index)) for index, item in enumerate(value)]
            elif key in ("items", "additionalProperties", "not"):
                result[key] = self._schema(value, _join(where, key))
            else:
                result[key] = value
        return _without_file_type(result)

    def _value_schema(self, node: dict[str, Any]) -> dict[str, Any]:
        """The schema of a parameter, header or `items` of 2.0, which say it with keywords of
        their own (`collectionFormat` is the caller's; 2.0 has no nested one in 3.0)."""
        schema = {key: value for key, value in node.items() if key in _VALUE_KEYWORDS}
        if isinstance(schema.get("items"), dict):
            schema["items"] = self._value_schema(schema["items"])
        if isinstance(node.get("x-nullable"), bool):
            schema["nullable"] = node["x-nullable"]
        return _without_file_type(schema)

    # --- paths and operations -------------------------------------------------------------------

    def _path_item(self, node: Any, where: str) -> Any:
        if not isinstance(node, dict):
            return node
        if "$ref" in node:
            return {"$ref": self._reference(node["$ref"], where, self._path_item)}
        regular, to_body = self._split_parameters(nodes.sequence(node, "parameters"), _join(where, "parameters"))
        result: dict[str, Any] = {}
        for key, value in node.items():
            if key in HTTP_METHODS:
                result[key] = self._operation(value, _join(where, key), to_body)
            elif key != "parameters" or not isinstance(value, list):
                result[key] = value
            elif regular:
                result[key] = regular
        return result

    def _split_parameters(self, parameters: list[Any], where: str) -> tuple[list[Any], list[_BodyPart]]:
        """The parameters that stay parameters (converted, at their new index), and the body and
        form parameters, which make the request body."""
        regular: list[Any] = []
        to_body: list[_BodyPart] = []
        for index, item in enumerate(parameters):
            item_where = _join(where, index)
            resolved, resolved_where = self._source.resolve(item, item_where)
            if isinstance(resolved, dict) and (
                resolved.get("in") in ("body", "formData") or id(resolved) in self._external_bodies
            ):
                to_body.append(
                    _BodyPart(resolved, resolved_where, item_where if resolved_where != item_where else None)
                )
                continue
            item_target = _join(where, len(regular))
            self._moved(item_target, item_where)
            if isinstance(item, dict) and "$ref" in item:
                regular.append({"$ref": self._reference(item["$ref"], item_where, self._parameter)})
            else:
                regular.append(self._parameter(item, item_where, item_target))
        return regular, to_body

    def _operation(self, node: Any, where: str, shared: list[_BodyPart]) -> Any:
        if not isinstance(node, dict):
            return node
        regular, to_body = self._split_parameters(nodes.sequence(node, "parameters"), _join(where, "parameters"))
        overridden = {part.key for part in to_body}
        to_body = [part for part in shared if part.key not in overridden] + to_body
        consumes = _media_types(node, "consumes", self._consumes)
        produces = _media_types(node, "produces", self._produces)
        result: dict[str, Any] = {}
        for key, value in node.items():
            if key == "parameters" and isinstance(value, list):
                if regular:
                    result[key] = regular
            elif key == "responses" and isinstance(value, dict):
                result[key] = {
                    status: response
                    if str(status).startswith("x-")
                    else self._operation_response(response, _join(where, key, status), produces)
                    for status, response in value.items()
                }
            elif key not in ("consumes", "produces", "schemes"):
                result[key] = value
        body = self._operation_body(to_body, _join(where, "requestBody"), consumes)
        if body is not None:
            result["requestBody"] = body
        return result

    def _operation_body(self, parts: list[_BodyPart], target: str, consumes: list[str]) -> Any:
        bodies = [part for part in parts if part.parameter.get("in") != "formData"]
        form = [part for part in parts if part.parameter.get("in") == "formData"]
        if bodies and form:
            raise self._source.error(
                bodies[0].place, "an operation cannot have both a body parameter and formData parameters"
            )
        if len(bodies) > 1:
            raise self._source.error(bodies[1].place, "an operation can have only one body parameter")
        if form:
            return self._form_body(form, target, consumes)
        if not bodies:
            return None
        body = bodies[0]
        key, fragment = split_pointer(body.where)
        shared = key or (fragment.startswith("/parameters/") and consumes == self._consumes)
        if body.reference is not None and shared:
            # a shared body parameter: the request body it became (an operation that consumes
            # other media types than the spec's has a body of its own)
            self._moved(target, body.reference)
            ref = self._source.lookup(body.reference, referrer=body.reference)["$ref"]
            if key:
                self._external_bodies.add(id(body.parameter))
                return {"$ref": self._reference(ref, body.reference, self._request_body)}
            return {"$ref": f"{ref.partition('#')[0]}#/components/requestBodies/{fragment[len('/parameters/') :]}"}
        return self._request_body(body.parameter, body.where, target, consumes)

    def _request_body(
        self, parameter: Any, where: str, target: str | None = None, consumes: list[str] | None = None
    ) -> Any:
        """A body parameter as a request body, one media type per type the operation consumes
        (the spec's, for a shared one)."""
        target = where if target is None else target
        if not isinstance(parameter, dict):
            return parameter
        self._moved(target, where)
        body: dict[str, Any] = {key: parameter[key] for key in ("description", "required") if key in parameter}
        schema = self._schema(parameter.get("schema", {}), _join(where, "schema"))
        body["content"] = {}
        for media_type in (self._consumes if consumes is None else consumes) or [DEFAULT_MEDIA_TYPE]:
            self._moved(_join(target, "content", media_type, "schema"), _join(where, "schema"))
            body["content"][media_type] = {"schema": schema}
        body.update(_extensions(parameter))
        return body

    def _form_body(self, parts: list[_BodyPart], target: str, consumes: list[str]) -> dict[str, Any]:
        """formData parameters as the properties of one object, sent as a form: multipart when
        the operation consumes it or sends a file (which a URL-encoded form cannot carry)."""
        has_file = any(part.parameter.get("type") == "file" for part in parts)
        media_types = [m for m in FORM_MEDIA_TYPES if m in consumes and not (has_file and m != FORM_MEDIA_TYPES[0])]
        media_types = media_types or [FORM_MEDIA_TYPES[0] if has_file else FORM_MEDIA_TYPES[1]]
        properties: dict[str, Any] = {}
        required = []
        for part in parts:
            name = part.parameter.get("name")
            if not isinstance(name, str):
                raise self._source.error(part.where, "a parameter must be a mapping with a name")
            description = {"description": part.parameter["description"]} if "description" in part.parameter else {}
            properties[name] = self._value_schema(part.parameter) | description | _extensions(part.parameter)
            if part.parameter.get("required") is True:
                required.append(name)
            for media_type in media_types:
                self._moved(_join(target, "content", media_type, "schema", "properties", name), part.where)
        self._moved(target, parts[0].place)
        schema: dict[str, Any] = {"type": "object", "properties": properties}
        body: dict[str, Any] = {"content": {media_type: {"schema": schema} for media_type in media_types}}
        if required:
            schema["required"] = required
            body["required"] = True
        return body

    def _parameter(self, node: Any, where: str, target: str | None = None) -> Any:
        """A path, query, header or cookie parameter: its value's keywords become its schema,
        its collectionFormat a style."""
        target = where if target is None else target
        if not isinstance(node, dict) or "schema" in node:
            return node
        result = {key: value for key, value in node.items() if key not in _PARAMETER_VALUE_KEYWORDS}
        if node.get("in") == "path":
            result["required"] = True  # as 2.0 says too
        if "x-example" in node:
            result["example"] = node["x-example"]
        result["schema"] = self._value_schema(node)
        self._moved(_join(target, "schema"), where)
        if node.get("type") == "array":
            result.update(self._array_style(node, where))
        return result

    def _array_style(self, node: dict[str, Any], where: str) -> dict[str, Any]:
        """A 2.0 array parameter's collectionFormat (csv unless said) as 3.0's style and explode;
        the formats 3.0 has no style for are sent comma-separated, with a warning."""
        collection_format = node.get("collectionFormat", "csv")
        location = node.get("in")
        if location in ("query", "cookie") and collection_format in _QUERY_STYLES:
            style, explode = _QUERY_STYLES[collection_format]
            return {"style": style, "explode": explode}
        if location in ("path", "header") and collection_format == "csv":
            return {"style": "simple", "explode": False}
        self.warnings.append(
            (
                _join(where, "collectionFormat"),
                f"collectionFormat {collection_format!r} of a {location} parameter has no OpenAPI 3 equivalent; "
                "the values are sent comma-separated",
            )
        )
        return (
            {"style": "form", "explode": False}
            if location in ("query", "cookie")
            else {"style": "simple", "explode": False}
        )

    # --- responses ------------------------------------------------------------------------------

    def _operation_response(self, node: Any, where: str, produces: list[str]) -> Any:
        if isinstance(node, dict) and "$ref" in node:
            return {"$ref": self._reference(node["$ref"], where, self._response)}
        return self._response(node, where, where, produces)

    def _response(self, node: Any, where: str, target: str | None = None, produces: list[str] | None = None) -> Any:
        """A response: its schema under each media type the operation produces (the spec's, for
        a shared one), its examples as theirs, its headers' keywords as their schemas."""
        target = where if target is None else target
        if not isinstance(node, dict):
            return node
        self._moved(target, where)
        result: dict[str, Any] = {}
        content: dict[str, dict[str, Any]] = {}
        for key, value in node.items():
            if key == "schema":
                schema = self._schema(value, _join(where, key))
                is_file = isinstance(value, dict) and value.get("type") == "file"
                for media_type in (self._produces if produces is None else produces) or [
                    BINARY_MEDIA_TYPE if is_file else DEFAULT_MEDIA_TYPE
                ]:
                    self._moved(_join(target, "content", media_type, "schema"), _join(where, key))
                    content[media_type] = {"schema": schema}
            elif key == "headers" and isinstance(value, dict):
                result[key] = {
                    name: self._header(header, _join(where, key, name), _join(target, key, name))
                    for name, header in value.items()
                }
            elif key != "examples" or not isinstance(value, dict):
                result[key] = value
        examples = node.get("examples")
        for media_type, example in examples.items() if isinstance(examples, dict) else ():
            self._moved(_join(target, "content", media_type, "example"), _join(where, "examples", media_type))
            content.setdefault(media_type, {})["example"] = example
        if content:
            result["content"] = content
        return result

    def _header(self, node: Any, where: str, target: str) -> Any:
        if not isinstance(node, dict):
            return node
        self._moved(_join(target, "schema"), where)
        result = {key: value for key, value in node.items() if key not in _PARAMETER_VALUE_KEYWORDS}
        result["schema"] = self._value_schema(node)
        return result


@dataclass(frozen=True)
class _BodyPart:
    """A body or formData parameter (`where` is its place, in whatever file) and, when it was
    reached by a `$ref`, the place of that reference."""

    parameter: dict[str, Any]
    where: str
    reference: str | None

    @property
    def key(self) -> tuple[Any, Any]:
        return self.parameter.get("name"), self.parameter.get("in")

    @property
    def place(self) -> str:
        """Where the operation lists it."""
        return self.reference or self.where


def _without_file_type(schema: dict[str, Any]) -> dict[str, Any]:
    """2.0's `type: file` (a form part or a response of bytes) as 3.0 says it."""
    if schema.get("type") == "file":
        schema.update(type="string", format="binary")
    return schema


def _security_scheme(node: Any) -> Any:
    """basic -> http basic; apiKey as it is; oauth2 -> one of its flows."""
    if not isinstance(node, dict):
        return node
    kind = node.get("type")
    common = {key: value for key, value in node.items() if key == "description" or key.startswith("x-")}
    if kind == "basic":
        return {"type": "http", "scheme": "basic", **common}
    if kind == "oauth2" and node.get("flow") in _OAUTH2_FLOWS:
        flow, urls = _OAUTH2_FLOWS[node["flow"]]
        settings = {url: node[url] for url in urls if url in node} | {"scopes": node.get("scopes") or {}}
        return {"type": "oauth2", "flows": {flow: settings}, **common}
    return node
