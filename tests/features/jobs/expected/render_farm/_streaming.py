"""Responses that are streams of server-sent events (text/event-stream)."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from types import TracebackType
from typing import Any, Generic, Self, TypeVar

import httpx
import pydantic

from ._exceptions import APIResponseValidationError, connection_error
from ._models import excerpt, first_problem, validate

__all__ = ["AsyncStream", "ServerSentEvent", "Stream"]

EventT = TypeVar("EventT")


@dataclass(frozen=True)
class ServerSentEvent:
    """One event of the stream, as the server sent it."""

    data: str
    event: str = "message"
    id: str | None = None
    retry: int | None = None


class _Decoder:
    """Lines of a text/event-stream in, events out (the WHATWG rules)."""

    def __init__(self) -> None:
        self._data: list[str] = []
        self._event = ""
        self._id: str | None = None
        self._retry: int | None = None

    def feed(self, line: str) -> ServerSentEvent | None:
        if not line:
            return self._dispatch()
        if line.startswith(":"):
            return None
        name, _, value = line.partition(":")
        value = value[1:] if value.startswith(" ") else value
        if name == "data":
            self._data.append(value)
        elif name == "event":
            self._event = value
        elif name == "id" and "\0" not in value:
            self._id = value
        elif name == "retry" and value.isdigit():
            self._retry = int(value)
        return None

    def _dispatch(self) -> ServerSentEvent | None:
        if not self._data:
            self._event = ""
            return None
        event = ServerSentEvent(
            "\n".join(self._data), self._event or "message", self._id, self._retry
        )
        self._data, self._event = [], ""
        return event


def _value(event: ServerSentEvent, type_: Any, response: httpx.Response, strict: bool) -> Any:
    """An event's data as the API describes it; unless `strict`, what does not fit as received
    (data that is not JSON as its text)."""
    if type_ is str:
        return event.data
    what = f"event of {response.request.method} {response.request.url.path}"
    try:
        data = json.loads(event.data)
    except ValueError:
        if not strict:
            return event.data
        raise APIResponseValidationError(
            f"{what} is not JSON: {excerpt(event.data.encode())}",
            response=response,
            body=event.data,
        ) from None
    try:
        return validate(type_, data, strict=strict, what=what)
    except pydantic.ValidationError as exc:
        raise APIResponseValidationError(
            f"{what} does not match the API description: {first_problem(exc)}; "
            f"data starts {excerpt(event.data.encode())}",
            response=response,
            body=data,
        ) from None


_END = "[DONE]"
"""Data some APIs send to say the stream is over."""


class Stream(Generic[EventT]):
    """The events of a streamed response, each parsed as the API describes it. Iterate over
    it (once); `events()` gives the raw events instead. Use it as a context manager, or
    iterate to the end, to release the connection."""

    def __init__(self, response: httpx.Response, type_: Any, strict: bool = False) -> None:
        self.response = response
        self._type = type_
        self._strict = strict

    def __iter__(self) -> Iterator[EventT]:
        for event in self.events():
            yield _value(event, self._type, self.response, self._strict)

    def events(self) -> Iterator[ServerSentEvent]:
        decoder = _Decoder()
        try:
            for line in self.response.iter_lines():
                event = decoder.feed(line)
                if event is not None:
                    if event.data == _END:
                        return
                    yield event
            last = decoder.feed("")
            if last is not None and last.data != _END:
                yield last
        except httpx.HTTPError as exc:
            raise connection_error(exc, self.response.request) from exc
        finally:
            self.response.close()

    def close(self) -> None:
        self.response.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


class AsyncStream(Generic[EventT]):
    """The events of a streamed response, for `async for`; see Stream."""

    def __init__(self, response: httpx.Response, type_: Any, strict: bool = False) -> None:
        self.response = response
        self._type = type_
        self._strict = strict

    async def __aiter__(self) -> AsyncIterator[EventT]:
        async for event in self.events():
            yield _value(event, self._type, self.response, self._strict)

    async def events(self) -> AsyncIterator[ServerSentEvent]:
        decoder = _Decoder()
        try:
            async for line in self.response.aiter_lines():
                event = decoder.feed(line)
                if event is not None:
                    if event.data == _END:
                        return
                    yield event
            last = decoder.feed("")
            if last is not None and last.data != _END:
                yield last
        except httpx.HTTPError as exc:
            raise connection_error(exc, self.response.request) from exc
        finally:
            await self.response.aclose()

    async def close(self) -> None:
        await self.response.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.close()
