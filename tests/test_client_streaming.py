"""Server-sent events (tests/features/streaming) from a real server: typed events, sync and async."""

import asyncio
import inspect
import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

from generator.cli import main
from generator.config import load_targets
from generator.errors import GeneratorError
from generator.inputs import Inputs
from generator.pipeline import generate_files
from generator.write import write_project

from .golden import FEATURES
from .http_server import TestServer
from .raw_http import RawServer

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


# --- a flag that chooses a stream; JSON lines; in-stream errors ---------------------------------

JSON = {"Content-Type": "application/json"}
CHUNKS = b'data: {"id": "c1", "delta": "Hel"}\n\ndata: {"id": "c1", "delta": "lo"}\n\ndata: [DONE]\n\n'


def test_the_stream_flag_chooses_the_answer_and_its_accept_header(chat: ModuleType, server: TestServer) -> None:
    """`stream=True` sends the flag and asks for the event stream; without it (or False) the
    call asks for JSON and returns the model."""
    client = chat.Chat(base_url=server.url)
    server.reply(200, body=CHUNKS, headers=SSE)
    stream = client.chat.create_chat_completion(prompt="hi", stream=True)
    assert type(stream).__name__ == "Stream"
    chunks = list(stream)
    assert [c.delta for c in chunks] == ["Hel", "lo"] and type(chunks[0]).__name__ == "ChatCompletionChunk"
    server.reply(200, {"id": "c2", "text": "Hello"})
    completion = client.chat.create_chat_completion(prompt="hi")
    assert type(completion).__name__ == "ChatCompletion" and completion.text == "Hello"
    server.reply(200, {"id": "c3", "text": "Hi"})
    assert client.chat.create_chat_completion(prompt="hi", stream=False).text == "Hi"
    sent = server.requests
    assert [r.json().get("stream", "not sent") for r in sent] == [True, "not sent", False]
    # events, and the JSON its errors come in, preferred less
    assert sent[0].headers["accept"] == "text/event-stream, application/json;q=0.5"
    assert sent[1].headers["accept"] == sent[2].headers["accept"] == "application/json"


def test_the_answer_is_read_by_its_content_type_never_an_event_stream_as_json(
    chat: ModuleType, server: TestServer
) -> None:
    """A server that answers a stream where JSON was asked for, or JSON where a stream was, is
    not what the method's type promises: APIResponseValidationError, not a wrong object."""
    client = chat.Chat(base_url=server.url, max_retries=0)
    server.reply(200, body=CHUNKS, headers=SSE)
    with pytest.raises(chat.APIResponseValidationError, match=r"is a stream \(text/event-stream\), not the JSON"):
        client.chat.create_chat_completion(prompt="hi", stream=False)
    server.reply(200, {"id": "c2", "text": "Hello"})
    with pytest.raises(chat.APIResponseValidationError, match=r"is JSON \(application/json\), not the stream"):
        client.chat.create_chat_completion(prompt="hi", stream=True)
    server.reply(400, {"message": "no prompt"})
    with pytest.raises(chat.BadRequestError) as caught:
        client.chat.create_chat_completion(prompt="", stream=True)
    assert caught.value.parsed.message == "no prompt"


def test_the_stream_flag_async(chat: ModuleType, server: TestServer) -> None:
    server.reply(200, body=CHUNKS, headers=SSE)
    server.reply(200, {"id": "c2", "text": "Hello"})

    async def main() -> tuple[list[str], str]:
        async with chat.AsyncChat(base_url=server.url) as client:
            stream = await client.chat.create_chat_completion(prompt="hi", stream=True)
            deltas = [chunk.delta async for chunk in stream]
            completion = await client.chat.create_chat_completion(prompt="hi")
            return deltas, completion.text

    assert asyncio.run(main()) == (["Hel", "lo"], "Hello")
    assert server.requests[0].json()["stream"] is True


