"""Streams together with the other features of a method: OpenAPI 3.2 media types referenced
from `components/mediaTypes`, response envelopes and page objects, against a real server on
127.0.0.1."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

from generator.cli import main

from .conftest import generate_into, write_spec
from .http_server import TestServer

SSE = {"Content-Type": "text/event-stream"}

REFERENCED = """
openapi: 3.2.0
info: {title: Talk, version: '1'}
servers: [{url: 'https://talk.example'}]
paths:
  /replies:
    post:
      tags: [replies]
      operationId: reply
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              required: [prompt]
              properties: {prompt: {type: string}, stream: {type: boolean}}
      responses:
        '200':
          description: The reply, whole or as it is written.
          content:
            application/json: {$ref: '#/components/mediaTypes/Reply'}
            text/event-stream: {$ref: '#/components/mediaTypes/Pieces'}
  /notes:
    post:
      tags: [notes]
      operationId: importNotes
      requestBody:
        required: true
        content:
          application/jsonl: {$ref: '#/components/mediaTypes/NoteLines'}
      responses:
        '200':
          description: The notes as stored, one a line.
          content:
            application/jsonl: {$ref: '#/components/mediaTypes/NoteLines'}
components:
  mediaTypes:
    Reply: {schema: {$ref: '#/components/schemas/Reply'}}
    Pieces:
      itemSchema:
        type: object
        properties:
          data: {type: string, contentMediaType: application/json, contentSchema: {$ref: '#/components/schemas/Piece'}}
    NoteLines: {itemSchema: {$ref: '#/components/schemas/Note'}}
  schemas:
    Reply:
      type: object
      required: [text]
      properties: {text: {type: string}}
    Piece:
      type: object
      required: [delta]
      properties: {delta: {type: string}}
    Note:
      type: object
      required: [title]
      properties: {title: {type: string}}
"""


def test_streams_whose_media_types_are_referenced_from_components(
    tmp_path: Path, import_client: Callable[[Path, str], ModuleType]
) -> None:
    """A `$ref` to `components/mediaTypes` is followed for a stream too: the JSON answer, the
    event stream the flag chooses and a line stream (of a request body too) are typed by the
    media type objects they lead to."""
    spec = write_spec(tmp_path, REFERENCED)
    talk = import_client(generate_into(spec, tmp_path / "client", "talk"), "talk")
    with TestServer() as server:
        server.reply(200, {"text": "Hello"})
        server.reply(200, body=b'data: {"delta": "Hel"}\n\ndata: {"delta": "lo"}\n\n', headers=SSE)
        server.reply(200, body=b'{"title": "a"}\n{"title": "b"}\n', headers={"Content-Type": "application/jsonl"})
        client = talk.Talk(base_url=server.url)
        whole = client.replies.reply(prompt="hi")
        pieces = list(client.replies.reply(prompt="hi", stream=True))
        notes = list(client.notes.import_notes(body=[{"title": "a"}, {"title": "b"}]))
    assert (type(whole).__name__, whole.text) == ("Reply", "Hello")
    assert [(type(p).__name__, p.delta) for p in pieces] == [("Piece", "Hel"), ("Piece", "lo")]
    assert [(type(n).__name__, n.title) for n in notes] == [("Note", "a"), ("Note", "b")]
    assert server.requests[1].headers["accept"] == "text/event-stream"
    assert server.requests[2].body == b'{"title":"a"}\n{"title":"b"}\n'


ENVELOPED = """
openapi: 3.1.0
info: {title: Wrapped, version: '1'}
servers: [{url: 'https://wrapped.example'}]
paths:
  /replies:
    post:
      tags: [replies]
      operationId: reply
      x-clientgen-envelope: {data: data}
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              required: [prompt]
              properties: {prompt: {type: string}, stream: {type: boolean}}
      responses:
        '200':
          description: The reply in its envelope, or the pieces of it as they are written.
          content:
            application/json:
              schema:
                type: object
                properties:
                  success: {type: boolean}
                  data: {$ref: '#/components/schemas/Reply'}
            text/event-stream:
              schema: {$ref: '#/components/schemas/Reply'}
