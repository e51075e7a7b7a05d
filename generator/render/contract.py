"""Views of the tests the generator writes with each client: per resource, every operation
called with arguments the spec accepts (those it requires, sampled from the schemas), and each
documented error status asked of the server, which must raise its exception."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from .. import naming
from ..ir.model import Api, Operation, Resource
from ..ir.samples import BINARY
from ..ir.status_errors import error_class
from ..ir.type_exprs import Alias, ListOf, LiteralOf, MapOf, Model, Primitive, Ref, TypeExpr, UnionOf
from .code import Code, py_literal
from .views.paging import returns_page_object
from .wrap import bracketed, call_statement

_DATETIME_KINDS = {"datetime": "datetime", "date": "date", "time": "time"}
_ISINSTANCE = {"str": "str", "int": "int", "float": "float", "bool": "bool", "bytes": "bytes"}


@dataclass
class CaseView:
    name: str
    call: Code
    """The statement that calls the operation (`result = client.<resource>.<method>(...)`,
    `for _ in ...:` for a stream), laid out as black would."""
    error_call: Code
    """The same call, asking the server for the error status `status` (a variable of the test)."""
    error_list: Code
    """`[(404, NotFoundError), ...]`, laid out as black would."""
    definition: Code
    """`def test_<method>(client: ...) -> None:`, laid out as black would."""
    error_definition: Code
    instance_of: Code | None
    """The class the result is an instance of, when the spec says so plainly."""
    streams: bool
    errors: list[tuple[int, str]] = field(default_factory=list)
    """Documented error statuses and the exception each raises."""


@dataclass
class ContractModuleView:
    resource: str
    cases: list[CaseView]
    types_import: Code | None
    """`from <package>.types import <the classes the checks name>`."""
    package_import: Code
    """`from <package> import <the client class and exceptions>`, laid out as black would."""
    uses_datetime: bool

    @property
    def uses_pytest(self) -> bool:
        return any(case.errors for case in self.cases)


@dataclass
class ContractSetupView:
    credentials: list[tuple[str, Code]]
    """Constructor argument -> its value in the tests."""


def contract_setup_view(api: Api) -> ContractSetupView:
    # a client certificate is a file the contract tests do not have: left out
    arguments = [
        argument for scheme in api.security_schemes if scheme.kind != "mutual_tls" for argument in scheme.arguments
    ]
    return ContractSetupView([(argument, py_literal(f"test-{argument.replace('_', '-')}")) for argument in arguments])


def contract_module_view(api: Api, resource: Resource) -> ContractModuleView:
    cases: list[CaseView] = []
    models: set[str] = set()
    exceptions: set[str] = set()
    uses_datetime = False
    for operation in resource.operations:
        arguments = []
        for parameter in operation.parameters:
            if parameter.required or parameter.sample is not None:
                code = sample_code(parameter.type, parameter.sample)
                uses_datetime |= "datetime." in code
                arguments.append(f"{parameter.name}={code}")
        check = _check(operation)
        if check is not None and check not in _ISINSTANCE.values() and check not in ("list", "dict", "None"):
            models.add(check)
        errors = [
            (int(response.status), error_class(response.status, api.error_names))
            for response in operation.error_responses
            if response.status.isdigit() and int(response.status) >= 400
        ]
        exceptions.update(error for _, error in errors)
        if errors:
            exceptions.add("APIStatusError")
        cases.append(_case(api, f"client.{resource.path}.{operation.name}", operation, arguments, check, errors))
    names = sorted({api.client_class, *exceptions})
    head = f"from {api.package_name} import "
    package_import = Code(bracketed(f"{head}(", names, ")", one_line=(head, "")))
    types_head = f"from {api.package_name}.types import "
    types_import = Code(bracketed(f"{types_head}(", sorted(models), ")", one_line=(types_head, ""))) if models else None
    return ContractModuleView(resource.path, cases, types_import, package_import, uses_datetime)


def _case(
    api: Api, method: str, operation: Operation, arguments: list[str], check: str | None, errors: list[tuple[int, str]]
) -> CaseView:
    """The tests of one operation: called with `arguments`, its answer checked by `check`, and
    each documented error status raising its class."""
    prefer = 'extra_headers={"Prefer": f"code={status}"}'
    prefix, suffix = ("result = ", "") if check is not None and check != "None" else ("", "")
    if operation.streams:
        prefix, suffix = "for _ in ", ":"
    elif returns_page_object(operation) and prefix:
        suffix = ".answer"  # the first page's own answer
    error_arguments = [f"client: {api.client_class}", "status: int", "error: type[APIStatusError]"]
    return CaseView(
        name=operation.name,
        call=Code(call_statement(prefix, method, arguments, suffix, indent=4)),
        error_call=Code(call_statement("", method, [*arguments, prefer], indent=8)),
        error_list=Code(
            bracketed("[", [f"({status}, {error})" for status, error in errors], "]", indent=4, trailer=",")
        ),
        definition=Code(
            call_statement("def ", f"test_{operation.name}", [f"client: {api.client_class}"], " -> None:", indent=0)
        ),
        error_definition=Code(
            call_statement("def ", f"test_{operation.name}_errors", error_arguments, " -> None:", indent=0)
        ),
        # no body: success is raising nothing
        instance_of=Code(check) if check is not None and check != "None" else None,
        streams=operation.streams,
        errors=errors,
    )


def _check(operation: Operation) -> str | None:
    """The class a successful result is an instance of, when the spec says so plainly."""
    envelope = operation.envelope
    if envelope is not None and envelope.flag:
        return "bool"
    types: list[TypeExpr | None] = []
    for response in operation.success_responses:
        if response.type not in types:
            types.append(response.type)
    if envelope is not None and envelope.payload is not None:
        types = [envelope.payload]
    if operation.streams or len(types) != 1:
        return None
    (type_,) = types
    if type_ is None:
        return "None"
    if isinstance(type_, Ref) and isinstance(type_.target, Model):
        return type_.target.name
    if isinstance(type_, ListOf):
        return "list"
    if isinstance(type_, MapOf):
        return "dict"
    if isinstance(type_, Primitive) and type_.kind in _ISINSTANCE:
        return _ISINSTANCE[type_.kind]
    return None


def sample_code(type_: TypeExpr, value: object) -> str:
    """A Python expression of `value` as an argument of type `type_`: date-times as datetime
    objects, files as bytes, models as dicts keyed by Python name."""
    if value is BINARY:
        return 'b"sample"'
    if isinstance(type_, Ref) and isinstance(type_.target, Alias):
        return sample_code(type_.target.type, value)
    if isinstance(type_, Primitive) and type_.kind in _DATETIME_KINDS and isinstance(value, str):
        kind = _DATETIME_KINDS[type_.kind]
        text = value.replace("Z", "+00:00")
        try:
            getattr(datetime, kind).fromisoformat(text)
        except ValueError:
            return py_literal(value)
        return f"datetime.{kind}.fromisoformat({py_literal(text)})"
    if isinstance(type_, ListOf) and isinstance(value, list):
        return "[" + ", ".join(sample_code(type_.item, item) for item in value) + "]"
    if isinstance(type_, MapOf) and isinstance(value, dict):
        return "{" + ", ".join(f"{py_literal(str(k))}: {sample_code(type_.value, v)}" for k, v in value.items()) + "}"
    if isinstance(type_, Ref) and isinstance(type_.target, Model) and isinstance(value, dict):
        fields = {f.wire_name: f for f in type_.target.request_fields}
        entries = [
            f"{py_literal(naming.argument_name(fields[k].name))}: {sample_code(fields[k].type, v)}"
            if k in fields
            else f"{py_literal(str(k))}: {py_literal(v)}"
            for k, v in value.items()
        ]
        return "{" + ", ".join(entries) + "}"
    if isinstance(type_, UnionOf):
        return sample_code(_variant_for(type_, value), value)
    return py_literal(value)


def _variant_for(union: UnionOf, value: object) -> TypeExpr:
    """The variant of a union that a sample value belongs to."""
    for variant in union.variants:
        target = variant.target.type if isinstance(variant, Ref) and isinstance(variant.target, Alias) else variant
        if isinstance(value, dict) and isinstance(target, Ref) and isinstance(target.target, Model):
            names = {f.wire_name for f in target.target.request_fields}
            tag = union.discriminator
            if set(value) <= names and (
                tag is None or dict(tag.tags).get(str(value.get(tag.wire_name))) == target.target.name
            ):
                return variant
        elif isinstance(value, list) and isinstance(target, ListOf):
            return variant
        elif isinstance(value, str) and isinstance(target, (Primitive, LiteralOf)) and not isinstance(value, bool):
            return variant
    return union.variants[0]
