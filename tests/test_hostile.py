"""Hostile and broken specs: no code injection, no escape from the output folder, no network
unless asked, bounded work, and one clear line for every bad input."""

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.errors import GeneratorError
from generator.inputs import Inputs
from generator.ir.type_exprs import Alias
from generator.load import Document, LoadOptions
from generator.pipeline import generate_files
from generator.spec import load_document
from generator.write import write_project

from .conftest import ROOT, write_spec
from .http_server import TestServer

PAYLOADS = [
    '"""; import os; os.system("touch {marker}") #',
    "'\n__import__('os').system('touch {marker}')\n'",
    '\\"""\nimport os\nos.system(\'touch {marker}\')\n"""',
    "x\u2028import os; os.system('touch {marker}')",
    "{{ config }}{{% raw %}} </script> ${{marker}}",
]


def hostile_spec(marker: Path) -> dict[str, object]:
    """Every string the generator reads carries a payload that would create `marker`."""
    payload = [p.format(marker=marker) for p in PAYLOADS]
    text = payload[0]
    return {
        "openapi": "3.0.3",
        "info": {"title": payload[1], "version": payload[2], "description": payload[3]},
        "servers": [{"url": "http://127.0.0.1/" + payload[4], "description": payload[0]}],
        "tags": [{"name": payload[2], "description": payload[1]}],
        "security": [{payload[3]: []}],
        "paths": {
            "/items/{" + payload[0] + "}": {
                "get": {
                    "operationId": payload[1],
                    "tags": [payload[2]],
                    "summary": payload[3],
                    "description": payload[4],
                    "x-clientgen-wait": {"property": payload[1], "until": payload},
                    "parameters": [
                        {"name": payload[0], "in": "path", "required": True, "schema": {"type": "string"}},
                        {
                            "name": payload[2],
                            "in": "query",
                            "description": text,
                            "schema": {"type": "string", "enum": payload, "default": payload[1]},
                        },
                        {"name": payload[4], "in": "header", "schema": {"type": "string"}},
                    ],
                    "responses": {
                        "200": {
                            "description": text,
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": "#/components/schemas/" + payload[0].replace("/", "_")}
                                }
                            },
                        },
                        "404": {
                            "description": payload[4],
                            "content": {
                                "application/json": {
                                    "schema": {"type": "object", "properties": {payload[3]: {"type": "string"}}}
                                }
                            },
                        },
                    },
                }
            }
        },
        "components": {
            "securitySchemes": {payload[3]: {"type": "apiKey", "in": "header", "name": payload[1]}},
            "schemas": {
                payload[0].replace("/", "_"): {
                    "type": "object",
                    "title": payload[2],
                    "description": text,
                    "required": [payload[1]],
                    "properties": {
                        name: {"type": "string", "description": name, "enum": payload, "default": name, "example": name}
                        for name in payload
                    },
                }
            },
        },
    }


def snapshot(folder: Path) -> dict[str, float]:
    return {str(p): p.stat().st_mtime for p in folder.rglob("*")}


def test_spec_strings_never_become_code(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    spec = tmp_path / "spec.json"
    spec.write_text(json.dumps(hostile_spec(marker)))
    out = tmp_path / "client"
    write_project(generate_files(spec, Inputs(package_name="hostile")).files, out)
    for path in out.rglob("*.py"):
        compile(path.read_text(), str(path), "exec")  # every file is valid Python
    # import every module and make a client; then print the model's wire names
    script = (
        "import importlib, json, pkgutil, hostile, hostile.types as t; "
        "[importlib.import_module(m.name) for m in pkgutil.walk_packages(hostile.__path__, 'hostile.')]; "
        "hostile.Hostile(base_url='http://127.0.0.1:9'); "
        "model = next(getattr(t, n) for n in t.__all__ if hasattr(getattr(t, n), 'model_fields')); "
        "print(json.dumps(sorted(f.serialization_alias or n for n, f in model.model_fields.items())))"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=out, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    expected = sorted(p.format(marker=marker) for p in PAYLOADS)
    assert json.loads(result.stdout) == expected
    assert not marker.exists()


@pytest.mark.parametrize("name", ["../../escape", "/etc/passwd", "..\\..\\win", "__init__", "CON", "a/../../b"])
def test_names_cannot_reach_outside_the_output_folder(tmp_path: Path, name: str) -> None:
    spec = {
        "openapi": "3.0.3",
        "info": {"title": name, "version": "1"},
        "paths": {
            "/x": {
                "get": {
                    "operationId": name,
                    "tags": [name],
                    "responses": {
                        "200": {
                            "description": "ok",
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": f"#/components/schemas/{name.replace('/', '~1')}"}
                                }
                            },
                        }
                    },
                }
            }
        },
        "components": {
            "schemas": {
                name: {"type": "object", "properties": {name: {"type": "string"}}},
                name.upper(): {"type": "object", "properties": {"a": {"type": "string"}}},
            }
        },
    }
    path = tmp_path / "work" / "spec.json"
    path.parent.mkdir()
    path.write_text(json.dumps(spec))
    before = snapshot(tmp_path)
    out = tmp_path / "work" / "out"
    files = generate_files(path).files
    write_project(files, out)
    after = snapshot(tmp_path)
    created = set(after) - set(before)
    assert all(Path(p).is_relative_to(out) for p in created)
    assert all(
        p.isidentifier() or p in ("pyproject.toml", "README.md", "api.md", ".clientgen.json", "py.typed")
        for f in files
        for p in [Path(f).stem if f.endswith(".py") else Path(f).name]
    )


