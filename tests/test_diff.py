"""`diff OLD NEW`: each kind of change on small spec pairs, and the real history of Firecrawl's spec."""

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from generator.cli import main
from generator.diff import Report, diff_specs, markdown
from generator.pipeline import bumped
from generator.render import templates_sha256

from .conftest import FIRECRAWL_SPECS, FULL_SPEC

HISTORY = sorted((FIRECRAWL_SPECS / "history").glob("v2-openapi.*.json")) + [FULL_SPEC]


def base_spec() -> dict[str, Any]:
    return {
        "openapi": "3.0.3",
        "info": {"title": "Shop API", "version": "1"},
        "servers": [{"url": "https://api.example.com/v1"}],
        "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
            "schemas": {
                "Item": {
                    "type": "object",
                    "required": ["id"],
                    "properties": {
                        "id": {"type": "string"},
                        "name": {"type": "string"},
                        "status": {"type": "string", "enum": ["new", "sold"]},
                    },
                }
            },
        },
        "paths": {
            "/items": {
                "get": {
                    "operationId": "listItems",
                    "tags": ["items"],
                    "parameters": [
                        {"name": "limit", "in": "query", "schema": {"type": "integer"}},
                        {"name": "order", "in": "query", "schema": {"type": "string", "enum": ["asc", "desc"]}},
                    ],
                    "responses": {
                        "200": {
                            "description": "OK",
                            "content": {
                                "application/json": {
                                    "schema": {"type": "array", "items": {"$ref": "#/components/schemas/Item"}}
                                }
                            },
                        }
                    },
                },
                "post": {
                    "operationId": "createItem",
                    "tags": ["items"],
                    "requestBody": {
                        "required": True,
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "object",
                                    "required": ["name"],
                                    "properties": {"name": {"type": "string"}, "note": {"type": "string"}},
                                }
                            }
                        },
                    },
                    "responses": {
                        "201": {
                            "description": "Created",
                            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Item"}}},
                        },
                        "404": {"description": "Not found"},
                    },
                },
            }
        },
    }


def item(spec: dict[str, Any]) -> dict[str, Any]:
    return spec["components"]["schemas"]["Item"]  # type: ignore[no-any-return]


def create_body(spec: dict[str, Any]) -> dict[str, Any]:
    return spec["paths"]["/items"]["post"]["requestBody"]["content"]["application/json"]["schema"]  # type: ignore[no-any-return]


def list_parameters(spec: dict[str, Any]) -> list[dict[str, Any]]:
    return spec["paths"]["/items"]["get"]["parameters"]  # type: ignore[no-any-return]


def compare(tmp_path: Path, change: Callable[[dict[str, Any]], None]) -> Report:
    old, new = base_spec(), base_spec()
    change(new)
    (tmp_path / "old.json").write_text(json.dumps(old))
    (tmp_path / "new.json").write_text(json.dumps(new))
    return diff_specs(tmp_path / "old.json", tmp_path / "new.json")


def found(report: Report) -> set[tuple[str, str, bool]]:
    return {(change.surface, change.kind, change.breaking and not change.absorbed) for change in report.changes}


def add_operation(spec: dict[str, Any]) -> None:
    spec["paths"]["/items/{id}"] = {
        "delete": {
            "operationId": "deleteItem",
            "tags": ["items"],
            "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}],
            "responses": {"204": {"description": "Deleted"}},
        }
    }


def move_operation(spec: dict[str, Any]) -> None:
    spec["paths"]["/articles"] = spec["paths"].pop("/items")


def set_in(path: list[str | int], value: Any) -> Callable[[dict[str, Any]], None]:
    def change(spec: dict[str, Any]) -> None:
        node: Any = spec
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value

    return change


def remove_in(path: list[str | int]) -> Callable[[dict[str, Any]], None]:
    def change(spec: dict[str, Any]) -> None:
        node: Any = spec
        for key in path[:-1]:
            node = node[key]
        del node[path[-1]]

    return change


