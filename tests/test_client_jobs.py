"""The jobs feature's client (tests/features/jobs) against a real HTTP server: a server-side time
limit that keeps the name `timeout` and sets the HTTP timeout, waiting options named per method,
WaitTimeoutError, a status call that collects every page with limits, the page at a `next` URL,
watchers, and `cancelled` as an end."""

from __future__ import annotations

import asyncio
import importlib
import inspect
import os
import re
import subprocess
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from .golden import FEATURES
from .http_server import TestServer

FRAME = {"number": 1}


@pytest.fixture
def render_farm(import_client: Any) -> ModuleType:
    return import_client(FEATURES / "jobs" / "expected", "render_farm")


def frames(*numbers: int) -> list[dict[str, object]]:
    return [{"number": number} for number in numbers]


# --- a server-side time limit (x-clientgen-timeout) -------------------------------------------


def test_a_server_time_limit_keeps_its_name_and_is_sent(render_farm: ModuleType, server: TestServer) -> None:
    server.reply(200, FRAME)
    client = render_farm.RenderFarm(api_key="k", base_url=server.url, max_retries=0)
    client.stills.render_still(scene="castle", timeout=2000)
    assert server.requests[0].json() == {"scene": "castle", "timeout": 2000}


def test_the_http_timeout_follows_the_server_time_limit(render_farm: ModuleType, server: TestServer) -> None:
    """200 ms for the server, plus the margin of 1 s: the call gives up long before the answer
    (6 s) and long before the client's own timeout (60 s)."""
    server.reply(200, FRAME, delay=6)
    client = render_farm.RenderFarm(api_key="k", base_url=server.url, max_retries=0, timeout=60)
    started = time.monotonic()
    with pytest.raises(render_farm.APITimeoutError):
        client.stills.render_still(scene="castle", timeout=200)
    assert time.monotonic() - started < 4.5  # 1.2 s, with room for a slow machine


def test_request_timeout_sets_the_http_timeout_itself(render_farm: ModuleType, server: TestServer) -> None:
    """The caller's own HTTP timeout wins: the answer after 2 s arrives within it, though the
    server's limit (100 ms + 1 s) alone would have given up."""
    server.reply(200, FRAME, delay=2)
    client = render_farm.RenderFarm(api_key="k", base_url=server.url, max_retries=0)
    frame = client.stills.render_still(scene="castle", timeout=100, request_timeout=30)
    assert frame.number == 1 and server.requests[0].json()["timeout"] == 100


def test_extra_body_sets_the_limit_the_http_timeout_follows(render_farm: ModuleType, server: TestServer) -> None:
    server.reply(200, FRAME, delay=6)
    client = render_farm.RenderFarm(api_key="k", base_url=server.url, max_retries=0, timeout=60)
    started = time.monotonic()
    with pytest.raises(render_farm.APITimeoutError):
        client.stills.render_still(scene="castle", extra_body={"timeout": 200})
    assert time.monotonic() - started < 4.5
    assert server.requests[0].json() == {"scene": "castle", "timeout": 200}


def test_timeout_is_no_http_timeout_where_the_spec_owns_the_name(render_farm: ModuleType) -> None:
    stills = importlib.import_module("render_farm.resources.stills")
    parameters = inspect.signature(stills.StillsResource.render_still).parameters
    assert parameters["timeout"].annotation == "int | NotGiven"
    assert "httpx.Timeout" in parameters["request_timeout"].annotation


# Call sites of another SDK's habits: each means the same here, or fails mypy --strict.
CALL_SITES = """
from render_farm import RenderFarm

client = RenderFarm(api_key="k")
client.stills.render_still(scene="c", timeout=30000)  # the server's limit in ms: sent as such
client.stills.render_still(scene="c", timeout=30.5)  # error: an HTTP timeout is no server limit
client.bakes.bake("c", timeout=120, poll_interval=2)  # the most seconds to wait
client.bakes.start_bake("c", timeout=5)  # error: starting takes no `timeout`
client.bakes.bake("c", max_wait=5)  # error: the wait limit is `timeout` here
client.bakes.get_bake("b1", max_pages=2, max_results=10, max_time=5.0)
client.bakes.get_bake_page("https://render.example/v1/bakes/b1?skip=1")
"""


@pytest.mark.slow
def test_call_sites_that_would_change_meaning_fail_mypy(tmp_path: Path) -> None:
    (tmp_path / "call_sites.py").write_text(CALL_SITES, encoding="utf-8")
    checked = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "call_sites.py"],
        cwd=tmp_path, capture_output=True, text=True, timeout=600,
        env={**os.environ, "MYPYPATH": str(FEATURES / "jobs" / "expected")},
    )  # fmt: skip
    lines = [line for line in checked.stdout.splitlines() if ": error:" in line]
    assert [int(line.split(":")[1]) for line in lines] == [6, 8, 9], checked.stdout


# --- waiting options named per method, WaitTimeoutError ------------------------------------


