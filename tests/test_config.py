"""A tool for the build: targets in pyproject.toml, overlays, name overrides, output for people."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli import main
from generator.config import load_targets
from generator.errors import GeneratorError

from .conftest import FIRECRAWL_SPECS, FULL_SPEC, ROOT
from .golden import FEATURES

SEED = ROOT / "specs" / "firecrawl-v2.yaml"
FIXES = ROOT / "tests" / "overlays" / "firecrawl-fixes.yaml"
OLDEST, NEWEST = sorted((FIRECRAWL_SPECS / "history").glob("*.json"))[0], FULL_SPEC


def two_targets(folder: Path, extra: str = "") -> None:
    (folder / "pyproject.toml").write_text(
        f"""[project]
name = "my-clients"

[tool.generator]
tests = false
{extra}
[[tool.generator.targets]]
name = "seed"
spec = "{SEED}"
output = "clients/seed"
package-name = "seed"

[[tool.generator.targets]]
name = "full"
spec = "{FULL_SPEC}"
output = "clients/full"
package-name = "firecrawl"
client-name = "FirecrawlClient"
env-prefix = "FC"
"""
    )


def test_generate_and_check_every_target_with_no_arguments(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    two_targets(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert main(["generate", "-q"]) == 0
    assert (tmp_path / "clients" / "seed" / "seed" / "_client.py").is_file()
    client = (tmp_path / "clients" / "full" / "firecrawl" / "_client.py").read_text()
    assert "class FirecrawlClient(SyncAPIClient)" in client and 'os.environ.get("FC_API_KEY")' in client
    assert not (tmp_path / "clients" / "seed" / "tests").exists()  # `tests = false` for every target
    assert main(["check", "-q"]) == 0
    (tmp_path / "clients" / "seed" / "seed" / "_version.py").write_text("# edited\n")
    assert main(["check", "--target", "full", "-q"]) == 0  # only the target asked for
    assert main(["check", "-q"]) == 1
    assert "changed: seed/_version.py" in capsys.readouterr().err


def test_flags_override_the_configuration(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    two_targets(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert main(["generate", "--target", "seed", "--package-name", "other", "--output", "elsewhere", "-q"]) == 0
    assert (tmp_path / "elsewhere" / "other" / "__init__.py").is_file()
    assert (tmp_path / "elsewhere" / "tests").is_dir() is False  # the file's `tests = false` still holds
    assert main(["generate", "--target", "seed", "--output", "again", "-q"]) == 0
    assert (tmp_path / "again" / "seed").is_dir()
    assert main(["generate", "--target", "seed", "--output", "tested", "--tests", "-q"]) == 0
    assert (tmp_path / "tested" / "tests").is_dir()  # --tests undoes the file's `tests = false`


def test_no_flag_undoes_a_switch_the_file_turns_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    two_targets(tmp_path, "strict = true\n")
    monkeypatch.chdir(tmp_path)
    assert main(["generate", "--target", "full", "-q"]) == 2  # the upstream spec's warnings, made errors
    assert main(["generate", "--target", "full", "--no-strict", "-q"]) == 0


@pytest.mark.parametrize(
    ("extra", "targets", "message"),
    [
        ('colour = "blue"\n', None, "[tool.generator]: unknown key 'colour'"),
        # a default of every target is named where it is written, a target's own in its table
        ("strict = 1\n", None, "[tool.generator].strict must be true or false, not 1"),
        (
            "",
            '[[tool.generator.targets]]\nname = "x"\nspec = "s.yaml"\noutput = "o"\nstrict = 1\n',
            "[tool.generator.targets][2].strict must be true or false, not 1",
        ),
        ('overlays = "fixes.yaml"\n', None, "overlays must be a list of paths"),
        (
            "",
            '[[tool.generator.targets]]\nname = "x"\nspec = "s.yaml"\noutputs = "o"\n',
            "[tool.generator.targets][2]: unknown key 'outputs'",
        ),
        (
            "",
            '[[tool.generator.targets]]\nname = "x"\nspec = "s.yaml"\n',
            "[tool.generator.targets][2]: missing key 'output'",
        ),
        ("", '[[tool.generator.targets]]\nname = "seed"\nspec = "s"\noutput = "o"\n', "'seed' names two targets"),
        (
            "",
            '[[tool.generator.targets]]\nname = "x"\nspec = "s"\noutput = "o"\npackage-name = "not valid"\n',
            "package-name: 'not valid' is not a valid package name",
        ),
        (
            "",
            '[[tool.generator.targets]]\nname = "x"\nspec = "s"\noutput = "o"\n'
            '[tool.generator.targets.names]\na = "1st"\n',
            "names.'a' must be a Python identifier",
        ),
        (
            "",
            '[[tool.generator.targets]]\nname = "x"\nspec = "s"\noutput = "o"\n'
            '[tool.generator.targets.names]\na = "_b"\n',
            "names.'a' must be a Python identifier not starting with '_' (for a method on the client itself, "
            "'client.' and one), not '_b'",
        ),
        (
            "",
            '[[tool.generator.targets]]\nname = "x"\nspec = "s"\noutput = "o"\n'
            '[tool.generator.targets.names]\na = "client.1b"\n',
            "not 'client.1b'",
        ),
        ('env-prefix = "fc"\n', None, "env-prefix: 'fc' is not a valid environment variable prefix"),
        (
            "",
            '[[tool.generator.targets]]\nname = "x"\nspec = "s"\noutput = "o"\nclient-name = "class"\n',
            "[tool.generator.targets][2].client-name: 'class' is not a valid class name",
        ),
        ("tests = [\n", None, "pyproject.toml: invalid TOML: "),
    ],
)
def test_configuration_errors_name_the_key(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    extra: str,
    targets: str | None,
    message: str,
) -> None:
    two_targets(tmp_path, extra)
    if targets:
        with (tmp_path / "pyproject.toml").open("a") as config:
            config.write(targets)
    monkeypatch.chdir(tmp_path)
    assert main(["generate"]) == 2
    error = capsys.readouterr().err
    assert error.startswith("error: ") and error.count("\n") == 1
    assert message in error


def test_configuration_file_missing_or_target_unknown(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["generate"]) == 2
    assert "no SPEC given and no pyproject.toml" in capsys.readouterr().err
    two_targets(tmp_path)
    assert main(["generate", "--target", "nope"]) == 2
    assert "no target named 'nope' (targets: seed, full)" in capsys.readouterr().err
    assert main(["generate", "--output", "x"]) == 2
    assert "--output applies to one target" in capsys.readouterr().err
    (tmp_path / "other.toml").write_text(f'[[targets]]\nname = "a"\nspec = "{SEED}"\noutput = "out"\n')
    assert main(["generate", "--config", "other.toml", "-q"]) == 0  # a file of its own: no [tool.generator]
    assert (tmp_path / "out" / "firecrawl").is_dir()
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n')
    assert main(["generate"]) == 2
    assert "pyproject.toml: no [tool.generator] table" in capsys.readouterr().err
    (tmp_path / "pyproject.toml").write_text("[tool.generator]\nstrict = true\n")
    assert main(["generate"]) == 2
    assert "[tool.generator.targets] must be a list of tables" in capsys.readouterr().err


def test_a_spec_not_fetched_yet_says_how_to_fetch_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A fresh copy of a preset has a `source` and no spec yet: `generate` and `check` say that
    `update` fetches it."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text(
        '[[tool.generator.targets]]\nname = "api"\nsource = "https://api.example.com/openapi.json"\n'
        'spec = "specs/api.json"\noutput = "client"\n'
    )
    for command in ("generate", "check"):
        assert main([command]) == 2
        assert capsys.readouterr().err == (
            f"error: {tmp_path / 'specs' / 'api.json'}: no such file; `clientgen update` fetches it from"
            " https://api.example.com/openapi.json\n"
        )


# --- overlays -------------------------------------------------------------------------------------


def test_an_overlay_fixes_the_upstream_spec_for_strict_mode(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "client"
    assert main(["generate", str(FULL_SPEC), "--output", str(out), "--strict", "--no-tests", "-q"]) == 2
    assert "#/components/schemas/Formats/default" in capsys.readouterr().err
    arguments = ["generate", str(FULL_SPEC), "--output", str(out), "--strict", "--no-tests", "--overlay", str(FIXES)]
    assert main(arguments) == 0
    captured = capsys.readouterr()
    assert "warning" not in captured.err
    assert "def scrape(" in (out / "firecrawl" / "resources" / "scraping.py").read_text()  # renamed by the overlay
    manifest = json.loads((out / ".clientgen.json").read_text())
    assert main(["check", str(FULL_SPEC), "--output", str(out), "--no-tests", "-q"]) == 1  # the overlay counts
    assert (
        manifest["spec_sha256"]
        != json.loads((ROOT / "generated" / "firecrawl" / ".clientgen.json").read_text())["spec_sha256"]
    )


def test_a_bad_overlay_fails_cleanly(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    overlay = tmp_path / "bad.yaml"
    overlay.write_text("overlay: 1.0.0\ninfo: {title: t, version: '1'}\nactions:\n  - {target: '$.paths[?@.x-y]'}\n")
    out = tmp_path / "client"
    assert main(["generate", str(SEED), "--output", str(out), "--overlay", str(overlay)]) == 2
    error = capsys.readouterr().err
    assert error == f"error: {overlay}:4#/actions/0: an action needs `update` or `remove: true`\n"
    assert not out.exists()


SMALL_SPEC = FEATURES / "openapi31" / "spec.yaml"
STALE_OVERLAY = "overlay: 1.0.0\ninfo: {title: t, version: '1'}\nactions:\n  - {target: '$.paths.nope', remove: true}\n"


def test_a_stale_overlay_action_warns_and_generates_even_when_strict(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "stale.yaml").write_text(STALE_OVERLAY)
    (tmp_path / "pyproject.toml").write_text(
        f'[tool.generator]\nstrict = true\n[[tool.generator.targets]]\nname = "a"\nspec = "{SMALL_SPEC}"\n'
        'output = "client"\noverlays = ["stale.yaml"]\n'
    )
    assert main(["generate", "--config", str(tmp_path / "pyproject.toml")]) == 0
    error = capsys.readouterr().err
    assert f"warning: {tmp_path / 'stale.yaml'}:4#/actions/0: no longer applies: target '$.paths.nope' selects" in error
    assert 'stale-overlays = "error" makes' in error and "--strict makes" not in error
    assert (tmp_path / "client" / ".clientgen.json").is_file()


@pytest.mark.parametrize("where", ["global", "target"])
def test_stale_overlays_error_makes_a_stale_action_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], where: str
) -> None:
    (tmp_path / "stale.yaml").write_text(STALE_OVERLAY)
    switch = 'stale-overlays = "error"\n'
    (tmp_path / "pyproject.toml").write_text(
        f'[tool.generator]\n{switch if where == "global" else ""}[[tool.generator.targets]]\nname = "a"\n'
        f'spec = "{SMALL_SPEC}"\noutput = "client"\noverlays = ["stale.yaml"]\n{switch if where == "target" else ""}'
    )
    assert main(["generate", "--config", str(tmp_path / "pyproject.toml")]) == 2
    assert capsys.readouterr().err == (
        f"error: {tmp_path / 'stale.yaml'}:4#/actions/0: no longer applies: target '$.paths.nope' selects nothing:"
        ' the upstream may have fixed this; remove the action? (stale-overlays = "error")\n'
    )
    assert not (tmp_path / "client").exists()


def test_stale_overlays_takes_warn_or_error(tmp_path: Path) -> None:
    config = tmp_path / "pyproject.toml"
    config.write_text(
        '[tool.generator]\nstale-overlays = "fail"\n[[tool.generator.targets]]\nname = "a"\nspec = "s"\noutput = "o"\n'
    )
    with pytest.raises(GeneratorError, match="stale-overlays must be 'warn' or 'error', not 'fail'"):
        load_targets(config)


# --- name overrides ---------------------------------------------------------------------------------


def test_name_overrides_survive_a_newer_spec(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    names = {
        "scrapeAndExtractFromUrl": "scrape",
        "#/components/schemas/ScrapeResponse": "ScrapeResult",
        "#/components/schemas/ScrapeResponse/properties/data": "page",
    }
    table = "\n".join(f'"{key}" = "{value}"' for key, value in names.items())
    (tmp_path / "pyproject.toml").write_text(
        f'[[tool.generator.targets]]\nname = "fc"\nspec = "spec.json"\noutput = "out"\npackage-name = "firecrawl"\n'
        f"tests = false\n[tool.generator.targets.names]\n{table}\n"
    )
    monkeypatch.chdir(tmp_path)
    for version in (OLDEST, NEWEST):
        (tmp_path / "spec.json").write_bytes(version.read_bytes())
        assert main(["generate", "-q"]) == 0
        scraping = (tmp_path / "out" / "firecrawl" / "resources" / "scraping.py").read_text()
        assert "    def scrape(\n" in scraping and ") -> ScrapeResult:" in scraping
        model = (tmp_path / "out" / "firecrawl" / "types" / "scrape_result.py").read_text()
        assert "    page: ScrapeResultData | None = Field(" in model and 'validation_alias="data"' in model
    # with the overrides, the diff finds no renamed method or class where the names were kept
    assert main(["diff", str(OLDEST), str(NEWEST), "--target", "fc", "--format", "json"]) == 0
    changes = json.loads(capsys.readouterr().out)["changes"]
    assert not [
        c
        for c in changes
        if c["kind"] in ("method-renamed", "class-renamed", "class-removed") and "Scrape" in c["message"]
    ]


# --- output for people and machines ---------------------------------------------------------------


def test_warnings_are_counted_by_kind_and_progress_stays_off_a_pipe(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["generate", str(FULL_SPEC), "--output", str(tmp_path / "a"), "--no-tests"]) == 0
    err = capsys.readouterr().err
    assert "\r" not in err  # no progress line when stderr is not a terminal
    assert (
        "8 warnings (5 × default … does not match the schema; 2 × required property … is not among the "
        "properties; ignored; 1 × assumed to come in pages: `cursor` takes its `cursor` (declare "
        "x-clientgen-pages to confirm, or set it to false))" in err
    )
    assert (
        main(
            [
                "generate",
                str(FULL_SPEC),
                "--output",
                str(tmp_path / "b"),
                "--no-tests",
                "--warnings-format",
                "json",
                "-v",
            ]
        )
        == 0
    )
    first, *rest = capsys.readouterr().err.splitlines()
    records = json.loads(first)
    assert len(records) == 8 and records[0]["pointer"] == "/components/schemas/Formats/default"
    assert {"file", "pointer", "line", "message"} == set(records[0])
    assert rest[-1].startswith("stages: load ")  # --verbose


def test_progress_on_a_terminal_and_not_on_a_pipe(tmp_path: Path) -> None:
    """The real command with its stderr on a pseudo-terminal, then on a pipe."""
    command = [sys.executable, "-m", "generator", "generate", str(SEED), "--no-tests", "--output"]
    primary, secondary = pty.openpty()
    with subprocess.Popen(
        [*command, str(tmp_path / "a")], stdout=subprocess.PIPE, stderr=secondary, cwd=ROOT
    ) as process:
        os.close(secondary)
        on_terminal = b""
        while chunk := _read_terminal(primary):
            on_terminal += chunk
        assert process.wait(timeout=120) == 0
    os.close(primary)
    text = on_terminal.decode()
    assert f"\r\x1b[K{SEED}: validating…" in text and f"{SEED}: formatting…" in text
    assert text.endswith("\r\x1b[K")  # the progress line is gone when the command ends
    on_pipe = subprocess.run([*command, str(tmp_path / "b")], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert on_pipe.returncode == 0 and on_pipe.stderr == ""


def _read_terminal(primary: int) -> bytes:
    try:
        return os.read(primary, 4096)
    except OSError:  # the command closed the terminal (EIO on Linux)
        return b""


def test_warnings_are_grouped_by_kind(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    schema = "{type: object, required: [x], properties: {n: {type: integer}}}"
    response = f"{{'200': {{description: ok, content: {{application/json: {{schema: {schema}}}}}}}}}"
    spec = tmp_path / "spec.yaml"
    spec.write_text(
        "openapi: 3.0.3\ninfo: {title: Mixed, version: '1'}\npaths:\n"
        f"  /a: {{get: {{responses: {response}}}}}\n  /b: {{get: {{responses: {{}}}}}}\n  /c: "
        f"{{get: {{responses: {response}}}}}\n"
    )
    assert main(["generate", str(spec), "--output", str(tmp_path / "out"), "--no-tests", "-q"]) == 0
    assert capsys.readouterr().err == ""  # --quiet: errors only
    assert main(["generate", str(spec), "--output", str(tmp_path / "out"), "--no-tests"]) == 0
    lines = capsys.readouterr().err.splitlines()
    assert [line.split("#")[1].split(":")[0] for line in lines[:3]] == [
        "/paths/~1a/get/responses/200/content/application~1json/schema/required",
        "/paths/~1c/get/responses/200/content/application~1json/schema/required",
        "/paths/~1b/get",
    ]
    assert lines[3] == (
        "3 warnings (2 × required property … is not among the properties; ignored; 1 × operation declares no "
        "responses); "
        "--strict makes them errors"
    )


def test_this_repository_declares_its_own_client(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    assert main(["check", "-q"]) == 0  # pyproject.toml's target is the committed generated/firecrawl
