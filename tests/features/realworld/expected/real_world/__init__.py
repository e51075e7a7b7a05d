"""Real World"""

from . import types as types
from ._base_client import RawResponse
from ._client import AsyncRealWorld, RealWorld
from ._exceptions import (
    APIConnectionError,
    APIError,
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
    WaitTimeoutError,
)
from ._types import NOT_GIVEN, FileTypes, NotGiven
from ._version import __version__

__all__ = [
    "RealWorld",
    "AsyncRealWorld",
    "APIError",
    "APIConnectionError",
    "APITimeoutError",
    "APIResponseValidationError",
    "APIStatusError",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "InternalServerError",
    "MissingCredentialsError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "UnprocessableEntityError",
    "WaitTimeoutError",
    "NOT_GIVEN",
    "NotGiven",
    "FileTypes",
    "RawResponse",
    "__version__",
]