def test_a_jobs_wait_limit_is_named_timeout(render_farm: ModuleType, server: TestServer) -> None:
    """`bake(..., timeout=0.3)` is the most seconds to wait (x-clientgen-job `options`); the
    starting call's HTTP timeout is `request_timeout`."""
    server.reply(200, {"id": "b1"})
    for _ in range(40):
        server.reply(200, {"status": "baking", "frames": []})
    client = render_farm.RenderFarm(api_key="k", base_url=server.url)
    started = time.monotonic()
    with pytest.raises(render_farm.WaitTimeoutError) as caught:
        client.bakes.bake("castle", poll_interval=0.05, timeout=0.3, request_timeout=10)
    waited = time.monotonic() - started
    error = caught.value
    assert isinstance(error, TimeoutError) and isinstance(error, render_farm.APIError)
    assert error.job_id == "b1" and error.last.status == "baking"
    # it stops before a call that would come too late; generous bounds on a busy machine
    assert 0 < error.elapsed <= waited < 3
    # the message states the time waited as it was, and the limit
    assert re.search(r"^job 'b1': status is still 'baking' after (\d+\.\d) s", str(error))
    assert f"after {error.elapsed:.1f} s" in str(error) and "the 0.3 s allowed" in str(error)
    assert server.requests[0].json() == {"scene": "castle"}


def test_wait_timeout_error_is_exported_and_catchable_as_timeout_error(render_farm: ModuleType) -> None:
    assert "WaitTimeoutError" in render_farm.__all__
    assert issubclass(render_farm.WaitTimeoutError, TimeoutError)


def test_a_wait_ends_on_cancelled(render_farm: ModuleType, server: TestServer) -> None:
    server.reply(200, {"id": "b1"})
    server.reply(200, {"status": "baking"})
    server.reply(200, {"status": "cancelled", "frames": frames(1)})
    client = render_farm.RenderFarm(api_key="k", base_url=server.url)
    bake = client.bakes.bake("castle", poll_interval=0.01)
    assert bake.status == "cancelled" and [f.number for f in bake.frames] == [1]
    assert len(server.requests) == 3


# --- a status call that collects every page, the page at a next URL --------------------------


def test_a_status_call_collects_every_page(render_farm: ModuleType, server: TestServer) -> None:
    server.reply(200, {"status": "done", "frames": frames(1), "next": "/bakes/b1?skip=1"})
    server.reply(200, {"status": "done", "frames": frames(2, 3), "next": f"{server.url}/bakes/b1?skip=3"})
    server.reply(200, {"status": "done", "frames": frames(4), "next": None})
    client = render_farm.RenderFarm(api_key="k", base_url=server.url)
    bake = client.bakes.get_bake("b1")
    assert [f.number for f in bake.frames] == [1, 2, 3, 4] and bake.next is None
    assert [r.query for r in server.requests] == [[], [("skip", "1")], [("skip", "3")]]


def test_a_status_call_collects_within_its_limits(render_farm: ModuleType, server: TestServer) -> None:
    client = render_farm.RenderFarm(api_key="k", base_url=server.url)
    server.reply(200, {"status": "done", "frames": frames(1), "next": "/bakes/b1?skip=1"})
    one = client.bakes.get_bake("b1", all_pages=False)
    assert [f.number for f in one.frames] == [1] and one.next == "/bakes/b1?skip=1"
    server.reply(200, {"status": "done", "frames": frames(1), "next": "/bakes/b1?skip=1"})
    server.reply(200, {"status": "done", "frames": frames(2), "next": "/bakes/b1?skip=2"})
    two = client.bakes.get_bake("b1", max_pages=2)
    assert [f.number for f in two.frames] == [1, 2] and two.next == "/bakes/b1?skip=2"
    server.reply(200, {"status": "done", "frames": frames(1, 2), "next": "/bakes/b1?skip=2"})
    server.reply(200, {"status": "done", "frames": frames(3, 4), "next": "/bakes/b1?skip=4"})
    three = client.bakes.get_bake("b1", max_results=3)
    assert [f.number for f in three.frames] == [1, 2, 3] and three.next == "/bakes/b1?skip=4"
    server.reply(200, {"status": "done", "frames": frames(1), "next": "/bakes/b1?skip=1"})
    timed = client.bakes.get_bake("b1", max_time=0)
    assert [f.number for f in timed.frames] == [1] and timed.next == "/bakes/b1?skip=1"
    assert len(server.requests) == 6


def test_a_running_jobs_status_stops_at_the_page_still_to_come(render_farm: ModuleType, server: TestServer) -> None:
    """A job still running answers an empty page that points to itself: no more yet, and no
    error; its `next` is where to go on."""
    server.reply(200, {"status": "baking", "frames": frames(1), "next": "/bakes/b1?skip=1"})
    server.reply(200, {"status": "baking", "frames": [], "next": "/bakes/b1?skip=1"})
    client = render_farm.RenderFarm(api_key="k", base_url=server.url)
    bake = client.bakes.get_bake("b1")
    assert [f.number for f in bake.frames] == [1] and bake.next == "/bakes/b1?skip=1"
    assert len(server.requests) == 2


