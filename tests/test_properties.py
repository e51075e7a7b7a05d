"""Property-based tests: arbitrary text anywhere in a spec gives code that compiles, imports
without side effects and carries the text back out; malformed input gives clean errors only."""

import ast
import importlib
import json
import re
import sys
import tomllib
import typing
from pathlib import Path
from typing import Any

import black
import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from generator.errors import GeneratorError
from generator.inputs import Inputs
from generator.pipeline import generate_files
from generator.spec import load_document
from generator.text import without_lone_surrogates
from generator.write import write_project

pytestmark = pytest.mark.slow

# Any text, lone surrogates included (JSON can carry them as escapes).
TEXT = st.text(st.characters(blacklist_categories=()), min_size=1, max_size=40)
SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def spec_with(text: str) -> dict[str, Any]:
    """A spec in which `text` is a title, descriptions, an enum value, a default, an example
    and a property name."""
    return {
        "openapi": "3.0.3",
        "info": {"title": text, "version": "1", "description": text},
        "paths": {
            "/things": {
                "get": {
                    "operationId": "listThings",
                    "summary": text,
                    "description": text,
                    "parameters": [
                        # (a description that speaks of a default would keep the generator's quiet)
                        {
                            "name": "mode",
                            "in": "query",
                            "description": re.sub("(?i)default", "-", text),
                            "schema": {"type": "string", "enum": [text, "other"], "default": text},
                        },
                    ],
                    "responses": {
                        "200": {
                            "description": text,
                            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}},
                        }
                    },
                }
            }
        },
        "components": {
            "schemas": {
                "Thing": {
                    "type": "object",
                    "description": text,
                    "properties": {
                        text: {"type": "string", "description": text, "example": text},
                        "kind": {"type": "string", "enum": [text, "plain"]},
                    },
                }
            }
        },
    }


def words(text: str) -> str:
    """Text compared as docstrings keep it: line breaks and runs of blanks are layout."""
    return " ".join(text.replace("\r", "\n").split())


def literal_after(source: str, prefix: str, suffix: str) -> Any:
    start = source.index(prefix) + len(prefix)
    return ast.literal_eval(source[start : source.index(suffix, start)])


@given(text=TEXT)
@example(text='"""\nimport os\n"""')
@example(text="\\\x00\u2028\r\n\t'\"")
@example(text="\ud800")
@example(text='"')  # black puts a space between the opening quotes and a quote
@example(text="0\x1f\x1f\x1f\x1f\x1f\u2e80\U00018cd6\U0003134b")  # wide characters count twice in black
@SETTINGS
def test_any_text_round_trips(text: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    folder = tmp_path_factory.mktemp("prop")
    spec = folder / "spec.json"
    spec.write_text(json.dumps(spec_with(text)))
    package = f"prop_{folder.name.replace('-', '_')}"
    out = folder / "out"
    write_project(generate_files(spec, Inputs(package_name=package)).files, out)
    before = sorted(folder.rglob("*"))
    sys.path.insert(0, str(out))
    try:
        types = importlib.import_module(f"{package}.types.thing")
        importlib.import_module(f"{package}.resources.things")
    finally:
        sys.path.remove(str(out))
        for name in [n for n in sys.modules if n.split(".")[0] == package]:
            del sys.modules[name]
    assert sorted(p for p in folder.rglob("*") if "__pycache__" not in p.parts) == [
        p for p in before if "__pycache__" not in p.parts
    ]  # importing wrote nothing
    expected = without_lone_surrogates(text)  # the loader's one repair of spec text
    # literals: the property's wire name, the enum values, the default
    fields = types.Thing.model_fields
    assert [field.serialization_alias or name for name, field in fields.items()] == [expected, "kind"]
    assert typing.get_args(typing.get_args(fields["kind"].annotation)[0]) == (expected, "plain")
    method = next(
        node
        for node in ast.walk(ast.parse((out / package / "resources" / "things.py").read_text()))
        if isinstance(node, ast.FunctionDef) and node.name == "list_things"
    )
    unwrapped = re.sub(r"\n +", " ", ast.get_docstring(method) or "")  # long lines are wrapped at a space
    assert literal_after(unwrapped, "Defaults to ", " on the server.") == expected
    # docstrings and other text files
    assert words(types.Thing.__doc__ or "") == words(expected)
    assert words(ast.get_docstring(ast.parse((out / package / "__init__.py").read_text())) or "") == words(expected)
    pyproject = tomllib.loads((out / "pyproject.toml").read_text())
    assert pyproject["project"]["description"] == f"Python client for the {expected}"
    for path in (f"{package}/types/thing.py", f"{package}/resources/things.py"):
        text = (out / path).read_text()  # formatted unit by unit: the same as black on the file
        assert text == black.format_str(
            text, mode=black.Mode(target_versions={black.TargetVersion.PY311}, line_length=100)
        )


SPEC = (Path(__file__).parent / "features" / "petstore" / "spec.yaml").read_text()


@given(data=st.data())
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_mutated_specs_give_a_client_or_one_clean_error(
    data: st.DataObject, tmp_path_factory: pytest.TempPathFactory
) -> None:
    text = SPEC
    for _ in range(data.draw(st.integers(1, 4))):
        position = data.draw(st.integers(0, len(text)))
        action = data.draw(st.sampled_from(["delete", "insert", "duplicate"]))
        if action == "delete":
            text = text[:position] + text[position + data.draw(st.integers(1, 40)) :]
        elif action == "insert":
            text = (
                text[:position]
                + data.draw(st.sampled_from(["{", "]", ":", "- ", "\n  ", "&a ", "*a", "'", "$ref: x", "\t", "\x00"]))
                + text[position:]
            )
        else:
            text = text[:position] + text[position : position + 30] * 2 + text[position + 30 :]
    spec = tmp_path_factory.mktemp("fuzz") / "spec.yaml"
    spec.write_text(text)
    try:
        generate_files(spec)
    except GeneratorError as error:
        assert "\n" not in str(error)


@given(raw=st.binary(max_size=300) | TEXT.map(lambda t: t.encode("utf-8", "replace")))
@example(raw=b"0")  # a JSON document that is a number
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_arbitrary_bytes_load_or_fail_cleanly(raw: bytes, tmp_path_factory: pytest.TempPathFactory) -> None:
    assume(raw)
    for name in ("spec.yaml", "spec.json"):
        path = tmp_path_factory.mktemp("bytes") / name
        path.write_bytes(raw)
        try:
            load_document(path)
        except GeneratorError as error:
            assert "\n" not in str(error)
