"""Replay a spec's history through `clientgen update`, as a team's bot would have run it.

    .venv/bin/python bench/replay.py HISTORY [--config DIR] [--versioning POLICY] [--mypy] [--json FILE]
    .venv/bin/python bench/replay.py REPOSITORY --path api-reference/v2-openapi.json [...]

HISTORY is a folder of spec versions, replayed in the order of their names; or a git repository
and the spec's path in it, replayed commit by commit (first parent, oldest first). Every version
goes through `update --from` in a temporary git repository, for a bare target (the spec alone)
and, with --config, for the targets of that folder's pyproject.toml (a preset such as
examples/firecrawl, whose overlays and names come along). After each step the result is
committed, and checked: `update` succeeded, `check` is clean, a second `update` is a no-op, the
client imports; with --mypy, the last client passes mypy --strict. Per step: the time of the
update, the bump, the counts of the change, the warnings (overrides that no longer apply
apart), the failures; totals at the end. No network: the specs are read from disk.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

CLIENTGEN = Path(sys.executable).with_name("clientgen")
BARE = "bare"


@dataclass
class Step:
    """One version of the spec through `update`, for one target."""

    target: str
    version: str
    seconds: float = 0.0
    bump: str = ""
    """`0.1.0 -> 0.2.0 (major)`, `new 0.1.0`, or `unchanged`."""
    counts: dict[str, int] = field(default_factory=dict)
    warnings: int = 0
    stale: int = 0
    failures: list[str] = field(default_factory=list)


def spec_versions(history: Path, path: str | None, into: Path) -> list[Path]:
    """The versions to replay, as files in order (a repository's are written into `into`)."""
    if path is None:
        versions = sorted(p for p in history.iterdir() if p.is_file())
        if not versions:
            raise SystemExit(f"error: {history}: no spec versions in this folder")
        return versions
    log = git(history, "log", "--first-parent", "--reverse", "--format=%H %cs", "--", path)
    files = []
    for number, line in enumerate(log.splitlines()):
        commit, day = line.split()
        shown = subprocess.run(["git", "show", f"{commit}:{path}"], cwd=history, capture_output=True)
        if shown.returncode != 0:  # the commit removed the file
            continue
        file = into / f"{number:04d}.{day}.{commit[:8]}{Path(path).suffix}"
        file.write_bytes(shown.stdout)
        files.append(file)
    return files


def git(repo: Path, *args: str) -> str:
    command = ["git", "-c", "user.name=replay", "-c", "user.email=replay@clientgen.invalid", *args]
    return subprocess.run(command, cwd=repo, capture_output=True, text=True, check=True).stdout


def clientgen(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(CLIENTGEN), *args], cwd=folder, capture_output=True, text=True, timeout=1800)


def set_up(repo: Path, config: Path | None, versioning: str | None) -> dict[str, Path]:
    """Target name -> the folder its `update` runs in: the bare target's, and the preset's."""
    policy = f'versioning = "{versioning}"\n' if versioning else ""
    bare = repo / BARE
    bare.mkdir(parents=True)
    (bare / "pyproject.toml").write_text(
        f'[tool.generator]\n{policy}\n[[tool.generator.targets]]\nname = "{BARE}"\nspec = "specs/spec.json"\n'
        'output = "client"\n'
    )
    folders = {BARE: bare}
    if config is not None:
        preset = repo / "preset"
        shutil.copytree(config, preset, ignore=shutil.ignore_patterns("generated", "specs", "__pycache__"))
        if versioning:
            text = (preset / "pyproject.toml").read_text()
            (preset / "pyproject.toml").write_text(text.replace("[tool.generator]\n", f"[tool.generator]\n{policy}", 1))
        listed = json.loads(clientgen(preset, "targets", "--json").stdout)
        folders.update({target["name"]: preset for target in listed})
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "configuration")
    return folders


def replay_step(repo: Path, folder: Path, target: str, spec: Path, summary: Path) -> Step:
    step = Step(target, spec.name)
    started = time.perf_counter()
    updated = clientgen(
        folder,
        "update",
        "--target",
        target,
        "--from",
        str(spec),
        "--summary",
        str(summary),
        "--warnings-format",
        "json",
    )
    step.seconds = time.perf_counter() - started
    step.warnings = sum(len(json.loads(line)) for line in updated.stderr.splitlines() if line.startswith("["))
    if updated.returncode != 0:
        step.failures.append(f"update exited {updated.returncode}: {updated.stderr.strip().splitlines()[-1:]}")
        git(repo, "reset", "-q", "--hard")
        git(repo, "clean", "-qfd")
        return step
    (record,) = json.loads(summary.read_text())["targets"]
    step.stale = len(record["stale_overrides"])
    step.counts = record.get("counts", {})
    old, new = record["old"]["version"], record["new"]["version"]
    if not record["changed"]:
        step.bump = "unchanged"
    elif record["old"]["sha256"] is None:
        step.bump = f"new {new}"
    else:
        step.bump = f"{old} -> {new} ({record['semver']})"
    step.failures += checked(repo, folder, target, spec, Path(folder / record["output"]), record.get("package"))
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", f"{target}: {spec.name}", "--allow-empty")
    return step


