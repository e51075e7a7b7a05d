"""The layouts the renderer writes itself are the ones black would write."""

import black
import pytest

from generator.format import AS_BLACK_LEAVES_IT, LINE_LENGTH, format_python
from generator.render.wrap import annotated, annotated_call, assignment, bracketed, call_statement

MODE = black.Mode(target_versions={black.TargetVersion.PY311}, line_length=LINE_LENGTH)


def method_with(declaration: str) -> str:
    return f"class C:\n    def m(\n        self,\n        *,\n        {declaration},\n    ) -> None:\n        pass\n"


LONG = "VeryLongModelNameForTheParameter | VeryLongModelNameForTheParameterParam"
GRAPH = "AdminEdgeInternetExplorerModeSiteListsBrowserSiteListPublishRequestSharedCookiesItem"
"""A Microsoft Graph name, too long for a line of its own in a parameter's annotation."""


def settled(laid_out: str) -> tuple[str, bool]:
    """The text as written (markers removed), and whether every line over the length is marked
    as one black leaves so (else the renderer left the unit to black)."""
    lines = laid_out.split("\n")
    marked = all(line.endswith(AS_BLACK_LEAVES_IT) for line in lines if len(line) > LINE_LENGTH)
    return laid_out.replace(AS_BLACK_LEAVES_IT, ""), marked


@pytest.mark.parametrize(
    ("annotation", "default"),
    [
        ("int", None),
        ("int | NotGiven", "NOT_GIVEN"),
        (f"{LONG} | NotGiven", "NOT_GIVEN"),  # too long: the annotation in parentheses
        (LONG + " | " + LONG[:20], None),  # too long, required
        (f"{LONG} | NotGiven", None),
        (" | ".join([LONG] * 2), "NOT_GIVEN"),  # too long in parentheses: one member per line
        ('Literal["a | b", "c", "' + "d" * 70 + '"] | list[A | B] | NotGiven', "NOT_GIVEN"),
        ('Literal["' + "x" * 90 + '"] | NotGiven', "NOT_GIVEN"),  # a member too long: left to black
        ("list[Literal[" + ", ".join(f'"value{i}"' for i in range(30)) + "]] | NotGiven", "NOT_GIVEN"),
        ("Literal[" + ", ".join(f'"value{i}"' for i in range(30)) + "] | None | NotGiven", "NOT_GIVEN"),
        ("list[Literal[" + ", ".join(f'"v{i}"' for i in range(12)) + "]] | NotGiven", "NOT_GIVEN"),  # inside fits
        ('dict[str, Literal["a" * 3]] | list[Literal["' + "y" * 95 + '"]] | NotGiven', "NOT_GIVEN"),
        (f"Sequence[{LONG} | Shorthand] | NotGiven", "NOT_GIVEN"),  # a union inside: a member per line
        # required: a long subscript split at its brackets (GitHub's `scope`, `registry_type`)
        ('Literal["all", "all_without_configurations", "public", "private_or_internal", "selected"]', None),
        ("Literal[" + ", ".join(f'"registry_type_{i}"' for i in range(8)) + "]", None),
        ("Sequence[" + LONG + " | " + LONG[:30] + "]", None),
        ('Literal["' + "z" * 95 + '"]', None),  # an item too long: left to black
        # names too long for their line, which black leaves so (Microsoft Graph's)
        (f"Sequence[{GRAPH} | {GRAPH}Param] | NotGiven", "NOT_GIVEN"),
        (f"Sequence[{GRAPH[:60]} | {GRAPH[:60]}Param] | NotGiven", "NOT_GIVEN"),
        (f"{GRAPH}Param | NotGiven", "NOT_GIVEN"),
        (f"{GRAPH} | {GRAPH}Param | NotGiven", "NOT_GIVEN"),
        (f"{GRAPH}Param | {GRAPH} | NotGiven", None),
        (f"Sequence[{GRAPH}Param]", None),
        (f"Sequence[{GRAPH}Param] | NotGiven", "NOT_GIVEN"),
        (f"dict[str, {GRAPH}Param] | NotGiven", "NOT_GIVEN"),
    ],
)
def test_parameters_are_laid_out_as_black_would(annotation: str, default: str | None) -> None:
    """What the formatter makes of the layout (black's hand only where a line needs it) is what
    black makes of the plain line."""
    laid_out = method_with(annotated("some_parameter", annotation, default, indent=8, trailer=","))
    one_line = method_with(f"some_parameter: {annotation}" + (f" = {default}" if default else ""))
    assert format_python("m.py", laid_out) == black.format_str(one_line, mode=MODE)


@pytest.mark.parametrize("length", range(4, 100, 3))
@pytest.mark.parametrize("function", ["raw_response_wrapper", "async_streaming_response_wrapper", "w"])
@pytest.mark.parametrize("argument_extra", [-9, 0, 5])
def test_assigned_calls_are_laid_out_as_black_would(length: int, function: str, argument_extra: int) -> None:
    """From one line to the call in parentheses split twice (GitHub's longest method names),
    and black's last resort for Microsoft Graph's (a line too long, marked as such)."""
    name = "m" * length
    laid_out = call_statement(f"self.{name} = ", function, [f"resource.{name}{'a' * argument_extra}"], indent=8)
    source = f"class C:\n    def f(self):\n        {laid_out}\n"
    one_line = f"class C:\n    def f(self):\n        self.{name} = {function}(resource.{name}{'a' * argument_extra})\n"
    assert source.replace(AS_BLACK_LEAVES_IT, "") == black.format_str(one_line, mode=MODE)
    too_long = [line for line in source.split("\n") if len(line) > LINE_LENGTH]
    assert all(line.endswith(AS_BLACK_LEAVES_IT) for line in too_long)


