"""Black's layout for the lists the generator writes most (imports, `__all__`), written directly
so that black has less to do: one line if it fits, else one element per line."""

from __future__ import annotations

from ..format import LINE_LENGTH


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
    if indent + len(line) + len(trailer) <= LINE_LENGTH:
        return line
    pad = " " * indent
    return opening + "\n" + "".join(f"{pad}    {item},\n" for item in items) + pad + closing
