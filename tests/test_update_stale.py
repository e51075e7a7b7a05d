"""`update` when the upstream fixes what an override works around: the Firecrawl preset
(examples/firecrawl, strict) on the current spec, then the same spec with `/crawl/active`'s
`crawls.items.required` removed, which the preset's overlay removes itself. The update goes
through, naming the action that no longer applies; `stale-overlays = "error"` stops it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from .conftest import FULL_SPEC, ROOT
from .test_update import git, run, snapshot

pytestmark = pytest.mark.slow

ACTION = "overlays/fixes.yaml:34#/actions/7"
"""The action that removes `crawls.items.required` from /crawl/active's answer."""


@pytest.fixture
def preset(tmp_path: Path) -> Path:
    """A copy of the Firecrawl preset with its client generated from the current spec, committed."""
    repo = tmp_path / "firecrawl"
    shutil.copytree(ROOT / "examples" / "firecrawl", repo)
    (repo / "specs").mkdir()
    shutil.copy(FULL_SPEC, repo / "specs" / "firecrawl-v2.json")
    generated = run(repo, "generate", "-q")
    assert generated.returncode == 0, generated.stderr
    commit(repo)
    return repo


def commit(repo: Path) -> None:
    if not (repo / ".git").exists():
        git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "update")


def fixed_upstream(folder: Path) -> Path:
    """The current spec as the upstream fixes it: /crawl/active's crawls need no `status`."""
    spec: dict[str, Any] = json.loads(FULL_SPEC.read_text())
    answer = spec["paths"]["/crawl/active"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    del answer["properties"]["crawls"]["items"]["required"]
    fixed = folder / "fixed.json"
    fixed.write_text(json.dumps(spec, indent=2))
    return fixed


def test_an_upstream_fix_never_stops_update_and_the_action_is_named(preset: Path, tmp_path: Path) -> None:
    body, summary_file = tmp_path / "pr.md", tmp_path / "summary.json"
    fixed = fixed_upstream(tmp_path)
    result = run(preset, "update", "--from", str(fixed), "--pr-body", str(body), "--summary", str(summary_file))
    assert result.returncode == 0, result.stderr
    assert f"warning: {preset / ACTION}: no longer applies: target " in result.stderr
    assert (preset / "specs" / "firecrawl-v2.json").read_bytes() == fixed.read_bytes()

    text = body.read_text()
    stale = text[text.index("## Overrides that no longer apply") :]
    assert f"- firecrawl: `{ACTION}`: target " in stale
    assert "selects nothing: the upstream may have fixed this; remove the action?" in stale
    (target,) = json.loads(summary_file.read_text())["targets"]
    (entry,) = target["stale_overrides"]
    assert entry["where"] == ACTION and "selects nothing" in entry["message"]

    commit(preset)
    assert run(preset, "check", "-q").returncode == 0
    again = run(preset, "update", "--from", str(fixed), "--summary", str(summary_file))
    assert again.returncode == 0 and "unchanged" in again.stdout
    assert git(preset, "status", "--porcelain") == ""


def test_a_names_entry_whose_operation_is_gone_is_named_too(preset: Path, tmp_path: Path) -> None:
    spec: dict[str, Any] = json.loads(FULL_SPEC.read_text())
    del spec["paths"]["/team/queue-status"]
    newer = tmp_path / "newer.json"
    newer.write_text(json.dumps(spec))
    result = run(preset, "update", "--from", str(newer), "--summary", str(tmp_path / "summary.json"))
    assert result.returncode == 0, result.stderr
    (target,) = json.loads((tmp_path / "summary.json").read_text())["targets"]
    messages = [entry["message"] for entry in target["stale_overrides"]]
    assert (
        "the name override 'getQueueStatus' = 'client.get_queue_status' matches no operationId, operation or "
        "property: the upstream may have removed or renamed it; remove the entry?" in messages
    )


def test_stale_overlays_error_stops_update_and_writes_nothing(preset: Path, tmp_path: Path) -> None:
    config = preset / "pyproject.toml"
    config.write_text(config.read_text().replace("strict = true\n", 'strict = true\nstale-overlays = "error"\n'))
    commit(preset)
    before = snapshot(preset)
    body, summary_file = tmp_path / "pr.md", tmp_path / "summary.json"
    result = run(
        preset,
        "update",
        "--from",
        str(fixed_upstream(tmp_path)),
        "--pr-body",
        str(body),
        "--summary",
        str(summary_file),
    )
    assert result.returncode == 2
    assert result.stderr.startswith(f"error: {preset / ACTION}: no longer applies: target ")
    assert result.stderr.endswith('(stale-overlays = "error") (target firecrawl; nothing was written)\n')
    assert snapshot(preset) == before
    assert not body.exists() and not summary_file.exists()
