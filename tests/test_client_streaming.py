"""Server-sent events (tests/features/streaming) from a real server: typed events, sync and async."""

import asyncio
import json
import threading
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

from .golden import FEATURES
from .http_server import TestServer

SSE = {"Content-Type": "text/event-stream"}
EVENTS = (
    b": a comment\n\n"
    b'data: {"index": 0, "delta": "Hel"}\n\n'
    b"event: token\nid: 2\n"
    b'data: {"index": 1,\ndata:  "delta": "lo", "finish": "stop", "extra": 1}\n\n'
    b"data: [DONE]\n\n"
)


@pytest.fixture
def chat(import_client: Callable[[Path, str], ModuleType]) -> ModuleType:
    return import_client(FEATURES / "streaming" / "expected", "chat")


def test_typed_events(chat: ModuleType, server: TestServer) -> None:
    server.reply(200, body=EVENTS, headers=SSE)
    with chat.Chat(base_url=server.url).completions.stream_completion(prompt="hi") as stream:
        events = list(stream)
    assert [(e.index, e.delta, e.finish) for e in events] == [(0, "Hel", None), (1, "lo", "stop")]
    assert type(events[0]).__name__ == "StreamCompletionResponseEvent" and events[1].model_extra == {"extra": 1}
    assert server.requests[0].json() == {"prompt": "hi"}
    # the events, and (preferred less) the JSON its error responses are in
    assert server.requests[0].headers["accept"] == "text/event-stream, application/json;q=0.5"


def test_raw_events_and_text_streams(chat: ModuleType, server: TestServer) -> None:
    server.reply(200, body=EVENTS, headers=SSE)
    server.reply(200, body=b"data: line one\n\ndata: line two\n\n", headers=SSE)
    client = chat.Chat(base_url=server.url)
    raw = list(client.completions.stream_completion(prompt="hi").events())
    assert [(e.event, e.id) for e in raw] == [("message", None), ("token", "2")]
    assert raw[1].data == '{"index": 1,\n "delta": "lo", "finish": "stop", "extra": 1}'
    assert list(client.logs.tail_logs()) == ["line one", "line two"]


def test_async_events(chat: ModuleType, server: TestServer) -> None:
    server.reply(200, body=EVENTS, headers=SSE)

    async def main() -> list[str]:
        async with chat.AsyncChat(base_url=server.url) as client:
            stream = await client.completions.stream_completion(prompt="hi")
            return [event.delta async for event in stream]

    assert asyncio.run(main()) == ["Hel", "lo"]


def test_errors_before_and_during_the_stream(chat: ModuleType, server: TestServer) -> None:
    client = chat.Chat(base_url=server.url)
    server.reply(503, headers={"Retry-After": "0"})  # retried: the stream has not begun
    server.reply(200, body=b'data: {"index": 0, "delta": "x"}\n\n', headers=SSE)
    assert [e.delta for e in client.completions.stream_completion(prompt="hi")] == ["x"]
    server.reply(429, {"error": "slow down"})
    with pytest.raises(chat.RateLimitError) as caught:
        client.with_options(max_retries=0).completions.stream_completion(prompt="hi")
    assert caught.value.parsed.error == "slow down"
    server.reply(200, body=b'data: {"index": "zero", "delta": "x"}\n\ndata: not json\n\n', headers=SSE)
    drifted, text = client.completions.stream_completion(prompt="hi")  # kept as received
    assert (drifted.index, drifted.delta, text) == ("zero", "x", "not json")
    server.reply(200, body=b'data: {"index": "zero"}\n\n', headers=SSE)
    strict = client.with_options(strict_response_validation=True)
    with pytest.raises(chat.APIResponseValidationError, match="event of POST /completions does not match"):
        list(strict.completions.stream_completion(prompt="hi"))


def test_streaming_response_reads_the_body_only_as_the_caller_iterates(
    chat: ModuleType, import_client: Callable[[Path, str], ModuleType], server: TestServer
) -> None:
    """`with_streaming_response` sits beside `with_raw_response`: the call is sent on `with`,
    which returns once the headers are in, while the server still holds most of the body back;
    the body comes as the caller iterates it (or `parse()`s it), and the response is closed at
    the end of the block. An error status raises its exception on entering. Sync and async,
    JSON and server-sent events."""
    petstore = import_client(FEATURES / "petstore" / "expected", "petstore")
    inventory = json.dumps({"available": 3, "sold": 1}).encode()
    gate = threading.Event()
    server.reply(200, body=inventory, headers={"Content-Type": "application/json", "X-Id": "1"}, gate=gate, first=5)
    client = petstore.Petstore(api_key="k", base_url=server.url, max_retries=0)
    started = time.monotonic()
    with client.store.with_streaming_response.get_inventory() as response:
        # the server holds the body back for 10 s unless told: `with` did not wait for it
        assert time.monotonic() - started < 5
        assert response.status_code == 200 and response.headers["x-id"] == "1"
        assert not response.http_response.is_stream_consumed
        gate.set()
        assert b"".join(response.iter_bytes()) == inventory
    assert response.http_response.is_closed
    server.reply(200, {"available": 2})
    with client.store.with_streaming_response.get_inventory() as response:
        assert response.parse() == {"available": 2}
    server.reply(200, {"id": 7, "name": "Rex"})
    with client.pets.with_streaming_response.get_pet(7, timeout=5.0) as response:
        assert "".join(response.iter_lines()) == '{"id": 7, "name": "Rex"}'
    assert server.requests[-1].path == "/pets/7"
    server.reply(404, {"code": 404, "message": "no such pet"})
    with pytest.raises(petstore.NotFoundError):
        with client.pets.with_streaming_response.get_pet(8):
            pass
    # async: the same, and a stream of events parsed from the unread body
    gate = threading.Event()
    server.reply(200, body=inventory, headers={"Content-Type": "application/json"}, gate=gate, first=5)
    server.reply(200, body=EVENTS, headers=SSE)

    async def main() -> tuple[bytes, list[str]]:
        async with petstore.AsyncPetstore(api_key="k", base_url=server.url) as async_client:
            started = time.monotonic()
            async with async_client.store.with_streaming_response.get_inventory() as streamed:
                assert time.monotonic() - started < 5 and not streamed.http_response.is_stream_consumed
                gate.set()
                body = b"".join([chunk async for chunk in streamed.aiter_bytes()])
        async with chat.AsyncChat(base_url=server.url) as chat_client:
            async with chat_client.completions.with_streaming_response.stream_completion(prompt="hi") as events:
                stream = await events.parse()
                deltas = [event.delta async for event in stream]
        return body, deltas

    assert asyncio.run(main()) == (inventory, ["Hel", "lo"])
    server.reply(200, body=EVENTS, headers=SSE)
    with chat.Chat(base_url=server.url).completions.with_streaming_response.stream_completion(prompt="hi") as events:
        assert [event.delta for event in events.parse()] == ["Hel", "lo"]
