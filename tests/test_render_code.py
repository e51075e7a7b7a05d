import ast

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
    "ends with a quote\"",
    "back\\slash\\",
    "nul\x00 and \x1b escape",
    "line\u2028separator\u2029paragraph",
    "'; import os; os.system('touch /tmp/pwned') #",
    "\"\"\"\nimport os\n\"\"\"",
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
