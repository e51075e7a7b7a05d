"""Version policies (`versioning`): each rule over diff results, then end to end over three
versions of Firecrawl's spec (../shared/specs/firecrawl/history) through `update`."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from generator.config import load_targets
from generator.diff import Change, Release, Report, SpecVersion, pull_request_body
from generator.errors import GeneratorError
from generator.release import History, Versioning, bumped

from .conftest import FIRECRAWL_SPECS
from .test_update import git, run

OLD = SpecVersion("old.json", "Shop API", "1", "a" * 64, "c" * 64)
NEW = SpecVersion("new.json", "Shop API", "2", "b" * 64, "d" * 64)
METHOD_REMOVED = Change(
    "python", "shop.ItemsResource.delete", "method-removed", "`client.items.delete()` removed", True
)
FIELD_MAY_BE_NONE = Change(
    "python", "shop.types.Item.price", "field-optional", "`types.Item.price` may now be None", True, typing=True
)
RESPONSE_FIELD_REMOVED = Change("http", "GET /items", "field-removed", "`response 200.price` removed", True)
PATH_MOVED = Change("http", "GET /goods", "operation-moved", "`listItems` moved", True, absorbed=True)
FIELD_ADDED = Change("python", "shop.types.Item.size", "field-added", "`types.Item.size` added", False)


def report(*changes: Change) -> Report:
    return Report(OLD, NEW, changes=list(changes))


@pytest.mark.parametrize(
    ("version", "weight", "policy", "expected"),
    [
        ("1.4.2", "major", "semver", "2.0.0"),
        ("0.3.1", "major", "semver", "1.0.0"),
        ("0.3.1", "major", "zero", "0.4.0"),  # while the major is 0, a breaking change bumps the minor
        ("1.4.2", "major", "zero", "2.0.0"),  # from 1.0.0 on, zero is semver
        ("0.3.1", "minor", "zero", "0.4.0"),
        ("0.3.1", "patch", "zero", "0.3.2"),
        ("0.3.1", "none", "zero", "0.3.1"),
        ("0.3.1", "major", "python", "1.0.0"),
        ("1.4.2", "minor", "python", "1.5.0"),
    ],
)
def test_each_policy_bumps_a_weight_as_it_says(version: str, weight: str, policy: str, expected: str) -> None:
    assert bumped(version, weight, policy) == expected  # type: ignore[arg-type]


def test_semver_and_zero_weigh_every_break_of_the_client_as_major() -> None:
    for policy in ("semver", "zero"):
        for change in (METHOD_REMOVED, FIELD_MAY_BE_NONE, RESPONSE_FIELD_REMOVED):
            weighed = Report(OLD, NEW, changes=[change, FIELD_ADDED], policy=policy)  # type: ignore[arg-type]
            assert weighed.semver == "major" and weighed.breaking == [change]
        assert Report(OLD, NEW, changes=[PATH_MOVED], policy=policy).semver == "minor"  # type: ignore[arg-type]


def test_python_weighs_only_what_breaks_a_program_using_the_package_as_major() -> None:
    wire_and_typing = Report(OLD, NEW, changes=[RESPONSE_FIELD_REMOVED, FIELD_MAY_BE_NONE, PATH_MOVED], policy="python")
    assert wire_and_typing.semver == "minor" and wire_and_typing.breaking == []
    assert wire_and_typing.section("wire") == [RESPONSE_FIELD_REMOVED, PATH_MOVED]
    assert wire_and_typing.section("typing") == [FIELD_MAY_BE_NONE]
    with_a_removal = Report(OLD, NEW, changes=[METHOD_REMOVED, FIELD_MAY_BE_NONE], policy="python")
    assert with_a_removal.semver == "major" and with_a_removal.breaking == [METHOD_REMOVED]


def test_history_bumps_by_its_policy_and_a_second_run_changes_nothing() -> None:
    changes = report(METHOD_REMOVED)
    first, release = History(version="0.3.1", spec_sha256=OLD.built_from_sha256, versioning=Versioning("zero")).release(
        "shop", changes
    )
    assert release is not None and (release.previous_version, release.version) == ("0.3.1", "0.4.0")
    assert release.report.policy == "zero" and first.version == "0.4.0"
    again, repeated = first.release("shop", changes)
    assert again == first and repeated is not None and repeated.version == "0.4.0"


@pytest.mark.parametrize(
    ("policy", "previous", "version", "why"),
    [
        ("zero", "0.3.1", "0.4.0", "a major change; the major version is 0, so the minor is bumped, so 0.3.1 → 0.4.0."),
        ("semver", "0.3.1", "1.0.0", "a major change, so 0.3.1 → 1.0.0."),
        ("python", "1.4.2", "1.5.0", "a minor change, so 1.4.2 → 1.5.0."),
    ],
)
def test_the_pull_request_states_the_policy_and_why(policy: str, previous: str, version: str, why: str) -> None:
    changes = [METHOD_REMOVED] if policy != "python" else [RESPONSE_FIELD_REMOVED, FIELD_MAY_BE_NONE]
    weighed = Report(OLD, NEW, changes=changes, policy=policy)  # type: ignore[arg-type]
    body = pull_request_body([Release("shop", previous, version, weighed)])
    (line,) = [line for line in body.splitlines() if line.startswith("Versioning `")]
    assert line.startswith(f"Versioning `{policy}` (") and line.endswith(why), line
    if policy == "python":
        assert "### Typing" in body and "### Breaking on the wire" in body and "### Breaking for Python" not in body


def test_versioning_and_initial_version_are_checked(tmp_path: Path) -> None:
    config = tmp_path / "pyproject.toml"
    target = '[[tool.generator.targets]]\nname = "a"\nspec = "s"\noutput = "o"\n'
    config.write_text('[tool.generator]\nversioning = "python"\ninitial-version = "1.0.0"\n' + target)
    (loaded,) = load_targets(config)
    assert loaded.inputs.versioning == Versioning("python", "1.0.0")
    config.write_text(target)
    assert load_targets(config)[0].inputs.versioning == Versioning("zero", "0.1.0")  # the default
    for key, value, message in [
        ("versioning", "calver", "versioning must be 'semver' or 'zero' or 'python', not 'calver'"),
        ("initial-version", "1.0", "initial-version must be a version MAJOR.MINOR.PATCH, such as 0.1.0, not '1.0'"),
    ]:
        config.write_text(f'[tool.generator]\n{key} = "{value}"\n' + target)
        with pytest.raises(GeneratorError, match=message):
            load_targets(config)


HISTORY = sorted((FIRECRAWL_SPECS / "history").glob("v2-openapi.*.json"))
CONFIG = """\
[tool.generator]
versioning = "{policy}"
initial-version = "{initial}"

