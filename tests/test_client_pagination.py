"""Lists in pages: each style's page object against a server on 127.0.0.1, sync and async, and
the guards that stop a pager (an empty page, a cursor or URL that comes back, another host)."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from generator.config import load_targets
from generator.inputs import Inputs
from generator.pipeline import generate_files
from generator.write import write_project

from .conftest import FULL_SPEC, ROOT, SHARED
from .golden import FEATURES
from .http_server import TestServer

OPENAI_SPEC = SHARED / "specs" / "openai" / "openapi.yaml"


@pytest.fixture
def catalog(import_client: Callable[[Path, str], ModuleType]) -> ModuleType:
    return import_client(FEATURES / "pagination" / "expected", "catalog")


def things(*ids: str) -> list[dict[str, str]]:
    return [{"id": id_, "name": id_.upper()} for id_ in ids]


def queries(server: TestServer) -> list[dict[str, str]]:
    return [dict(request.query) for request in server.requests]


def test_next_url_pages_and_the_first_page_s_fields(catalog: ModuleType, server: TestServer) -> None:
    server.reply(200, {"data": things("a", "b"), "next": f"{server.url}/by-url?page=2", "total": 3})
    server.reply(200, {"data": things("c"), "next": None, "total": 3})
    page = catalog.Catalog(base_url=server.url).things.list_by_url(size=2)
    assert [t.id for t in page.items] == ["a", "b"] and page.answer.total == 3 and page.has_next_page()
    assert [t.id for t in page] == ["a", "b", "c"]
    assert [r.path for r in server.requests] == ["/by-url", "/by-url"]
    assert queries(server) == [{"size": "2"}, {"page": "2"}]


def test_cursor_pages_with_has_more(catalog: ModuleType, server: TestServer) -> None:
    server.reply(200, {"data": things("a"), "next_cursor": "c2", "has_more": True})
    server.reply(200, {"data": things("b"), "next_cursor": "c3", "has_more": False})
    client = catalog.Catalog(base_url=server.url)
    assert [t.id for t in client.things.list_by_cursor()] == ["a", "b"]
    assert queries(server) == [{}, {"cursor": "c2"}]  # has_more false: c3 is not asked for


def test_last_id_pages_like_openai_lists(catalog: ModuleType, server: TestServer) -> None:
    server.reply(200, {"object": "list", "data": things("a", "b"), "has_more": True})
    server.reply(200, {"object": "list", "data": things("c"), "has_more": False})
    pages = list(catalog.Catalog(base_url=server.url).things.list_after(limit=2).iter_pages())
    assert [[t.id for t in p.items] for p in pages] == [["a", "b"], ["c"]]
    assert queries(server) == [{"limit": "2"}, {"limit": "2", "after": "b"}]


def test_offset_pages_end_at_a_short_page(catalog: ModuleType, server: TestServer) -> None:
    server.reply(200, {"results": things("a", "b")})
    server.reply(200, {"results": things("c")})
    items = catalog.Catalog(base_url=server.url).things.list_by_offset(limit=2)
    assert [t.id for t in items] == ["a", "b", "c"]
    assert queries(server) == [{"limit": "2"}, {"limit": "2", "offset": "2"}]


def test_page_numbers_of_a_top_level_array_end_at_an_empty_page(catalog: ModuleType, server: TestServer) -> None:
    server.reply(200, things("a"))
    server.reply(200, things("b"))
    server.reply(200, [])
    assert [t.id for t in catalog.Catalog(base_url=server.url).things.list_by_page()] == ["a", "b"]
    assert queries(server) == [{}, {"page": "2"}, {"page": "3"}]


def test_link_header_pages(catalog: ModuleType, server: TestServer) -> None:
    server.reply(200, things("a"), headers={"Link": f'<{server.url}/linked?since=a>; rel="next", <x>; rel="last"'})
    server.reply(200, things("b"))
    assert [t.id for t in catalog.Catalog(base_url=server.url).things.list_linked()] == ["a", "b"]
    assert [(r.path, r.query) for r in server.requests] == [("/linked", []), ("/linked", [("since", "a")])]


def test_a_post_pages_with_its_whole_body(catalog: ModuleType, server: TestServer) -> None:
    server.reply(200, {"data": things("a"), "next_cursor": "c2"})
    server.reply(200, {"data": things("b"), "next_cursor": None})
    found = catalog.Catalog(base_url=server.url).things.search(query="q", extra_body={"boost": 2})
    assert [t.id for t in found] == ["a", "b"]
    assert [r.json() for r in server.requests] == [
        {"query": "q", "boost": 2},
        {"query": "q", "cursor": "c2", "boost": 2},
    ]


def test_a_post_s_next_url_pages_send_its_whole_body(catalog: ModuleType, server: TestServer) -> None:
    """The iterating method of its own sent only `extra_body` to a POST's next page, not its body."""
    server.reply(200, {"data": things("a"), "next": "/exports?page=2"})
    server.reply(200, {"data": things("b"), "next": None})
    client = catalog.Catalog(base_url=server.url)
    exported = client.things.iter_exported_things(format="csv", extra_body={"zip": True})
    assert [t.id for t in exported] == ["a", "b"]
    assert [(r.method, r.path, r.json()) for r in server.requests] == [
        ("POST", "/exports", {"format": "csv", "zip": True}),
        ("POST", "/exports", {"format": "csv", "zip": True}),
    ]


