from __future__ import annotations

import functools

import httpx

from .._base_client import (
    AsyncAPIResource,
    Call,
    Endpoint,
    SyncAPIResource,
    async_raw_response_wrapper,
    raw_response_wrapper,
)
from .._streaming import AsyncStream, Stream
from .._types import Body, Headers, NOT_GIVEN, NotGiven, Query
from ..types.stream_completion import (
    StreamCompletionResponseEvent,
    StreamCompletionTooManyRequestsResponse,
)

__all__ = [
    "CompletionsResource",
    "AsyncCompletionsResource",
    "CompletionsResourceWithRawResponse",
    "AsyncCompletionsResourceWithRawResponse",
]

_STREAM_COMPLETION: Endpoint[StreamCompletionResponseEvent] = Endpoint(
    method="POST",
    path="/completions",
    response=StreamCompletionResponseEvent,
    response_kind="stream",
    errors={
        "429": StreamCompletionTooManyRequestsResponse,
    },
    body_encoding="json",
    accept="text/event-stream, application/json;q=0.5",
)


class CompletionsResource(SyncAPIResource):
    """Operations tagged 'completions'."""

    @functools.cached_property
    def with_raw_response(self) -> CompletionsResourceWithRawResponse:
        """The same methods, returning a RawResponse: status, headers and the parsed value."""
        return CompletionsResourceWithRawResponse(self)

    def stream_completion(
        self,
        *,
        prompt: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> Stream[StreamCompletionResponseEvent]:
        """POST /completions

        Args:
          prompt (str):

        Raises:
          RateLimitError: 429 Too many requests.
        """
        return self._client.stream(
            _STREAM_COMPLETION,
            Call(
                body={"prompt": prompt},
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )


class CompletionsResourceWithRawResponse:
    """The methods of `CompletionsResource`, each returning a RawResponse."""

    def __init__(self, resource: CompletionsResource) -> None:
        self.stream_completion = raw_response_wrapper(resource.stream_completion)


class AsyncCompletionsResource(AsyncAPIResource):
    """Operations tagged 'completions'."""

    @functools.cached_property
    def with_raw_response(self) -> AsyncCompletionsResourceWithRawResponse:
        """The same methods, returning a RawResponse: status, headers and the parsed value."""
        return AsyncCompletionsResourceWithRawResponse(self)

    async def stream_completion(
        self,
        *,
        prompt: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> AsyncStream[StreamCompletionResponseEvent]:
        """POST /completions

        Args:
          prompt (str):

        Raises:
          RateLimitError: 429 Too many requests.
        """
        return await self._client.stream(
            _STREAM_COMPLETION,
            Call(
                body={"prompt": prompt},
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )


class AsyncCompletionsResourceWithRawResponse:
    """The methods of `AsyncCompletionsResource`, each returning a RawResponse."""

    def __init__(self, resource: AsyncCompletionsResource) -> None:
        self.stream_completion = async_raw_response_wrapper(resource.stream_completion)
