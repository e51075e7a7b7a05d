"""Black's layout for what the generator writes most (imports, `__all__`, parameters, calls with
one argument), written directly so that black has less to do. Each function gives black's own
result where the shape is simple, and the plain line otherwise: black then finishes the job
(format.py sends it only the units that still have a line too long)."""

from __future__ import annotations

import re

from ..format import AS_BLACK_LEAVES_IT, LINE_LENGTH, fits


def bracketed(
    opening: str,
    items: list[str],
    closing: str,
    *,
    indent: int = 0,
    trailer: str = "",
    one_line: tuple[str, str] | None = None,
) -> str:
    """`opening` + items + `closing` on one line when it fits in the line length (at `indent`,
    with `closing` counted), else with one item per line and a trailing comma (black's rule
    for collections and `from` imports). `one_line` gives other brackets for the one-line
    form (`from m import a, b`); `trailer` is what follows on the line (a comma), counted but
    not written. The result starts at `indent`: its first line is not padded."""
    head, tail = one_line if one_line is not None else (opening, closing)
    line = head + ", ".join(items) + tail
    if fits(line + trailer, LINE_LENGTH - indent):
        return line
    pad = " " * indent
    return opening + "\n" + "".join(f"{pad}    {item},\n" for item in items) + pad + closing


def annotated(
    name: str, annotation: str, default: str | None, *, indent: int, trailer: str = "", statement: bool = False
) -> str:
    """`name: annotation = default` (a parameter, or with `statement` a field of a class) as
    black lays it out when it is too long: a union annotation in parentheses on a line of its
    own, or else one member per line, when they fit. A statement's default goes in parentheses
    of its own instead when the line up to them fits. `trailer` is what follows on the line (a
    comma), counted but not written."""
    tail = f" = {default}" if default is not None else ""
    line = f"{name}: {annotation}{tail}"
    if fits(line + trailer, LINE_LENGTH - indent) or not line.isascii():  # see `fits`: black decides
        return line
    if statement and default is not None and fits(f"{name}: {annotation} = (", LINE_LENGTH - indent):
        return f"{name}: {annotation} = (\n{' ' * (indent + 4)}{default}\n{' ' * indent})"
    wrapped = _parenthesized_union(annotation, indent)
    if wrapped is not None:
        return f"{name}: {wrapped}{tail}"
    lines = _subscript_lines(annotation, indent) if default is None and not statement else None
    if lines is None or not fits(f"{name}: {lines[0]}", LINE_LENGTH - indent):
        return line
    # a parameter's long subscript (`Literal[...]` of many values) split at its brackets
    return f"{name}: " + "\n".join([lines[0], *(" " * indent + text for text in lines[1:])])


def assignment(target: str, value: str, *, indent: int = 0) -> str:
    """`target = value` (an alias of a union or a subscript) as black lays it out when it is too
    long: a union in parentheses, a subscript split at its brackets."""
    line = f"{target} = {value}"
    if fits(line, LINE_LENGTH - indent) or not line.isascii():
        return line
    wrapped = _parenthesized_union(value, indent)
    if wrapped is not None:
        return f"{target} = {wrapped}"
    lines = _subscript_lines(value, indent)
    if lines is None or not fits(f"{target} = {lines[0]}", LINE_LENGTH - indent):
        return line
    return f"{target} = " + "\n".join([lines[0], *(" " * indent + text for text in lines[1:])])


def _parenthesized_union(annotation: str, indent: int) -> str | None:
    """A union in parentheses, on one line inside them or one member per line (the first split at
    its brackets when even it is too long), as black writes it; None where black would do
    something else (the last member ends with a bracket, which black splits instead) or a member
    too long is not a name (a name black leaves as it is)."""
    members = _split_top_level(annotation, "|")
    if len(members) < 2 or not _NAME.fullmatch(members[-1]):
        return None
    inner = indent + 4
    room = LINE_LENGTH - inner
    if len(annotation) <= room:
        lines: list[str | None] = [annotation]
    else:
        fitting = len(members[0]) <= room or _NAME.fullmatch(members[0])
        first = [members[0]] if fitting else _subscript_lines(members[0], inner)
        if first is None:
            return None
        lines = [_kept(line, room) for line in [*first, *(f"| {member}" for member in members[1:])]]
    if any(line is None for line in lines):
        return None
    return "(\n" + "".join(f"{' ' * inner}{text}\n" for text in lines) + " " * indent + ")"


