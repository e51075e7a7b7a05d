"""The clients of the Render Farm API: `RenderFarm` and `AsyncRenderFarm`."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Mapping

import httpx

from ._base_client import (
    DEFAULT_MAX_RETRIES,
    DEFAULT_TIMEOUT,
    AsyncAPIClient,
    Credential,
    SecurityScheme,
    Server,
    ServerVariable,
    SyncAPIClient,
    server_url,
)
from ._types import NOT_GIVEN, Timeout

if TYPE_CHECKING:
    from collections.abc import AsyncIterator, Iterator, Sequence
    from typing import Any

    import pydantic

    from ._types import Body, Headers, NotGiven, Query
    from .resources.exports import AsyncExportsResource, ExportsResource
    from .resources.renders import AsyncRendersResource, RendersResource
    from .types.frame import Frame
    from .types.get_render import GetRenderResponse
    from .types.start_render import (
        StartRenderRequestChecksItem,
        StartRenderRequestChecksItemParam,
        StartRenderResponse,
    )

__all__ = ["RenderFarm", "AsyncRenderFarm"]

SERVERS = (
    Server(
        url="https://render.example/v1",
    ),
)
SECURITY_SCHEMES: dict[str, SecurityScheme] = {
    "token": SecurityScheme(
        kind="bearer",
        location="header",
        name="Authorization",
        hint="pass api_key= to the client or set RENDER_FARM_API_KEY",
    ),
}


def _base_url(
    base_url: str | httpx.URL | None, server: int | None, server_variables: Mapping[str, str] | None
) -> str | httpx.URL:
    """The argument; else the chosen server; else $RENDER_FARM_BASE_URL; else the first server."""
    if base_url is not None:
        return base_url
    if server is None and server_variables is None:
        from_environment = os.environ.get("RENDER_FARM_BASE_URL")
        if from_environment:
            return from_environment
    return server_url(SERVERS, server or 0, server_variables or {})


def _credentials(api_key: str | None) -> dict[str, Credential]:
    """Each credential from its argument, else from its environment variable. An empty value
    counts as none (a CI secret that is not set arrives as an empty variable): the request is
    not sent, and MissingCredentialsError says what to set."""
    api_key = api_key or os.environ.get("RENDER_FARM_API_KEY") or None
    return {
        "token": api_key,
    }


class RenderFarm(SyncAPIClient):
    """Renders scenes into frames, in jobs that take a while."""

    def __init__(
        self,
        *,
        api_key: str | None = None,
        base_url: str | httpx.URL | None = None,
        timeout: Timeout = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        strict_response_validation: bool = False,
        default_headers: Mapping[str, str] | None = None,
        http_client: httpx.Client | None = None,
    ) -> None:
        """Create a client.

        Args:
          api_key: Defaults to the environment variable RENDER_FARM_API_KEY.
          base_url: Defaults to $RENDER_FARM_BASE_URL, then to the API's first server.
          timeout: Seconds (or an httpx.Timeout) for each request; None waits forever.
          max_retries: Retries of a request that failed to connect, timed out, or got a 408,
            409, 429 or 5xx response; 0 turns retrying off.
          strict_response_validation: Raise APIResponseValidationError for a response that does
            not match the API's description. By default such a response does not fail the call:
            what fits is typed, what does not is kept as received (and logged at debug level).
          default_headers: Headers sent with every request.
          http_client: An httpx client of your own (proxies, transports, limits).
        """
        super().__init__(
            base_url=_base_url(base_url, None, None),
            credentials=_credentials(api_key),
            security_schemes=SECURITY_SCHEMES,
            timeout=timeout,
            max_retries=max_retries,
            strict_response_validation=strict_response_validation,
            default_headers=default_headers,
            http_client=http_client,
        )

    @property
    def renders(self) -> RendersResource:
        """Operations tagged renders."""
        from .resources.renders import RendersResource

        return self._resource(RendersResource)

    @property
    def exports(self) -> ExportsResource:
        """Operations tagged exports."""
        from .resources.exports import ExportsResource

        return self._resource(ExportsResource)

    def start_render(
        self,
        *,
        scene: str,
        frames: int | NotGiven = NOT_GIVEN,
        metadata_schema: dict[str, Any] | type[pydantic.BaseModel] | NotGiven = NOT_GIVEN,
        checks: (
            Sequence[StartRenderRequestChecksItem | StartRenderRequestChecksItemParam] | NotGiven
        ) = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> StartRenderResponse:
        """Start rendering a scene

        Args:
          scene (str): The scene to render.
          frames (int): How many frames.
          metadata_schema (dict[str, Any] | type[pydantic.BaseModel]): A JSON Schema that each
              frame's metadata follows.
          checks (Sequence[StartRenderRequestChecksItem | StartRenderRequestChecksItemParam]):
              Checks run on each frame, each with the JSON Schema of its result.

        Raises:
          PaymentRequiredError: 402 Out of render credits.
        """
        return self.renders.start_render(
            scene=scene,
            frames=frames,
            metadata_schema=metadata_schema,
            checks=checks,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    def render(
        self,
        *,
        scene: str,
        frames: int | NotGiven = NOT_GIVEN,
        metadata_schema: dict[str, Any] | type[pydantic.BaseModel] | NotGiven = NOT_GIVEN,
        checks: (
            Sequence[StartRenderRequestChecksItem | StartRenderRequestChecksItemParam] | NotGiven
        ) = NOT_GIVEN,
        poll_interval: float = 0.5,
        max_wait: float | None = None,
        max_pages: int | None = None,
        max_results: int | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> GetRenderResponse:
        """Start a job with `start_render`, wait until it ends with `wait_for_render`, and return
        the answer with the items of every page.

        Args:
          The arguments of `start_render`, and:
          poll_interval (float): Seconds between calls.
          max_wait (float | None): Give up after this many seconds, raising `WaitTimeoutError` (its
              `last` is the last answer). None waits as long as it takes.
          max_pages (int | None): Read no more than this many pages.
          max_results (int | None): Keep no more than this many items. When a limit stops the
              collection, the answer's next-page field says where to go on; else it is None.
        """
        return self.renders.render(
            scene=scene,
            frames=frames,
            metadata_schema=metadata_schema,
            checks=checks,
            poll_interval=poll_interval,
            max_wait=max_wait,
            max_pages=max_pages,
            max_results=max_results,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    def get_render(
        self,
        *,
        render_id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> GetRenderResponse:
        """A render's status and a page of its frames

        Args:
          render_id (str):

        Raises:
          ServiceUnavailableError: 503 The farm is busy; try again later.
        """
        return self.renders.get_render(
            render_id=render_id,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    def wait_for_render(
        self,
        *,
        render_id: str,
        poll_interval: float = 0.5,
        max_wait: float | None = None,
        max_pages: int | None = None,
        max_results: int | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> GetRenderResponse:
        """Call `get_render` until `status` is `"done"` or `"failed"`, and return that answer
        with the items of every page in its `frames`.

        Args:
          The arguments of `get_render`, and:
          poll_interval (float): Seconds between calls.
          max_wait (float | None): Give up after this many seconds, raising `WaitTimeoutError` (its
              `last` is the last answer). None waits as long as it takes.
          max_pages (int | None): Read no more than this many pages.
          max_results (int | None): Keep no more than this many items. When a limit stops the
              collection, the answer's next-page field says where to go on; else it is None.
        """
        return self.renders.wait_for_render(
            render_id=render_id,
            poll_interval=poll_interval,
            max_wait=max_wait,
            max_pages=max_pages,
            max_results=max_results,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    def iter_frames(
        self,
        *,
        render_id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> Iterator[Frame]:
        """Call `get_render` and yield the items of its answer's `frames`, then those of the page
        at its `next` URL, and so on while there is one.

        Args:
          The arguments of `get_render`; its per-call options apply to every page.
        """
        return self.renders.iter_frames(
            render_id=render_id,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )


class AsyncRenderFarm(AsyncAPIClient):
    """Renders scenes into frames, in jobs that take a while."""

    def __init__(
        self,
        *,
        api_key: str | None = None,
        base_url: str | httpx.URL | None = None,
        timeout: Timeout = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        strict_response_validation: bool = False,
        default_headers: Mapping[str, str] | None = None,
        http_client: httpx.AsyncClient | None = None,
    ) -> None:
        """Create a client.

        Args:
          api_key: Defaults to the environment variable RENDER_FARM_API_KEY.
          base_url: Defaults to $RENDER_FARM_BASE_URL, then to the API's first server.
          timeout: Seconds (or an httpx.Timeout) for each request; None waits forever.
          max_retries: Retries of a request that failed to connect, timed out, or got a 408,
            409, 429 or 5xx response; 0 turns retrying off.
          strict_response_validation: Raise APIResponseValidationError for a response that does
            not match the API's description. By default such a response does not fail the call:
            what fits is typed, what does not is kept as received (and logged at debug level).
          default_headers: Headers sent with every request.
          http_client: An httpx client of your own (proxies, transports, limits).
        """
        super().__init__(
            base_url=_base_url(base_url, None, None),
            credentials=_credentials(api_key),
            security_schemes=SECURITY_SCHEMES,
            timeout=timeout,
            max_retries=max_retries,
            strict_response_validation=strict_response_validation,
            default_headers=default_headers,
            http_client=http_client,
        )

    @property
    def renders(self) -> AsyncRendersResource:
        """Operations tagged renders."""
        from .resources.renders import AsyncRendersResource

        return self._resource(AsyncRendersResource)

    @property
    def exports(self) -> AsyncExportsResource:
        """Operations tagged exports."""
        from .resources.exports import AsyncExportsResource

        return self._resource(AsyncExportsResource)

    async def start_render(
        self,
        *,
        scene: str,
        frames: int | NotGiven = NOT_GIVEN,
        metadata_schema: dict[str, Any] | type[pydantic.BaseModel] | NotGiven = NOT_GIVEN,
        checks: (
            Sequence[StartRenderRequestChecksItem | StartRenderRequestChecksItemParam] | NotGiven
        ) = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> StartRenderResponse:
        """Start rendering a scene

        Args:
          scene (str): The scene to render.
          frames (int): How many frames.
          metadata_schema (dict[str, Any] | type[pydantic.BaseModel]): A JSON Schema that each
              frame's metadata follows.
          checks (Sequence[StartRenderRequestChecksItem | StartRenderRequestChecksItemParam]):
              Checks run on each frame, each with the JSON Schema of its result.

        Raises:
          PaymentRequiredError: 402 Out of render credits.
        """
        return await self.renders.start_render(
            scene=scene,
            frames=frames,
            metadata_schema=metadata_schema,
            checks=checks,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def render(
        self,
        *,
        scene: str,
        frames: int | NotGiven = NOT_GIVEN,
        metadata_schema: dict[str, Any] | type[pydantic.BaseModel] | NotGiven = NOT_GIVEN,
        checks: (
            Sequence[StartRenderRequestChecksItem | StartRenderRequestChecksItemParam] | NotGiven
        ) = NOT_GIVEN,
        poll_interval: float = 0.5,
        max_wait: float | None = None,
        max_pages: int | None = None,
        max_results: int | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> GetRenderResponse:
        """Start a job with `start_render`, wait until it ends with `wait_for_render`, and return
        the answer with the items of every page.

        Args:
          The arguments of `start_render`, and:
          poll_interval (float): Seconds between calls.
          max_wait (float | None): Give up after this many seconds, raising `WaitTimeoutError` (its
              `last` is the last answer). None waits as long as it takes.
          max_pages (int | None): Read no more than this many pages.
          max_results (int | None): Keep no more than this many items. When a limit stops the
              collection, the answer's next-page field says where to go on; else it is None.
        """
        return await self.renders.render(
            scene=scene,
            frames=frames,
            metadata_schema=metadata_schema,
            checks=checks,
            poll_interval=poll_interval,
            max_wait=max_wait,
            max_pages=max_pages,
            max_results=max_results,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def get_render(
        self,
        *,
        render_id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> GetRenderResponse:
        """A render's status and a page of its frames

        Args:
          render_id (str):

        Raises:
          ServiceUnavailableError: 503 The farm is busy; try again later.
        """
        return await self.renders.get_render(
            render_id=render_id,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    async def wait_for_render(
        self,
        *,
        render_id: str,
        poll_interval: float = 0.5,
        max_wait: float | None = None,
        max_pages: int | None = None,
        max_results: int | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> GetRenderResponse:
        """Call `get_render` until `status` is `"done"` or `"failed"`, and return that answer
        with the items of every page in its `frames`.

        Args:
          The arguments of `get_render`, and:
          poll_interval (float): Seconds between calls.
          max_wait (float | None): Give up after this many seconds, raising `WaitTimeoutError` (its
              `last` is the last answer). None waits as long as it takes.
          max_pages (int | None): Read no more than this many pages.
          max_results (int | None): Keep no more than this many items. When a limit stops the
              collection, the answer's next-page field says where to go on; else it is None.
        """
        return await self.renders.wait_for_render(
            render_id=render_id,
            poll_interval=poll_interval,
            max_wait=max_wait,
            max_pages=max_pages,
            max_results=max_results,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    def iter_frames(
        self,
        *,
        render_id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> AsyncIterator[Frame]:
        """Call `get_render` and yield the items of its answer's `frames`, then those of the page
        at its `next` URL, and so on while there is one.

        Args:
          The arguments of `get_render`; its per-call options apply to every page.
        """
        return self.renders.iter_frames(
            render_id=render_id,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )
