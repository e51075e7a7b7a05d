"""The runtime every resource shares: builds requests, sends them, parses responses."""

from __future__ import annotations

import asyncio
import base64
import copy
import datetime
import email.utils
import functools
import json
import logging
import os
import random
import threading
import time
import uuid
from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from collections.abc import Generator
from dataclasses import dataclass, field, replace
from types import TracebackType
from typing import Any, Generic, Mapping, ParamSpec, Self, Sequence, TypeAlias, TypeVar, cast

import httpx
import pydantic

from . import _wire
from ._exceptions import (
    STATUS_ERRORS,
    APIError,
    APIResponseValidationError,
    APIStatusError,
    InternalServerError,
    MissingCredentialsError,
    WaitTimeoutError,
    connection_error,
)
from ._models import excerpt, first_problem, validate
from ._streaming import AsyncStream, Stream
from ._types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout
from ._wire import Encoding

ResponseT = TypeVar("ResponseT")
ResourceT = TypeVar("ResourceT")
IdT = TypeVar("IdT")
Params = ParamSpec("Params")
Credential = str | tuple[str, str] | None

DEFAULT_TIMEOUT = httpx.Timeout(300.0, connect=5.0)
DEFAULT_MAX_RETRIES = 2
INITIAL_RETRY_DELAY = 0.5
MAX_RETRY_DELAY = 8.0
MAX_RETRY_AFTER = 60.0
"""A Retry-After longer than this is not waited for; the usual backoff applies instead."""
RETRY_STATUSES = frozenset({408, 409, 429})
USER_AGENT = "zoo-python/0.1.0"
LOG_ENVIRONMENT_VARIABLE = "ZOO_LOG"

logger = logging.getLogger(__name__.rpartition(".")[0])
Step: TypeAlias = tuple[str, Any]
"""One step of the retry policy for a driver: ("send", request), ("sleep", seconds) or
("discard", response)."""
Attempts: TypeAlias = Generator[
    Step, "httpx.Response | httpx.HTTPError | None", tuple[httpx.Response, int]
]
_raw_response: ContextVar[bool] = ContextVar("_raw_response", default=False)


@dataclass(frozen=True)
class SecurityScheme:
    """How one security scheme of the API carries its credential."""

    kind: str
    """"bearer", "basic" or "api_key"."""
    location: str
    """"header", "query" or "cookie"."""
    name: str
    """The header, query parameter or cookie that carries the credential."""
    hint: str
    """How a user provides the credential, for the error raised when it is missing."""


@dataclass(frozen=True)
class Endpoint(Generic[ResponseT]):
    """What the runtime needs to know about one operation of the API."""

    method: str
    path: str
    response: Any = None
    """The type a successful response body is parsed into (None: no body)."""
    response_kind: str = "json"
    """"json", "text", "bytes" or "none"."""
    errors: Mapping[str, Any] = field(default_factory=dict)
    """Status ("404", "4XX", "default") -> the type of the error body the API documents."""
    security: Sequence[Sequence[str]] = ()
    """Alternative sets of security schemes, any one of which authorizes the call."""
    body_encoding: str | None = None
    """"json", "multipart", "form", "binary" or "text"; None when there is no body."""
    content_type: str | None = None
    """The media type of the body as the API declares it (`application/merge-patch+json`,
    `text/plain; charset=utf-8`); None: the usual one of its encoding."""
    encodings: Mapping[str, Mapping[str, Encoding]] = field(default_factory=dict)
    """The parameters and form fields not written in the specification's default way: location
    ("path", "query", "header", "cookie" or "body") -> wire name -> its encoding."""
    idempotency_header: str | None = None
    """A header that carries an idempotency key: one is made per call and kept on retries."""
    accept: str = "application/json"
    """The media types of the successful responses, for the Accept header."""


