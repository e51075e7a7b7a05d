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
from .._types import Body, Headers, NOT_GIVEN, NotGiven, Query
from ..types.stop_interactive_scrape_browser_session import (
    StopInteractiveScrapeBrowserSessionForbiddenResponse,
    StopInteractiveScrapeBrowserSessionNotFoundResponse,
    StopInteractiveScrapeBrowserSessionResponse,
)

__all__ = [
    "ScrapingResource",
    "AsyncScrapingResource",
    "ScrapingResourceWithRawResponse",
    "AsyncScrapingResourceWithRawResponse",
]

_STOP_INTERACTIVE_SCRAPE_BROWSER_SESSION: Endpoint[StopInteractiveScrapeBrowserSessionResponse]
_STOP_INTERACTIVE_SCRAPE_BROWSER_SESSION = Endpoint(
    method="DELETE",
    path="/scrape/{jobId}/interact",
    response=StopInteractiveScrapeBrowserSessionResponse,
    response_kind="json",
    errors={
        "403": StopInteractiveScrapeBrowserSessionForbiddenResponse,
        "404": StopInteractiveScrapeBrowserSessionNotFoundResponse,
    },
    security=[["bearerAuth"]],
)


class ScrapingResource(SyncAPIResource):
    """Operations tagged 'Scraping'."""

    @functools.cached_property
    def with_raw_response(self) -> ScrapingResourceWithRawResponse:
        """The same methods, returning a RawResponse: status, headers and the parsed value."""
        return ScrapingResourceWithRawResponse(self)

    def stop_interactive_scrape_browser_session(
        self,
        *,
        job_id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> StopInteractiveScrapeBrowserSessionResponse:
        """Stop the interactive browser session associated with a scrape job

        Args:
          job_id (str): The scrape job ID

        Raises:
          PermissionDeniedError: 403 Forbidden
          NotFoundError: 404 Interactive scrape browser session not found
        """
        return self._client.request(
            _STOP_INTERACTIVE_SCRAPE_BROWSER_SESSION,
            Call(
                path={"jobId": job_id},
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )


class ScrapingResourceWithRawResponse:
    """The methods of `ScrapingResource`, each returning a RawResponse."""

    def __init__(self, resource: ScrapingResource) -> None:
        self.stop_interactive_scrape_browser_session = raw_response_wrapper(
            resource.stop_interactive_scrape_browser_session
        )


class AsyncScrapingResource(AsyncAPIResource):
    """Operations tagged 'Scraping'."""

    @functools.cached_property
    def with_raw_response(self) -> AsyncScrapingResourceWithRawResponse:
        """The same methods, returning a RawResponse: status, headers and the parsed value."""
        return AsyncScrapingResourceWithRawResponse(self)

    async def stop_interactive_scrape_browser_session(
        self,
        *,
        job_id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> StopInteractiveScrapeBrowserSessionResponse:
        """Stop the interactive browser session associated with a scrape job

        Args:
          job_id (str): The scrape job ID

        Raises:
          PermissionDeniedError: 403 Forbidden
          NotFoundError: 404 Interactive scrape browser session not found
        """
        return await self._client.request(
            _STOP_INTERACTIVE_SCRAPE_BROWSER_SESSION,
            Call(
                path={"jobId": job_id},
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )


class AsyncScrapingResourceWithRawResponse:
    """The methods of `AsyncScrapingResource`, each returning a RawResponse."""

    def __init__(self, resource: AsyncScrapingResource) -> None:
        self.stop_interactive_scrape_browser_session = async_raw_response_wrapper(
            resource.stop_interactive_scrape_browser_session
        )
