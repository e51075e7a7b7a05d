"""OpenAI's spec (../shared/specs/openai, never copied into the project) as a new user would
take it: chat completions with `stream: true` get their overloads from the spec alone, stream
typed chunks from a server on 127.0.0.1, and mypy --strict sees each value of the flag."""

import asyncio
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

from generator.inputs import Inputs
from generator.pipeline import generate_files
from generator.write import write_project

from .conftest import SHARED
from .http_server import TestServer

SPEC = SHARED / "specs" / "openai" / "openapi.yaml"
pytestmark = pytest.mark.skipif(not SPEC.exists(), reason="OpenAI's spec is not in ../shared/specs")

CHUNK = {
    "id": "chatcmpl-1",
    "object": "chat.completion.chunk",
    "created": 1,
    "model": "gpt-x",
    "choices": [{"index": 0, "delta": {"role": "assistant", "content": "Hel"}, "finish_reason": None}],
}
COMPLETION = {
    "id": "chatcmpl-2",
    "object": "chat.completion",
    "created": 1,
    "model": "gpt-x",
    "choices": [
        {
            "index": 0,
            "message": {"role": "assistant", "content": "Hello", "refusal": None},
            "finish_reason": "stop",
            "logprobs": None,
        }
    ],
}
MESSAGES = [{"role": "user", "content": "Say hello"}]


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    output = tmp_path_factory.mktemp("openai")
    write_project(generate_files(SPEC, Inputs(with_tests=False)).files, output)
    return output


@pytest.fixture
def openai(project: Path, import_client: Callable[[Path, str], ModuleType]) -> ModuleType:
    return import_client(project, "open_ai")


def _events(*items: object) -> bytes:
    return b"".join(b"data: %s\n\n" % json.dumps(item).encode() for item in items) + b"data: [DONE]\n\n"


def test_chat_completions_stream_typed_chunks(openai: ModuleType, server: TestServer) -> None:
    second = {**CHUNK, "choices": [{"index": 0, "delta": {"content": "lo"}, "finish_reason": "stop"}]}
    server.reply(200, body=_events(CHUNK, second), headers={"Content-Type": "text/event-stream"})
    server.reply(200, COMPLETION)
    client = openai.OpenAi(api_key_auth="sk-test", base_url=server.url)
    stream = client.chat.create_chat_completion(model="gpt-x", messages=MESSAGES, stream=True)
    chunks = list(stream)
    assert [type(chunk).__name__ for chunk in chunks] == ["CreateChatCompletionStreamResponse"] * 2
    assert "".join(chunk.choices[0].delta.content for chunk in chunks) == "Hello"
    completion = client.chat.create_chat_completion(model="gpt-x", messages=MESSAGES)
    assert type(completion).__name__ == "CreateChatCompletionResponse"
    assert completion.choices[0].message.content == "Hello"
    streamed, whole = server.requests
    assert streamed.json()["stream"] is True and "stream" not in whole.json()
    assert streamed.headers["accept"].startswith("text/event-stream")
    assert whole.headers["accept"] == "application/json"


def test_chat_completions_stream_async_and_its_errors(openai: ModuleType, server: TestServer) -> None:
    """An error in the stream (OpenAI sends `{"error": {...}}`) raises APIStreamError after the
    chunks before it."""
    failing = _events(CHUNK)[: -len(b"data: [DONE]\n\n")] + b'data: {"error": {"message": "server overloaded"}}\n\n'
    server.reply(200, body=failing, headers={"Content-Type": "text/event-stream"})

    async def main() -> list[str]:
        received = []
        async with openai.AsyncOpenAi(api_key_auth="sk-test", base_url=server.url) as client:
            stream = await client.chat.create_chat_completion(model="gpt-x", messages=MESSAGES, stream=True)
            with pytest.raises(openai.APIStreamError, match="server overloaded") as caught:
                async for chunk in stream:
                    received.append(chunk.choices[0].delta.content)
        assert caught.value.body == {"error": {"message": "server overloaded"}}
        return received

    assert asyncio.run(main()) == ["Hel"]


TYPED_USAGE = """
from typing import assert_type

from open_ai import OpenAi, Stream
from open_ai.types import CreateChatCompletionResponse, CreateChatCompletionStreamResponse


def main(client: OpenAi, flag: bool) -> None:
    streamed = client.chat.create_chat_completion(model="m", messages=[{"role": "user", "content": "hi"}], stream=True)
    assert_type(streamed, Stream[CreateChatCompletionStreamResponse])
    for chunk in streamed:
        assert_type(chunk, CreateChatCompletionStreamResponse)
    whole = client.chat.create_chat_completion(model="m", messages=[{"role": "user", "content": "hi"}])
    assert_type(whole, CreateChatCompletionResponse)
    either = client.chat.create_chat_completion(model="m", messages=[{"role": "user", "content": "hi"}], stream=flag)
    assert_type(either, CreateChatCompletionResponse | Stream[CreateChatCompletionStreamResponse])
"""


@pytest.mark.slow
def test_the_overloads_type_check(project: Path) -> None:
    usage = project / "usage.py"
    usage.write_text(TYPED_USAGE)
    checked = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "usage.py"],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert checked.returncode == 0, checked.stdout