@pytest.mark.parametrize("target", ["t" * 60, "t" * 85])
def test_an_assigned_call_whose_call_fits_alone_is_parenthesized(target: str) -> None:
    laid_out = call_statement(f"{target} = ", "f" * 20, ["a" * 30], indent=0) + "\n"
    assert black.format_str(laid_out, mode=MODE) == laid_out


@pytest.mark.parametrize("count", [1, 3, 12])
def test_imports_are_laid_out_as_black_would(count: int) -> None:
    names = [f"SomeModelName{index} as SomeModelName{index}" for index in range(count)]
    laid_out = (
        "if True:\n    " + bracketed("from .m import (", names, ")", indent=4, one_line=("from .m import ", "")) + "\n"
    )
    assert black.format_str(laid_out, mode=MODE) == laid_out


@pytest.mark.parametrize(
    ("annotation", "default"),
    [
        ("SomeRatherLongModelNameForThisFieldOfTheModelThatGoesOnAndOnAndOnAndOn | None", "None"),  # `= (`
        ('Literal["first", "second", "third", "fourth", "fifth", "sixth", "seventh"] | str | None', "None"),
        (f"{LONG} | None", None),
        ("Literal[" + ", ".join(f'"value{i}"' for i in range(30)) + "] | str | None", "None"),
        (f"{GRAPH}ValueItem | None", "None"),
        (f"list[{GRAPH}] | None", "None"),
    ],
)
def test_fields_are_laid_out_as_black_would(annotation: str, default: str | None) -> None:
    marked_text = "class C:\n    " + annotated("field_name", annotation, default, indent=4, statement=True) + "\n"
    laid_out, marked = settled(marked_text)
    assert marked  # laid out entirely: black is not needed
    one_line = f"class C:\n    field_name: {annotation}" + (f" = {default}" if default else "") + "\n"
    assert black.format_str(one_line, mode=MODE) == laid_out == format_python("m.py", marked_text)


@pytest.mark.parametrize(
    "value",
    [
        "int | None",
        " | ".join([LONG] * 2),  # a union: in parentheses
        "Literal[" + ", ".join(f'"value{i}"' for i in range(20)) + "]",  # an item per line
        "Literal[" + ", ".join(f'"v{i}"' for i in range(14)) + "]",  # the inside fits on a line
        f"Sequence[{LONG} | Shorthand]",  # a union inside: a member per line
        f"Sequence[{LONG} | {LONG}Extended | Shorthand]",
        'Literal["' + "z" * 95 + '"]',  # an item too long: left to black
        f"{GRAPH}Variant1 | {GRAPH}Variant2",  # names too long for their line (marked)
        f"Sequence[{GRAPH}Variant1 | Shorthand]",
    ],
)
def test_aliases_are_laid_out_as_black_would(value: str) -> None:
    laid_out = assignment("SomeAliasName: TypeAlias", value) + "\n"
    expected = black.format_str(f"SomeAliasName: TypeAlias = {value}\n", mode=MODE)
    assert format_python("m.py", laid_out) == expected


ARGUMENT_LISTS = [
    [],
    ["self"],
    ['odata_type="sample"'],
    ['a0="' + "s" * 40 + '"', "a1=2"],
    ['a0="' + "s" * 85 + '"', 'a1="' + "s" * 85 + '"'],
    ["c" * 85],
    ["c" * 97],  # a lone argument too long: black adds no comma after it
    ['x="' + "s" * 95 + '"'],
]


@pytest.mark.parametrize("prefix", ["result = ", "return "])
@pytest.mark.parametrize("length", range(30, 140, 6))
@pytest.mark.parametrize("arguments", ARGUMENT_LISTS, ids=range(len(ARGUMENT_LISTS)))
def test_assigned_and_returned_calls_are_laid_out_as_black_would(
    prefix: str, length: int, arguments: list[str]
) -> None:
    """A generated test's `result = client.resource.method(...)` and a resource's `return
    Class(self)`, with Microsoft Graph's names: on one line, split after the call's bracket,
    in parentheses of their own, or black's last resort (a line too long, marked)."""
    function = "client.resource." + "m" * (length - 16)
    source = f"def f():\n    {call_statement(prefix, function, arguments, indent=4)}\n"
    one_line = f"def f():\n    {prefix}{function}({', '.join(arguments)})\n"
    assert format_python("m.py", source) == black.format_str(one_line, mode=MODE)  # what the formatter makes of it
    _, marked = settled(source)
    assert marked or any(len(argument) > 80 for argument in arguments)  # an argument too long: black may decide


@pytest.mark.parametrize("name_length", range(10, 85, 7))
@pytest.mark.parametrize("type_length", range(10, 100, 6))
@pytest.mark.parametrize("annotation", ["{} | None", "list[{}] | None", "{} | str | None"])
def test_aliased_fields_are_laid_out_as_black_would(name_length: int, type_length: int, annotation: str) -> None:
    """`name: annotation = Field(...)`: the call split, or in parentheses of its own, or the
    annotation in parentheses when even `name: annotation = (` is too long."""
    name, wire = "n" * name_length, "w" * name_length
    arguments = ["default=None", f'validation_alias="{wire}"', f'serialization_alias="{wire}"']
    declared = annotated_call(name, annotation.format("T" * type_length), "Field", arguments, indent=4)
    one_line = f"class C:\n    {name}: {annotation.format('T' * type_length)} = Field({', '.join(arguments)})\n"
    assert format_python("m.py", f"class C:\n    {declared}\n") == black.format_str(one_line, mode=MODE)