def test_the_page_at_a_next_url(render_farm: ModuleType, server: TestServer) -> None:
    server.reply(200, {"status": "done", "frames": frames(2), "next": "/bakes/b1?skip=2"})
    client = render_farm.RenderFarm(api_key="k", base_url=server.url)
    page = client.bakes.get_bake_page("/bakes/b1?skip=1", extra_headers={"X-Trace": "t"})
    assert [f.number for f in page.frames] == [2] and page.next == "/bakes/b1?skip=2"
    [request] = server.requests
    assert (request.method, request.path, request.query, request.headers["x-trace"]) == (
        "GET", "/bakes/b1", [("skip", "1")], "t",
    )  # fmt: skip
    with pytest.raises(render_farm.APIError, match="not followed"):
        client.bakes.get_bake_page("https://elsewhere.example/bakes/b1?skip=1")


def test_raw_response_of_a_collecting_call_is_the_first_pages(render_farm: ModuleType, server: TestServer) -> None:
    server.reply(200, {"status": "done", "frames": frames(1), "next": "/bakes/b1?skip=1"})
    client = render_farm.RenderFarm(api_key="k", base_url=server.url)
    raw = client.bakes.with_raw_response.get_bake("b1")
    assert raw.status_code == 200 and [f.number for f in raw.parse().frames] == [1]
    assert len(server.requests) == 1


def test_waiting_polls_one_page_and_collects_once(render_farm: ModuleType, server: TestServer) -> None:
    server.reply(200, {"status": "baking", "frames": frames(1), "next": "/bakes/b1?skip=1"})
    server.reply(200, {"status": "done", "frames": frames(1), "next": "/bakes/b1?skip=1"})
    server.reply(200, {"status": "done", "frames": frames(2), "next": None})
    client = render_farm.RenderFarm(api_key="k", base_url=server.url)
    bake = client.bakes.get_bake_until_done("b1", poll_interval=0.01)
    assert [f.number for f in bake.frames] == [1, 2]
    assert [r.query for r in server.requests] == [[], [], [("skip", "1")]]


# --- watchers ------------------------------------------------------------------------------


def test_a_watcher_yields_each_status_with_the_documents_so_far(render_farm: ModuleType, server: TestServer) -> None:
    server.reply(200, {"status": "baking", "frames": []})
    server.reply(200, {"status": "baking", "frames": frames(1), "next": "/bakes/b1?skip=1"})
    server.reply(200, {"status": "baking", "frames": frames(2)})
    server.reply(200, {"status": "done", "frames": frames(1, 2, 3)})
    server.reply(200, {"status": "never asked for"})
    client = render_farm.RenderFarm(api_key="k", base_url=server.url)
    watched = client.bakes.watch_bake("b1", poll_interval=0.01)
    snapshots = [(bake.status, [f.number for f in bake.frames or []]) for bake in watched]
    assert snapshots == [("baking", []), ("baking", [1, 2]), ("done", [1, 2, 3])]
    assert len(server.requests) == 4


def test_an_async_watcher_stops_on_cancelled_and_times_out(render_farm: ModuleType, server: TestServer) -> None:
    server.reply(200, {"status": "baking"})
    server.reply(200, {"status": "cancelled"})
    for _ in range(40):
        server.reply(200, {"status": "baking"})

    async def watch() -> tuple[list[str], Any]:
        async with render_farm.AsyncRenderFarm(api_key="k", base_url=server.url) as client:
            statuses = [bake.status async for bake in client.bakes.watch_bake("b1", poll_interval=0.01)]
            with pytest.raises(render_farm.WaitTimeoutError) as caught:
                async for _ in client.bakes.watch_bake("b2", poll_interval=0.05, max_wait=0.2):
                    pass
            return statuses, caught.value

    statuses, error = asyncio.run(watch())
    assert statuses == ["baking", "cancelled"]
    assert error.job_id == "b2" and isinstance(error, TimeoutError) and 0 < error.elapsed < 2


def test_async_job_with_a_wait_limit_named_timeout(render_farm: ModuleType, server: TestServer) -> None:
    """`timeout=0.2` is the most seconds to wait, not the HTTP timeout of each call."""
    server.reply(200, {"id": "b1"})
    for _ in range(40):
        server.reply(200, {"status": "baking"})

    async def bake() -> Any:
        async with render_farm.AsyncRenderFarm(api_key="k", base_url=server.url) as client:
            with pytest.raises(render_farm.WaitTimeoutError) as caught:
                await client.bakes.bake("castle", poll_interval=0.05, timeout=0.2)
            return caught.value

    error = asyncio.run(bake())
    assert error.job_id == "b1" and error.last.status == "baking" and 0 < error.elapsed < 2