def test_other_generators_extensions_and_the_assumed_shape(catalog: ModuleType, server: TestServer) -> None:
    client = catalog.Catalog(base_url=server.url)
    server.reply(200, {"results": things("a", "b")})
    server.reply(200, {"results": []})
    assert [t.id for t in client.aliases.list_speakeasy(limit=2)] == ["a", "b"]
    for list_things in (client.aliases.list_fern, client.aliases.list_detected):
        server.reply(200, {"data": things("c"), "next_cursor": "n"})
        server.reply(200, {"data": things("d"), "next_cursor": None})
        assert [t.id for t in list_things()] == ["c", "d"]
    assert queries(server) == [{"limit": "2"}, {"limit": "2", "offset": "2"}, {}, {"cursor": "n"}, {}, {"cursor": "n"}]


def test_paths_into_a_nested_object(catalog: ModuleType, server: TestServer) -> None:
    server.reply(200, {"data": things("a"), "meta": {"next": "c2", "more": True}})
    server.reply(200, {"data": things("b"), "meta": {"next": "c3", "more": False}})
    server.reply(200, {"data": things("x"), "meta": None})  # no meta: no next page
    client = catalog.Catalog(base_url=server.url)
    assert [t.id for t in client.aliases.list_nested()] == ["a", "b"]
    assert [t.id for t in client.aliases.list_nested()] == ["x"]
    assert queries(server) == [{}, {"cursor": "c2"}, {}]


def test_limits_and_page_by_page(catalog: ModuleType, server: TestServer) -> None:
    for cursor in ("c2", "c3", "c4"):
        server.reply(200, {"data": things(cursor, cursor + "x"), "next_cursor": cursor})
    page = catalog.Catalog(base_url=server.url).things.list_by_cursor()
    assert len(list(page.iter_items(max_results=3))) == 3 and len(server.requests) == 2
    second = page.next_page()  # the page object remembers the page it fetched
    assert second.number == 2 and [t.id for t in second.items] == ["c3", "c3x"]
    assert [p.number for p in page.iter_pages(max_pages=2)] == [1, 2]


def test_a_sticky_cursor_stops(catalog: ModuleType, server: TestServer) -> None:
    for _ in range(3):
        server.reply(200, {"data": things("a"), "next_cursor": "same", "has_more": True})
    with pytest.raises(catalog.APIError, match="'same' came back"):
        list(catalog.Catalog(base_url=server.url).things.list_by_cursor())
    assert len(server.requests) == 2