def test_twin_methods_set_a_flag_of_another_name(chat: ModuleType, server: TestServer) -> None:
    """`x-clientgen-stream: {flag: live, methods: twins}`: `draft` and `draft_stream`, neither
    taking the flag, each sending it; the stream is JSON lines."""
    client = chat.Chat(base_url=server.url)
    server.reply(200, {"text": "All of it"})
    assert client.chat.draft(topic="t").text == "All of it"
    server.reply(200, body=b'{"line": "One"}\n{"line": "Two"}\n', headers={"Content-Type": "application/x-ndjson"})
    with client.chat.draft_stream(topic="t") as lines:
        assert [line.line for line in lines] == ["One", "Two"]
    assert lines.response.is_closed
    assert [r.json() for r in server.requests] == [{"topic": "t", "live": False}, {"topic": "t", "live": True}]
    assert server.requests[1].headers["accept"] == "application/x-ndjson"
    assert "live" not in inspect.signature(client.chat.draft_stream).parameters


def _chunked(*chunks: bytes, content_type: str) -> bytes:
    """An HTTP answer whose body comes in these chunks of the chunked transfer coding."""
    head = f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
    return head.encode() + b"".join(b"%x\r\n%s\r\n" % (len(c), c) for c in chunks) + b"0\r\n\r\n"


def test_json_lines_over_chunked_transfer_sync_and_async(chat: ModuleType) -> None:
    """Lines split across chunks, blank lines, a last line with no line break: each line a
    typed record, as it arrives; lenient where a record drifts from the spec."""
    answer = _chunked(
        b'{"id": 1, "name": "a"}\n{"id"',
        b': 2, "name": "b", "extra": true}\r\n\n{"id": "three"}\n',
        b'{"id": 4}',
        content_type="application/jsonl",
    )
    with RawServer() as server:
        server.send(answer)
        server.send(answer)
        records = list(chat.Chat(base_url=server.url).records.export_records())

        async def main() -> list[object]:
            async with chat.AsyncChat(base_url=server.url) as client:
                return [record.id async for record in await client.records.export_records()]

        assert asyncio.run(main()) == [1, 2, "three", 4]
    assert [(r.id, r.name) for r in records] == [(1, "a"), (2, "b"), ("three", None), (4, None)]
    assert type(records[0]).__name__ == "Record" and records[1].model_extra == {"extra": True}


def test_json_text_sequences_and_lines_that_are_not_json(chat: ModuleType, server: TestServer) -> None:
    client = chat.Chat(base_url=server.url)
    seq = {"Content-Type": "application/json-seq"}
    server.reply(200, body=b'\x1e{"id": 1}\n\x1e{"id": 2,\n "name": "two"}\n', headers=seq)
    assert [(r.id, r.name) for r in client.records.sequence_records()] == [(1, None), (2, "two")]
    server.reply(200, body=b'{"id": 1}\n{"id": 2\n', headers={"Content-Type": "application/jsonl"})
    records = iter(client.records.export_records())
    assert next(records).id == 1
    with pytest.raises(chat.APIResponseValidationError, match=r"line of GET /records is not JSON: '\{\"id\": 2'"):
        next(records)
    server.reply(200, body=b'{"id": "one"}\n', headers={"Content-Type": "application/jsonl"})
    strict = client.with_options(strict_response_validation=True)
    with pytest.raises(chat.APIResponseValidationError, match="line of GET /records does not match"):
        list(strict.records.export_records())


def test_request_bodies_of_many_records(chat: ModuleType, server: TestServer) -> None:
    """A line-stream request body: records (models or dicts) sent one a line, in the media type
    the spec declares."""
    server.reply(200, {"imported": 2})
    client = chat.Chat(base_url=server.url)
    answer = client.records.import_records(body=[{"id": 1, "name": "ä"}, chat.types.Record(id=2)])
    assert answer.imported == 2
    request = server.requests[0]
    assert request.headers["content-type"] == "application/x-ndjson"
    assert request.body == '{"id":1,"name":"ä"}\n{"id":2}\n'.encode()


