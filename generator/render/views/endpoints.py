"""The `Endpoint` constant of each operation: the wire's description of it, which the runtime reads."""

from __future__ import annotations

from dataclasses import dataclass, field

from ...format import LINE_LENGTH
from ...ir.api_parts import Server
from ...ir.bodies import is_json_media_type
from ...ir.model import Encoding, Operation, Response, default_encoding
from ...ir.type_exprs import Model, Primitive, Ref, TypeExpr, holds_files, referenced
from ..annotations import AnnotationWriter, Style
from ..code import Code, py_literal
from ..wrap import annotated, bracketed


@dataclass
class EndpointView:
    head: Code
    """`_NAME: Endpoint[T] = Endpoint(`, as two statements when one line would be too long."""
    method: Code
    path: Code
    response: Code
    response_kind: Code
    errors: list[tuple[Code, Code]]
    security: Code | None
    server: Code | None
    body_encoding: Code | None
    content_type: Code | None
    """The body's media type, when not the usual one of its encoding."""
    encodings: Code | None
    """The parameters and form fields not written in the specification's default way:
    location -> wire name -> `Encoding(...)`."""
    idempotency_header: str | None
    accept: Code | None
    """The Accept header, when the successful responses are not just JSON."""
    argument_types: Code | None = None
    """location -> wire name -> the type (as models write it) of each argument that may hold
    dicts keyed by Python names the runtime renames to wire names."""
    body_type: Code | None = None
    """The same for a body given as one argument."""
    body_required: bool = False
    """A form or multipart body the spec requires: sent, empty, when no field is given (a JSON
    body is sent as `{}` then anyway)."""
    files: Code | None = None
    """The arguments that hold files, which take paths as `str`s too: wire name ("" for a whole
    body) -> argument name."""
    envelope: Code | None = None
    """`ResponseEnvelope(...)`: what the method takes out of the answer."""
    stream_errors: list[Code] = field(default_factory=list)
    """A stream's `error_event=` and `error_key=`, where not the runtime's defaults."""
    time_limit: Code | None = None
    """`TimeLimit(...)`: the argument that is the server's own time limit (`x-clientgen-timeout`)."""
    option_defaults: Code | None = None
    """A tuple of the body's `OptionDefaults(...)` (`x-clientgen-sent-default`)."""


def _response_types(responses: list[Response]) -> list[TypeExpr | None]:
    types: list[TypeExpr | None] = []
    for response in responses:
        if response.type not in types:
            types.append(response.type)
    return types


def _server(server: Server, writer: AnnotationWriter) -> Code:
    """`Server(url=..., variables={...})`: an operation's own server, its variables for the
    client's values to fill."""
    writer.imports.use("Server")
    arguments = [f"url={py_literal(server.url)}"]
    if server.variables:
        writer.imports.use("ServerVariable")
        variables = []
        for variable in server.variables:
            enum = f", enum={py_literal(variable.enum)}" if variable.enum else ""
            variables.append(
                f"{py_literal(variable.name)}: ServerVariable(default={py_literal(variable.default)}{enum})"
            )
        arguments.append(f"variables={{{', '.join(variables)}}}")
    return Code(f"Server({', '.join(arguments)})")


def returns_annotation(responses: list[Response], writer: AnnotationWriter, shadowed: frozenset[str]) -> Code:
    types = _response_types(responses)
    style = Style(open_enums=True, shadowed=shadowed, file_type="bytes")
    texts = [writer.annotation(t, style) if t else Code("None") for t in types]
    if not texts:
        return Code("None")
    if "Any" in texts:
        return Code("Any")
    # None last, and once
    ordered = [text for text in texts if text != "None"] + (["None"] if "None" in texts else [])
    return Code(" | ".join(ordered))


def method_returns(operation: Operation, writer: AnnotationWriter, shadowed: frozenset[str]) -> Code:
    """What the operation's method returns: its successful answer, or what its envelope holds."""
    envelope = operation.envelope
    if envelope is not None and envelope.flag:
        return Code("bool")
    if envelope is not None and envelope.payload is not None:
        return writer.annotation(envelope.payload, Style(open_enums=True, shadowed=shadowed, file_type="bytes"))
    return returns_annotation(operation.success_responses, writer, shadowed)


