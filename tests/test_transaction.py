"""Writing a client under faults: killed at any change to the file system, run twice at once,
through a symbolic link, beside the user's own files. Each run is the real command line in its
own process, on a real git repository."""

from __future__ import annotations

import os
import random
import shutil
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.transaction import JOURNAL, STAGING, locked

from .conftest import ROOT
from .faults import KILLED

pytestmark = pytest.mark.slow

CLIENTGEN = Path(sys.executable).with_name("clientgen")
CONFIG = """\
[[tool.generator.targets]]
name = "shop"
spec = "specs/shop.yaml"
output = "client"
source = "upstream/shop.yaml"
package-name = "shop"
tests = false
"""


def spec(tags: dict[str, str]) -> str:
    """A spec with one GET operation for each tag, returning a model of the given field."""
    paths = "".join(
        f"""
  /{tag}:
    get:
      tags: [{tag}]
      operationId: list_{tag}
      responses:
        '200':
          description: The {tag}.
          content:
            application/json:
              schema: {{$ref: '#/components/schemas/{tag.title()}'}}"""
        for tag in tags
    )
    schemas = "".join(
        f"""
    {tag.title()}:
      type: object
      properties:
        {field}: {{type: string}}"""
        for tag, field in tags.items()
    )
    return f"openapi: 3.0.3\ninfo: {{title: Shop, version: '1'}}\npaths:{paths}\ncomponents:\n  schemas:{schemas}\n"


OLD = spec({"orders": "total", "legacy": "code"})
NEW = spec({"orders": "amount", "alerts": "level"})


def run(repo: Path, *args: str, kill_at: int | None = None, **env: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "tests.faults", str(kill_at)] if kill_at is not None else [str(CLIENTGEN)]
    return subprocess.run(
        [*command, *args],
        cwd=repo,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "PYTHONPATH": str(ROOT), **env},
    )


def git(folder: Path, *args: str) -> str:
    identity = ("-c", "user.name=t", "-c", "user.email=t@example.com")
    return subprocess.run(["git", *identity, *args], cwd=folder, capture_output=True, text=True, check=True).stdout