def test_in_stream_errors_raise(chat: ModuleType, server: TestServer) -> None:
    """An `error` event, or an item with an `error`, raises APIStreamError with the item's data
    after the items before it; where the items' schema has an `error` it is data, and the
    extension names the event that fails (`failure`)."""
    client = chat.Chat(base_url=server.url)
    failing = b'data: {"id": "c1", "delta": "Hel"}\n\nevent: error\ndata: {"message": "overloaded"}\n\n'
    server.reply(200, body=failing, headers=SSE)
    received = []
    with pytest.raises(chat.APIStreamError, match="POST /chat/completions failed in its stream: overloaded") as caught:
        for chunk in client.chat.create_chat_completion(prompt="hi", stream=True):
            received.append(chunk.delta)
    assert received == ["Hel"] and caught.value.body == {"message": "overloaded"}
    assert caught.value.event.event == "error" and isinstance(caught.value, chat.APIError)
    server.reply(200, body=b'data: {"error": {"message": "quota", "code": 429}}\n\n', headers=SSE)
    with pytest.raises(chat.APIStreamError, match="failed in its stream: quota") as caught:
        list(client.chat.create_chat_completion(prompt="hi", stream=True))
    assert caught.value.body == {"error": {"message": "quota", "code": 429}}
    lines = {"Content-Type": "application/jsonl"}
    server.reply(200, body=b'{"id": 1}\n{"error": "disk full"}\n', headers=lines)
    with pytest.raises(chat.APIStreamError, match="GET /records failed in its stream: disk full") as caught:
        list(client.records.export_records())
    assert caught.value.event is None
    job = b'data: {"state": "retrying", "error": "timeout"}\n\nevent: failure\ndata: gave up\n\n'
    server.reply(200, body=job, headers=SSE)
    states = []
    with pytest.raises(chat.APIStreamError, match="GET /jobs/7/events failed in its stream: gave up"):
        for event in client.jobs.watch_job("7"):
            states.append((event.state, event.error))
    assert states == [("retrying", "timeout")]


TYPED_USAGE = """
from typing import assert_type

from chat import AsyncChat, AsyncJSONLines, AsyncStream, Chat, JSONLines, Stream
from chat.types import ChatCompletion, ChatCompletionChunk, Draft, DraftLine, Record


def sync(client: Chat, flag: bool) -> None:
    assert_type(client.chat.create_chat_completion(prompt="p"), ChatCompletion)
    assert_type(client.chat.create_chat_completion(prompt="p", stream=False), ChatCompletion)
    assert_type(client.chat.create_chat_completion(prompt="p", stream=None), ChatCompletion)
    assert_type(client.chat.create_chat_completion(prompt="p", stream=True), Stream[ChatCompletionChunk])
    either = client.chat.create_chat_completion(prompt="p", stream=flag)
    assert_type(either, ChatCompletion | Stream[ChatCompletionChunk])
    assert_type(client.chat.draft(topic="t"), Draft)
    assert_type(client.chat.draft_stream(topic="t"), JSONLines[DraftLine])
    assert_type(client.records.export_records(), JSONLines[Record])
    for record in client.records.export_records():
        assert_type(record, Record)


async def main(client: AsyncChat) -> None:
    assert_type(await client.chat.create_chat_completion(prompt="p"), ChatCompletion)
    stream = await client.chat.create_chat_completion(prompt="p", stream=True)
    assert_type(stream, AsyncStream[ChatCompletionChunk])
    async for chunk in stream:
        assert_type(chunk, ChatCompletionChunk)
    assert_type(await client.chat.draft_stream(topic="t"), AsyncJSONLines[DraftLine])
"""


@pytest.mark.slow
def test_the_overloads_type_each_value_of_the_flag(tmp_path: Path) -> None:
    """mypy --strict sees the answer each value of the flag gives, and the items of each stream."""
    usage = tmp_path / "usage.py"
    usage.write_text(TYPED_USAGE)
    checked = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--no-incremental",
            "--cache-dir",
            str(tmp_path / "cache"),
            str(usage),
        ],
        cwd=FEATURES / "streaming" / "expected",
        env={**os.environ, "MYPYPATH": str(FEATURES / "streaming" / "expected")},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert checked.returncode == 0, checked.stdout


def test_item_schemas_of_openapi_3_2(import_client: Callable[[Path, str], ModuleType], server: TestServer) -> None:
    """3.2's `itemSchema`: a line stream's items are its type; an event's data is its `data`'s
    `contentSchema` (text where there is none)."""
    ticker = import_client(FEATURES / "streaming32" / "expected", "ticker")
    client = ticker.Ticker(base_url=server.url)
    server.reply(200, body=b'event: tick\ndata: {"symbol": "ACME", "price": 1.5}\n\n', headers=SSE)
    server.reply(200, body=b'{"symbol": "ACME", "price": 1}\n', headers={"Content-Type": "application/jsonl"})
    server.reply(200, body=b"data: closed early\n\n", headers=SSE)
    (tick,) = client.ticks.stream_ticks()
    assert type(tick).__name__ == "Tick" and (tick.symbol, tick.price) == ("ACME", 1.5)
    (line,) = client.ticks.tick_history()
    assert type(line).__name__ == "Tick" and line.price == 1
    assert list(client.notices.notices()) == ["closed early"]