@dataclass(frozen=True)
class Call:
    """The arguments of one call, as a generated method hands them to the runtime."""

    path: Mapping[str, object] = field(default_factory=dict)
    query: Mapping[str, object] = field(default_factory=dict)
    headers: Mapping[str, object] = field(default_factory=dict)
    cookies: Mapping[str, object] = field(default_factory=dict)
    body: object = NOT_GIVEN
    extra_headers: Headers | None = None
    extra_query: Query | None = None
    extra_body: Body | None = None
    timeout: Timeout | NotGiven = NOT_GIVEN
    url: str | None = None
    """A whole URL the API gave (a next page's), instead of the endpoint's path."""


@dataclass(frozen=True)
class ServerVariable:
    default: str
    enum: Sequence[str] = ()


@dataclass(frozen=True)
class Server:
    url: str
    """A URL template: `{name}` stands for a variable."""
    description: str = ""
    variables: Mapping[str, ServerVariable] = field(default_factory=dict)


def server_url(servers: Sequence[Server], index: int, values: Mapping[str, str]) -> str:
    """The URL of one of the API's servers, with its variables filled in."""
    if not 0 <= index < len(servers):
        raise ValueError(f"server={index} is not one of the API's {len(servers)} servers")
    server = servers[index]
    unknown = sorted(set(values) - set(server.variables))
    if unknown:
        raise ValueError(
            f"server {index} has no variable {unknown[0]!r}; it has {sorted(server.variables)}"
        )
    url = server.url
    for name, variable in server.variables.items():
        value = values.get(name, variable.default)
        if variable.enum and value not in variable.enum:
            raise ValueError(
                f"server variable {name}={value!r} is not one of {list(variable.enum)}"
            )
        url = url.replace("{" + name + "}", value)
    if "://" not in url:
        raise ValueError(f"server {index} has the relative URL {url!r}: pass base_url=")
    return url


@dataclass(frozen=True)
class RawResponse(Generic[ResponseT]):
    """The HTTP response of a call, with its parsed value: `with_raw_response` methods return it."""

    http_response: httpx.Response
    parsed: ResponseT
    retries_taken: int

    @property
    def status_code(self) -> int:
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        return self.http_response.headers

    def parse(self) -> ResponseT:
        """The response body as the method returns it."""
        return self.parsed


def raw_response_wrapper(
    method: Callable[Params, ResponseT],
) -> Callable[Params, RawResponse[ResponseT]]:
    """The method, returning a `RawResponse` instead of the parsed value."""

    @functools.wraps(method)
    def wrapped(*args: Params.args, **kwargs: Params.kwargs) -> RawResponse[ResponseT]:
        token = _raw_response.set(True)
        try:
            return cast(RawResponse[ResponseT], method(*args, **kwargs))
        finally:
            _raw_response.reset(token)

    return wrapped


def async_raw_response_wrapper(
    method: Callable[Params, Awaitable[ResponseT]],
) -> Callable[Params, Awaitable[RawResponse[ResponseT]]]:
    """The coroutine method, returning a `RawResponse` instead of the parsed value."""

    @functools.wraps(method)
    async def wrapped(*args: Params.args, **kwargs: Params.kwargs) -> RawResponse[ResponseT]:
        token = _raw_response.set(True)
        try:
            return cast(RawResponse[ResponseT], await method(*args, **kwargs))
        finally:
            _raw_response.reset(token)

    return wrapped


_NONE: Mapping[str, Encoding] = {}


