"""The example call of a method, the one builder of them: api.md shows it under the method's
section, the method's docstring (sync and async) ends with it."""

from __future__ import annotations

from ...ir.model import Parameter, Resource
from ..contract import sample_code
from ..wrap import call_statement


def method_path(resource: Resource, method: str) -> str:
    """`client.<resource>.<method>`: how the examples reach a method."""
    return f"client.{resource.attribute}.{method}"


def example_call(
    call: str, parameters: list[Parameter], *, streams: bool, returns: bool, awaited: bool = False, indent: int = 0
) -> str:
    """A call of `call` (`method_path`) with the arguments the spec requires or gives a sample
    for, on a `client` made beforehand: `result = ...` where it returns something, a loop over
    the events where it streams, with `await` (and `async for`) for the async client. Laid out
    as black would at column `indent`, its lines given from column 0."""
    given = [
        f"{parameter.name}={sample_code(parameter.type, parameter.sample)}"
        for parameter in parameters
        if parameter.required or parameter.sample is not None
    ]
    awaiting = "await " if awaited else ""
    if streams:
        loop = "async for" if awaited else "for"
        text = call_statement(f"{loop} event in {awaiting}", call, given, ":", indent=indent)
        text += f"\n{' ' * indent}    print(event)"
    else:
        text = call_statement(("result = " if returns else "") + awaiting, call, given, indent=indent)
    first, *rest = text.split("\n")
    return "\n".join([first, *(line[indent:] for line in rest)])
