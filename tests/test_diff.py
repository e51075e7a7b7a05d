"""`diff OLD NEW`: each kind of change on small spec pairs, and the real history of Firecrawl's spec."""

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from generator.cli import main
from generator.diff import (
    Change,
    Release,
    Report,
    SpecVersion,
    diff_specs,
    markdown,
    pull_request_body,
    pull_request_title,
)
from generator.release import bumped
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
    (
        "operation added",
        add_operation,
        {("http", "operation-added", False), ("python", "method-added", False)},
        "minor",
    ),
    (
        "operation removed",
        remove_in(POST),
        {("http", "operation-removed", True), ("python", "method-removed", True)},
        "major",
    ),
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
        lambda s: list_parameters(s).append(
            {"name": "q", "in": "query", "required": True, "schema": {"type": "string"}}
        ),
        {("http", "parameter-added", True), ("python", "argument-added", True)},
        "major",
    ),
    (
        # the client sends a constant's one value by itself: its callers change nothing
        "required constant parameter added",
        lambda s: list_parameters(s).append(
            {"name": "X-Amz-Target", "in": "header", "required": True, "schema": {"type": "string", "enum": ["S.A"]}}
        ),
        {("http", "parameter-added", True), ("python", "argument-added", False)},
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
        lambda s: (
            set_in([*BODY, "properties", "color"], {"type": "string"})(s),
            create_body(s)["required"].append("color"),
        ),
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
        lambda s: s["paths"]["/items"]["post"]["responses"].update(
            {"200": s["paths"]["/items"]["post"]["responses"].pop("201")}
        ),
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
            {
                "application/x-www-form-urlencoded": s["paths"]["/items"]["post"]["requestBody"]["content"].pop(
                    "application/json"
                )
            }
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
            set_in(
                [*GET, "responses", "200", "content", "application/json", "schema", "items"],
                {"$ref": "#/components/schemas/Product"},
            )(s),
            set_in(
                [*POST, "responses", "201", "content", "application/json", "schema"],
                {"$ref": "#/components/schemas/Product"},
            )(s),
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
    assert report(WAIT, {**WAIT, "name": "wait_until_sold"}) == {
        ("python", "method-renamed", True, "shop.ItemsResource.wait_until_sold")
    }
    assert report(WAIT, WAIT) == set()
    assert report(WAIT, {**WAIT, "watch": "watch_item"}) == {
        ("python", "method-added", False, "shop.ItemsResource.watch_item")
    }
    pages = {"items": "parts", "next": "next", "name": "iter_create_item"}
    assert report(pages, {**pages, "page": "create_item_page"}, "x-clientgen-pages") == {
        ("python", "method-added", False, "shop.ItemsResource.create_item_page")
    }
    assert report(None, pages, "x-clientgen-pages") == {
        ("python", "method-added", False, "shop.ItemsResource.iter_create_item"),
        ("http", "pages-added", False, "POST /items"),
    }
    assert report(pages, None, "x-clientgen-pages") == {
        ("python", "method-removed", True, "shop.ItemsResource.iter_create_item"),
        ("http", "pages-removed", False, "POST /items"),
    }


def test_a_change_of_pagination_shape_breaks(tmp_path: Path) -> None:
    """Another style asks for the next page otherwise; a method that comes to return a page
    object returns something else than the answer it returned."""

    def report(old_pages: object, new_pages: object) -> set[tuple[str, bool, str]]:
        specs = []
        for name, pages in (("old", old_pages), ("new", new_pages)):
            spec = base_spec()
            spec["components"]["schemas"]["Item"]["properties"].update(
                {"parts": {"type": "array", "items": {"type": "string"}}, "next": {"type": "string"}}
            )
            spec["paths"]["/items"]["post"]["requestBody"]["content"]["application/json"]["schema"]["properties"][
                "page"
            ] = {"type": "integer"}
            if pages is not None:
                spec["paths"]["/items"]["post"]["x-clientgen-pages"] = pages
            (tmp_path / f"{name}.json").write_text(json.dumps(spec))
            specs.append(tmp_path / f"{name}.json")
        return {(c.kind, c.breaking, c.message) for c in diff_specs(*specs).changes if c.surface == "http"}

    by_url = {"items": "parts", "next": "next"}
    by_page = {"style": "page", "items": "parts", "parameter": "page"}
    assert report(by_url, by_page) == {
        (
            "pages-changed",
            True,
            "pages changed from next_url (items `parts`, next `next`) to page (items `parts`, parameter `page`)",
        )
    }
    assert report(None, by_url) == {("pages-added", True, "now comes in pages: next_url (items `parts`, next `next`)")}
    assert report(by_url, by_url) == set()


@pytest.mark.parametrize(("name", "change", "expected", "semver"), CASES, ids=[case[0] for case in CASES])
def test_each_kind_of_change(
    tmp_path: Path,
    name: str,
    change: Callable[[dict[str, Any]], None],
    expected: set[tuple[str, str, bool]],
    semver: str,
) -> None:
    report = compare(tmp_path, change)
    assert expected <= found(report), markdown(report)
    assert report.semver == semver, markdown(report)
    # each change under the heading a reviewer looks for it
    titles = {
        "breaking": "Breaking for Python users",
        "wire": "Breaking on the wire",
        "added": "Added",
        "changed": "Changed",
    }
    sections = markdown(report).split("\n### ")[1:]
    assert [section.split("\n")[0] for section in sections] == [t for k, t in titles.items() if report.section(k)]  # type: ignore[arg-type]
    for change in report.changes:
        (section,) = [section for section in sections if f": {change.message}\n" in section]
        assert section.startswith(titles[change.section])
        assert change.section == ("wire" if change.absorbed else "breaking") if change.breaking else True


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
        "developerSearch",
        "developerSearchPost",
        "getThreatProtection",
        "updateThreatProtection",
        "submitEndpointFeedback",
    }
    assert report.removed_operations == ["researchSearchGitHub"]
    assert "`types.SearchFeedbackResponse` removed" in messages(report, "python", "class-removed")
    assert report.semver == "major"