class BaseClient:
    """What the sync and async clients share: everything but sending."""

    def __init__(
        self,
        *,
        base_url: str | httpx.URL,
        credentials: Mapping[str, Credential],
        security_schemes: Mapping[str, SecurityScheme],
        timeout: Timeout,
        max_retries: int,
        strict_response_validation: bool,
        default_headers: Mapping[str, str] | None,
    ) -> None:
        if max_retries < 0:
            raise ValueError("max_retries must be 0 or more")
        self.base_url = httpx.URL(str(base_url).rstrip("/"))
        self.timeout = timeout
        self.max_retries = max_retries
        self.strict_response_validation = strict_response_validation
        self.default_headers = dict(default_headers or {})
        self._credentials = dict(credentials)
        self._security_schemes = security_schemes
        self._secret_headers = {"authorization", "proxy-authorization", "cookie"} | {
            scheme.name.lower()
            for scheme in security_schemes.values()
            if scheme.location == "header"
        }
        self._secret_query = {
            scheme.name for scheme in security_schemes.values() if scheme.location == "query"
        }
        self._resources: dict[Callable[..., Any], Any] = {}
        _configure_logging()

    def _resource(self, factory: Callable[[Self], ResourceT]) -> ResourceT:
        """The client's one instance of a resource class, made on first use."""
        if factory not in self._resources:
            self._resources[factory] = factory(self)
        return cast(ResourceT, self._resources[factory])

    def with_options(
        self,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        strict_response_validation: bool | NotGiven = NOT_GIVEN,
        default_headers: Mapping[str, str] | NotGiven = NOT_GIVEN,
    ) -> Self:
        """A copy of this client with other options. It shares the connection pool."""
        clone = copy.copy(self)
        clone._resources = {}
        clone._owns_http_client = False
        if not isinstance(timeout, NotGiven):
            clone.timeout = timeout
        if not isinstance(max_retries, NotGiven):
            clone.max_retries = max_retries
        if not isinstance(strict_response_validation, NotGiven):
            clone.strict_response_validation = strict_response_validation
        if not isinstance(default_headers, NotGiven):
            clone.default_headers = {**self.default_headers, **default_headers}
        return clone

    _owns_http_client: bool

    def _build_request(
        self, http: httpx.Client | httpx.AsyncClient, endpoint: Endpoint[Any], call: Call
    ) -> httpx.Request:
        encodings = endpoint.encodings
        header_items = {
            "Accept": endpoint.accept,
            "User-Agent": USER_AGENT,
            **self.default_headers,
        }
        header_items.update(_wire.header_values(call.headers, encodings.get("header", _NONE)))
        query_items = _wire.query_items(call.query, encodings.get("query", _NONE))
        cookie_items = _wire.cookie_items(call.cookies, encodings.get("cookie", _NONE))
        self._authorize(endpoint, header_items, query_items, cookie_items)
        if cookie_items:
            header_items["Cookie"] = "; ".join(cookie_items)
        body = _wire.body_arguments(
            endpoint.body_encoding,
            endpoint.content_type,
            call.body,
            encodings.get("body", _NONE),
            call.extra_body,
        )
        header_items.update(body.pop("headers", {}))
        header_items.update(call.extra_headers or {})
        query_items.extend(_wire.query_items(call.extra_query or {}, _NONE))
        if call.url is not None:
            url = call.url
        else:
            path = _wire.expand_path(endpoint.path, call.path, encodings.get("path", _NONE))
            url = str(self.base_url) + path
        if query_items:
            url += ("&" if "?" in url else "?") + "&".join(query_items)
        return http.build_request(
            endpoint.method,
            url,
            headers=header_items,
            timeout=self.timeout if isinstance(call.timeout, NotGiven) else call.timeout,
            **body,
        )

    def _next_page(self, url: str, call: Call) -> Call:
        """`call` sent to a next page's `url`, which must be on the API's own origin: the
        client's credentials go with it."""
        base = httpx.URL(str(self.base_url))
        target = base.join(url)
        if (target.scheme, target.host, target.port) != (base.scheme, base.host, base.port):
            raise APIError(
                f"the next page is at {url!r}, not at {base.scheme}://{base.netloc.decode()}: not followed"
            )
        return replace(call, url=str(target))

    def _authorize(
        self,
        endpoint: Endpoint[Any],
        headers: dict[str, str],
        query: list[str],
        cookies: list[str],
    ) -> None:
        """Add the credentials of the first security alternative the client can satisfy."""
        if not endpoint.security:
            return
        for alternative in endpoint.security:
            if all(self._credentials.get(key) is not None for key in alternative):
                for key in alternative:
                    self._apply_credential(
                        self._security_schemes[key], self._credentials[key], headers, query, cookies
                    )
                return
        hints = "; ".join(self._security_schemes[key].hint for key in endpoint.security[0])
        raise MissingCredentialsError(
            f"{endpoint.method} {endpoint.path} needs credentials: {hints}"
        )

    @staticmethod
    def _apply_credential(
        scheme: SecurityScheme,
        credential: Credential,
        headers: dict[str, str],
        query: list[str],
        cookies: list[str],
    ) -> None:
        if isinstance(credential, tuple):
            token = base64.b64encode(f"{credential[0]}:{credential[1]}".encode()).decode("ascii")
            value = f"Basic {token}"
        elif scheme.kind == "bearer":
            value = f"Bearer {credential}"
        else:
            value = str(credential)
        if scheme.location == "query":
            query.append(f"{_wire.escape_uri(scheme.name)}={_wire.escape_uri(value)}")
        elif scheme.location == "cookie":
            cookies.append(f"{scheme.name}={value}")
        else:
            headers[scheme.name] = value

    def _attempts(
        self, http: httpx.Client | httpx.AsyncClient, endpoint: Endpoint[Any], call: Call
    ) -> Attempts:
        """The retry policy, as steps for a sync or an async driver to carry out: it yields
        ("send", request), ("sleep", seconds) and ("discard", response), is sent the response
        (or the transport error) of each send, and returns the final response and the
        number of retries taken."""
        name = endpoint.idempotency_header
        if name is not None and call.headers.get(name) in (None, NOT_GIVEN):
            # one key per call, the same on every retry
            call = replace(call, headers={**call.headers, name: str(uuid.uuid4())})
        retry = 0
        while True:
            request = self._build_request(http, endpoint, call)
            self._log_request(request)
            outcome = yield ("send", request)
            if isinstance(outcome, httpx.HTTPError):
                if retry >= self.max_retries:
                    raise connection_error(outcome, request) from outcome
                retry += 1
                delay = self._retry_delay(retry, None)
                self._log_retry(request, retry, delay, type(outcome).__name__)
                yield ("sleep", delay)
                continue
            assert outcome is not None
            if retry < self.max_retries and _should_retry(outcome):
                retry += 1
                delay = self._retry_delay(retry, outcome)
                self._log_retry(request, retry, delay, f"status {outcome.status_code}")
                yield ("discard", outcome)
                yield ("sleep", delay)
                continue
            logger.debug(
                "Response: %s %s -> %d",
                request.method,
                self._loggable_url(request.url),
                outcome.status_code,
            )
            return outcome, retry

    def _retry_delay(self, retry: int, response: httpx.Response | None) -> float:
        """Seconds to wait before retry number `retry` (1, 2, ...): the server's Retry-After when
        it gives a reasonable one, else exponential backoff with jitter."""
        if response is not None:
            retry_after = _retry_after_seconds(response.headers)
            if retry_after is not None and 0 <= retry_after <= MAX_RETRY_AFTER:
                return retry_after
        delay = min(INITIAL_RETRY_DELAY * 2.0 ** (retry - 1), MAX_RETRY_DELAY)
        return delay * (1 - 0.25 * random.random())

    def _log_request(self, request: httpx.Request) -> None:
        if logger.isEnabledFor(logging.DEBUG):
            headers = {
                name: "<redacted>" if name.lower() in self._secret_headers else value
                for name, value in request.headers.items()
            }
            logger.debug(
                "Request: %s %s %s", request.method, self._loggable_url(request.url), headers
            )

    def _log_retry(self, request: httpx.Request, retry: int, delay: float, reason: str) -> None:
        logger.info(
            "Retrying %s %s in %.2f seconds (retry %d of %d) after %s",
            request.method,
            self._loggable_url(request.url),
            delay,
            retry,
            self.max_retries,
            reason,
        )

    def _loggable_url(self, url: httpx.URL) -> str:
        if not self._secret_query:
            return str(url)
        query = [
            (k, "<redacted>" if k in self._secret_query else v) for k, v in url.params.multi_items()
        ]
        return str(url.copy_with(params=query))

    def _finish(
        self, endpoint: Endpoint[ResponseT], response: httpx.Response, retries_taken: int
    ) -> ResponseT:
        return cast(
            ResponseT,
            self._raw_or(self._process_response(endpoint, response), response, retries_taken),
        )

    @staticmethod
    def _raw_or(value: Any, response: httpx.Response, retries_taken: int) -> Any:
        """The value, or the RawResponse around it inside a `with_raw_response` call."""
        return RawResponse(response, value, retries_taken) if _raw_response.get() else value

    def _process_response(
        self, endpoint: Endpoint[ResponseT], response: httpx.Response
    ) -> ResponseT:
        if not response.is_success:
            raise _status_error(endpoint, response, self.strict_response_validation)
        if endpoint.response_kind == "none" or (endpoint.response is None and not response.content):
            return cast(ResponseT, None)
        if endpoint.response_kind == "text":
            return cast(ResponseT, response.text)
        if endpoint.response_kind == "bytes":
            return cast(ResponseT, response.content)
        what = f"{response.status_code} response to {endpoint.method} {endpoint.path}"
        try:
            data = json.loads(response.content)
        except ValueError:
            if self.strict_response_validation:
                raise APIResponseValidationError(
                    f"{what} is not valid JSON; body starts {excerpt(response.content)}",
                    response=response,
                    body=response.text,
                ) from None
            logger.debug("%s is not valid JSON; its text is returned", what)
            return cast(ResponseT, response.text or None)
        try:
            return cast(
                ResponseT,
                validate(
                    endpoint.response, data, strict=self.strict_response_validation, what=what
                ),
            )
        except pydantic.ValidationError as exc:
            raise APIResponseValidationError(
                f"{what} does not match the API description: {first_problem(exc)}; "
                f"body starts {excerpt(response.content)}",
                response=response,
                body=data,
            ) from None