GET = ["paths", "/items", "get"]
POST = ["paths", "/items", "post"]
BODY = [*POST, "requestBody", "content", "application/json", "schema"]
ITEM = ["components", "schemas", "Item"]

CASES: list[tuple[str, Callable[[dict[str, Any]], None], set[tuple[str, str, bool]], str]] = [
    # (name, change, (surface, kind, breaks a generated client's user) expected, semver)
    ("operation added", add_operation, {("http", "operation-added", False), ("python", "method-added", False)}, "minor"),
    ("operation removed", remove_in(POST), {("http", "operation-removed", True), ("python", "method-removed", True)}, "major"),
    ("path changed, same operationId", move_operation, {("http", "operation-moved", False)}, "minor"),
    (
        "operationId changed",
        set_in([*POST, "operationId"], "addItem"),
        {("http", "operation-id-changed", False), ("python", "method-renamed", True)},
        "major",
    ),
    (
        "tag changed",
        set_in([*POST, "tags"], ["catalog"]),
        {("python", "method-renamed", True), ("python", "resource-added", False)},
        "major",
    ),
    (
        "optional parameter added",
        lambda s: list_parameters(s).append({"name": "q", "in": "query", "schema": {"type": "string"}}),
        {("http", "parameter-added", False), ("python", "argument-added", False)},
        "minor",
    ),
    (
        "required parameter added",
        lambda s: list_parameters(s).append({"name": "q", "in": "query", "required": True, "schema": {"type": "string"}}),
        {("http", "parameter-added", True), ("python", "argument-added", True)},
        "major",
    ),
    (
        "parameter removed",
        lambda s: list_parameters(s).pop(0),
        {("http", "parameter-removed", True), ("python", "argument-removed", True)},
        "major",
    ),
    (
        "parameter made required",
        set_in([*GET, "parameters", 0, "required"], True),
        {("http", "parameter-required", True), ("python", "argument-required", True)},
        "major",
    ),
    (
        "parameter retyped",
        set_in([*GET, "parameters", 0, "schema"], {"type": "string"}),
        {("http", "type-changed", True), ("python", "type-changed", True)},
        "major",
    ),
    (
        "parameters reordered",
        lambda s: list_parameters(s).reverse(),
        {("python", "arguments-reordered", False)},
        "minor",
    ),
    (
        "request enum value removed",
        set_in([*GET, "parameters", 1, "schema", "enum"], ["asc"]),
        {("http", "enum-value-removed", True), ("python", "enum-member-removed", True)},
        "major",
    ),
    (
        "request enum value added",
        set_in([*GET, "parameters", 1, "schema", "enum"], ["asc", "desc", "random"]),
        {("http", "enum-value-added", False), ("python", "enum-member-added", False)},
        "minor",
    ),
    (
        "optional request field added",
        set_in([*BODY, "properties", "color"], {"type": "string"}),
        {("http", "field-added", False), ("python", "argument-added", False)},
        "minor",
    ),
    (
        "required request field added",
        lambda s: (set_in([*BODY, "properties", "color"], {"type": "string"})(s), create_body(s)["required"].append("color")),
        {("http", "field-added", True), ("python", "argument-added", True)},
        "major",
    ),
    (
        "request field removed",
        remove_in([*BODY, "properties", "note"]),
        {("http", "field-removed", True), ("python", "argument-removed", True)},
        "major",
    ),
    (
        "request field retyped",
        set_in([*BODY, "properties", "note"], {"type": "integer"}),
        {("http", "type-changed", True), ("python", "type-changed", True)},
        "major",
    ),
    (
        "response field added",
        set_in([*ITEM, "properties", "price"], {"type": "number"}),
        {("http", "field-added", False), ("python", "field-added", False)},
        "minor",
    ),
    (
        "response field removed",
        remove_in([*ITEM, "properties", "name"]),
        {("http", "field-removed", True), ("python", "field-removed", True)},
        "major",
    ),
    (
        "response field retyped",
        set_in([*ITEM, "properties", "name"], {"type": "integer"}),
        {("http", "type-changed", True), ("python", "type-changed", True)},
        "major",
    ),
    (
        "response field made nullable",
        set_in([*ITEM, "properties", "id", "nullable"], True),
        {("http", "nullable-changed", True), ("python", "field-optional", True)},
        "major",
    ),
    (
        # wire: clients with closed enums break; ours are open, so no major bump
        "response enum value added",
        set_in([*ITEM, "properties", "status", "enum"], ["new", "sold", "reserved"]),
        {("http", "enum-value-added", False), ("python", "enum-member-added", False)},
        "minor",
    ),
    (
        "response enum value removed",
        set_in([*ITEM, "properties", "status", "enum"], ["new"]),
        {("http", "enum-value-removed", False), ("python", "enum-member-removed", False)},
        "minor",
    ),
    (
        "error status added",
        set_in([*POST, "responses", "409"], {"description": "Conflict"}),
        {("http", "response-status-added", False)},
        "minor",
    ),
    (
        "success status removed",
        lambda s: s["paths"]["/items"]["post"]["responses"].update({"200": s["paths"]["/items"]["post"]["responses"].pop("201")}),
        {("http", "response-status-removed", True), ("http", "response-status-added", False)},
        "major",
    ),
    (
        "response media type changed",
        lambda s: s["paths"]["/items"]["get"]["responses"]["200"]["content"].update(
            {"application/xml": s["paths"]["/items"]["get"]["responses"]["200"]["content"].pop("application/json")}
        ),
        {("http", "response-media-type-changed", True), ("python", "return-type-changed", True)},
        "major",
    ),
    (
        "request media type changed",
        lambda s: s["paths"]["/items"]["post"]["requestBody"]["content"].update(
            {"application/x-www-form-urlencoded": s["paths"]["/items"]["post"]["requestBody"]["content"].pop("application/json")}
        ),
        {("http", "request-media-type-changed", False)},
        "minor",
    ),
    (
        "security required",
        set_in([*GET, "security"], [{"bearer": []}]),
        {("http", "security-changed", True)},
        "major",
    ),
    (
        "server changed",
        set_in(["servers"], [{"url": "https://api.example.com/v2"}]),
        {("http", "server-changed", False)},
        "minor",
    ),
    (
        "schema renamed",
        lambda s: (
            s["components"]["schemas"].update({"Product": s["components"]["schemas"].pop("Item")}),
            set_in([*GET, "responses", "200", "content", "application/json", "schema", "items"], {"$ref": "#/components/schemas/Product"})(s),
            set_in([*POST, "responses", "201", "content", "application/json", "schema"], {"$ref": "#/components/schemas/Product"})(s),
        ),
        {("python", "class-renamed", True), ("python", "return-type-changed", True)},
        "major",
    ),
]