def test_the_configuration_chooses_twin_methods(
    tmp_path: Path, import_client: Callable[[Path, str], ModuleType], server: TestServer
) -> None:
    """`stream-methods = "twins"`: `create_chat_completion` and `create_chat_completion_stream`,
    neither taking the flag; an operation's `x-clientgen-stream` still has the last word."""
    spec = FEATURES / "streaming" / "spec.yaml"
    config = tmp_path / "pyproject.toml"
    config.write_text(
        f'[tool.generator]\nstream-methods = "twins"\n\n[[tool.generator.targets]]\nname = "chat"\n'
        f'spec = "{spec}"\noutput = "out"\n'
    )
    (target,) = load_targets(config)
    write_project(generate_files(spec, target.inputs).files, tmp_path / "out")
    chat = import_client(tmp_path / "out", "chat")
    client = chat.Chat(base_url=server.url)
    assert "stream" not in inspect.signature(client.chat.create_chat_completion).parameters
    server.reply(200, body=CHUNKS, headers=SSE)
    server.reply(200, {"id": "c2", "text": "Hello"})
    assert [chunk.delta for chunk in client.chat.create_chat_completion_stream(prompt="hi")] == ["Hel", "lo"]
    assert client.chat.create_chat_completion(prompt="hi").text == "Hello"
    assert [r.json()["stream"] for r in server.requests] == [True, False]
    config.write_text(config.read_text().replace('"twins"', '"both"'))
    with pytest.raises(GeneratorError, match="stream-methods"):
        load_targets(config)


@pytest.mark.parametrize(
    ("extension", "pointer", "message"),
    [
        ("{flag: prompt}", "x-clientgen-stream/flag", "'prompt' is no boolean argument of this operation"),
        ("{methods: both}", "x-clientgen-stream/methods", "must be one of overloads, twins"),
        ("{error-key: 3}", "x-clientgen-stream/error-key", "must be a name, or null for none"),
        ("{streaming: true}", "x-clientgen-stream/streaming", "unknown key"),
    ],
)
def test_a_wrong_stream_extension_is_an_error_at_its_pointer(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], extension: str, pointer: str, message: str
) -> None:
    spec = tmp_path / "spec.yaml"
    text = (FEATURES / "streaming" / "spec.yaml").read_text()
    spec.write_text(
        text.replace(
            "      operationId: createChatCompletion\n",
            f"      operationId: createChatCompletion\n      x-clientgen-stream: {extension}\n",
        )
    )
    assert main(["generate", str(spec), "--output", str(tmp_path / "out"), "-q"]) == 2
    error = capsys.readouterr().err
    assert error.startswith(f"error: {spec}:") and f"#/paths/~1chat~1completions/post/{pointer}: {message}" in error
    assert not (tmp_path / "out").exists()


def test_a_stream_no_flag_asks_for_is_a_warning(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    text = (FEATURES / "streaming" / "spec.yaml").read_text()
    spec.write_text(text.replace("                stream: {type: boolean", "                streamed: {type: boolean"))
    warnings = generate_files(spec, Inputs()).warnings
    (warning,) = [w for w in warnings if "stream" in w.message]
    assert warning.location.pointer == "/paths/~1chat~1completions/post"
    assert "no boolean argument 'stream' asks for it: the method returns its application/json answer only" in (
        warning.message
    )


def test_an_item_of_a_schema_marked_as_the_streams_failure_raises(chat: ModuleType, server: TestServer) -> None:
    """`x-clientgen-stream-error: true` on a schema: an item of it raises APIStreamError."""
    log = b'{"type": "line", "text": "started"}\n{"type": "failure", "message": "out of memory"}\n'
    server.reply(200, body=log, headers={"Content-Type": "application/x-ndjson"})
    texts = []
    with pytest.raises(chat.APIStreamError, match="GET /jobs/7/log failed in its stream: out of memory") as caught:
        for entry in chat.Chat(base_url=server.url).jobs.job_log("7"):
            texts.append(entry.text)
    assert texts == ["started"] and caught.value.body == {"type": "failure", "message": "out of memory"}
