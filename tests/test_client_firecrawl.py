"""The committed generated/firecrawl client, sync and async, against a real HTTP server."""

import asyncio
import logging
import socket
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

from .conftest import ROOT
from .http_server import TestServer

JOB = "550e8400-e29b-41d4-a716-446655440000"


@pytest.fixture
def firecrawl(import_client: Callable[[Path, str], ModuleType]) -> ModuleType:
    return import_client(ROOT / "generated" / "firecrawl", "firecrawl")


def test_stop_session_sync(firecrawl: ModuleType, server: TestServer) -> None:
    server.reply(200, {"success": True, "sessionDurationMs": 61000, "creditsBilled": 2.03})
    with firecrawl.Firecrawl(api_key="fc-key", base_url=server.url + "/v2") as client:
        result = client.scraping.stop_interactive_scrape_browser_session(job_id=JOB)
    [request] = server.requests
    assert (request.method, request.path) == ("DELETE", f"/v2/scrape/{JOB}/interact")
    assert request.headers["authorization"] == "Bearer fc-key"
    assert request.headers["accept"] == "application/json"
    assert type(result).__name__ == "StopInteractiveScrapeBrowserSessionResponse"
    assert result.success is True
    # fields the spec does not declare are kept and readable
    assert result.model_extra == {"sessionDurationMs": 61000, "creditsBilled": 2.03}
    assert result.sessionDurationMs == 61000


def test_stop_session_async(firecrawl: ModuleType, server: TestServer) -> None:
    server.reply(200, {"success": True})

    async def main() -> object:
        async with firecrawl.AsyncFirecrawl(api_key="fc-key", base_url=server.url) as client:
            return await client.scraping.stop_interactive_scrape_browser_session(job_id=JOB)

    result = asyncio.run(main())
    assert result.success is True
    [request] = server.requests
    assert (request.method, request.path) == ("DELETE", f"/scrape/{JOB}/interact")
    assert request.headers["authorization"] == "Bearer fc-key"


@pytest.mark.parametrize("use_async", [False, True])
@pytest.mark.parametrize(
    ("status", "error_class", "model"),
    [
        (403, "PermissionDeniedError", "SuccessErrorResponse"),
        (404, "NotFoundError", "SuccessErrorResponse"),
    ],
)
def test_documented_errors_are_typed(
    firecrawl: ModuleType, server: TestServer, status: int, error_class: str, model: str, use_async: bool
) -> None:
    server.reply(status, {"success": False, "error": "Browser session not found."}, headers={"X-Request-Id": "r1"})
    error_type = getattr(firecrawl, error_class)
    with pytest.raises(error_type) as caught:
        if use_async:
            client = firecrawl.AsyncFirecrawl(api_key="k", base_url=server.url)
            asyncio.run(client.scraping.stop_interactive_scrape_browser_session(job_id=JOB))
        else:
            firecrawl.Firecrawl(api_key="k", base_url=server.url).scraping.stop_interactive_scrape_browser_session(
                job_id=JOB
            )
    error = caught.value
    assert isinstance(error, firecrawl.APIStatusError) and isinstance(error, firecrawl.APIError)
    assert error.status_code == status
    assert error.headers["x-request-id"] == "r1"
    assert error.body == {"success": False, "error": "Browser session not found."}
    assert type(error.parsed).__name__ == model
    assert error.parsed.error == "Browser session not found."
    assert str(error) == f"DELETE /scrape/{{jobId}}/interact: Error code: {status} - Browser session not found."


def test_undocumented_status_still_raises_by_class(firecrawl: ModuleType, server: TestServer) -> None:
    server.reply(503, body=b"upstream down", headers={"Content-Type": "text/plain"})
    with pytest.raises(firecrawl.InternalServerError) as caught:
        firecrawl.Firecrawl(
            api_key="k", base_url=server.url, max_retries=0
        ).scraping.stop_interactive_scrape_browser_session(job_id=JOB)
    assert caught.value.body == "upstream down" and caught.value.parsed is None