def test_an_empty_page_stops(catalog: ModuleType, server: TestServer) -> None:
    server.reply(200, {"data": [], "next_cursor": "more", "has_more": True})
    page = catalog.Catalog(base_url=server.url).things.list_by_cursor()
    assert list(page) == [] and not page.has_next_page() and len(server.requests) == 1


def test_a_next_page_on_another_host_is_not_followed(catalog: ModuleType, server: TestServer) -> None:
    with TestServer() as elsewhere:
        server.reply(200, {"data": things("a"), "next": f"{elsewhere.url}/by-url?page=2"})
        with pytest.raises(catalog.APIError, match="not followed"):
            list(catalog.Catalog(base_url=server.url).things.list_by_url())
        assert elsewhere.requests == []


def test_async_pages(catalog: ModuleType, server: TestServer) -> None:
    server.reply(200, {"object": "list", "data": things("a"), "has_more": True})
    server.reply(200, {"object": "list", "data": things("b"), "has_more": False})
    server.reply(200, things("x"), headers={"Link": f'<{server.url}/linked?p=2>; rel="next"'})
    server.reply(200, things("y"))

    async def main() -> tuple[list[str], list[int], list[str]]:
        async with catalog.AsyncCatalog(base_url=server.url) as client:
            first = await client.things.list_after()
            ids = [t.id async for t in first]
            numbers = [p.number async for p in first.iter_pages()]  # the pages fetched already
            linked = await client.things.list_linked()
            assert linked.has_next_page()
            second = await linked.next_page()
            return ids, numbers, [t.id for t in linked.items + second.items]

    assert asyncio.run(main()) == (["a", "b"], [1, 2], ["x", "y"])


def test_streaming_response_of_a_paged_method_parses_a_page(catalog: ModuleType, server: TestServer) -> None:
    server.reply(200, {"data": things("a"), "next_cursor": "c2"})
    server.reply(200, {"data": things("b"), "next_cursor": None})
    server.reply(200, {"data": things("x"), "next_cursor": None})
    client = catalog.Catalog(base_url=server.url)
    with client.things.with_streaming_response.list_by_cursor() as response:
        assert response.status_code == 200
        assert [t.id for t in response.parse()] == ["a", "b"]

    async def main() -> list[str]:
        async with catalog.AsyncCatalog(base_url=server.url) as async_client:
            async with async_client.things.with_streaming_response.list_by_cursor() as streamed:
                return [t.id async for t in await streamed.parse()]

    assert asyncio.run(main()) == ["x"]


def test_raw_response_of_a_paged_method(catalog: ModuleType, server: TestServer) -> None:
    server.reply(200, {"data": things("a"), "next_cursor": None}, headers={"X-Request-Id": "r1"})
    raw: Any = catalog.Catalog(base_url=server.url).things.with_raw_response.list_by_cursor()
    assert raw.headers["x-request-id"] == "r1" and [t.id for t in raw.parse()] == ["a"]


@pytest.fixture(scope="module")
def openai_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """OpenAI's published spec, generated without extensions: its lists are assumed to page by
    `after=<last id>` while `has_more`."""
    output = tmp_path_factory.mktemp("openai")
    write_project(generate_files(OPENAI_SPEC, Inputs(with_tests=False)).files, output)
    return output


def openai_file(file_id: str) -> dict[str, Any]:
    return {
        "id": file_id,
        "object": "file",
        "bytes": 1,
        "created_at": 0,
        "filename": f"{file_id}.jsonl",
        "purpose": "batch",
        "status": "processed",
    }


def openai_files_page(ids: list[str], has_more: bool) -> dict[str, Any]:
    return {
        "object": "list",
        "data": [openai_file(i) for i in ids],
        "first_id": ids[0],
        "last_id": ids[-1],
        "has_more": has_more,
    }