HttpClientT = TypeVar("HttpClientT", httpx.Client, httpx.AsyncClient)


class SharedHttpClient(Generic[HttpClientT]):
    """The HTTP client of a client and of its copies (`with_options`), made on first use:
    making one loads the system's certificates, which takes longer than importing the package."""

    def __init__(self, given: HttpClientT | None, make: Callable[[], HttpClientT]) -> None:
        self.made: HttpClientT | None = given
        self._make: Callable[[], HttpClientT] = make
        self._lock = threading.Lock()

    def get(self) -> HttpClientT:
        if self.made is None:
            with self._lock:  # one HTTP client, even when threads start calling at once
                if self.made is None:
                    self.made = self._make()
        return self.made


class SyncAPIClient(BaseClient):
    """The base of the synchronous client."""

    def __init__(self, *, http_client: httpx.Client | None, **options: Any) -> None:
        super().__init__(**options)
        self._owns_http_client = http_client is None
        self._http = SharedHttpClient(
            http_client, functools.partial(httpx.Client, follow_redirects=True)
        )

    def request(self, endpoint: Endpoint[ResponseT], call: Call) -> ResponseT:
        """Send one call, retrying as configured; return its parsed response."""
        response, retries = self._run(
            self._attempts(self._http.get(), endpoint, call), stream=False
        )
        return self._finish(endpoint, response, retries)

    def stream(self, endpoint: Endpoint[ResponseT], call: Call) -> Stream[ResponseT]:
        """Send one call whose response is a stream of server-sent events; iterate over them."""
        response, retries = self._run(self._attempts(self._http.get(), endpoint, call), stream=True)
        if not response.is_success:
            try:
                response.read()
            except httpx.HTTPError as exc:
                raise connection_error(exc, response.request) from exc
            raise _status_error(endpoint, response, self.strict_response_validation)
        stream: Stream[ResponseT] = Stream(
            response, endpoint.response, self.strict_response_validation
        )
        return cast(Stream[ResponseT], self._raw_or(stream, response, retries))

    def next_page(self, endpoint: Endpoint[ResponseT], url: str, call: Call) -> ResponseT:
        """The answer at `url`, the next page of an answer of `endpoint`."""
        return self.request(endpoint, self._next_page(url, call))

    def wait(
        self,
        call: Callable[[], ResponseT],
        *,
        attribute: str,
        until: tuple[object, ...],
        poll_interval: float,
        max_wait: float | None,
    ) -> ResponseT:
        """`call()` again and again, `poll_interval` seconds apart, until the answer's
        `attribute` is one of `until`; WaitTimeoutError after `max_wait` seconds."""
        deadline = None if max_wait is None else time.monotonic() + max_wait
        while True:
            answer = call()
            if _wait_is_over(answer, attribute, until, poll_interval, deadline, max_wait):
                return answer
            time.sleep(poll_interval)

    def collect(
        self,
        first: ResponseT,
        *,
        items_attribute: str,
        next_attribute: str,
        following: Callable[[Any], ResponseT],
        max_pages: int | None,
        max_results: int | None,
    ) -> ResponseT:
        """`first` with the items of every following page in its `items_attribute`, up to
        `max_pages` pages and `max_results` items; `following(next)` is the page after a page
        whose `next_attribute` is `next`. See `_collected`."""
        page, pages, items = first, 1, list(getattr(first, items_attribute) or [])
        while _wants_more(page, next_attribute, pages, len(items), max_pages, max_results):
            page = following(getattr(page, next_attribute))
            pages += 1
            items.extend(getattr(page, items_attribute) or [])
        return _collected(first, page, items, items_attribute, next_attribute, max_results)

    def _run(self, steps: Attempts, *, stream: bool) -> tuple[httpx.Response, int]:
        """Carry out the steps of the retry policy, blocking."""
        try:
            step = next(steps)
            while True:
                action, value = step
                if action == "send":
                    try:
                        outcome: httpx.Response | httpx.HTTPError | None = self._http.get().send(
                            value, stream=stream
                        )
                    except httpx.HTTPError as exc:  # the connection, or the body's encoding
                        outcome = exc
                    step = steps.send(outcome)
                else:
                    if action == "sleep":
                        time.sleep(value)
                    else:
                        value.close()
                    step = steps.send(None)
        except StopIteration as finished:
            return cast(tuple[httpx.Response, int], finished.value)

    def close(self) -> None:
        """Close the HTTP connections, unless the HTTP client was passed in."""
        if self._owns_http_client and (http := self._http.made) is not None:
            http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


