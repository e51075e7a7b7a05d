"""Contract tests of `client.completions`: each operation called with arguments the spec
accepts, and each documented error status, asked of the server, raised as its exception."""

from __future__ import annotations

import pytest

from chat import APIStatusError, Chat, RateLimitError


def test_stream_completion(client: Chat) -> None:
    for _ in client.completions.stream_completion(prompt="sample"):
        pass


@pytest.mark.parametrize(
    ("status", "error"),
    [(429, RateLimitError)],
)
def test_stream_completion_errors(client: Chat, status: int, error: type[APIStatusError]) -> None:
    with pytest.raises(error) as raised:
        client.completions.stream_completion(
            prompt="sample", extra_headers={"Prefer": f"code={status}"}
        )
    assert raised.value.status_code == status