def test_openai_lists_page_by_after_and_has_more(
    openai_project: Path, import_client: Callable[[Path, str], ModuleType], server: TestServer
) -> None:
    openai = import_client(openai_project, "open_ai")
    server.reply(200, openai_files_page(["file-1", "file-2"], has_more=True))
    server.reply(200, openai_files_page(["file-3"], has_more=False))
    server.reply(200, openai_files_page(["file-4"], has_more=True))
    server.reply(200, openai_files_page(["file-5"], has_more=False))
    client = openai.OpenAi(api_key_auth="sk-test", base_url=server.url)
    files = client.files.list_files(limit=2, purpose="batch")
    assert type(files.answer).__name__ == "ListFilesResponse" and files.answer.last_id == "file-2"
    assert [f.id for f in files] == ["file-1", "file-2", "file-3"]

    async def main() -> list[str]:
        async with openai.AsyncOpenAi(api_key_auth="sk-test", base_url=server.url) as async_client:
            return [f.filename async for f in await async_client.files.list_files()]

    assert asyncio.run(main()) == ["file-4.jsonl", "file-5.jsonl"]
    assert queries(server) == [
        {"purpose": "batch", "limit": "2"},
        {"purpose": "batch", "limit": "2", "after": "file-2"},
        {},
        {"after": "file-4"},
    ]


TYPED_USE = """
from typing import assert_type

from catalog import AsyncCatalog, Catalog
from catalog._pagination import AsyncPage, SyncPage
from catalog.types import CursorPage, ListPage, Thing


def sync_use(client: Catalog) -> None:
    page = client.things.list_after(limit=2)
    assert_type(page, SyncPage[Thing, ListPage])
    assert_type(page.answer.has_more, bool)
    for thing in page:
        assert_type(thing, Thing)
    for later in page.iter_pages(max_pages=2):
        assert_type(later.items, list[Thing])
    assert_type(client.things.list_by_page(), SyncPage[Thing, list[Thing]])


async def async_use(client: AsyncCatalog) -> None:
    page = await client.things.list_by_cursor()
    assert_type(page, AsyncPage[Thing, CursorPage])
    async for thing in page:
        assert_type(thing, Thing)
    assert_type(await page.next_page(), AsyncPage[Thing, CursorPage])
"""


def test_page_objects_are_typed_for_mypy(tmp_path: Path) -> None:
    """A user's code over page objects type-checks: the items and the answer keep their types."""
    use = tmp_path / "use_pages.py"
    use.write_text(TYPED_USE)
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(use)],
        cwd=FEATURES / "pagination" / "expected",
        env={"MYPYPATH": str(FEATURES / "pagination" / "expected"), "PATH": ""},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout


def test_the_firecrawl_preset_pages_the_team_s_activity(
    tmp_path: Path, import_client: Callable[[Path, str], ModuleType], server: TestServer
) -> None:
    """The preset declares the activity list's cursor pages (else assumed, a warning its strict
    configuration refuses): `get_activity` returns a page object over every page."""
    [target] = load_targets(ROOT / "examples" / "firecrawl" / "pyproject.toml")
    write_project(generate_files(FULL_SPEC, target.inputs).files, tmp_path)
    firecrawl = import_client(tmp_path, "firecrawl")
    job = {"id": "j1", "endpoint": "crawl", "api_version": "v2", "created_at": "2026-01-01T00:00:00Z"}
    server.reply(200, {"success": True, "data": [job], "cursor": "c2", "has_more": True})
    server.reply(200, {"success": True, "data": [{**job, "id": "j2"}], "cursor": None, "has_more": False})
    activity = firecrawl.Firecrawl(api_key="fc-test", base_url=server.url).account.get_activity(limit=1)
    assert [entry.id for entry in activity] == ["j1", "j2"]
    assert queries(server) == [{"limit": "1"}, {"limit": "1", "cursor": "c2"}]