def test_a_symlink_out_of_the_output_folder_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "keep.txt").write_text("keep")
    out = tmp_path / "client"
    files = generate_files(ROOT / "specs" / "firecrawl-v2.yaml", Inputs(package_name="firecrawl")).files
    write_project(files, out)
    (out / "firecrawl" / "types").rename(tmp_path / "moved")
    os.symlink(outside, out / "firecrawl" / "types")
    with pytest.raises(GeneratorError, match="symbolic link .* outside the output folder"):
        write_project(files, out)
    assert [p.name for p in outside.iterdir()] == ["keep.txt"]


def spec_returning(ref: str) -> str:
    """A spec whose one operation returns the schema at `ref`."""
    return f"""
openapi: 3.0.3
info: {{title: Refs, version: '1'}}
paths:
  /pets:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {{$ref: '{ref}'}}
"""


def test_remote_refs_are_refused_unless_allowed(tmp_path: Path) -> None:
    with TestServer() as server:
        server.reply(200, {"type": "object", "properties": {"name": {"type": "string"}}})
        spec = write_spec(tmp_path, spec_returning(f"{server.url}/pet.json"))
        with pytest.raises(GeneratorError, match="remote .* is refused; pass --allow-remote-refs"):
            generate_files(spec)
        assert server.requests == []  # not even a connection
        generated = generate_files(spec, Inputs(load=LoadOptions(allow_remote_refs=True)))
        assert [r.path for r in server.requests] == ["/pet.json"]
        assert "Pet" in [t.name for t in generated.api.types]


def test_multi_file_specs_and_files_outside_the_folder(tmp_path: Path) -> None:
    folder = tmp_path / "api"
    (folder / "schemas").mkdir(parents=True)
    (folder / "schemas" / "pet.yaml").write_text(
        "title: Pet\ntype: object\nproperties:\n  owner: {$ref: 'common.yaml#/definitions/Person'}\n"
    )
    (folder / "schemas" / "common.yaml").write_text(
        "definitions:\n  Person: {type: object, properties: {name: {type: string}}}\n"
    )
    (tmp_path / "secret.yaml").write_text("type: object\nproperties: {x: {type: string}}\n")
    generated = generate_files(write_spec(folder, spec_returning("schemas/pet.yaml")))
    assert [t.name for t in generated.api.types] == ["Pet", "Person"]
    outside = write_spec(folder, spec_returning("../secret.yaml"), "outside.yaml")
    with pytest.raises(GeneratorError) as caught:
        generate_files(outside)
    assert "leaves the spec's folder; pass --allow-external-files" in str(caught.value)
    assert "outside.yaml:12#/paths/~1pets/get/responses/200/content/application~1json/schema/$ref" in str(caught.value)
    allowed = generate_files(outside, Inputs(load=LoadOptions(allow_external_files=True)))
    assert [t.name for t in allowed.api.types] == ["Secret"]


def test_yaml_alias_bomb_ends_quickly_in_a_clear_error(tmp_path: Path) -> None:
    lines = ["openapi: 3.0.0", "a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for level in range(1, 12):
        lines.append(f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * 10) + "]")
    spec = write_spec(tmp_path, "\n".join(lines) + "\n")
    started = time.monotonic()
    with pytest.raises(GeneratorError, match="alias bomb"):
        load_document(spec)
    assert time.monotonic() - started < 30  # a guard against hanging, not a benchmark