def checked(repo: Path, folder: Path, target: str, spec: Path, output: Path, package: str | None) -> list[str]:
    """What does not hold after an update: `check`, a second `update`, the client's import."""
    failures = []
    check = clientgen(folder, "check", "-q", "--target", target)
    if check.returncode != 0:
        failures.append(f"check exited {check.returncode}: {check.stderr.strip()[:300]}")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "before the second update", "--allow-empty")
    again = clientgen(folder, "update", "--target", target, "--from", str(spec))
    if again.returncode != 0 or git(repo, "status", "--porcelain"):
        failures.append("a second update was not a no-op")
    if package is not None:
        imported = subprocess.run(
            [sys.executable, "-c", f"import {package}"], cwd=output, capture_output=True, text=True, timeout=300
        )
        if imported.returncode != 0:
            failures.append(f"the client does not import: {imported.stderr.strip().splitlines()[-1:]}")
    return failures


def type_checked(folder: Path, output: str, package: str) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", package], cwd=folder / output, capture_output=True, text=True
    )
    return [] if result.returncode == 0 else [f"mypy --strict: {result.stdout.strip().splitlines()[-1:]}"]


def report(steps: list[Step]) -> dict[str, Any]:
    """Per target: steps, failures, majors, the last version, the median update."""
    totals: dict[str, Any] = {}
    for target in dict.fromkeys(step.target for step in steps):
        mine = [step for step in steps if step.target == target]
        bumps = [step.bump for step in mine if "->" in step.bump]
        totals[target] = {
            "steps": len(mine),
            "failed": sum(bool(step.failures) for step in mine),
            "bumps": {kind: sum(bump.endswith(f"({kind})") for bump in bumps) for kind in ("major", "minor", "patch")},
            "last_version": next((last_version(step.bump) for step in reversed(mine) if last_version(step.bump)), None),
            "median_update_seconds": round(statistics.median(step.seconds for step in mine), 2),
            "stale_overrides": sum(step.stale for step in mine),
        }
    return totals


def last_version(bump: str) -> str | None:
    """The version a step left: `0.1.0 -> 0.2.0 (major)` -> 0.2.0, `new 0.1.0` -> 0.1.0."""
    words = bump.split()
    if "->" in words:
        return words[words.index("->") + 1]
    return words[1] if words[:1] == ["new"] else None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("history", type=Path, help="a folder of spec versions, or a git repository (with --path)")
    parser.add_argument("--path", help="the spec's path in the repository HISTORY")
    parser.add_argument("--config", type=Path, help="a folder with a pyproject.toml whose targets are replayed too")
    parser.add_argument(
        "--versioning", choices=("zero", "semver", "python"), help="the version policy (default: the configuration's)"
    )
    parser.add_argument(
        "--mypy", action="store_true", help="type-check the last client of each target with mypy --strict"
    )
    parser.add_argument("--json", type=Path, help="write every step and the totals here")
    args = parser.parse_args()
    history, config = args.history.resolve(), args.config.resolve() if args.config else None
    with tempfile.TemporaryDirectory(prefix="clientgen-replay-") as temporary:
        work = Path(temporary)
        (work / "versions").mkdir()
        versions = spec_versions(history, args.path, work / "versions")
        repo = work / "repo"
        folders = set_up(repo, config, args.versioning)
        steps = []
        for spec in versions:
            for target, folder in folders.items():
                step = replay_step(repo, folder, target, spec, work / "summary.json")
                steps.append(step)
                print(line(step), flush=True)
        if args.mypy:
            for target, folder in folders.items():
                listed = {t["name"]: t for t in json.loads(clientgen(folder, "targets", "--json").stdout)}
                if listed[target]["package"] is not None:
                    last = next(step for step in reversed(steps) if step.target == target)
                    last.failures += type_checked(folder, listed[target]["output"], listed[target]["package"])
    totals = report(steps)
    for target, figures in totals.items():
        print(f"{target}: {json.dumps(figures)}")
    if args.json is not None:
        args.json.write_text(json.dumps({"steps": [asdict(step) for step in steps], "totals": totals}, indent=2) + "\n")
    return 1 if any(step.failures for step in steps) else 0


def line(step: Step) -> str:
    counts = ", ".join(f"{key.removeprefix('changes_')} {value}" for key, value in step.counts.items() if value)
    failures = f"; FAILED: {' | '.join(step.failures)}" if step.failures else ""
    return (
        f"{step.target:<12} {step.version:<44} {step.seconds:6.2f} s  {step.bump or '-':<28} "
        f"warnings {step.warnings} (stale {step.stale})  {counts}{failures}"
    )


if __name__ == "__main__":
    sys.exit(main())