def _kept(line: str, room: int) -> str | None:
    """A line of a split as black leaves it: as it is when it fits in `room`, or when all it holds
    is a name (after a `| ` or before a `,`), which black cannot shorten (the line is then marked
    so); None when black would split it further."""
    if len(line) <= room or line.endswith(AS_BLACK_LEAVES_IT):
        return line
    if _NAME.fullmatch(line.strip().removeprefix("| ").removesuffix(",")):
        return line + AS_BLACK_LEAVES_IT
    return None


def _subscript_lines(text: str, indent: int) -> list[str] | None:
    """`Name[inside]`, too long for a line at `indent`, as black splits it: `Name[`, the inside one
    level deeper (on one line, or an item per line with a trailing comma, or split again), `]`.
    The lines are relative to `indent`; None where black would do otherwise."""
    head, bracket, rest = text.partition("[")
    if (
        not bracket
        or not _NAME.fullmatch(head)
        or not rest.endswith("]")
        or _split_top_level(rest[:-1], "]") != [rest[:-1]]
    ):
        return None
    inside, room = rest[:-1], LINE_LENGTH - indent - 4
    body: list[str | None]
    if len(inside) <= room or _NAME.fullmatch(inside):
        body = [_kept(inside, room)]
    else:
        items = _split_top_level(inside, ",")
        members = _split_top_level(inside, "|")
        if len(items) > 1:
            body = [_kept(f"{item},", room) for item in items]
        elif len(members) > 1:  # a union: a member per line, `|` first
            body = [_kept(members[0], room), *(_kept(f"| {member}", room) for member in members[1:])]
        else:
            split = _subscript_lines(inside, indent + 4)
            if split is None:
                return None
            body = list(split)
    if any(line is None for line in body):
        return None
    return [f"{head}[", *(f"    {line}" for line in body), "]"]


_NAME = re.compile(r"[\w.]+")


_SPECIAL = re.compile(r"""[\\'"()\[\]{}|,]""")
"""The characters `_split_top_level` looks at: it skips from one to the next."""


def _split_top_level(text: str, separator: str) -> list[str]:
    """`text` split at `separator` outside brackets and strings, each part stripped (a `]` at the
    top level also splits: a caller checks with it that brackets match)."""
    parts, depth, quote, start, escaped = [], 0, "", 0, -1
    for match in _SPECIAL.finditer(text):
        char, index = match[0], match.start()
        if quote:
            if char == "\\" and index != escaped:
                escaped = index + 1  # the next character is escaped
            elif char == quote and index != escaped:
                quote = ""
        elif char in "'\"":
            quote = char
        elif char == separator and depth == 0:
            parts.append(text[start:index].strip())
            start = index + 1
        elif char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
    parts.append(text[start:].strip())
    return parts


