"""`update`, the spec-update loop, end to end: a real git repository with a two-target
configuration (Firecrawl's spec of May 2026 with overlays and renames, and a small spec), the
clients committed, and the new spec served by a real HTTP server on 127.0.0.1. The command runs
as users run it: the installed console script, in the repository's folder."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from .conftest import FIRECRAWL_SPECS, ROOT, forge
from .golden import FEATURES
from .http_server import TestServer
from .raw_http import RawServer, chunked, response

pytestmark = pytest.mark.slow

MAY, JUNE = (
    FIRECRAWL_SPECS / "history" / f"v2-openapi.{name}.json" for name in ("2026-05-28.3a044e57", "2026-06-17.6fc66878")
)
CLIENTGEN = Path(sys.executable).with_name("clientgen")
CONFIG = """\
[tool.generator]
strict = false
versioning = "semver"

[[tool.generator.targets]]
name = "firecrawl"
spec = "specs/firecrawl.json"
output = "clients/firecrawl"
source = "{url}/v2-openapi.json"
package-name = "firecrawl"
overlays = ["overlays/jobs.yaml"]

[tool.generator.targets.names]
createBrowserSession = "open_session"
listBrowserSessions = "list_sessions"
"#/components/schemas/ScrapeResponse" = "ScrapeResult"

[[tool.generator.targets]]
name = "events"
spec = "specs/events.yaml"
output = "clients/events"
source = "upstream/events.yaml"
"""


def run(repo: Path, *args: str, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(CLIENTGEN), *args], cwd=repo, capture_output=True, text=True, timeout=timeout)


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=True).stdout


def snapshot(repo: Path) -> dict[str, bytes]:
    return {str(p.relative_to(repo)): p.read_bytes() for p in repo.rglob("*") if p.is_file() and ".git" not in p.parts}


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A client repository as a team keeps it: configuration, specs, overlays, committed clients."""
    repo = tmp_path / "repo"
    (repo / "specs").mkdir(parents=True)
    (repo / "overlays").mkdir()
    (repo / "upstream").mkdir()
    shutil.copy(MAY, repo / "specs" / "firecrawl.json")
    shutil.copy(ROOT / "tests" / "overlays" / "firecrawl-jobs.yaml", repo / "overlays" / "jobs.yaml")
    shutil.copy(FEATURES / "openapi31" / "spec.yaml", repo / "specs" / "events.yaml")
    shutil.copy(FEATURES / "openapi31" / "spec.yaml", repo / "upstream" / "events.yaml")
    (repo / "pyproject.toml").write_text(CONFIG.format(url="http://127.0.0.1:1"))
    generated = run(repo, "generate", "-q")
    assert generated.returncode == 0, generated.stderr
    (repo / "clients" / "firecrawl" / "NOTES.md").write_text("Our notes: kept by the generator.\n")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "-c", "user.name=t", "-c", "user.email=t@example.com", "add", "-A")
    git(repo, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "clients")
    return repo


