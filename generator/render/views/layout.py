"""Where the generated code stands (the indents of classes and methods), and the lines more than
one kind of file writes."""

from __future__ import annotations

from ..code import Code
from ..wrap import bracketed, call_statement

CLASS_INDENT = 4
"""Where the body of a generated class stands."""
METHOD_INDENT = 8
"""Where the body of a generated method stands."""
PARAMETER_INDENT = 8
"""Where the parameters of a generated method stand."""


def method_signature(name: str, parameters: list[str], returns: str) -> Code:
    """`def name(parameters) -> returns:` of a method, laid out as black would."""
    return Code(call_statement("def ", name, parameters, f" -> {returns}:", indent=CLASS_INDENT))


def reexport(module: str, names: list[str]) -> Code:
    """`from .module import A as A, ...` inside `if TYPE_CHECKING:` of a package's `__init__`."""
    items = [f"{name} as {name}" for name in names]
    return Code(bracketed(f"from .{module} import (", items, ")", indent=4, one_line=(f"from .{module} import ", "")))