components:
  schemas:
    Reply:
      type: object
      required: [text]
      properties: {text: {type: string}}
"""


def test_an_envelope_opens_the_answer_the_flag_leaves_whole_and_not_the_stream(
    tmp_path: Path, import_client: Callable[[Path, str], ModuleType]
) -> None:
    spec = write_spec(tmp_path, ENVELOPED)
    wrapped = import_client(generate_into(spec, tmp_path / "client", "wrapped"), "wrapped")
    with TestServer() as server:
        server.reply(200, {"success": True, "data": {"text": "Hello"}})
        server.reply(200, {"success": False, "error": "no credits"})
        server.reply(200, body=b'data: {"text": "Hel"}\n\n', headers=SSE)
        client = wrapped.Wrapped(base_url=server.url)
        reply = client.replies.reply(prompt="hi")
        with pytest.raises(wrapped.APIFailureError, match="no credits"):
            client.replies.reply(prompt="hi", stream=False)
        (piece,) = client.replies.reply(prompt="hi", stream=True)
    assert (type(reply).__name__, reply.text) == ("Reply", "Hello")
    assert (type(piece).__name__, piece.text) == ("Reply", "Hel")
    source = (tmp_path / "client" / "wrapped" / "resources" / "replies.py").read_text()
    assert "stream: Literal[False] | NotGiven = NOT_GIVEN," in source and ") -> Reply: ..." in source


PAGED = """
openapi: 3.1.0
info: {title: Paged, version: '1'}
servers: [{url: 'https://paged.example'}]
paths:
  /logs:
    get:
      tags: [logs]
      operationId: listLogs
      x-clientgen-pages: {style: cursor, items: data, next: next_cursor, parameter: cursor}
      parameters:
        - {name: cursor, in: query, schema: {type: string}}
        - {name: stream, in: query, schema: {type: boolean}}
      responses:
        '200':
          description: A page of logs, or every log as it is written.
          content:
            application/json:
              schema:
                type: object
                properties:
                  data: {type: array, items: {type: string}}
                  next_cursor: {type: string}
            text/event-stream:
              schema: {type: string}
"""


def test_a_page_object_and_overloads_of_a_stream_flag_are_an_error_twins_are_not(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], import_client: Callable[[Path, str], ModuleType]
) -> None:
    """Without the flag an overload would return the answer where the method returns its first
    page: never silently; with twin methods each returns its own."""
    spec = write_spec(tmp_path, PAGED)
    assert main(["generate", str(spec), "--output", str(tmp_path / "out"), "-q"]) == 2
    error = capsys.readouterr().err
    assert error.startswith(f"error: {spec}:")
    assert "#/paths/~1logs/get: a flag that chooses a stream needs twin methods" in error
    assert not (tmp_path / "out").exists()
    twins = write_spec(
        tmp_path,
        PAGED.replace(
            "      x-clientgen-pages:", "      x-clientgen-stream: {methods: twins}\n      x-clientgen-pages:"
        ),
        "twins.yaml",
    )
    paged = import_client(generate_into(twins, tmp_path / "client", "paged"), "paged")
    with TestServer() as server:
        server.reply(200, {"data": ["a", "b"], "next_cursor": "c2"})
        server.reply(200, {"data": ["c"]})
        server.reply(200, body=b"data: live\n\n", headers=SSE)
        client = paged.Paged(base_url=server.url)
        logs = list(client.logs.list_logs())
        live = list(client.logs.list_logs_stream())
    assert (logs, live) == (["a", "b", "c"], ["live"])
    assert [r.raw_query for r in server.requests] == ["stream=false", "cursor=c2&stream=false", "stream=true"]
