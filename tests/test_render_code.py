import ast
import re

import jinja2
import pytest

from generator.render import environment
from generator.render.code import (
    Code,
    comment_text,
    docstring_text,
    guard,
    markdown_text,
    py_literal,
    toml_string,
)
from generator.text import without_lone_surrogates

HOSTILE = [
    'say """ hi',
    'ends with a quote"',
    "back\\slash\\",
    "nul\x00 and \x1b escape",
    "line\u2028separator\u2029paragraph",
    "'; import os; os.system('touch /tmp/pwned') #",
    '"""\nimport os\n"""',
    "tab\there\r\nwindows",
    "lone \ud800 surrogate",
    "",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_string_literals_round_trip(text: str) -> None:
    assert ast.literal_eval(py_literal(text)) == text


@pytest.mark.parametrize("text", HOSTILE)
def test_docstrings_cannot_be_closed_and_keep_the_text(text: str) -> None:
    source = f'def f():\n    """{docstring_text(text, 4)}"""\n    return 1\n'
    tree = ast.parse(source)
    function = tree.body[0]
    assert len(tree.body) == 1 and len(function.body) == 2  # nothing escaped into code
    doc = ast.get_docstring(function, clean=False) or ""
    assert " ".join(doc.split()) == " ".join(without_lone_surrogates(text).replace("\r", "").split())


@pytest.mark.parametrize("text", HOSTILE)
def test_comments_stay_on_one_line(text: str) -> None:
    source = f"x = 1  # {comment_text(text)}\n"
    assert len(ast.parse(source).body) == 1


@pytest.mark.parametrize("text", HOSTILE)
def test_toml_strings_round_trip(text: str) -> None:
    import tomllib

    expected = without_lone_surrogates(text)
    assert tomllib.loads(f"x = {toml_string(text)}")["x"] == expected


def test_markdown_text_has_no_markup() -> None:
    assert markdown_text("<script>alert(1)</script> [x](javascript:y) | `z`") == (
        "\\<script\\>alert\\(1\\)\\</script\\> \\[x\\]\\(javascript:y\\) \\| \\`z\\`"
    )


def test_literals_of_json_values() -> None:
    value = {"a": [1, 2.5, True, None, "x"], "b": {"c": float("inf")}}
    assert py_literal(value) == '{"a": [1, 2.5, True, None, "x"], "b": {"c": float("inf")}}'


def test_guard_lets_through_only_escaped_values() -> None:
    assert guard(Code("x = 1")) == "x = 1"
    assert guard("snake_name") == "snake_name"
    assert guard(42) == "42"
    for unsafe in ("two words", "a;b", "x\ny", True, None, 1.5):
        with pytest.raises(jinja2.TemplateRuntimeError):
            guard(unsafe)


def test_templates_cannot_print_raw_spec_text() -> None:
    env = environment()
    template = env.from_string("value = {{ text }}")
    with pytest.raises(jinja2.TemplateRuntimeError):
        template.render(text="1; import os")
    assert env.from_string("value = {{ text|pystr }}").render(text="1; import os") == 'value = "1; import os"'


def test_long_docstring_lines_are_wrapped_as_a_careful_writer_would() -> None:
    prose = " ".join(f"word{i}" for i in range(40))
    text = "\n".join([
        prose,
        "",
        f"- item: {prose}",
        f"  name (str): {prose}",
        "```",
        f"code {prose}",
        "```",
        f"| table | {prose} |",
        "https://example.com/" + "a" * 120,
    ])  # fmt: skip
    lines = docstring_text(text, indent=8).split("\n")
    room = 100 - 8
    assert len(lines[0]) <= room - 6 and all(
        len(line) <= room + 8 for line in lines if "word" in line and "|" not in line and "code" not in line
    )
    body = [line[8:] for line in lines[1:]]
    item = body.index(next(line for line in body if line.startswith("- item:")))
    assert body[item + 1].startswith("  word") and not body[item + 1].startswith("   ")  # aligned with the item's text
    name = body.index(next(line for line in body if line.startswith("  name (str):")))
    assert body[name + 1].startswith("      word")  # Args: four spaces deeper
    assert f"code {prose}" in body and f"| table | {prose} |" in body  # code and tables as they are
    assert "https://example.com/" + "a" * 120 in body  # a word longer than a line stays whole
    # every word comes back, in order, when the lines are joined again
    assert " ".join(lines).split() == text.split()


def test_inline_code_is_not_broken() -> None:
    span = "`" + " ".join(f"part{i}" for i in range(8)) + "`"
    text = "words " * 14 + span + " and after"
    lines = str(docstring_text(text, indent=0)).split("\n")
    assert any(span in line for line in lines)
    assert " ".join(line.strip() for line in lines if line.strip()) == " ".join(text.split())


def test_wrapping_keeps_runs_of_spaces_of_a_quoted_default() -> None:
    text = "  mode (str): " + "x " * 40 + "Defaults to 'a  b  c' on the server."
    wrapped = str(docstring_text(text, indent=8))
    assert "'a  b  c'" in re.sub(r"\n +", " ", wrapped)
