import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli import main
from generator.inputs import Inputs
from generator.pipeline import generate_files

from .conftest import ROOT, write_spec

SEED = ROOT / "specs" / "firecrawl-v2.yaml"


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", *map(str, args)], capture_output=True, text=True, cwd=ROOT, timeout=120
    )


def test_help_and_version() -> None:
    result = run("--help")
    assert result.returncode == 0
    assert "generate" in result.stdout and "check" in result.stdout
    assert "generate" in run("generate", "--help").stdout
    check_help = " ".join(run("check", "--help").stdout.split())
    assert "--trust-manifest" in check_help and "it trusts the folder" in check_help and "never in CI" in check_help
    assert run("--version").stdout.startswith("clientgen ")


def test_a_subcommands_mistakes_show_its_own_usage_and_options() -> None:
    for command, given in (("generate", []), ("check", []), ("diff", ["old.yaml", "new.yaml"]), ("update", [])):
        mistaken = run(command, *given, "--bogus")
        assert mistaken.returncode == 2
        assert mistaken.stderr.startswith(f"usage: python -m generator {command} "), mistaken.stderr
        assert mistaken.stderr.endswith(f"{command}: error: unrecognized arguments: --bogus\n")
        assert "--debug" in run(command, "--help").stdout  # named in the README's exit codes


def test_generate_then_check(tmp_path: Path) -> None:
    out = tmp_path / "client"
    result = run("generate", SEED, "--output", out, "--package-name", "firecrawl")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("generated firecrawl from ")
    count = len(generate_files(SEED, Inputs(package_name="firecrawl")).files)
    assert f"1 operation in 1 resource, 2 models, {count} files ({count} written, 0 unchanged)" in result.stdout
    assert (out / "firecrawl" / "py.typed").exists()

    fresh = run("check", SEED, "--output", out, "--package-name", "firecrawl", "--verbose")
    assert fresh.returncode == 0
    assert fresh.stderr.startswith("stages: load ") and ", compare " in fresh.stderr  # generated and compared
    trusted = run("check", SEED, "--output", out, "--package-name", "firecrawl", "--verbose", "--trust-manifest")
    assert trusted.returncode == 0
    assert trusted.stderr.startswith("stages: inputs and files hashed ")  # answered from the manifest
    (out / "README.md").write_text("edited")
    (out / "firecrawl" / "types" / "__init__.py").unlink()
    (out / "firecrawl" / "stray.py").write_text("import os\n")
    stale = run("check", SEED, "--output", out, "--package-name", "firecrawl", "--verbose")
    assert stale.stderr.startswith("stages: load ") and ", compare " in stale.stderr  # generated and compared
    stale = run("check", SEED, "--output", out, "--package-name", "firecrawl")
    assert stale.returncode == 1
    assert "changed: README.md" in stale.stderr
    assert "missing: firecrawl/types/__init__.py" in stale.stderr
    assert "stray.py" not in stale.stderr  # not the generator's file: generate keeps it
    assert stale.stdout == ""

    shown = run("check", SEED, "--output", out, "--package-name", "firecrawl", "--diff")
    assert shown.returncode == 1 and shown.stderr == stale.stderr
    readme = (ROOT / "generated" / "firecrawl" / "README.md").read_text().splitlines()
    assert (
        f"--- {out}/README.md\n+++ generated/README.md\n@@ -1 +1,{len(readme)} @@\n-edited\n+{readme[0]}\n"
        in shown.stdout
    )
    assert "stray.py" not in shown.stdout
    assert "+++ generated/firecrawl/types/__init__.py" in shown.stdout
    assert ".clientgen.json" not in shown.stdout  # its hashes only repeat the other changes

    again = run("generate", SEED, "--output", out, "--package-name", "firecrawl")
    assert (
        f"(2 written, {count - 2} unchanged; 1 file not made by the generator kept: firecrawl/stray.py)" in again.stdout
    )
    assert (out / "firecrawl" / "stray.py").read_text() == "import os\n"
    fresh = run("check", SEED, "--output", out, "--package-name", "firecrawl")
    assert fresh.returncode == 0
    assert (
        fresh.stdout
        == f"{out} is up to date ({count} files; 1 file not made by the generator kept: firecrawl/stray.py)\n"
    )


