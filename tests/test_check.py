"""`check` compares the folder with a fresh generation, so a file edited together with its
hash in the manifest fails it. `check --trust-manifest` answers an unchanged client from the
manifest instead: it records a digest of everything that decides the bytes (the spec's files,
overlays, options and names, templates, the generator's code, the formatter), and every written
file's hash. Each of those, changed, makes `check` fail; anything the short-circuit cannot vouch
for goes through the full comparison."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT, forge
from .golden import FEATURES

FAST = "stages: inputs and files hashed"
TRUST = "--trust-manifest"


def clientgen(cwd: Path, *args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", *map(str, args)], capture_output=True, text=True, cwd=cwd, timeout=300
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A configuration with a multi-file spec, an overlay, a template override and names."""
    shutil.copytree(FEATURES / "multifile", tmp_path / "spec", ignore=shutil.ignore_patterns("expected"))
    (tmp_path / "overlay.yaml").write_text(
        "overlay: 1.0.0\ninfo: {title: t, version: '1'}\n"
        "actions:\n  - target: $.paths['/books'].get\n    update: {description: 'Every book, read and written.'}\n"
    )
    (tmp_path / "templates" / "package").mkdir(parents=True)
    (tmp_path / "templates" / "package" / "_version.py.jinja").write_text("__version__ = {{ project.version|pystr }}\n")
    (tmp_path / "pyproject.toml").write_text(
        '[[tool.generator.targets]]\nname = "library"\nspec = "spec/spec.yaml"\noutput = "client"\n'
        'overlays = ["overlay.yaml"]\ntemplates = "templates"\n[tool.generator.targets.names]\nlistBooks = "books"\n'
    )
    generated = clientgen(tmp_path, "generate", "-q")
    assert generated.returncode == 0, generated.stderr
    return tmp_path


def fast_and_fresh(project: Path, *args: str) -> bool:
    """Whether `check --trust-manifest` passes without generating anything."""
    result = clientgen(project, "check", TRUST, "--verbose", *args)
    assert result.returncode == 0, result.stderr
    return result.stderr.startswith(FAST)


def stale(project: Path, *args: str) -> str:
    result = clientgen(project, "check", *args)
    assert result.returncode == 1, (result.stdout, result.stderr)
    return result.stderr


def test_an_unchanged_client_is_generated_again_or_on_request_checked_from_its_manifest(project: Path) -> None:
    generated = clientgen(project, "check", "--verbose")
    assert generated.returncode == 0 and generated.stderr.startswith("stages: load "), generated.stderr
    assert fast_and_fresh(project)
    (project / "client" / "NOTES.md").write_text("ours")  # not the generator's: no reason to regenerate
    assert fast_and_fresh(project)


def test_a_forged_manifest_fails_check_and_is_undone_by_generate(project: Path) -> None:
    planted = "print('planted')\n"
    forge(project / "client", "library/_client.py", planted)
    result = clientgen(project, "check")
    assert result.returncode == 1 and result.stderr.splitlines()[1:] == [
        "  changed: .clientgen.json",
        "  changed: library/_client.py",
    ]
    shown = clientgen(project, "check", "--diff")
    assert (
        shown.returncode == 1 and f"\n-{planted}" in shown.stdout and "+++ generated/library/_client.py" in shown.stdout
    )
    # the opt-in short cut takes the manifest's word (the README says so): a local convenience only
    assert fast_and_fresh(project)
    regenerated = clientgen(project, "generate")
    assert regenerated.returncode == 0 and "(2 written, " in regenerated.stdout, regenerated.stdout
    assert planted not in (project / "client" / "library" / "_client.py").read_text()
    assert clientgen(project, "check").returncode == 0


def test_a_hand_edit_fails(project: Path) -> None:
    with (project / "client" / "library" / "_client.py").open("a") as file:
        file.write("# edited\n")
    assert "changed: library/_client.py" in stale(project)
    (project / "client" / "README.md").unlink()
    assert "missing: README.md" in stale(project)


def test_a_changed_spec_file_fails(project: Path) -> None:
    shared = next((project / "spec" / "shared").rglob("*.yaml"))
    shared.write_text(shared.read_text().replace("description:", "description: Changed.", 1))
    assert shared.read_text() != (FEATURES / "multifile" / shared.relative_to(project / "spec")).read_text()
    assert "changed: " in stale(project)


def test_a_changed_overlay_fails(project: Path) -> None:
    overlay = project / "overlay.yaml"
    overlay.write_text(overlay.read_text().replace("read and written", "read"))
    assert "changed: library/resources/books.py" in stale(project)


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("--client-name", "Shelf"),
        ("--package-name", "shelf"),
        ("--env-prefix", "SHELF"),
        ("--no-tests", None),
        ("--strict", None),
    ],
)
def test_a_changed_option_fails(project: Path, option: str, value: str | None) -> None:
    arguments = [option] if value is None else [option, value]
    assert fast_and_fresh(project)
    result = clientgen(project, "check", *arguments)
    assert result.returncode != 0, result.stdout  # stale, or (--strict) an error of the spec
    if option != "--strict":
        assert "is stale" in result.stderr


def test_a_changed_name_or_template_fails(project: Path) -> None:
    config = project / "pyproject.toml"
    config.write_text(config.read_text().replace('listBooks = "books"', 'listBooks = "all_books"'))
    assert "changed: library/resources/" in stale(project)
    config.write_text(config.read_text().replace('listBooks = "all_books"', 'listBooks = "books"'))
    assert fast_and_fresh(project)
    (project / "templates" / "package" / "_version.py.jinja").write_text("VERSION = {{ project.version|pystr }}\n")
    assert "changed: library/_version.py" in stale(project)


def test_a_changed_generator_fails(tmp_path: Path, project: Path) -> None:
    """A copy of the generator generates the client; then one of its files changes."""
    copy = tmp_path / "clientgen"
    shutil.copytree(ROOT / "generator", copy / "generator", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "templates", copy / "templates")
    config = ["--config", project / "pyproject.toml"]
    assert clientgen(copy, "generate", *config, "-q").returncode == 0
    result = clientgen(copy, "check", *config, TRUST, "--verbose")
    assert result.returncode == 0 and result.stderr.startswith(FAST)
    naming = copy / "generator" / "naming.py"
    naming.write_text(naming.read_text() + "\n# a change of the generator's own code\n")
    result = clientgen(copy, "check", *config)
    assert result.returncode == 1 and "changed: .clientgen.json" in result.stderr