def test_key_and_base_url_from_the_environment(
    firecrawl: ModuleType, server: TestServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FIRECRAWL_API_KEY", "from-env")
    monkeypatch.setenv("FIRECRAWL_BASE_URL", server.url)
    firecrawl.Firecrawl().scraping.stop_interactive_scrape_browser_session(job_id=JOB)
    assert server.requests[0].headers["authorization"] == "Bearer from-env"


def test_default_base_url_is_the_first_server(firecrawl: ModuleType, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FIRECRAWL_BASE_URL", raising=False)
    assert str(firecrawl.Firecrawl(api_key="k").base_url) == "https://api.firecrawl.dev/v2"


def test_missing_key_fails_before_sending(
    firecrawl: ModuleType, server: TestServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("FIRECRAWL_API_KEY", raising=False)
    client = firecrawl.Firecrawl(base_url=server.url)
    with pytest.raises(firecrawl.MissingCredentialsError, match="api_key= .*FIRECRAWL_API_KEY"):
        client.scraping.stop_interactive_scrape_browser_session(job_id=JOB)
    assert server.requests == []


@pytest.mark.parametrize("retries", [0, 3])
def test_an_empty_key_counts_as_none(
    firecrawl: ModuleType, server: TestServer, monkeypatch: pytest.MonkeyPatch, retries: int
) -> None:
    """A CI secret that is not set arrives as an empty variable: no request, no retries, the
    error that says what to set; an empty argument falls back to the variable."""
    monkeypatch.setenv("FIRECRAWL_API_KEY", "")
    client = firecrawl.Firecrawl(base_url=server.url, max_retries=retries)
    with pytest.raises(firecrawl.MissingCredentialsError, match="api_key= .*FIRECRAWL_API_KEY"):
        client.scraping.stop_interactive_scrape_browser_session(job_id=JOB)
    with pytest.raises(firecrawl.MissingCredentialsError):
        firecrawl.Firecrawl(api_key="", base_url=server.url).scraping.stop_interactive_scrape_browser_session(
            job_id=JOB
        )
    assert server.requests == []
    monkeypatch.setenv("FIRECRAWL_API_KEY", "fc-from-env")
    server.reply(200, {"success": True})
    firecrawl.Firecrawl(api_key="", base_url=server.url).scraping.stop_interactive_scrape_browser_session(job_id=JOB)
    assert server.requests[0].headers["authorization"] == "Bearer fc-from-env"


def test_path_parameters_are_escaped(firecrawl: ModuleType, server: TestServer) -> None:
    firecrawl.Firecrawl(api_key="k", base_url=server.url).scraping.stop_interactive_scrape_browser_session(
        job_id="a/b?c"
    )
    assert server.requests[0].path == "/scrape/a%2Fb%3Fc/interact"


def test_extra_headers_and_query(firecrawl: ModuleType, server: TestServer) -> None:
    client = firecrawl.Firecrawl(api_key="k", base_url=server.url, default_headers={"X-Team": "t"})
    client.scraping.stop_interactive_scrape_browser_session(
        job_id=JOB, extra_headers={"X-Trace": "1"}, extra_query={"debug": True}
    )
    request = server.requests[0]
    assert request.headers["x-team"] == "t" and request.headers["x-trace"] == "1"
    assert request.query == [("debug", "true")]


def test_timeout_and_connection_errors(firecrawl: ModuleType, server: TestServer) -> None:
    server.reply(200, {"success": True}, delay=1.0)
    client = firecrawl.Firecrawl(api_key="k", base_url=server.url, max_retries=0)
    with pytest.raises(firecrawl.APITimeoutError):
        client.scraping.stop_interactive_scrape_browser_session(job_id=JOB, timeout=0.2)
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(firecrawl.APIConnectionError) as caught:
        unreachable = firecrawl.Firecrawl(api_key="k", base_url=f"http://127.0.0.1:{port}", max_retries=0)
        unreachable.scraping.stop_interactive_scrape_browser_session(job_id=JOB)
    assert not isinstance(caught.value, firecrawl.APITimeoutError)


def test_a_body_that_is_not_what_the_spec_says_does_not_fail_the_call(
    firecrawl: ModuleType, server: TestServer, caplog: pytest.LogCaptureFixture
) -> None:
    """By default what fits is typed and what does not is kept as received, logged at debug
    level; `strict_response_validation=True` raises APIResponseValidationError instead. A body
    that is not JSON at all raises either way (tests/test_client_surface.py)."""
    server.reply(200, {"success": "perhaps"})
    client = firecrawl.Firecrawl(api_key="k", base_url=server.url)
    with caplog.at_level(logging.DEBUG, logger="firecrawl"):
        result = client.scraping.stop_interactive_scrape_browser_session(job_id=JOB)
    assert type(result).__name__ == "StopInteractiveScrapeBrowserSessionResponse" and result.success == "perhaps"
    logged = [record.getMessage() for record in caplog.records if record.levelno == logging.DEBUG]
    assert (
        "200 response to DELETE /scrape/{jobId}/interact: body.success does not match the API's description"
        " (Input should be a valid boolean, unable to interpret input); kept as received"
    ) in logged

    strict = client.with_options(strict_response_validation=True)
    server.reply(200, body=b"<html>oops</html>", headers={"Content-Type": "text/html"})
    server.reply(200, {"success": "perhaps"})
    with pytest.raises(firecrawl.APIResponseValidationError) as caught:
        strict.scraping.stop_interactive_scrape_browser_session(job_id=JOB)
    assert "is not valid JSON; body starts '<html>oops</html>'" in str(caught.value)
    with pytest.raises(firecrawl.APIResponseValidationError) as caught:
        strict.scraping.stop_interactive_scrape_browser_session(job_id=JOB)
    assert "success: Input should be a valid boolean" in str(caught.value)
    assert caught.value.status_code == 200 and caught.value.body == {"success": "perhaps"}


def test_types_load_lazily(firecrawl: ModuleType) -> None:
    assert "firecrawl.types.stop_interactive_scrape_browser_session" not in sys.modules
    from firecrawl.types import StopInteractiveScrapeBrowserSessionResponse

    assert (
        StopInteractiveScrapeBrowserSessionResponse.__module__
        == "firecrawl.types.stop_interactive_scrape_browser_session"
    )