def test_every_python_file_says_it_is_generated_whatever_the_specs_path(tmp_path: Path) -> None:
    """`update` generates from a temporary copy beside the spec; `check` with the committed spec
    must then agree, so the header names the API, not the file."""
    out = tmp_path / "client"
    copy = tmp_path / ".firecrawl-v2.yaml.k3j9x.yaml"
    copy.write_bytes(SEED.read_bytes())
    assert run("generate", copy, "--output", out, "--package-name", "firecrawl").returncode == 0
    assert run("check", SEED, "--output", out, "--package-name", "firecrawl").returncode == 0
    python_files = sorted(out.rglob("*.py"))
    assert len(python_files) > 10
    for path in python_files:
        assert (
            path.read_text().split("\n", 1)[0] == "# Generated by clientgen from the Firecrawl API spec; do not edit."
        ), path
    imported = subprocess.run(
        [sys.executable, "-c", "import firecrawl; print(firecrawl.__doc__)"], cwd=out, capture_output=True, text=True
    )
    assert imported.returncode == 0 and imported.stdout.strip(), imported.stderr  # still the module's docstring


def test_upstream_spec_warns_and_strict_fails(tmp_path: Path) -> None:
    from .conftest import FULL_SPEC

    result = run("generate", FULL_SPEC, "--output", tmp_path / "full")
    assert result.returncode == 0, result.stderr
    # and the activity list's pages, assumed (a `cursor` for `cursor`)
    assert result.stderr.count("warning: ") == 6 and "\n  … and 2 more of this kind\n" in result.stderr
    assert "\n8 warnings (5 × default … does not match the schema; 2 × required property" in result.stderr
    assert "1 × assumed to come in pages: `cursor` takes its `cursor`" in result.stderr
    assert "51 operations in 16 resources" in result.stdout
    strict = run("generate", FULL_SPEC, "--output", tmp_path / "strict", "--strict")
    assert strict.returncode == 2
    assert strict.stderr.startswith("error: ") and strict.stderr.count("\n") == 1
    assert not (tmp_path / "strict").exists()


def test_many_warnings_of_a_kind_show_the_first_few(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """GitHub's spec has 59 defects: a few of each kind say what to look for, --verbose lists them all."""
    paths = "".join(f"  /a{number}: {{get: {{responses: {{}}}}}}\n" for number in range(5))
    spec = tmp_path / "spec.yaml"
    spec.write_text(f"openapi: 3.0.3\ninfo: {{title: Many, version: '1'}}\npaths:\n{paths}")
    out = tmp_path / "out"
    assert main(["generate", str(spec), "--output", str(out), "--no-tests"]) == 0
    lines = capsys.readouterr().err.splitlines()
    assert [line.split("#")[1] for line in lines[:3]] == [
        f"/paths/~1a{n}/get: operation declares no responses" for n in range(3)
    ]
    assert lines[3:] == [
        "  … and 2 more of this kind",
        "5 warnings (5 × operation declares no responses); --verbose or --warnings-format json lists them all, "
        "--strict makes them errors",
    ]
    assert main(["generate", str(spec), "--output", str(out), "--no-tests", "--verbose"]) == 0
    every = capsys.readouterr().err.splitlines()
    assert sum(line.startswith("warning: ") for line in every) == 5 and "… and" not in "".join(every)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (None, "no such file"),
        ("openapi: 3.0.0\ninfo: [unclosed\n", "YAML syntax error"),
        ("just: a mapping\n", "not an OpenAPI document"),
        (
            "openapi: 3.0.0\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      responses:\n      "
            "  '200':\n          description: ok\n          content:\n            application/json:\n         "
            "     schema: {$ref: '#/components/schemas/Missing'}\n",
            "#/paths/~1a/get/responses/200/content/application~1json/schema/$ref: $ref "
            "'#/components/schemas/Missing' points to nothing",
        ),
    ],
)
def test_bad_input_is_one_line_and_writes_nothing(tmp_path: Path, content: str | None, expected: str) -> None:
    spec = tmp_path / "spec.yaml" if content is None else write_spec(tmp_path, content)
    out = tmp_path / "out"
    result = run("generate", spec, "--output", out)
    assert result.returncode == 2
    assert result.stderr.startswith("error: ") and result.stderr.count("\n") == 1, result.stderr
    assert expected in result.stderr
    assert str(spec) in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists()


