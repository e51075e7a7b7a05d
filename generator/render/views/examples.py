"""The example call of a method, the one builder of them: api.md shows it under the method's
section, the method's docstring (sync and async) ends with it."""

from __future__ import annotations

from typing import Literal

from ...format import AS_BLACK_LEAVES_IT
from ...ir.model import Parameter, Resource
from ..code import Code, docstring_text
from ..contract import sample_code
from ..wrap import call_statement
from .layout import METHOD_INDENT

Answer = Literal["value", "none", "stream", "items"]
"""What a method gives: a value (`result = ...`), nothing, a stream of events (awaited on the
async client, then iterated) or the items of a generator (iterated, never awaited)."""

EXAMPLE_INDENT = METHOD_INDENT + 4
"""Where the example call stands in a method's docstring: under its `Example:`."""


def method_path(resource: Resource, method: str) -> str:
    """`client.<resource>.<method>`: how the examples reach a method."""
    return f"client.{resource.path}.{method}"


def example_arguments(parameters: list[Parameter]) -> list[str]:
    """`name=value` for each parameter the spec requires or gives a sample for."""
    return [
        f"{parameter.name}={sample_code(parameter.type, parameter.sample)}"
        for parameter in parameters
        if parameter.required or parameter.sample is not None
    ]


def example_call(call: str, given: list[str], *, answer: Answer, awaited: bool = False, indent: int = 0) -> str:
    """A call of `call` (`method_path`) with the arguments `given` (`example_arguments`), on a
    `client` made beforehand, used as `answer` says; with `await` (and `async for`) for the async
    client. Laid out as black would at column `indent`, its lines given from column 0."""
    awaiting = "await " if awaited and answer != "items" else ""
    if answer in ("stream", "items"):
        loop, name = "async for" if awaited else "for", "event" if answer == "stream" else "item"
        text = call_statement(f"{loop} {name} in {awaiting}", call, given, ":", indent=indent)
        text += f"\n{' ' * indent}    print({name})"
    else:
        text = call_statement(("result = " if answer == "value" else "") + awaiting, call, given, indent=indent)
    # shown, not run through the formatter: no mark of a line black would leave long
    first, *rest = text.replace(AS_BLACK_LEAVES_IT, "").split("\n")
    return "\n".join([first, *(line[indent:] for line in rest)])


def example_docstrings(text: str, call: str, given: list[str], *, answer: Answer) -> tuple[Code, Code]:
    """The docstrings of a method's sync and async twins: `text`, then `Example:` and the call."""
    text = f"{text}\n\nExample:"
    sync, async_ = (
        example_call(call, given, answer=answer, awaited=awaited, indent=EXAMPLE_INDENT) for awaited in (False, True)
    )
    return docstring_text(text, METHOD_INDENT, code=sync), docstring_text(text, METHOD_INDENT, code=async_)