def test_oldest_to_newest_sums_up_the_history(history: list[Report]) -> None:
    report = history[-1]
    assert len(report.added_operations) == 14 + 4 + 5 - 1  # researchSearchGitHub came and went
    assert report.removed_operations == []
    text = markdown(report)
    headings = [line for line in text.splitlines() if line.startswith("### ")]
    # no other change but classes merged with the schemas identical to theirs
    assert headings == ["### Breaking for Python users", "### Breaking on the wire", "### Added", "### Changed"]
    assert {change.kind for change in report.section("changed")} == {"class-merged"}
    added = text[text.index("### Added") : text.index("### Changed")]
    shown, folded = added.split("<details><summary>")
    assert shown.count("\n- ") == 10 and folded.startswith(f"{len(report.section('added')) - 10} more</summary>")
    assert "`client.research.research_get_paper()` added" in added
    breaking = text[: text.index("### Breaking on the wire")]
    assert "<details>" not in breaking  # never folded
    assert breaking.count("\n- ") == len(report.breaking)
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
    assert [bumped("1.4.2", kind) for kind in ("major", "minor", "patch", "none")] == [
        "2.0.0",
        "1.5.0",
        "1.4.3",
        "1.4.2",
    ]
    assert bumped("0.1", "patch") == "0.1.1"