def test_recursive_yaml_aliases_are_refused(tmp_path: Path) -> None:
    with pytest.raises(GeneratorError, match="refers to a node that contains it"):
        load_document(write_spec(tmp_path, "openapi: 3.0.0\nloop: &loop [*loop]\n"))


def test_size_limit(tmp_path: Path) -> None:
    from generator.sources import MAX_SPEC_BYTES, TOO_LARGE

    spec = write_spec(tmp_path, "openapi: 3.0.0\n")
    with spec.open("r+b") as file:
        file.truncate(MAX_SPEC_BYTES + 1)
    with pytest.raises(GeneratorError, match=re.escape(TOO_LARGE)):
        load_document(spec)


def run_cli(*args: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", *map(str, args)], capture_output=True, text=True, cwd=ROOT, timeout=120
    )


def deeply_nested(depth: int) -> bytes:
    """A spec whose response schema nests `depth` objects, written as text."""
    schema = '{"type": "object", "properties": {"x": ' * depth + "{}" + "}}" * depth
    return (
        '{"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {"/a": {"get": {"responses": '
        '{"200": {"description": "ok", "content": {"application/json": {"schema": ' + schema + "}}}}}}}}"
    ).encode()


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "file is empty"),
        (bytes(range(256)) * 4, "not UTF-8 text"),
        (b"\x00\x01openapi", "NUL bytes"),
        (b"[1, 2, 3]", "top level is a list"),
        (b"info: {title: x}\n", "no 'openapi' field"),
        (b"openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: 7\n", "#/paths: invalid OpenAPI document"),
        (
            b"openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\ninfo: {title: u, version: '2'}\n",
            "the key 'info' appears twice",
        ),
        (b'{"openapi": "3.0.3", "openapi": "3.1.0"}', "repeats the key 'openapi'"),
        (
            b"openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      responses:\n"
            b"        '200':\n          description: ok\n          content:\n            application/json:\n"
            b"              schema: {$ref: '#/components/schemas/A'}\ncomponents:\n  schemas:\n"
            b"    A: {$ref: '#/components/schemas/B'}\n    B: {$ref: '#/components/schemas/A'}\n",
            "reference cycle",
        ),
        (deeply_nested(3000), "nested deeper than"),
    ],
)
def test_bad_input_is_one_clear_line(tmp_path: Path, content: bytes, expected: str) -> None:
    spec = tmp_path / ("spec.json" if content.startswith((b"{", b"[")) else "spec.yaml")
    spec.write_bytes(content)
    out = tmp_path / "out"
    result = run_cli("generate", spec, "--output", out)
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith(f"error: {spec}") and result.stderr.count("\n") == 1, result.stderr
    assert expected in result.stderr
    assert not out.exists()


def test_lone_surrogates_are_repaired_with_a_warning(tmp_path: Path) -> None:
    spec = tmp_path / "spec.json"
    spec.write_text(
        '{"openapi": "3.0.3", "info": {"title": "T\\ud800", "version": "1"}, "paths": {}, '
        '"components": {"schemas": {"A": {"type": "string", "enum": ["x\\udfff"]}}}}'
    )
    generated = generate_files(spec)
    assert [(w.location.pointer, w.message) for w in generated.warnings] == [
        ("/components/schemas/A/enum/0", "text with a lone surrogate (not valid Unicode); it became U+FFFD"),
        ("/info/title", "text with a lone surrogate (not valid Unicode); it became U+FFFD"),
    ]
    assert generated.api.title == "T\ufffd"
    with pytest.raises(GeneratorError, match="lone surrogate"):
        generate_files(spec, Inputs(strict=True))


def chain_spec(schemas: dict[str, object], first: str) -> str:
    """A spec whose one operation returns the schema `first` of `schemas`, as JSON."""
    return json.dumps(
        {
            "openapi": "3.0.3",
            "info": {"title": "Chain", "version": "1"},
            "paths": {"/x": {"get": spec_response(f"#/components/schemas/{first}")}},
            "components": {"schemas": schemas},
        }
    )


def spec_response(ref: str) -> dict[str, object]:
    return {"responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": ref}}}}}}