[[tool.generator.targets]]
name = "firecrawl"
spec = "specs/firecrawl.json"
output = "clients/firecrawl"
package-name = "firecrawl"
"""


@pytest.mark.slow
@pytest.mark.parametrize(
    ("policy", "initial", "versions"),
    [
        ("zero", "0.1.0", ["0.1.0", "0.2.0", "0.3.0"]),
        ("semver", "0.1.0", ["0.1.0", "1.0.0", "2.0.0"]),
        ("python", "1.0.0", ["1.0.0", "2.0.0", "3.0.0"]),
    ],
)
def test_three_spec_versions_through_update(tmp_path: Path, policy: str, initial: str, versions: list[str]) -> None:
    """March -> May removes fields of an answer, May -> June moves the browser methods to another
    resource: both break a program that uses the package, under every policy."""
    assert len(HISTORY) == 3
    repo = tmp_path / "repo"
    (repo / "specs").mkdir(parents=True)
    shutil.copy(HISTORY[0], repo / "specs" / "firecrawl.json")
    (repo / "pyproject.toml").write_text(CONFIG.format(policy=policy, initial=initial))
    assert run(repo, "generate", "-q").returncode == 0
    git(repo, "init", "-q", "-b", "main")
    commit(repo)
    manifest = repo / "clients" / "firecrawl" / ".clientgen.json"
    seen = [json.loads(manifest.read_text())["version"]]
    for spec in HISTORY[1:]:
        body = tmp_path / "pr.md"
        updated = run(repo, "update", "--from", str(spec), "--pr-body", str(body))
        assert updated.returncode == 0, updated.stderr
        seen.append(json.loads(manifest.read_text())["version"])
        assert f"Versioning `{policy}` (" in body.read_text()
        assert f"so {seen[-2]} → {seen[-1]}." in body.read_text()
        commit(repo)
        again = run(repo, "update", "--from", str(spec))  # idempotent: nothing more to bump
        assert again.returncode == 0 and git(repo, "status", "--porcelain") == ""
    assert seen == versions
    changelog = (repo / "clients" / "firecrawl" / "CHANGELOG.md").read_text()
    assert [line for line in changelog.splitlines() if line.startswith("## ")] == [f"## {v}" for v in versions[:0:-1]]


def commit(repo: Path) -> None:
    git(repo, "add", "-A")
    git(repo, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "update")