def test_generate_with_changelog_from_bumps_the_version_and_keeps_the_history(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old_spec, new_spec = HISTORY[1], HISTORY[2]  # May -> June: the browser methods moved (major: 0.x, so the minor)
    out = tmp_path / "client"
    assert main(["generate", str(old_spec), "--output", str(out), "--package-name", "firecrawl", "-q"]) == 0
    manifest = json.loads((out / ".clientgen.json").read_text())
    assert (manifest["version"], manifest["templates_sha256"]) == ("0.1.0", templates_sha256())
    assert not (out / "CHANGELOG.md").exists()
    arguments = ["--output", str(out), "--package-name", "firecrawl", "-q"]
    assert main(["generate", str(new_spec), *arguments, "--changelog-from", str(old_spec)]) == 0
    changelog = (out / "CHANGELOG.md").read_text()
    assert changelog.startswith("# Changelog\n\n## 0.2.0\n\nBuilt from Firecrawl API v2 (spec `")
    assert "0.1.0 was built from spec `" in changelog and str(tmp_path) not in changelog
    assert "`client.browser.create_browser_session()` is now `client.interact.create_browser_session()`" in changelog
    assert 'version = "0.2.0"' in (out / "pyproject.toml").read_text()
    assert '__version__ = "0.2.0"' in (out / "firecrawl" / "_version.py").read_text()
    # later generations and `check` keep the version and the changelog as they are
    assert main(["check", str(new_spec), *arguments]) == 0
    assert main(["generate", str(new_spec), *arguments]) == 0
    assert (out / "CHANGELOG.md").read_text() == changelog
    assert main(["generate", str(FULL_SPEC), *arguments, "--changelog-from", str(new_spec)]) == 0
    newest = (out / "CHANGELOG.md").read_text()
    assert newest.startswith("# Changelog\n\n## 0.3.0\n") and newest.endswith(changelog.removeprefix("# Changelog\n\n"))
    assert newest.count("\n## ") == 2
    capsys.readouterr()


def test_changelog_from_twice_is_a_no_op(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The version is counted from the client built from the old spec, which the manifest
    records: the same change named again bumps nothing more and repeats no section."""
    old_spec, new_spec = HISTORY[1], HISTORY[2]
    out = tmp_path / "client"
    arguments = ["--output", str(out), "--package-name", "firecrawl", "-q"]
    assert main(["generate", str(old_spec), *arguments]) == 0
    assert main(["generate", str(new_spec), *arguments, "--changelog-from", str(old_spec)]) == 0
    first = {path: path.read_bytes() for path in out.rglob("*") if path.is_file()}
    manifest = json.loads((out / ".clientgen.json").read_text())
    assert (manifest["version"], manifest["bumped_from"]["version"]) == ("0.2.0", "0.1.0")
    assert main(["generate", str(new_spec), *arguments, "--changelog-from", str(old_spec)]) == 0
    assert {path: path.read_bytes() for path in out.rglob("*") if path.is_file()} == first
    # an unchanged spec is no release: no version, no section
    assert main(["generate", str(new_spec), *arguments, "--changelog-from", str(new_spec)]) == 0
    assert {path: path.read_bytes() for path in out.rglob("*") if path.is_file()} == first
    capsys.readouterr()


def test_changelog_and_diff_go_through_the_targets_overlays_and_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The methods a CHANGELOG and a diff name are the ones the client has: an overlay's
    waiting method and a renamed method appear under their configured names."""
    overlay = tmp_path / "wait.yaml"
    overlay.write_text(
        "overlay: 1.0.0\ninfo: {title: waits, version: '1'}\nactions:\n"
        "  - target: $.paths['/crawl/{id}'].get\n"
        "    update: {x-clientgen-wait: {property: status, until: [completed, failed], name: wait_for_crawl}}\n"
    )
    (tmp_path / "pyproject.toml").write_text(
        "[[tool.generator.targets]]\nname = 'fc'\nspec = 'spec.json'\noutput = 'client'\npackage-name = 'firecrawl'\n"
        "overlays = ['wait.yaml']\n[tool.generator.targets.names]\n"
        "createBrowserSession = 'open_session'\ngetCrawlStatus = 'crawl_status'\n"
    )
    old_spec, new_spec = HISTORY[1], HISTORY[2]
    config = ["--config", str(tmp_path / "pyproject.toml")]
    (tmp_path / "spec.json").write_bytes(old_spec.read_bytes())
    assert main(["generate", *config, "-q"]) == 0
    (tmp_path / "spec.json").write_bytes(new_spec.read_bytes())
    assert main(["generate", *config, "-q", "--changelog-from", str(old_spec)]) == 0
    changelog = (tmp_path / "client" / "CHANGELOG.md").read_text()
    assert "`client.browser.open_session()` is now `client.interact.open_session()`" in changelog
    assert "create_browser_session" not in changelog
    assert main(["diff", str(old_spec), str(new_spec), *config, "--target", "fc"]) == 0
    report = capsys.readouterr().out
    assert "`client.browser.open_session()` is now `client.interact.open_session()`" in report
    # without the target's overlay and names, the diff speaks of other methods
    assert main(["diff", str(old_spec), str(new_spec), "--package-name", "firecrawl"]) == 0
    assert "open_session" not in capsys.readouterr().out
    assert "def wait_for_crawl(" in (tmp_path / "client" / "firecrawl" / "resources" / "crawling.py").read_text()
    # an overlay from the command line, on both specs: one that keeps a method in its resource
    # takes that method out of the report
    keep = tmp_path / "keep.yaml"
    keep.write_text(
        "overlay: 1.0.0\ninfo: {title: keep, version: '1'}\nactions:\n"
        "  - target: $.paths[*][?@.operationId == 'createBrowserSession']\n    update: {tags: [Sessions]}\n"
    )
    moved = "`client.browser.create_browser_session()` is now"
    assert main(["diff", str(old_spec), str(new_spec)]) == 0
    assert moved in capsys.readouterr().out
    assert main(["diff", str(old_spec), str(new_spec), "--overlay", str(keep)]) == 0
    assert moved not in capsys.readouterr().out


# --- the pull request's description -------------------------------------------------------------


def _release(package: str, changes: list[Change], previous: str = "1.4.2", version: str = "2.0.0") -> Release:
    old = SpecVersion("/tmp/old.json", "Shop API", "1", "a" * 64, "c" * 64)
    new = SpecVersion("/tmp/new.json", "Shop API", "2", "b" * 64, "d" * 64)
    return Release(package, previous, version, Report(old, new, changes=changes))


def test_a_pull_request_body_has_a_title_line_per_client_and_no_paths() -> None:
    removed = Change("python", "shop.ItemsResource.delete", "method-removed", "`client.items.delete()` removed", True)
    added = Change("python", "crm.types.Lead", "class-added", "`types.Lead` added", False)
    body = pull_request_body([_release("shop", [removed]), _release("crm", [added], "0.3.0", "0.4.0")])
    lines = body.splitlines()
    assert lines[0] == "Updates 2 clients: shop 1.4.2 → 2.0.0, crm 0.3.0 → 0.4.0."
    assert "## shop 1.4.2 → 2.0.0 · Shop API 1 → 2, spec `aaaaaaaa` → `bbbbbbbb`" in lines
    assert "## crm 0.3.0 → 0.4.0 · Shop API 1 → 2, spec `aaaaaaaa` → `bbbbbbbb`" in lines
    shop = body[body.index("## shop") : body.index("## crm")]
    assert "**Suggested version bump: major** (1 change breaks users of the generated client)" in shop
    assert "### Breaking for Python users\n\n- Python: `client.items.delete()` removed\n" in shop
    assert "### Added\n\n- Python: `types.Lead` added\n" in body[body.index("## crm") :]
    assert "/tmp" not in body
    assert pull_request_title([_release("shop", [removed])]) == "Update shop to 2.0.0 (Shop API 2)"


def test_a_pull_request_body_fits_what_github_takes() -> None:
    breaking = [
        Change("python", f"shop.types.Model{i}", "class-removed", f"`types.Model{i}` removed " + "x" * 80, True)
        for i in range(1000)
    ]
    added = [Change("python", f"shop.types.New{i}", "class-added", f"`types.New{i}` added", False) for i in range(30)]
    body = pull_request_body([_release("shop", breaking + added)])
    assert len(body) <= 65_536
    assert body.endswith("each client's CHANGELOG.md has the whole report.\n")
    assert body.count("<details>") == body.count("</details>")
    short = pull_request_body([_release("shop", breaking[:3] + added)])
    assert "is cut" not in short and short.count("<details><summary>20 more</summary>") == 1


def test_a_long_type_is_summed_up_and_folded_whole() -> None:
    """OpenAI's spec retypes fields as unions of dozens of models: one line each, not 5,000 characters."""
    members = " | ".join(f"types.ChatCompletionContentPart{i}" for i in range(54))
    message = f"`types.Message.content` is `{members}` instead of `str | list[types.Part] | None`"
    changed = Change("python", "shop.types.Message.content", "type-changed", message, True)
    body = pull_request_body([_release("shop", [changed])])
    assert max(map(len, body.splitlines())) <= 200
    assert (
        "- Python: `types.Message.content` is a union of 54 types instead of `str | list[types.Part] | None`"
        in body.splitlines()
    )
    folded = body[body.index("<details><summary>in full</summary>") : body.index("</details>")]
    assert " ".join(folded.split()).count("types.ChatCompletionContentPart") == 54
    assert markdown(_release("shop", [changed]).report).count("a union of 54 types") == 1  # and the CHANGELOG


def test_path_parameters_reordered_break_positional_calls(tmp_path: Path) -> None:
    """Path parameters are positional-or-keyword, in the order of the path: a new order breaks
    `get_item("s1", "i1")`; a new order of keyword-only arguments breaks nothing."""

    def with_path(path: str) -> dict[str, Any]:
        spec = base_spec()
        spec["paths"][path] = {
            "get": {
                "operationId": "getItem",
                "tags": ["items"],
                "parameters": [
                    {"name": name, "in": "path", "required": True, "schema": {"type": "string"}}
                    for name in ("shop", "item")
                ],
                "responses": {"204": {"description": "OK"}},
            }
        }
        return spec

    (tmp_path / "old.json").write_text(json.dumps(with_path("/shops/{shop}/items/{item}")))
    (tmp_path / "new.json").write_text(json.dumps(with_path("/items/{item}/shops/{shop}")))
    report = diff_specs(tmp_path / "old.json", tmp_path / "new.json")
    assert ("python", "positional-arguments-changed", True) in found(report), markdown(report)
    assert report.semver == "major"
    assert "positional arguments are now (item, shop), not (shop, item)" in markdown(report)


def test_an_argument_made_keyword_only_breaks_positional_calls(tmp_path: Path) -> None:
    """`x-clientgen-positional` makes `url` positional: adding it breaks nothing (calls by name
    still work), removing it breaks `crawl("https://...")`."""

    def crawl(positional: list[str] | None) -> dict[str, Any]:
        spec = base_spec()
        operation: dict[str, Any] = {
            "operationId": "crawl",
            "tags": ["crawls"],
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {
                        "schema": {"type": "object", "required": ["url"], "properties": {"url": {"type": "string"}}}
                    }
                },
            },
            "responses": {"204": {"description": "OK"}},
        }
        if positional is not None:
            operation["x-clientgen-positional"] = positional
        spec["paths"]["/crawls"] = {"post": operation}
        return spec

    (tmp_path / "keywords.json").write_text(json.dumps(crawl(None)))
    (tmp_path / "positional.json").write_text(json.dumps(crawl(["url"])))
    added = diff_specs(tmp_path / "keywords.json", tmp_path / "positional.json")
    assert added.semver != "major", markdown(added)
    removed = diff_specs(tmp_path / "positional.json", tmp_path / "keywords.json")
    assert ("python", "positional-arguments-changed", True) in found(removed), markdown(removed)
    assert "positional arguments are now (), not (url)" in markdown(removed)