def tree(folder: Path) -> dict[str, bytes | str]:
    """Every entry under `folder`: a file's bytes, a link's target, a folder's mode."""
    found: dict[str, bytes | str] = {}
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder).as_posix()
        if path.is_symlink():
            found[relative] = f"-> {os.readlink(path)}"
        elif path.is_dir():
            found[relative] = f"folder {stat.S_IMODE(path.stat().st_mode):o}"
        elif "__pycache__" not in path.parts:
            found[relative] = path.read_bytes()
    return found


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A repository with a committed client that is a git repository of its own, holding the
    user's files, an empty folder, a folder link and a folder mode of theirs; and a newer spec
    upstream."""
    repo = tmp_path_factory.mktemp("base") / "repo"
    (repo / "specs").mkdir(parents=True)
    (repo / "upstream").mkdir()
    (repo / "specs" / "shop.yaml").write_text(OLD)
    (repo / "upstream" / "shop.yaml").write_text(NEW)
    (repo / "pyproject.toml").write_text(CONFIG)
    generated = run(repo, "generate", "-q")
    assert generated.returncode == 0, generated.stderr
    client = repo / "client"
    (client / "NOTES.md").write_text("ours\n")
    (client / "drafts").mkdir()
    (client / "docs").symlink_to("shop", target_is_directory=True)
    (client / "shop").chmod(0o750)
    git(client, "init", "-q", "-b", "main")
    git(client, "add", "-A")
    git(client, "commit", "-qm", "client")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "repo")
    return repo


def copy(base: Path, place: Path) -> Path:
    repo = place / "repo"
    shutil.copytree(base, repo, symlinks=True)
    return repo


@pytest.fixture(scope="module")
def updated(base: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, bytes | str], int]:
    """The repository as an uninterrupted update leaves it, and the changes it makes."""
    repo = copy(base, tmp_path_factory.mktemp("updated"))
    count = repo.parent / "count"
    result = run(repo, "update", kill_at=0, FAULTS_COUNT=str(count))
    assert result.returncode == 0, result.stderr
    return tree(repo), int(count.read_text())


def test_an_update_killed_at_any_change_leaves_the_old_or_the_new_client(
    base: Path, updated: tuple[dict[str, bytes | str], int], tmp_path: Path
) -> None:
    old = tree(base)
    new, changes = updated
    assert changes > 10 and old != new
    users = ("client/.git/HEAD", "client/.git/index", "client/drafts", "client/docs", "client/shop", "client/NOTES.md")
    for kept in users:  # the user's entries, their folder modes and links, as they were
        assert old[kept] == new[kept]
    seen = {"old": 0, "new": 0}
    for attempt, kill_at in enumerate(sorted(random.Random(32).sample(range(1, changes + 1), min(50, changes)))):
        repo = copy(base, tmp_path / str(attempt))
        killed = run(repo, "update", kill_at=kill_at)
        assert killed.returncode == KILLED, (kill_at, killed.stderr)
        with locked([repo / "client"]):  # what every run does first
            pass
        after = tree(repo)
        assert after in (old, new), f"killed at change {kill_at} of {changes}: neither old nor new"
        seen["old" if after == old else "new"] += 1
        if attempt % 10 == 0:  # and the next run brings the new client, as if nothing had happened
            assert run(repo, "update", "-q").returncode == 0
            assert tree(repo) == new
            assert run(repo, "check").returncode == 0
    assert seen["old"] and seen["new"], seen


def test_the_next_run_finishes_a_run_killed_after_its_journal(
    base: Path, updated: tuple[dict[str, bytes | str], int], tmp_path: Path
) -> None:
    repo, client = tmp_path / "repo", tmp_path / "repo" / "client"

    def killed_after_the_journal(kill_at: int) -> bool:
        shutil.rmtree(repo, ignore_errors=True)
        shutil.copytree(base, repo, symlinks=True)
        assert run(repo, "update", kill_at=kill_at).returncode == KILLED
        return (client / JOURNAL).exists()

    # the journal is there from one change on until the last (its removal): the first such change
    low, high = 1, updated[1]
    while low < high:
        middle = (low + high) // 2
        low, high = (low, middle) if killed_after_the_journal(middle) else (middle + 1, high)
    assert killed_after_the_journal(low)
    assert (client / STAGING).is_dir()
    checked = run(repo, "check")
    assert checked.returncode == 1 and "interrupted run" in checked.stderr
    finished = run(repo, "generate")
    assert finished.returncode == 0, finished.stderr
    assert "note: " in finished.stderr and "finished the writing an interrupted run had begun" in finished.stderr
    assert (repo / "specs" / "shop.yaml").read_text() == NEW
    assert run(repo, "check").returncode == 0


def test_two_runs_at_once_take_turns(base: Path, tmp_path: Path) -> None:
    repo = copy(base, tmp_path)
    with locked([repo / "client"]):
        waiting = subprocess.Popen(
            [str(CLIENTGEN), "update"], cwd=repo, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        assert waiting.stderr is not None
        line = waiting.stderr.readline()
        assert line.startswith("waiting for another clientgen run that is writing ")
        time.sleep(0.5)
        assert waiting.poll() is None and (repo / "specs" / "shop.yaml").read_text() == OLD
    assert waiting.wait(timeout=300) == 0
    assert (repo / "specs" / "shop.yaml").read_text() == NEW
    both = [subprocess.Popen([str(CLIENTGEN), "generate", "-q"], cwd=repo) for _ in range(2)]
    assert [process.wait(timeout=300) for process in both] == [0, 0]
    assert run(repo, "check").returncode == 0


def test_an_output_folder_that_is_a_link_is_written_through(base: Path, tmp_path: Path) -> None:
    repo = copy(base, tmp_path)
    (repo / "client").rename(repo / "real-client")
    (repo / "client").symlink_to("real-client", target_is_directory=True)
    assert run(repo, "update", "-q").returncode == 0
    assert (repo / "client").is_symlink() and os.readlink(repo / "client") == "real-client"
    assert (repo / "real-client" / "shop" / "resources" / "alerts.py").is_file()
    assert (repo / "real-client" / ".git").is_dir()
    assert run(repo, "check").returncode == 0


def test_a_hand_written_file_where_the_new_client_has_one_stops_the_update(base: Path, tmp_path: Path) -> None:
    repo = copy(base, tmp_path)
    mine = repo / "client" / "shop" / "resources" / "alerts.py"
    mine.write_text("# my alerts helper\n")
    before = tree(repo)
    result = run(repo, "update")
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"error: {mine}: is not a file the generator wrote, and the new client has a file there; "
        "move it (or delete it) and run again (target shop; nothing was written)"
    ]
    assert tree(repo) == before


@pytest.mark.parametrize("place", ["missing-folder/pr.md", "."])
def test_a_pull_request_body_that_cannot_be_written_writes_nothing(base: Path, tmp_path: Path, place: str) -> None:
    repo = copy(base, tmp_path)
    before = tree(repo)
    result = run(repo, "update", "--pr-body", place)
    assert result.returncode == 2
    assert result.stderr.startswith("error: ") and result.stderr.rstrip().endswith("nothing was written")
    assert tree(repo) == before


def test_a_second_target_that_cannot_be_written_leaves_the_first_as_it_was(base: Path, tmp_path: Path) -> None:
    repo = copy(base, tmp_path)
    (repo / "specs" / "other.yaml").write_text(OLD)
    (repo / "upstream" / "other.yaml").write_text(NEW)
    (repo / "blocker").write_text("a file where the second client's folder would go\n")
    second = CONFIG.replace('"shop"', '"other"', 1).replace("shop.yaml", "other.yaml").replace('"client"', '"blocker"')
    (repo / "pyproject.toml").write_text(CONFIG + "\n" + second)
    before = tree(repo)
    result = run(repo, "update")
    assert result.returncode == 2
    assert result.stderr == f"error: {repo / 'blocker'}: output exists and is not a folder\n"
    assert tree(repo) == before


@pytest.mark.skipif(shutil.which("setpriv") is None, reason="needs setpriv to drop root's power over file modes")
def test_a_read_only_spec_folder_is_one_line_and_nothing_written(base: Path, tmp_path: Path) -> None:
    repo = copy(base, tmp_path)
    (repo / "specs").chmod(0o555)
    before = tree(repo)
    without_override = ["setpriv", "--bounding-set=-dac_override,-dac_read_search", "--inh-caps=-dac_override", "--"]
    result = subprocess.run([*without_override, str(CLIENTGEN), "update"], cwd=repo, capture_output=True, text=True)
    assert result.returncode == 2
    assert result.stderr == (
        f"error: {repo / 'specs' / 'shop.yaml'}: cannot write: Permission denied (target shop; nothing was written)\n"
    )
    assert tree(repo) == before