def serve(repo: Path, server: TestServer | RawServer) -> None:
    """Point the firecrawl target's source at the test server (committed, as a team would)."""
    (repo / "pyproject.toml").write_text(CONFIG.format(url=server.url))
    git(repo, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qam", "source")


def test_update_regenerates_bumps_and_describes_the_change(repo: Path, tmp_path: Path) -> None:
    body, summary_file = tmp_path / "pr.md", tmp_path / "summary.json"
    with TestServer() as server:
        serve(repo, server)
        server.reply(200, body=JUNE.read_bytes(), headers={"Content-Type": "application/json"})
        result = run(repo, "update", "--pr-body", str(body), "--summary", str(summary_file))
        assert result.returncode == 0, result.stderr
        assert server.requests[0].path == "/v2-openapi.json"
        assert server.requests[0].headers["user-agent"].startswith("clientgen/")
    lines = result.stdout.splitlines()
    assert (
        lines[0].startswith("firecrawl: new spec from http://127.0.0.1:")
        and "firecrawl 0.1.0 -> 1.0.0 (major)" in lines[0]
    )
    assert lines[1].startswith("events: the spec at upstream/events.yaml is unchanged")

    # the spec replaced, the client regenerated through the overlays and names, and nothing else touched
    assert (repo / "specs" / "firecrawl.json").read_bytes() == JUNE.read_bytes()
    changed = {line[3:] for line in git(repo, "status", "--porcelain", "--untracked-files=all").splitlines()}
    assert "specs/firecrawl.json" in changed and "clients/firecrawl/CHANGELOG.md" in changed
    assert all(path.startswith(("specs/firecrawl.json", "clients/firecrawl/")) for path in changed), changed
    assert (repo / "clients" / "firecrawl" / "NOTES.md").read_text() == "Our notes: kept by the generator.\n"
    interact = (repo / "clients" / "firecrawl" / "firecrawl" / "resources" / "interact.py").read_text()
    assert "def open_session(" in interact and "def list_sessions(" in interact
    assert (
        "def wait_for_crawl("
        in (repo / "clients" / "firecrawl" / "firecrawl" / "resources" / "crawling.py").read_text()
    )
    checked = run(repo, "check")
    assert checked.returncode == 0, checked.stderr

    # the version: major, once, with one CHANGELOG section
    manifest = json.loads((repo / "clients" / "firecrawl" / ".clientgen.json").read_text())
    assert manifest["version"] == "1.0.0"
    assert 'version = "1.0.0"' in (repo / "clients" / "firecrawl" / "pyproject.toml").read_text()
    changelog = (repo / "clients" / "firecrawl" / "CHANGELOG.md").read_text()
    assert changelog.count("\n## ") == 1 and changelog.startswith("# Changelog\n\n## 1.0.0\n")

    # a pull request a reviewer can read: the methods under the names the client has
    text = body.read_text()
    assert text.startswith("## firecrawl 0.1.0 → 1.0.0 · Firecrawl API v2, spec `")
    for heading in ("### Breaking for Python users", "### Breaking on the wire", "### Added"):
        assert heading in text
    breaking = text[text.index("### Breaking for Python users") : text.index("### Breaking on the wire")]
    assert "`client.browser.open_session()` is now `client.interact.open_session()`" in breaking
    assert "`client.browser.list_sessions()` is now `client.interact.list_sessions()`" in breaking
    assert "create_browser_session" not in text and "list_browser_sessions" not in text
    assert str(tmp_path) not in text and "/tmp" not in text  # no file paths, temporary or not
    assert "<details><summary>" in text  # the long list of additions folded

    summary = json.loads(summary_file.read_text())
    assert summary["changed"] is True and summary["title"] == "Update firecrawl to 1.0.0 (Firecrawl API v2)"
    firecrawl, events = summary["targets"]
    assert (firecrawl["name"], firecrawl["changed"], firecrawl["semver"]) == ("firecrawl", True, "major")
    assert firecrawl["versioning"] == "semver" and firecrawl["stale_overrides"] == []
    assert (firecrawl["old"]["version"], firecrawl["new"]["version"]) == ("0.1.0", "1.0.0")
    assert firecrawl["new"]["sha256"] == "243ed509c47b18af702d94f3b24fd8dbf670d53c9f98970f87325ad3baf6b8d6"
    assert firecrawl["old"]["sha256"] != firecrawl["new"]["sha256"]
    # the title line names the spec files by the digests a reviewer can check (the overlays aside)
    assert text.startswith(
        f"## firecrawl 0.1.0 → 1.0.0 · Firecrawl API v2, spec `{firecrawl['old']['sha256'][:8]}` → `243ed509`"
    )
    assert firecrawl["counts"]["operations_added"] == 4 and firecrawl["counts"]["changes_wire"] == 4
    assert firecrawl["test_base_url_variable"] == "FIRECRAWL_TEST_BASE_URL"
    assert firecrawl["files"]["kept"] == 1
    assert (events["changed"], events["semver"], events["old"]["sha256"]) == (False, "none", events["new"]["sha256"])

    # again, with the same spec: nothing to do, not a byte changed
    git(repo, "-c", "user.name=t", "-c", "user.email=t@example.com", "add", "-A")
    git(repo, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "update")
    with TestServer() as server:
        serve(repo, server)
        server.reply(200, body=JUNE.read_bytes())
        again = run(repo, "update", "--summary", str(summary_file))
    assert again.returncode == 0, again.stderr
    assert "unchanged" in again.stdout.splitlines()[0]
    assert git(repo, "status", "--porcelain") == ""
    assert json.loads(summary_file.read_text())["changed"] is False


def newer_events_spec(repo: Path, folder: Path) -> Path:
    """The events target's spec with one more operation, in `folder`."""
    newer = folder / "events.yaml"
    text = (repo / "specs" / "events.yaml").read_text()
    assert "\n  /events:\n" in text
    newer.write_text(text.replace("\n  /events:\n", "\n  /events/count:\n    get:\n      operationId: countEvents\n"
                                  "      tags: [events]\n      responses:\n        '204': {description: counted}\n"
                                  "  /events:\n"))  # fmt: skip
    return newer


def test_update_of_one_target_from_a_file(repo: Path, tmp_path: Path) -> None:
    """`--from` a local path, one target picked: the events spec gains an operation (minor)."""
    newer = newer_events_spec(repo, tmp_path)
    result = run(repo, "update", "--target", "events", "--from", str(newer), "--pr-body", str(tmp_path / "pr.md"))
    assert result.returncode == 0, result.stderr
    assert "events 0.1.0 -> 0.2.0 (minor)" in result.stdout
    assert "`client.events.count_events()` added" in (tmp_path / "pr.md").read_text()
    assert (repo / "specs" / "events.yaml").read_text() == newer.read_text()
    both = run(repo, "update", "--from", str(newer))
    assert (
        both.returncode == 2
        and both.stderr == f"error: {repo / 'pyproject.toml'}: --from applies to one target: pick it with --target\n"
    )


def test_update_rewrites_a_forged_file_the_change_does_not_touch(repo: Path, tmp_path: Path) -> None:
    """A generated file edited together with its hash in the manifest (as a pull request can)
    is not kept on the manifest's word: the regenerated client has the generator's text."""
    client = repo / "clients" / "events"
    runtime = client / "events" / "_exceptions.py"  # the same before and after the spec change
    generated = runtime.read_bytes()
    forge(client, "events/_exceptions.py", "print('planted')\n")
    newer = newer_events_spec(repo, tmp_path)
    result = run(repo, "update", "--target", "events", "--from", str(newer))
    assert result.returncode == 0 and "events 0.1.0 -> 0.2.0 (minor)" in result.stdout, result.stderr
    assert runtime.read_bytes() == generated
    assert run(repo, "check").returncode == 0


def test_a_failed_update_leaves_everything_as_it_was(repo: Path, tmp_path: Path) -> None:
    before = snapshot(repo)
    summary = tmp_path / "summary.json"
    broken = json.loads(JUNE.read_text())
    broken["paths"]["/scrape"]["post"]["responses"] = "none"
    cases = [
        ("a server error", [(500, b"down")] * 3, "HTTP 500 Internal Server Error (after 3 attempts)"),
        ("a spec that is not a spec", [(200, json.dumps(broken).encode())], "#/paths/~1scrape/post/responses"),
        ("not JSON or YAML", [(200, b"{ nope")], "v2-openapi.json:1"),
        ("a client error", [(404, b"")], "HTTP 404 Not Found"),
    ]
    with TestServer() as server:
        serve(repo, server)
        before = snapshot(repo)
        for name, replies, message in cases:
            for status, data in replies:
                server.reply(status, body=data)
            result = run(repo, "update", "--summary", str(summary))
            assert result.returncode == 2, (name, result.stdout, result.stderr)
            assert result.stderr.startswith(f"error: {server.url}/v2-openapi.json"), (name, result.stderr)
            assert message in result.stderr and result.stderr.endswith("(target firecrawl; nothing was written)\n"), (
                name
            )
            assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr, name
            assert snapshot(repo) == before and not summary.exists(), name
        # a server that answers too slowly
        server.reply(200, body=JUNE.read_bytes(), delay=5)
        slow = run(repo, "update", "--timeout", "1", "--retries", "0")
        assert slow.returncode == 2 and "timed out after 1." in slow.stderr, slow.stderr
        assert "s (the limit is 1 s) (target firecrawl; nothing was written)" in slow.stderr
        assert snapshot(repo) == before
        # one passing failure is retried
        server.reply(503, body=b"busy", headers={"Retry-After": "0"})
        server.reply(200, body=JUNE.read_bytes())
        recovered = run(repo, "update")
        assert recovered.returncode == 0, recovered.stderr
        assert (repo / "specs" / "firecrawl.json").read_bytes() == JUNE.read_bytes()


def test_a_download_cut_short_writes_nothing_and_a_retry_gets_it_whole(repo: Path) -> None:
    """The server announces the whole spec and sends part of it, or cuts a chunked body short,
    where an operation begins: what came is a valid spec with 10 operations fewer. Each attempt is
    retried; when every one is cut, nothing is written."""
    events = yaml.safe_load((repo / "specs" / "events.yaml").read_text())
    paths = events.pop("paths")
    for n in range(20):
        paths[f"/events/{n}/archive"] = {
            "post": {"tags": ["events"], "operationId": f"archive{n}", "responses": {"204": {"description": "done"}}}
        }
    whole = yaml.safe_dump({**events, "paths": paths}, sort_keys=False).encode()
    part = whole.index(b"\n  /events/10/archive:") + 1
    with RawServer() as server:
        url = f"{server.url}/events.yaml"
        before = snapshot(repo)
        for cut in (response(whole[:part], length=len(whole)), chunked(whole, cut=part)):
            server.send(cut)
            server.send(cut)
            result = run(repo, "update", "--target", "events", "--from", url, "--retries", "1")
            assert result.returncode == 2, result.stderr
            assert result.stderr.startswith(f"error: {url}: the connection closed ")
            assert result.stderr.endswith(" (after 2 attempts) (target events; nothing was written)\n")
            assert result.stderr.count("\n") == 1, result.stderr
            assert snapshot(repo) == before
        server.send(response(whole[:part], length=len(whole)))
        server.send(chunked(whole, cut=part))
        server.send(response(whole))
        recovered = run(repo, "update", "--target", "events", "--from", url)
    assert recovered.returncode == 0, recovered.stderr
    assert (repo / "specs" / "events.yaml").read_bytes() == whole
    assert "events 0.1.0 -> 0.2.0 (minor)" in recovered.stdout


def test_where_specs_may_come_from(repo: Path) -> None:
    """HTTPS, or plain HTTP from this machine only; a target without a source says what to do."""
    config = (repo / "pyproject.toml").read_text()
    (repo / "pyproject.toml").write_text(
        config.replace('"http://127.0.0.1:1/v2-openapi.json"', '"http://example.com/spec.json"')
    )
    refused = run(repo, "update")
    assert refused.returncode == 2
    assert "source must be an https:// URL (plain http:// only from 127.0.0.1 or localhost) or a path" in refused.stderr
    (repo / "pyproject.toml").write_text(config.replace('source = "http://127.0.0.1:1/v2-openapi.json"\n', ""))
    missing = run(repo, "update", "--target", "firecrawl")
    assert missing.returncode == 2
    assert (
        "target 'firecrawl' has no `source` to update from: set one in the configuration, or pass --from"
        in missing.stderr
    )
    unreachable = run(
        repo, "update", "--target", "firecrawl", "--from", "http://127.0.0.1:1/spec.json", "--retries", "0"
    )
    assert unreachable.returncode == 2 and "cannot connect" in unreachable.stderr


def test_a_new_target_gets_its_spec_and_its_first_client(repo: Path, tmp_path: Path) -> None:
    shutil.copy(FEATURES / "petstore" / "spec.yaml", repo / "upstream" / "pets.yaml")
    with (repo / "pyproject.toml").open("a") as config:
        config.write('\n[[tool.generator.targets]]\nname = "pets"\nspec = "specs/pets.yaml"\n'
                     'output = "clients/pets"\nsource = "upstream/pets.yaml"\n')  # fmt: skip
    summary, body = tmp_path / "summary.json", tmp_path / "pr.md"
    result = run(repo, "update", "--target", "pets", "--summary", str(summary), "--pr-body", str(body))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("pets: new spec from upstream/pets.yaml (") and "petstore 0.1.0;" in result.stdout
    assert (repo / "specs" / "pets.yaml").read_bytes() == (repo / "upstream" / "pets.yaml").read_bytes()
    assert not (repo / "clients" / "pets" / "CHANGELOG.md").exists()  # nothing to compare with yet
    assert body.read_text().startswith("## petstore 0.1.0 · Petstore API 1.0.0, spec `")
    assert json.loads(summary.read_text())["title"] == "Add petstore 0.1.0 (Petstore API 1.0.0)"
    (record,) = json.loads(summary.read_text())["targets"]
    assert (record["changed"], record["old"], record["new"]["version"]) == (
        True,
        {"sha256": None, "version": "0.1.0"},
        "0.1.0",
    )
    checked = run(repo, "check", "--target", "pets")
    assert checked.returncode == 0, checked.stderr