class AsyncAPIClient(BaseClient):
    """The base of the asynchronous client."""

    def __init__(self, *, http_client: httpx.AsyncClient | None, **options: Any) -> None:
        super().__init__(**options)
        self._owns_http_client = http_client is None
        self._http = SharedHttpClient(
            http_client, functools.partial(httpx.AsyncClient, follow_redirects=True)
        )

    async def request(self, endpoint: Endpoint[ResponseT], call: Call) -> ResponseT:
        """Send one call, retrying as configured; return its parsed response."""
        response, retries = await self._run(
            self._attempts(self._http.get(), endpoint, call), stream=False
        )
        return self._finish(endpoint, response, retries)

    async def next_page(self, endpoint: Endpoint[ResponseT], url: str, call: Call) -> ResponseT:
        """The answer at `url`, the next page of an answer of `endpoint`."""
        return await self.request(endpoint, self._next_page(url, call))

    async def wait(
        self,
        call: Callable[[], Awaitable[ResponseT]],
        *,
        attribute: str,
        until: tuple[object, ...],
        poll_interval: float,
        max_wait: float | None,
    ) -> ResponseT:
        """`await call()` again and again, `poll_interval` seconds apart, until the answer's
        `attribute` is one of `until`; WaitTimeoutError after `max_wait` seconds."""
        deadline = None if max_wait is None else time.monotonic() + max_wait
        while True:
            answer = await call()
            if _wait_is_over(answer, attribute, until, poll_interval, deadline, max_wait):
                return answer
            await asyncio.sleep(poll_interval)

    async def collect(
        self,
        first: ResponseT,
        *,
        items_attribute: str,
        next_attribute: str,
        following: Callable[[Any], Awaitable[ResponseT]],
        max_pages: int | None,
        max_results: int | None,
    ) -> ResponseT:
        """`first` with the items of every following page in its `items_attribute`, up to
        `max_pages` pages and `max_results` items; `following(next)` is the page after a page
        whose `next_attribute` is `next`. See `_collected`."""
        page, pages, items = first, 1, list(getattr(first, items_attribute) or [])
        while _wants_more(page, next_attribute, pages, len(items), max_pages, max_results):
            page = await following(getattr(page, next_attribute))
            pages += 1
            items.extend(getattr(page, items_attribute) or [])
        return _collected(first, page, items, items_attribute, next_attribute, max_results)

    async def stream(self, endpoint: Endpoint[ResponseT], call: Call) -> AsyncStream[ResponseT]:
        """Send one call whose response is a stream of server-sent events; iterate over them."""
        response, retries = await self._run(
            self._attempts(self._http.get(), endpoint, call), stream=True
        )
        if not response.is_success:
            try:
                await response.aread()
            except httpx.HTTPError as exc:
                raise connection_error(exc, response.request) from exc
            raise _status_error(endpoint, response, self.strict_response_validation)
        stream: AsyncStream[ResponseT] = AsyncStream(
            response, endpoint.response, self.strict_response_validation
        )
        return cast(AsyncStream[ResponseT], self._raw_or(stream, response, retries))

    async def _run(self, steps: Attempts, *, stream: bool) -> tuple[httpx.Response, int]:
        """Carry out the steps of the retry policy, without blocking the event loop."""
        try:
            step = next(steps)
            while True:
                action, value = step
                if action == "send":
                    try:
                        outcome: httpx.Response | httpx.HTTPError | None = (
                            await self._http.get().send(value, stream=stream)
                        )
                    except httpx.HTTPError as exc:  # the connection, or the body's encoding
                        outcome = exc
                    step = steps.send(outcome)
                else:
                    if action == "sleep":
                        await asyncio.sleep(value)
                    else:
                        await value.aclose()
                    step = steps.send(None)
        except StopIteration as finished:
            return cast(tuple[httpx.Response, int], finished.value)

    async def close(self) -> None:
        """Close the HTTP connections, unless the HTTP client was passed in."""
        if self._owns_http_client and (http := self._http.made) is not None:
            await http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.close()