def test_a_long_chain_of_aliases_is_resolved_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    links = 30_000
    schemas: dict[str, object] = {f"A{i}": {"$ref": f"#/components/schemas/A{i + 1}"} for i in range(links)}
    schemas[f"A{links}"] = {"type": "object", "properties": {"name": {"type": "string"}}}
    spec = write_spec(tmp_path, chain_spec(schemas, "A0"), "spec.json")
    lookups = 0
    lookup = Document.lookup

    def counted(self: Document, pointer: str, *, referrer: str) -> object:
        nonlocal lookups
        lookups += 1
        return lookup(self, pointer, referrer=referrer)

    monkeypatch.setattr(Document, "lookup", counted)
    generated = generate_files(spec)
    # every alias stands for the chain's end; each link was followed once, not once per alias before it
    assert {t.type.target.name for t in generated.api.types if isinstance(t, Alias)} == {f"A{links}"}  # type: ignore[attr-defined]
    assert lookups <= 2 * (links + 1)


def test_a_client_with_a_long_chain_of_models_imports(tmp_path: Path) -> None:
    links = 1_000
    schemas: dict[str, object] = {
        f"M{i}": {
            "type": "object",
            "properties": {"next": {"$ref": f"#/components/schemas/M{i + 1}"}, "depth": {"type": "integer"}},
        }
        for i in range(links)
    }
    schemas[f"M{links}"] = {"type": "object", "properties": {"depth": {"type": "integer"}}}
    write_project(generate_files(write_spec(tmp_path, chain_spec(schemas, "M0"), "spec.json")).files, tmp_path / "out")
    program = (
        "from chain.types import M0\n"
        "value = {'depth': 0}\n"
        "last = value\n"
        f"for depth in range(1, {links + 1}):\n"
        "    last['next'] = last = {'depth': depth}\n"
        "model = M0.model_validate(value)\n"
        "while model.depth < " + str(links) + ":\n"
        "    model = model.next\n"
        "print(type(model).__name__)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", program], cwd=tmp_path / "out", capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout == f"M{links}\n"


def test_a_symbolic_link_out_of_the_spec_folder_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    private = tmp_path / "private"
    private.mkdir()
    (private / "secret.yaml").write_text("type: object\ndescription: the secret\nproperties: {x: {type: string}}\n")
    folder = tmp_path / "api"
    folder.mkdir()
    os.symlink(private, folder / "shared")
    os.symlink(private / "secret.yaml", folder / "pet.yaml")
    for ref in ("shared/secret.yaml", "pet.yaml"):
        spec = write_spec(folder, spec_returning(ref))
        with pytest.raises(GeneratorError) as caught:
            generate_files(spec)
        assert "leaves the spec's folder through a symbolic link; pass --allow-external-files" in str(caught.value)
        allowed = generate_files(spec, Inputs(load=LoadOptions(allow_external_files=True)))
        assert [t.name for t in allowed.api.types] == ["Secret"]
    monkeypatch.chdir(folder)  # a spec named from its own folder: no link, and the message says none
    with pytest.raises(GeneratorError, match=r"leaves the spec's folder; pass --allow-external-files"):
        generate_files(write_spec(Path(), spec_returning("../private/secret.yaml")))
    os.symlink(folder / "pet.yaml", folder / "inside.yaml")  # a link to a file of the folder stays allowed
    (folder / "pet.yaml").unlink()
    (folder / "pet.yaml").write_text("type: object\nproperties: {name: {type: string}}\n")
    assert [t.name for t in generate_files(write_spec(folder, spec_returning("inside.yaml"))).api.types] == ["Pet"]


@pytest.mark.parametrize("name", ["spec.json", "spec.yaml"])
def test_an_integer_too_long_for_python_is_one_clear_line(tmp_path: Path, name: str) -> None:
    huge = "9" * 5000
    spec = tmp_path / name
    if name.endswith(".json"):
        spec.write_text(
            '{"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {},\n'
            f'"components": {{"schemas": {{"N": {{"type": "integer", "maximum": {huge}}}}}}}}}\n'
        )
    else:
        spec.write_text(
            "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\n"
            f"components:\n  schemas:\n    N: {{type: integer, maximum: {huge}}}\n"
        )
    out = tmp_path / "out"
    result = run_cli("generate", spec, "--output", out)
    assert result.returncode == 2, result.stderr
    place = "2:64" if name.endswith(".json") else "6:33"
    assert result.stderr == f"error: {spec}:{place}: an integer of 5000 digits; the limit is 4300 digits\n"
    assert not out.exists()
