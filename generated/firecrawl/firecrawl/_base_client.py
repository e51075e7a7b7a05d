"""The runtime every resource shares: builds requests, sends them, parses responses."""

from __future__ import annotations

import base64
import datetime
import json
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from types import TracebackType
from typing import IO, Any, Generic, Mapping, Self, Sequence, TypeVar, cast
from urllib.parse import quote

import httpx
import pydantic

from ._exceptions import (
    APIConnectionError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    InternalServerError,
    MissingCredentialsError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    UnprocessableEntityError,
)
from ._types import NOT_GIVEN, Body, Headers, NotGiven, Query, Timeout

ResponseT = TypeVar("ResponseT")
Credential = str | tuple[str, str] | None

DEFAULT_TIMEOUT = httpx.Timeout(60.0, connect=5.0)
USER_AGENT = "firecrawl-python/0.1.0"


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
    part_content_types: Mapping[str, str] = field(default_factory=dict)
    unexploded_query: Sequence[str] = ()
    """Array query parameters sent comma-separated rather than repeated."""


_STATUS_ERRORS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}
_PATH_PARAMETER = re.compile(r"\{([^}]+)\}")


class BaseClient:
    """What the sync and async clients share: everything but sending."""

    def __init__(
        self,
        *,
        base_url: str | httpx.URL,
        credentials: Mapping[str, Credential],
        security_schemes: Mapping[str, SecurityScheme],
        timeout: Timeout,
        default_headers: Mapping[str, str] | None,
    ) -> None:
        self.base_url = httpx.URL(str(base_url).rstrip("/"))
        self.timeout = timeout
        self.default_headers = dict(default_headers or {})
        self._credentials = dict(credentials)
        self._security_schemes = security_schemes

    def _build_request(
        self,
        http: httpx.Client | httpx.AsyncClient,
        endpoint: Endpoint[Any],
        *,
        path: Mapping[str, object] | None,
        query: Mapping[str, object] | None,
        headers: Mapping[str, object] | None,
        cookies: Mapping[str, object] | None,
        body: object,
        extra_headers: Headers | None,
        extra_query: Query | None,
        extra_body: Body | None,
        timeout: Timeout | NotGiven,
    ) -> httpx.Request:
        header_items = {
            "Accept": "application/json",
            "User-Agent": USER_AGENT,
            **self.default_headers,
        }
        header_items.update(_texts(headers or {}))
        query_items = _query_items(query or {}, endpoint.unexploded_query)
        cookie_items = _texts(cookies or {})
        self._authorize(endpoint, header_items, query_items, cookie_items)
        if cookie_items:
            header_items["Cookie"] = "; ".join(
                f"{name}={value}" for name, value in cookie_items.items()
            )
        header_items.update(extra_headers or {})
        query_items.extend(_query_items(extra_query or {}, ()))
        return http.build_request(
            endpoint.method,
            self._url(endpoint.path, path or {}),
            params=tuple(query_items),
            headers=header_items,
            timeout=self.timeout if isinstance(timeout, NotGiven) else timeout,
            **_body_arguments(endpoint, body, extra_body),
        )

    def _url(self, template: str, path: Mapping[str, object]) -> str:
        def substitute(match: re.Match[str]) -> str:
            return quote(_text(path[match.group(1)]), safe="")

        return str(self.base_url) + _PATH_PARAMETER.sub(substitute, template)

    def _authorize(
        self,
        endpoint: Endpoint[Any],
        headers: dict[str, str],
        query: list[tuple[str, str]],
        cookies: dict[str, str],
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
        query: list[tuple[str, str]],
        cookies: dict[str, str],
    ) -> None:
        if isinstance(credential, tuple):
            token = base64.b64encode(f"{credential[0]}:{credential[1]}".encode()).decode("ascii")
            value = f"Basic {token}"
        elif scheme.kind == "bearer":
            value = f"Bearer {credential}"
        else:
            value = str(credential)
        if scheme.location == "query":
            query.append((scheme.name, value))
        elif scheme.location == "cookie":
            cookies[scheme.name] = value
        else:
            headers[scheme.name] = value

    def _process_response(
        self, endpoint: Endpoint[ResponseT], response: httpx.Response
    ) -> ResponseT:
        if not response.is_success:
            raise _status_error(endpoint, response)
        if endpoint.response_kind == "none" or (endpoint.response is None and not response.content):
            return cast(ResponseT, None)
        if endpoint.response_kind == "text":
            return cast(ResponseT, response.text)
        if endpoint.response_kind == "bytes":
            return cast(ResponseT, response.content)
        data = _decode_json(response)
        try:
            return cast(ResponseT, _adapter(endpoint.response).validate_python(data))
        except pydantic.ValidationError as exc:
            raise APIResponseValidationError(
                f"{response.status_code} response to {endpoint.method} {endpoint.path} does not match the API "
                f"description: {_first_problem(exc)}; body starts {_excerpt(response)}",
                response=response,
                body=data,
            ) from None