WAIT = {"property": "status", "until": ["sold"]}


def test_waiting_and_paging_methods_added_renamed_and_removed(tmp_path: Path) -> None:
    def report(
        old_wait: dict[str, Any] | None, new_wait: dict[str, Any] | None, extension: str = "x-clientgen-wait"
    ) -> set[tuple[str, str, bool, str]]:
        specs = []
        for name, wait in (("old", old_wait), ("new", new_wait)):
            spec = base_spec()
            spec["components"]["schemas"]["Item"]["properties"].update(
                {"parts": {"type": "array", "items": {"type": "string"}}, "next": {"type": "string"}}
            )
            if wait is not None:
                spec["paths"]["/items"]["post"][extension] = wait
            (tmp_path / f"{name}.json").write_text(json.dumps(spec))
            specs.append(tmp_path / f"{name}.json")
        found_changes = diff_specs(*specs)
        return {(c.surface, c.kind, c.breaking, c.where) for c in found_changes.changes}

    assert report(None, WAIT) == {("python", "method-added", False, "shop.ItemsResource.create_item_until_done")}
    assert report(WAIT, None) == {("python", "method-removed", True, "shop.ItemsResource.create_item_until_done")}
    assert report(WAIT, {**WAIT, "name": "wait_until_sold"}) == {("python", "method-renamed", True, "shop.ItemsResource.wait_until_sold")}
    assert report(WAIT, WAIT) == set()
    pages = {"items": "parts", "next": "next"}
    assert report(None, pages, "x-clientgen-pages") == {("python", "method-added", False, "shop.ItemsResource.iter_create_item")}
    assert report(pages, None, "x-clientgen-pages") == {("python", "method-removed", True, "shop.ItemsResource.iter_create_item")}