def call_statement(prefix: str, function: str, arguments: list[str], suffix: str = "", *, indent: int) -> str:
    """`prefix function(arguments)suffix` as black lays out a statement ending in a call: on one
    line, or the arguments on one line of their own, or one per line with a trailing comma. The
    plain line where an argument alone is too long (black decides then). With `prefix` "def ",
    a definition: black ends a lone parameter on a line of its own with a comma too. With a
    `prefix` that assigns (`result = `) or returns, and a call too long to start on its line, the
    call goes in parentheses of its own (see `_parenthesized_call`)."""
    line = f"{prefix}{function}({', '.join(arguments)}){suffix}"
    room = LINE_LENGTH - indent
    if fits(line, room) or not line.isascii():
        return line
    assigns = (prefix.endswith(" = ") or prefix == "return ") and not suffix
    if not arguments:  # black puts an assigned or returned call in parentheses, and leaves the rest
        if not assigns or len(f"{prefix}(") > room:
            return line
        inner = f"{function}()" + ("" if len(function) + 2 <= room - 4 else AS_BLACK_LEAVES_IT)
        return f"{prefix}(\n{' ' * indent}    {inner}\n{' ' * indent})"
    laid_out = (
        None
        if assigns and len(f"{prefix}{function}(") > room
        else _split_call(prefix, function, arguments, suffix, indent=indent)
    )
    if laid_out is None and assigns:
        laid_out = _parenthesized_call(prefix, function, arguments, indent=indent)
    return laid_out or line


def annotated_call(name: str, annotation: str, function: str, arguments: list[str], *, indent: int) -> str:
    """`name: annotation = function(arguments)` (a model's field with `Field(...)`) as black lays
    it out: as `call_statement` does; or, when even `name: annotation = (` is too long, the
    union annotation in parentheses of its own and the call after them."""
    line = f"{name}: {annotation} = {function}({', '.join(arguments)})"
    if fits(line, LINE_LENGTH - indent) or not line.isascii():
        return line
    if len(f"{name}: {annotation} = (") <= LINE_LENGTH - indent:
        return call_statement(f"{name}: {annotation} = ", function, arguments, indent=indent)
    wrapped = _parenthesized_union(annotation, indent)
    if wrapped is None:
        return line
    return f"{name}: {wrapped[:-1]}" + call_statement(") = ", function, arguments, indent=indent)


def _split_call(prefix: str, function: str, arguments: list[str], suffix: str, *, indent: int) -> str | None:
    """The arguments on one line of their own, or one per line; None where one is too long."""
    pad, room = " " * indent, LINE_LENGTH - indent
    together = ", ".join(arguments) + ("," if prefix == "def " and len(arguments) == 1 else "")
    if len(together) <= room - 4:
        return f"{prefix}{function}(\n{pad}    {together}\n{pad}){suffix}"
    if any(len(argument) + 1 > room - 4 for argument in arguments):
        return None
    return f"{prefix}{function}(\n" + "".join(f"{pad}    {argument},\n" for argument in arguments) + f"{pad}){suffix}"


def _parenthesized_call(prefix: str, function: str, arguments: list[str], *, indent: int) -> str | None:
    """`target = function(arguments)` (or `return function(arguments)`) that black cannot split
    after `function(` with every line fitting: it puts the call in parentheses of its own when it
    can split it there, else it keeps the split after `function(` as its last resort, lines too
    long and a lone argument without a comma. None where black would go on splitting an argument."""
    pad, room = " " * indent, LINE_LENGTH - indent
    together = ", ".join(arguments)
    if len(f"{prefix}(") <= room and len(function) + 1 <= room - 4:
        inner = None
        if len(f"{function}({together})") <= room - 4:
            inner = f"{pad}    {function}({together})"
        elif len(together) <= room - 8:
            inner = f"{pad}    {function}(\n{pad}        {together}\n{pad}    )"
        elif all(len(argument) + 1 <= room - 8 for argument in arguments):
            inner = f"{pad}    {function}(\n" + "".join(f"{pad}        {a},\n" for a in arguments) + f"{pad}    )"
        if inner is not None:
            return f"{prefix}(\n{inner}\n{pad})"
        if len(arguments) > 1:
            return None  # black weighs those parentheses against lines too long: it decides
    if len(arguments) == 1 or len(together) <= room - 4:
        alone = _kept(together, room - 4)
        return None if alone is None else f"{prefix}{function}({AS_BLACK_LEAVES_IT}\n{pad}    {alone}\n{pad})"
    return f"{prefix}{function}({AS_BLACK_LEAVES_IT}\n" + "".join(f"{pad}    {a},\n" for a in arguments) + f"{pad})"