def _envelope(operation: Operation, writer: AnnotationWriter) -> Code | None:
    """`ResponseEnvelope(...)` with the arguments that differ from its defaults."""
    envelope = operation.envelope
    if envelope is None:
        return None
    writer.imports.use("ResponseEnvelope")
    arguments: list[str] = [py_literal(envelope.success)]
    optional = {
        "success_value": (envelope.success_value, True),
        "error": (envelope.error, "error"),
        "data": (envelope.data, None),
        "flag": (envelope.flag, False),
        "false_on": (envelope.false_on, ()),
    }
    arguments += [f"{name}={py_literal(value)}" for name, (value, default) in optional.items() if value != default]
    return Code(f"ResponseEnvelope({', '.join(arguments)})")


def endpoint_view(
    operation: Operation, writer: AnnotationWriter, *, success: list[Response] | None = None, name: str | None = None
) -> EndpointView:
    """The endpoint of the operation's call; `success` and `name` for another call of it (the
    one its stream flag sets: its stream as the successful response, which no envelope wraps)."""
    if success is None:
        success, returns, envelope = (
            operation.success_responses,
            method_returns(operation, writer, frozenset()),
            _envelope(operation, writer),
        )
    else:
        returns, envelope = returns_annotation(success, writer, frozenset()), None
    name = operation.endpoint_name if name is None else name
    kind = _response_kind(success)
    errors = [
        (py_literal(response.status), writer.annotation(response.type, Style(open_enums=True, file_type="bytes")))
        for response in operation.error_responses
        if response.type is not None
    ]
    body = operation.body
    encodings = _encodings(operation)
    if encodings is not None:
        writer.imports.use("Encoding")
    argument_types, body_type = _argument_types(operation, writer)
    head = f"{name}: Endpoint[{returns}] = Endpoint("
    if len(head) > LINE_LENGTH:
        declaration = annotated(name, f"Endpoint[{returns}]", None, indent=0)
        head = f"{declaration}\n{name} = Endpoint("
    return EndpointView(
        head=Code(head),
        method=py_literal(operation.http_method),
        path=py_literal(operation.request_path),
        response=returns,
        response_kind=py_literal(kind),
        errors=errors,
        security=py_literal([list(alternative) for alternative in operation.security]) if operation.security else None,
        server=None if operation.server is None else _server(operation.server, writer),
        body_encoding=py_literal(body.encoding) if body is not None else None,
        content_type=py_literal(body.content_type) if body is not None and body.content_type else None,
        encodings=encodings,
        idempotency_header=operation.idempotency_header,
        accept=_accept(operation, success),
        argument_types=argument_types,
        body_type=body_type,
        body_required=body is not None and body.required and body.encoding in ("form", "multipart"),
        files=_files(operation),
        envelope=envelope,
        stream_errors=_stream_errors(operation, writer) if kind in ("stream", "lines") else [],
        time_limit=_time_limit(operation, writer),
        option_defaults=_option_defaults(operation, writer),
    )


def _response_kind(success: list[Response]) -> str:
    """How the runtime reads a successful answer: by the first response that has a body."""
    first = next((response for response in success if response.media_type), None)
    if first is None or first.media_type is None:
        return "none"
    if first.stream_kind is not None:
        return "stream" if first.stream_kind == "events" else "lines"
    if is_json_media_type(first.media_type):
        return "json"
    return "text" if first.type == Primitive("str") else "bytes"


def _files(operation: Operation) -> Code | None:
    """`{wire name: argument name}` of the arguments that hold files ("" for a whole body)."""
    flattened = operation.body is not None and operation.body.flattened
    files = {
        parameter.wire_name if flattened else "": parameter.name
        for parameter in operation.parameters
        if parameter.location == "body" and holds_files(parameter.type) and parameter.within is None
    }
    return py_literal(files) if files else None


def _stream_errors(operation: Operation, writer: AnnotationWriter) -> list[Code]:
    """`error_event=...`, `error_key=...` where they are not the runtime's defaults, and
    `error_types=(...)`, the classes of the items that say the stream failed."""
    errors = operation.stream_errors
    given = [("error_event", errors.event), ("error_key", errors.key)]
    arguments = [Code(f"{keyword}={py_literal(value)}") for keyword, value in given if value != "error"]
    if errors.types:
        classes = [writer.annotation(Ref(named), Style()) for named in errors.types]
        arguments.append(Code(f"error_types=({', '.join(classes)},)"))
    return arguments


def _time_limit(operation: Operation, writer: AnnotationWriter) -> Code | None:
    limit = operation.server_timeout
    if limit is None:
        return None
    writer.imports.use("TimeLimit")
    arguments = [limit.location, limit.wire_name, limit.seconds_per_unit, limit.margin]
    return Code(f"TimeLimit({', '.join(py_literal(argument) for argument in arguments)})")