def test_unwritable_output_and_bad_package_name(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    result = run("generate", SEED, "--output", blocker / "client")
    assert result.returncode == 2
    assert (
        result.stderr
        == f"error: {blocker}: is a file, so the output folder {blocker / 'client'} cannot be made in it\n"
    )
    result = run("generate", SEED, "--output", tmp_path / "x", "--package-name", "Not-Valid")
    assert result.returncode == 2 and "not a valid package name" in result.stderr


@pytest.mark.parametrize(
    ("option", "value", "expected"),
    [
        ("--client-name", "class", "'class' is not a valid class name"),
        ("--client-name", "../X", "'../X' is not a valid class name"),
        ("--client-name", "Caf\u00e9", "'Caf\u00e9' is not a valid class name"),
        ("--env-prefix", "../x", "'../x' is not a valid environment variable prefix"),
        ("--env-prefix", "A=B", "'A=B' is not a valid environment variable prefix"),
        ("--package-name", "../x", "'../x' is not a valid package name"),
    ],
)
def test_a_chosen_name_that_cannot_be_used_is_one_line(tmp_path: Path, option: str, value: str, expected: str) -> None:
    out = tmp_path / "out"
    for command in ("generate", "check"):
        result = run(command, SEED, "--output", out, option, value)
        assert result.returncode == 2, result.stderr
        assert result.stderr.startswith(f"error: {option}: {expected} (") and result.stderr.count("\n") == 1
        assert not out.exists()


def test_options_of_the_configuration_are_refused_beside_a_spec(tmp_path: Path) -> None:
    out = tmp_path / "out"
    for option in ("--config", "--target"):
        result = run("generate", SEED, "--output", out, option, "elsewhere")
        assert result.returncode == 2
        assert result.stderr == f"error: {option}: picks targets of the configuration; it cannot go with a SPEC\n"
        assert not out.exists()


def test_template_overrides_replace_built_in_templates_by_relative_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    overrides = tmp_path / "templates" / "package"
    overrides.mkdir(parents=True)
    (overrides / "_version.py.jinja").write_text(
        '"""Built by our release pipeline."""\n\n__version__ = {{ project.version|pystr }}\n'
        "API_TITLE = {{ api.title|pystr }}\n"
    )
    out = tmp_path / "client"
    spec = ROOT / "specs" / "firecrawl-v2.yaml"
    common = [str(spec), "--output", str(out), "--package-name", "firecrawl", "-q"]
    assert main(["generate", *common, "--templates", str(tmp_path / "templates")]) == 0
    version = (out / "firecrawl" / "_version.py").read_text()
    header = (
        "# Generated by clientgen from the Firecrawl API spec; do not edit.\n"  # on every .py file, overridden or not
    )
    assert (
        version
        == header + '"""Built by our release pipeline."""\n\n__version__ = "0.1.0"\nAPI_TITLE = "Firecrawl API"\n'
    )
    assert (out / "firecrawl" / "_client.py").read_text() == (
        ROOT / "generated" / "firecrawl" / "firecrawl" / "_client.py"
    ).read_text()
    assert main(["check", *common, "--templates", str(tmp_path / "templates")]) == 0
    assert main(["check", *common]) == 1  # without the override the client is stale
    assert "changed: firecrawl/_version.py" in capsys.readouterr().err
    # an override cannot print spec text unescaped either
    (overrides / "_version.py.jinja").write_text("__version__ = {{ project.version }}\nTITLE = {{ api.title }}\n")
    assert main(["generate", *common, "--templates", str(tmp_path / "templates")]) == 2
    error = capsys.readouterr().err
    assert error.startswith("error: ") and "template override failed" in error and "without escaping it" in error
    assert (out / "firecrawl" / "_version.py").read_text() == version  # the output folder is untouched


def test_an_override_need_not_write_blacks_layout(tmp_path: Path) -> None:
    """The built-in templates write black's layout so that black sees only the long lines; an
    override's files go through black whole, so it may write short lines any way it likes."""
    overrides = tmp_path / "templates" / "package"
    overrides.mkdir(parents=True)
    (overrides / "_version.py.jinja").write_text(
        "__version__={{ project.version|pystr }}\nTITLES = ( {{ api.title|pystr }}, )\n\n\n\n\ndef f( x ):  return x\n"
    )
    out = tmp_path / "client"
    spec = ROOT / "specs" / "firecrawl-v2.yaml"
    assert main(["generate", str(spec), "--output", str(out), "--templates", str(tmp_path / "templates"), "-q"]) == 0
    assert (out / "firecrawl" / "_version.py").read_text().split("\n", 1)[1] == (
        '__version__ = "0.1.0"\nTITLES = ("Firecrawl API",)\n\n\ndef f(x):\n    return x\n'
    )
