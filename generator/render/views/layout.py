"""Where the generated code stands (the indents of classes and methods), and the lines more than
one kind of file writes."""

from __future__ import annotations

from ..annotations import from_import
from ..code import Code
from ..wrap import call_statement

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
    """`from .module import A, ...` inside `if TYPE_CHECKING:` of a package's `__init__`, whose
    `__all__` lists the names (so type checkers take them as re-exported)."""
    return Code(from_import(f".{module}", set(names), indent=4))