class SyncAPIResource:
    """A group of operations of the synchronous client."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client


class AsyncAPIResource:
    """A group of operations of the asynchronous client."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client


# --- decoding ----------------------------------------------------------------------------------


def _should_retry(response: httpx.Response) -> bool:
    """Retry 408, 409, 429 and 5xx, unless the server says otherwise with x-should-retry."""
    verdict: str | None = response.headers.get("x-should-retry")
    if verdict in ("true", "false"):
        return verdict == "true"
    return response.status_code in RETRY_STATUSES or response.status_code >= 500


def _retry_after_seconds(headers: httpx.Headers) -> float | None:
    """retry-after-ms, or Retry-After in seconds or as an HTTP date."""
    for name, scale in (("retry-after-ms", 0.001), ("retry-after", 1.0)):
        value = headers.get(name)
        if value is None:
            continue
        try:
            return float(value) * scale
        except ValueError:
            pass
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError):
            continue
        return (when - datetime.datetime.now(datetime.timezone.utc)).total_seconds()
    return None


_logging_configured = False


def _configure_logging() -> None:
    """Log to stderr when $ZOO_LOG is `info` or `debug`; otherwise logging is
    left to the application (the package logger is `zoo`).
    """
    global _logging_configured
    if _logging_configured:
        return
    _logging_configured = True
    level = os.environ.get(LOG_ENVIRONMENT_VARIABLE, "").lower()
    if level in ("info", "debug"):
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("[%(asctime)s %(name)s %(levelname)s] %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.DEBUG if level == "debug" else logging.INFO)


def _wait_is_over(
    answer: object,
    attribute: str,
    until: tuple[object, ...],
    poll_interval: float,
    deadline: float | None,
    max_wait: float | None,
) -> bool:
    """Whether `answer` ends a wait; WaitTimeoutError when another call would come too late."""
    value = getattr(answer, attribute, None)
    if value in until:
        return True
    if deadline is not None and time.monotonic() + poll_interval > deadline:
        raise WaitTimeoutError(
            f"{attribute} is still {value!r} after {max_wait} s (waiting for one of {list(until)})",
            last=answer,
        )
    logger.debug("%s is %r; calling again in %s s", attribute, value, poll_interval)
    return False


def _wants_more(
    page: object,
    next_attribute: str,
    pages: int,
    items: int,
    max_pages: int | None,
    max_results: int | None,
) -> bool:
    """Whether to fetch the page after `page`: there is one, and no limit is reached."""
    return (
        bool(getattr(page, next_attribute))
        and (max_pages is None or pages < max_pages)
        and (max_results is None or items < max_results)
    )


def _collected(
    first: ResponseT,
    last: ResponseT,
    items: list[Any],
    items_attribute: str,
    next_attribute: str,
    max_results: int | None,
) -> ResponseT:
    """The first answer holding every collected item (no more than `max_results`); its
    `next_attribute` is the last page's: None when every page was collected, else where to go on."""
    update = {items_attribute: items[:max_results], next_attribute: getattr(last, next_attribute)}
    return cast(ResponseT, cast(pydantic.BaseModel, first).model_copy(update=update))


def job_id(value: IdT | None) -> IdT:
    """The id of a job just started; an APIError when the answer has none."""
    if value is None:
        raise APIError("the answer that started the job holds no job id")
    return value


def _status_error(
    endpoint: Endpoint[Any], response: httpx.Response, strict: bool
) -> APIStatusError:
    """The typed error for an error status, with the body parsed as the API documents it (what
    does not fit kept as received; with `strict`, not parsed at all then)."""
    body: object
    try:
        body = json.loads(response.content) if response.content else None
    except ValueError:
        body = response.text
    status = str(response.status_code)
    error_type = next(
        (
            endpoint.errors[key]
            for key in (status, status[0] + "XX", "default")
            if key in endpoint.errors
        ),
        None,
    )
    parsed = None
    if error_type is not None and body is not None:
        what = f"{response.status_code} response to {endpoint.method} {endpoint.path}"
        try:
            parsed = validate(error_type, body, strict=strict, what=what)
        except pydantic.ValidationError:
            parsed = None
    error_class = STATUS_ERRORS.get(response.status_code)
    if error_class is None:
        error_class = InternalServerError if response.status_code >= 500 else APIStatusError
    return error_class(_error_message(response, body), response=response, body=body, parsed=parsed)


def _error_message(response: httpx.Response, body: object) -> str:
    detail: object = body
    if isinstance(body, dict):
        detail = next(
            (body[key] for key in ("error", "message", "detail") if isinstance(body.get(key), str)),
            body,
        )
    text = str(detail) if detail is not None else response.reason_phrase
    if len(text) > 300:
        text = text[:300] + "..."
    return f"Error code: {response.status_code} - {text}"
