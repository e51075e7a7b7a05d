from __future__ import annotations

import httpx

from .._base_client import AsyncAPIResource, Endpoint, SyncAPIResource
from .._types import Body, Headers, NOT_GIVEN, NotGiven, Query
from ..types.stop_interactive_scrape_browser_session import (
    StopInteractiveScrapeBrowserSessionForbiddenResponse,
    StopInteractiveScrapeBrowserSessionNotFoundResponse,
    StopInteractiveScrapeBrowserSessionResponse,
)

__all__ = ["ScrapingResource", "AsyncScrapingResource"]

_STOP_INTERACTIVE_SCRAPE_BROWSER_SESSION: Endpoint[StopInteractiveScrapeBrowserSessionResponse] = (
    Endpoint(
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
)


class ScrapingResource(SyncAPIResource):
    """Operations tagged 'Scraping'."""

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
          job_id: The scrape job ID

        Raises:
          PermissionDeniedError: 403 Forbidden
          NotFoundError: 404 Interactive scrape browser session not found
        """
        return self._client.request(
            _STOP_INTERACTIVE_SCRAPE_BROWSER_SESSION,
            path={"jobId": job_id},
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )


class AsyncScrapingResource(AsyncAPIResource):
    """Operations tagged 'Scraping'."""

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
          job_id: The scrape job ID

        Raises:
          PermissionDeniedError: 403 Forbidden
          NotFoundError: 404 Interactive scrape browser session not found
        """
        return await self._client.request(
            _STOP_INTERACTIVE_SCRAPE_BROWSER_SESSION,
            path={"jobId": job_id},
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )
