"""Targets as a CI matrix: `targets --json` lists them, and `update --target` of one target,
run at the same time as another's in the same repository, touches only its own files."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from .golden import FEATURES
from .test_update import CLIENTGEN, git, newer_events_spec, run

CONFIG = """\
[[tool.generator.targets]]
name = "events"
spec = "specs/events.yaml"
output = "clients/events"
source = "upstream/events.yaml"

[[tool.generator.targets]]
name = "pets"
spec = "specs/pets.yaml"
output = "clients/pets"
source = "upstream/pets.yaml"
package-name = "petstore"

[[tool.generator.targets]]
name = "billing"
spec = "specs/billing.yaml"
output = "other/billing"
"""


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    (repo / "specs").mkdir(parents=True)
    (repo / "upstream").mkdir()
    shutil.copy(FEATURES / "openapi31" / "spec.yaml", repo / "specs" / "events.yaml")
    shutil.copy(FEATURES / "petstore" / "spec.yaml", repo / "specs" / "pets.yaml")
    shutil.copy(FEATURES / "auth" / "spec.yaml", repo / "specs" / "billing.yaml")
    (repo / "pyproject.toml").write_text(CONFIG)
    generated = run(repo, "generate", "-q")
    assert generated.returncode == 0, generated.stderr
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "clients")
    return repo


def test_targets_json_lists_what_a_matrix_needs(repo: Path) -> None:
    result = run(repo, "targets", "--json")
    assert result.returncode == 0, result.stderr
    events, pets, billing = json.loads(result.stdout)
    assert events == {
        "name": "events",
        "spec": "specs/events.yaml",
        "source": "upstream/events.yaml",
        "output": "clients/events",
        "package": "events",  # from the title, Events API, as the generated package is named
    }
    assert (pets["package"], pets["output"]) == ("petstore", "clients/pets")
    assert (billing["source"], billing["output"]) == (None, "other/billing")
    (repo / "specs" / "billing.yaml").unlink()  # a fresh copy of a preset: no spec to read a title from
    assert json.loads(run(repo, "targets", "--json").stdout)[2]["package"] is None
    assert run(repo, "targets").stdout.splitlines()[0].startswith("events: specs/events.yaml -> clients/events (")


@pytest.mark.slow
def test_two_update_processes_at_once_each_touch_only_their_own_target(repo: Path, tmp_path: Path) -> None:
    newer_events = newer_events_spec(repo, repo / "upstream")
    pets = (repo / "specs" / "pets.yaml").read_text()
    assert "\n  /pets:\n" in pets
    (repo / "upstream" / "pets.yaml").write_text(pets.replace("\n  /pets:\n", "\n  /pets/count:\n    get:\n"
                                                 "      operationId: countPets\n      responses:\n"
                                                 "        '204': {description: counted}\n  /pets:\n"))  # fmt: skip
    git(repo, "add", "-A")
    git(repo, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "upstream")
    processes = {
        name: subprocess.Popen(
            [str(CLIENTGEN), "update", "--target", name, "--summary", str(tmp_path / f"{name}.json")],
            cwd=repo,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )  # fmt: skip
        for name in ("events", "pets")
    }
    for name, process in processes.items():
        stdout, stderr = process.communicate(timeout=600)
        assert process.returncode == 0, (name, stderr)
        (record,) = json.loads((tmp_path / f"{name}.json").read_text())["targets"]
        assert (record["name"], record["changed"], record["semver"]) == (name, True, "minor")
    changed = {line[3:] for line in git(repo, "status", "--porcelain", "--untracked-files=all").splitlines()}
    assert {path for path in changed if path.startswith("specs/")} == {"specs/events.yaml", "specs/pets.yaml"}
    assert all(path.startswith(("specs/events.yaml", "specs/pets.yaml", "clients/events/", "clients/pets/"))
               for path in changed), changed  # fmt: skip
    assert (repo / "specs" / "events.yaml").read_text() == newer_events.read_text()
    assert "def count_pets(" in "".join(p.read_text() for p in (repo / "clients" / "pets").rglob("*.py"))
    assert "def count_events(" in "".join(p.read_text() for p in (repo / "clients" / "events").rglob("*.py"))
    for name in ("events", "pets"):
        checked = run(repo, "check", "--target", name)
        assert checked.returncode == 0, checked.stderr