def _option_defaults(operation: Operation, writer: AnnotationWriter) -> Code | None:
    groups = operation.body.option_defaults if operation.body is not None else []
    if not groups:
        return None
    writer.imports.use("OptionDefaults")
    views = []
    for group in groups:
        arguments = [py_literal(group.values)]
        if group.fields:
            arguments.append(Code(f"fields={py_literal(group.fields)}"))
        if group.within is not None:
            arguments.append(Code(f"within={py_literal(group.within)}"))
        views.append(f"OptionDefaults({', '.join(arguments)})")
    # one line, as black writes a one-item tuple; black splits a long one
    return Code(f"({', '.join(views)},)" if len(views) == 1 else f"({', '.join(views)})")


def _accept(operation: Operation, responses: list[Response]) -> Code | None:
    """The Accept header: the media types of the successful `responses`, then, preferred less,
    those only error responses have (a server picks an error's media type from it too); None
    when that is JSON alone, the runtime's default."""
    success = list(dict.fromkeys(r.media_type for r in responses if r.media_type))
    errors = dict.fromkeys(r.media_type for r in operation.error_responses if r.media_type)
    accepted = success + [
        f"{media_type};q=0.5" if success else media_type for media_type in errors if media_type not in success
    ]
    return None if accepted in ([], ["application/json"]) else py_literal(", ".join(accepted))


def _argument_types(operation: Operation, writer: AnnotationWriter) -> tuple[Code | None, Code | None]:
    """The types of the arguments whose dicts the runtime re-keys from Python names to wire names
    (those that hold, at some depth, a model with a field named otherwise on the wire): by
    location and wire name, and the type of a body given as one argument."""
    flattened = operation.body is not None and operation.body.flattened
    by_location: dict[str, list[str]] = {}
    body_type = None
    for parameter in operation.parameters:
        if parameter.within is not None or not _renames_keys(parameter.type):
            continue
        written = writer.annotation(parameter.type, Style())
        if parameter.location == "body" and not flattened:
            body_type = written
        else:
            by_location.setdefault(parameter.location, []).append(f"{py_literal(parameter.wire_name)}: {written}")
    if not by_location:
        return None, body_type
    locations = [
        f"{py_literal(location)}: " + bracketed("{", entries, "}", indent=8, trailer=",")
        for location, entries in by_location.items()
    ]
    return Code(bracketed("{", locations, "}", indent=4, trailer=",")), body_type


def _renames_keys(type_: TypeExpr) -> bool:
    """Whether a value of the type may hold a model whose field is named otherwise on the wire."""
    stack = list(referenced(type_))
    seen: set[int] = set()
    while stack:
        named = stack.pop()
        if id(named) in seen:
            continue
        seen.add(id(named))
        if isinstance(named, Model):
            if any(field.name != field.wire_name for field in named.request_fields):
                return True
            stack.extend(target for field in named.request_fields for target in referenced(field.type))
        else:
            stack.extend(referenced(named.type))
    return False


def _encodings(operation: Operation) -> Code | None:
    """`{location: {wire name: Encoding(...)}}` for the parameters and the fields of a form or
    multipart body that are not written in the specification's default way."""
    body = operation.body
    fields = body.encoding if body is not None and body.flattened and body.encoding in ("form", "multipart") else None
    by_location: dict[str, list[str]] = {}
    for parameter in operation.parameters:
        if parameter.within is not None:
            continue  # in its property's object, which has the encoding
        kind = parameter.location if parameter.location != "body" else fields
        if kind is not None and parameter.encoding != default_encoding(kind):
            entry = f"{py_literal(parameter.wire_name)}: {_encoding_code(parameter.encoding)}"
            by_location.setdefault(parameter.location, []).append(entry)
    if not by_location:
        return None
    locations = [
        f"{py_literal(location)}: " + bracketed("{", entries, "}", indent=8, trailer=",")
        for location, entries in by_location.items()
    ]
    return Code(bracketed("{", locations, "}", indent=4, trailer=","))


def _encoding_code(encoding: Encoding) -> str:
    """`Encoding(...)` with the arguments that differ from its defaults."""
    arguments: list[str] = [py_literal(encoding.style)] if encoding.style is not None else []
    if encoding.explode:
        arguments.append("explode=True")
    if encoding.allow_reserved:
        arguments.append("allow_reserved=True")
    if encoding.content_type is not None:
        arguments.append(f"content_type={py_literal(encoding.content_type)}")
    if encoding.headers:
        arguments.append(f"headers={py_literal(dict(encoding.headers))}")
    return f"Encoding({', '.join(arguments)})"
