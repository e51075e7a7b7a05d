"""Renders scenes into frames, in jobs that take a while."""

from . import types as types
from ._base_client import RawResponse
from ._client import AsyncRenderFarm, RenderFarm
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
    PaymentRequiredError,
    PermissionDeniedError,
    RateLimitError,
    ServiceUnavailableError,
    UnprocessableEntityError,
    WaitTimeoutError,
)
from ._types import NOT_GIVEN, FileTypes, NotGiven
from ._version import __version__

__all__ = [
    "RenderFarm",
    "AsyncRenderFarm",
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
    "PaymentRequiredError",
    "ServiceUnavailableError",
    "WaitTimeoutError",
    "NOT_GIVEN",
    "NotGiven",
    "FileTypes",
    "RawResponse",
    "__version__",
]