@pytest.mark.parametrize(("name", "change", "expected", "semver"), CASES, ids=[case[0] for case in CASES])
def test_each_kind_of_change(
    tmp_path: Path, name: str, change: Callable[[dict[str, Any]], None], expected: set[tuple[str, str, bool]], semver: str
) -> None:
    report = compare(tmp_path, change)
    assert expected <= found(report), markdown(report)
    assert report.semver == semver, markdown(report)


def test_identical_specs_and_documentation_changes(tmp_path: Path) -> None:
    report = compare(tmp_path, lambda spec: None)
    assert (report.changes, report.semver) == ([], "none")
    report = compare(tmp_path, set_in([*GET, "description"], "Every item, newest first."))
    assert (report.changes, report.semver) == ([], "patch")
    assert "Only documentation changed" in markdown(report)


def _report(old: Path, new: Path) -> Report:
    return diff_specs(old, new)


@pytest.fixture(scope="module")
def history() -> list[Report]:
    """Each consecutive pair of Firecrawl's spec versions, then the oldest against the newest."""
    pairs = list(zip(HISTORY, HISTORY[1:])) + [(HISTORY[0], HISTORY[-1])]
    return [_report(old, new) for old, new in pairs]


def messages(report: Report, surface: str, kind: str) -> list[str]:
    return [c.message for c in report.changes if c.surface == surface and c.kind == kind]


def test_firecrawl_march_to_may(history: list[Report]) -> None:
    report = history[0]
    assert set(report.added_operations) == {
        "getActivity", "parseFile", "createMonitor", "listMonitors", "getMonitor", "updateMonitor",
        "deleteMonitor", "runMonitor", "listMonitorChecks", "getMonitorCheck", "getScrapeStatus",
        "submitSearchFeedback", "askSupportAgent", "searchSupportDocs",
    }  # fmt: skip
    assert report.removed_operations == []
    # DELETE /batch/scrape/{id} answered {success, message}; now {status: "cancelled"}
    assert "`response 200.message` removed" in messages(report, "http", "field-removed")
    assert "`types.CancelBatchScrapeResponse.success` removed" in messages(report, "python", "field-removed")
    assert "`client.crawling.crawl_urls()`: optional argument `ignore_robots_txt` added" in messages(
        report, "python", "argument-added"
    )
    assert report.semver == "major"


def test_firecrawl_may_to_june_moves_the_browser_operations(history: list[Report]) -> None:
    report = history[1]
    moved = messages(report, "http", "operation-moved")
    assert len(moved) == 4 and any("`POST /browser` to `POST /interact`" in m for m in moved)
    # the operationIds stay, but their tag changed: the methods move to another resource
    assert "`client.browser.create_browser_session()` is now `client.interact.create_browser_session()`" in messages(
        report, "python", "method-renamed"
    )
    assert set(report.added_operations) == {
        "researchSearchGitHub", "researchSearchPapers", "researchGetPaper", "researchRelatedPapers",
    }  # fmt: skip


def test_firecrawl_june_to_newest(history: list[Report]) -> None:
    report = history[2]
    assert set(report.added_operations) == {
        "developerSearch", "developerSearchPost", "getThreatProtection", "updateThreatProtection", "submitEndpointFeedback",
    }  # fmt: skip
    assert report.removed_operations == ["researchSearchGitHub"]
    assert "`types.SearchFeedbackResponse` removed" in messages(report, "python", "class-removed")
    assert report.semver == "major"


