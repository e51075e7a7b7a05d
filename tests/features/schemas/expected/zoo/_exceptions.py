"""The errors the client raises. Catch `APIError` for all of them."""

from __future__ import annotations

from typing import Any

import httpx

__all__ = [
    "APIError",
    "MissingCredentialsError",
    "APIConnectionError",
    "APITimeoutError",
    "APIResponseValidationError",
    "APIStatusError",
    "BadRequestError",
    "AuthenticationError",
    "PermissionDeniedError",
    "NotFoundError",
    "ConflictError",
    "UnprocessableEntityError",
    "RateLimitError",
    "InternalServerError",
    "WaitTimeoutError",
]


class APIError(Exception):
    """Base class of every error raised by this client."""

    message: str

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class MissingCredentialsError(APIError):
    """An operation needs a credential the client was not given; no request was sent."""


class APIConnectionError(APIError):
    """The request did not get a response that could be read: the connection failed or broke,
    or the body could not be decoded."""

    def __init__(self, message: str = "Connection error.", *, request: httpx.Request) -> None:
        super().__init__(message)
        self.request = request


class APITimeoutError(APIConnectionError):
    """The request took longer than its timeout."""

    def __init__(self, *, request: httpx.Request) -> None:
        super().__init__("Request timed out.", request=request)


def connection_error(exc: httpx.HTTPError, request: httpx.Request) -> APIConnectionError:
    """The client's error for one of httpx's: the connection failed, broke or timed out, or the
    body could not be decoded (a wrong Content-Encoding)."""
    if isinstance(exc, httpx.TimeoutException):
        return APITimeoutError(request=request)
    return APIConnectionError(f"Connection error: {exc}", request=request)


class APIResponseValidationError(APIError):
    """A successful response whose body is not what the API describes."""

    def __init__(self, message: str, *, response: httpx.Response, body: object) -> None:
        super().__init__(message)
        self.response = response
        self.status_code = response.status_code
        self.body = body


class APIStatusError(APIError):
    """The API answered with an error status (4xx or 5xx).

    `body` is the decoded JSON (or the text) of the response; `parsed` is the body as the
    model the API documents for this status, or None when it documents none or it did not fit.
    """

    def __init__(
        self, message: str, *, response: httpx.Response, body: object, parsed: Any
    ) -> None:
        super().__init__(message)
        self.response = response
        self.status_code = response.status_code
        self.headers = response.headers
        self.body = body
        self.parsed = parsed

    @property
    def request(self) -> httpx.Request:
        return self.response.request


class BadRequestError(APIStatusError):
    """400 Bad Request."""


class AuthenticationError(APIStatusError):
    """401 Unauthorized."""


class PermissionDeniedError(APIStatusError):
    """403 Forbidden."""


class NotFoundError(APIStatusError):
    """404 Not Found."""


class ConflictError(APIStatusError):
    """409 Conflict."""


class UnprocessableEntityError(APIStatusError):
    """422 Unprocessable Entity."""


class RateLimitError(APIStatusError):
    """429 Too Many Requests."""


class InternalServerError(APIStatusError):
    """A 5xx status."""


STATUS_ERRORS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}
"""The class of each status that has one; any other 5xx raises InternalServerError, any other
status APIStatusError."""


class WaitTimeoutError(APIError):
    """A waiting method (`..._until_done`) gave up: the job had not ended within `max_wait`."""

    def __init__(self, message: str, *, last: object) -> None:
        super().__init__(message)
        self.last = last
        """The last answer, whose field had not yet reached an ending value."""