class SyncAPIClient(BaseClient):
    """The base of the synchronous client."""

    def __init__(self, *, http_client: httpx.Client | None, **options: Any) -> None:
        super().__init__(**options)
        self._owns_http_client = http_client is None
        self._http_client = (
            http_client if http_client is not None else httpx.Client(follow_redirects=True)
        )

    def request(
        self,
        endpoint: Endpoint[ResponseT],
        *,
        path: Mapping[str, object] | None = None,
        query: Mapping[str, object] | None = None,
        headers: Mapping[str, object] | None = None,
        cookies: Mapping[str, object] | None = None,
        body: object = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> ResponseT:
        """Send one call of `endpoint` and return its parsed response; raise on error statuses."""
        request = self._build_request(
            self._http_client,
            endpoint,
            path=path,
            query=query,
            headers=headers,
            cookies=cookies,
            body=body,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )
        try:
            response = self._http_client.send(request)
        except httpx.TimeoutException as exc:
            raise APITimeoutError(request=request) from exc
        except httpx.TransportError as exc:
            raise APIConnectionError(f"Connection error: {exc}", request=request) from exc
        return self._process_response(endpoint, response)

    def close(self) -> None:
        """Close the HTTP connections, unless the HTTP client was passed in."""
        if self._owns_http_client:
            self._http_client.close()

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
        self._http_client = (
            http_client if http_client is not None else httpx.AsyncClient(follow_redirects=True)
        )

    async def request(
        self,
        endpoint: Endpoint[ResponseT],
        *,
        path: Mapping[str, object] | None = None,
        query: Mapping[str, object] | None = None,
        headers: Mapping[str, object] | None = None,
        cookies: Mapping[str, object] | None = None,
        body: object = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> ResponseT:
        """Send one call of `endpoint` and return its parsed response; raise on error statuses."""
        request = self._build_request(
            self._http_client,
            endpoint,
            path=path,
            query=query,
            headers=headers,
            cookies=cookies,
            body=body,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )
        try:
            response = await self._http_client.send(request)
        except httpx.TimeoutException as exc:
            raise APITimeoutError(request=request) from exc
        except httpx.TransportError as exc:
            raise APIConnectionError(f"Connection error: {exc}", request=request) from exc
        return self._process_response(endpoint, response)

    async def close(self) -> None:
        """Close the HTTP connections, unless the HTTP client was passed in."""
        if self._owns_http_client:
            await self._http_client.aclose()

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


# --- encoding ----------------------------------------------------------------------------------


def _text(value: object) -> str:
    """A parameter value as text: booleans as `true`/`false`, dates in ISO 8601."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (datetime.datetime, datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, (dict, list, pydantic.BaseModel)):
        return json.dumps(_jsonable(value), separators=(",", ":"))
    return str(value)


def _texts(values: Mapping[str, object]) -> dict[str, str]:
    """Header or cookie values; arguments not given or None are left out."""
    return {
        name: _text(value)
        for name, value in values.items()
        if value is not None and value is not NOT_GIVEN
    }


def _query_items(query: Mapping[str, object], unexploded: Sequence[str]) -> list[tuple[str, str]]:
    items: list[tuple[str, str]] = []
    for name, value in query.items():
        if value is None or value is NOT_GIVEN:
            continue
        if isinstance(value, (list, tuple)):
            texts = [_text(item) for item in value]
            if name in unexploded:
                items.append((name, ",".join(texts)))
            else:
                items.extend((name, text) for text in texts)
        else:
            items.append((name, _text(value)))
    return items


def _jsonable(value: object) -> Any:
    """A value as JSON data: models by wire name with only the fields that were set,
    arguments not given left out."""
    if isinstance(value, pydantic.BaseModel):
        return value.model_dump(mode="json", by_alias=True, exclude_unset=True)
    if isinstance(value, Mapping):
        return {str(key): _jsonable(item) for key, item in value.items() if item is not NOT_GIVEN}
    if isinstance(value, (list, tuple)):
        return [_jsonable(item) for item in value]
    if isinstance(value, (datetime.datetime, datetime.date, datetime.time)):
        return value.isoformat()
    return value


def _body_arguments(
    endpoint: Endpoint[Any], body: object, extra_body: Body | None
) -> dict[str, Any]:
    """The httpx arguments (json, data, files or content) that carry the request body."""
    encoding = endpoint.body_encoding
    if encoding in (None, "json"):
        payload = None if body is NOT_GIVEN else _jsonable(body)
        if extra_body:
            payload = {**(payload or {}), **_jsonable(extra_body)}
        return {} if payload is None else {"json": payload}
    if encoding == "multipart":
        return _multipart(endpoint, {**cast(Mapping[str, object], body), **(extra_body or {})})
    if encoding == "form":
        fields = {**cast(Mapping[str, object], body), **(extra_body or {})}
        return {
            "data": {name: _text(value) for name, value in fields.items() if value is not NOT_GIVEN}
        }
    if body is NOT_GIVEN:
        return {}
    if encoding == "text":
        return {"content": str(body).encode()}
    return {"content": _file_parts("body", body)[1]}


def _multipart(endpoint: Endpoint[Any], fields: Mapping[str, object]) -> dict[str, Any]:
    """Every field as a part (files and JSON parts with their media type), so the body is
    multipart/form-data even when no file is sent."""
    parts: list[tuple[str, Any]] = []
    for name, value in fields.items():
        if value is NOT_GIVEN or value is None:
            continue
        content_type = endpoint.part_content_types.get(name)
        if _is_file(value):
            filename, content, file_type = _file_parts(name, value)
            parts.append((name, (filename, content, file_type or content_type)))
        elif content_type is not None and "json" in content_type:
            parts.append((name, (None, json.dumps(_jsonable(value)).encode(), content_type)))
        elif isinstance(value, (list, tuple)):
            parts.extend((name, (None, _text(item).encode())) for item in value)
        else:
            parts.append((name, (None, _text(value).encode())))
    return {"files": parts}


def _is_file(value: object) -> bool:
    return isinstance(value, (bytes, bytearray, tuple, os.PathLike)) or hasattr(value, "read")


def _file_parts(name: str, value: object) -> tuple[str | None, Any, str | None]:
    """(file name, content, media type) of an upload given in any of the `FileTypes` forms."""
    if isinstance(value, tuple):
        filename, content, *rest = value
        return filename, _file_content(content), rest[0] if rest else None
    if isinstance(value, os.PathLike):
        path = os.fspath(value)
        return os.path.basename(path), _file_content(value), None
    filename = getattr(value, "name", None)
    return (
        (os.path.basename(filename) if isinstance(filename, str) else name),
        _file_content(value),
        None,
    )


def _file_content(content: object) -> bytes | IO[bytes]:
    if isinstance(content, os.PathLike):
        with open(content, "rb") as file:
            return file.read()
    if isinstance(content, bytearray):
        return bytes(content)
    return cast("bytes | IO[bytes]", content)


# --- decoding ----------------------------------------------------------------------------------


@lru_cache(maxsize=None)
def _adapter(type_: Any) -> pydantic.TypeAdapter[Any]:
    return pydantic.TypeAdapter(type_)


def _decode_json(response: httpx.Response) -> Any:
    try:
        return json.loads(response.content)
    except ValueError:
        raise APIResponseValidationError(
            f"{response.status_code} response is not valid JSON; body starts {_excerpt(response)}",
            response=response,
            body=response.text,
        ) from None


def _excerpt(response: httpx.Response, limit: int = 200) -> str:
    text = response.content[:limit].decode("utf-8", "replace")
    return repr(text) + ("..." if len(response.content) > limit else "")


def _first_problem(exc: pydantic.ValidationError) -> str:
    error = exc.errors()[0]
    where = ".".join(str(part) for part in error["loc"]) or "body"
    more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
    return f"{where}: {error['msg']}{more}"


def _status_error(endpoint: Endpoint[Any], response: httpx.Response) -> APIStatusError:
    """The typed error for an error status, with the body parsed as the API documents it."""
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
        try:
            parsed = _adapter(error_type).validate_python(body)
        except pydantic.ValidationError:
            parsed = None
    error_class = _STATUS_ERRORS.get(response.status_code)
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