def test_oldest_to_newest_sums_up_the_history(history: list[Report]) -> None:
    report = history[-1]
    assert len(report.added_operations) == 14 + 4 + 5 - 1  # researchSearchGitHub came and went
    assert report.removed_operations == []
    text = markdown(report)
    assert text.index("### Breaking changes") < text.index("### Python surface")
    assert text == markdown(_report(HISTORY[0], HISTORY[-1]))  # stable


# --- the command ----------------------------------------------------------------------------------


def test_command_formats_and_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old, new = tmp_path / "old.json", tmp_path / "new.json"
    old.write_text(json.dumps(base_spec()))
    changed = base_spec()
    add_operation(changed)
    new.write_text(json.dumps(changed))
    assert main(["diff", str(old), str(new)]) == 0
    assert "**Suggested version bump: minor**" in capsys.readouterr().out
    assert main(["diff", str(old), str(new), "--format", "json", "--fail-on", "breaking"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["operations"] == {"added": ["deleteItem"], "removed": [], "changed": []}
    assert data["semver"] == "minor"
    assert {"kind", "where", "surface", "breaking", "message"} <= set(data["changes"][0])
    assert main(["diff", str(old), str(new), "--fail-on", "any"]) == 1
    capsys.readouterr()
    assert main(["diff", str(new), str(old), "--fail-on", "breaking"]) == 1  # the operation goes away
    assert "removed" in capsys.readouterr().out
    assert main(["diff", str(old), str(old), "--fail-on", "any"]) == 0


def test_command_bad_input_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old = tmp_path / "old.json"
    old.write_text(json.dumps(base_spec()))
    broken = copy.deepcopy(base_spec())
    broken["paths"] = [1]
    (tmp_path / "new.json").write_text(json.dumps(broken))
    assert main(["diff", str(old), str(tmp_path / "new.json")]) == 2
    error = capsys.readouterr().err
    assert error.startswith("error: ") and "new.json" in error and "#/paths" in error
    assert error.count("\n") == 1
    assert main(["diff", str(old), str(tmp_path / "missing.json")]) == 2


# --- the spec-diff workflow: generate with --changelog-from ----------------------------------------


def test_bumped_versions() -> None:
    assert [bumped("1.4.2", kind) for kind in ("major", "minor", "patch", "none")] == ["2.0.0", "1.5.0", "1.4.3", "1.4.2"]
    assert bumped("0.1", "patch") == "0.1.1"


def test_generate_with_changelog_from_bumps_the_version_and_keeps_the_history(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old_spec, new_spec = HISTORY[1], HISTORY[2]  # May -> June: the browser methods moved (major)
    out = tmp_path / "client"
    assert main(["generate", str(old_spec), "--output", str(out), "--package-name", "firecrawl", "-q"]) == 0
    manifest = json.loads((out / ".clientgen.json").read_text())
    assert (manifest["version"], manifest["templates_sha256"]) == ("0.1.0", templates_sha256())
    assert not (out / "CHANGELOG.md").exists()
    arguments = ["--output", str(out), "--package-name", "firecrawl", "-q"]
    assert main(["generate", str(new_spec), *arguments, "--changelog-from", str(old_spec)]) == 0
    changelog = (out / "CHANGELOG.md").read_text()
    assert changelog.startswith("# 1.0.0\n\n## API changes: ")
    assert "`client.browser.create_browser_session()` is now `client.interact.create_browser_session()`" in changelog
    assert 'version = "1.0.0"' in (out / "pyproject.toml").read_text()
    assert '__version__ = "1.0.0"' in (out / "firecrawl" / "_version.py").read_text()
    # later generations and `check` keep the version and the changelog as they are
    assert main(["check", str(new_spec), *arguments]) == 0
    assert main(["generate", str(new_spec), *arguments]) == 0
    assert (out / "CHANGELOG.md").read_text() == changelog
    assert main(["generate", str(FULL_SPEC), *arguments, "--changelog-from", str(new_spec)]) == 0
    newest = (out / "CHANGELOG.md").read_text()
    assert newest.startswith("# 2.0.0\n") and newest.endswith(changelog)
    capsys.readouterr()
