"""The exception each error status raises: one table for the IR, the docstrings, the contract
tests and the generated `_exceptions.py`.

The common statuses have the classes every client has (`NotFoundError`); any other status a spec
documents gets a class of its own, named from its reason phrase (`402` -> `PaymentRequiredError`),
a subclass of `InternalServerError` for a 5xx, else of `APIStatusError`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..naming import EXCEPTIONS

COMMON = {
    400: "BadRequestError",
    401: "AuthenticationError",
    403: "PermissionDeniedError",
    404: "NotFoundError",
    409: "ConflictError",
    422: "UnprocessableEntityError",
    429: "RateLimitError",
    500: "InternalServerError",
}
# The reason phrases of RFC 9110 (and RFC 6585, 8297, 8470, 7725): written here because Python's
# http.HTTPStatus renames some between versions, and a client must not depend on which Python
# generated it.
REASONS = {
    402: "Payment Required",
    405: "Method Not Allowed",
    406: "Not Acceptable",
    407: "Proxy Authentication Required",
    408: "Request Timeout",
    410: "Gone",
    411: "Length Required",
    412: "Precondition Failed",
    413: "Content Too Large",
    414: "URI Too Long",
    415: "Unsupported Media Type",
    416: "Range Not Satisfiable",
    417: "Expectation Failed",
    421: "Misdirected Request",
    423: "Locked",
    424: "Failed Dependency",
    425: "Too Early",
    426: "Upgrade Required",
    428: "Precondition Required",
    431: "Request Header Fields Too Large",
    451: "Unavailable For Legal Reasons",
    501: "Not Implemented",
    502: "Bad Gateway",
    503: "Service Unavailable",
    504: "Gateway Timeout",
    505: "HTTP Version Not Supported",
    506: "Variant Also Negotiates",
    507: "Insufficient Storage",
    508: "Loop Detected",
    510: "Not Extended",
    511: "Network Authentication Required",
}


@dataclass(frozen=True)
class StatusError:
    """An exception class of its own for a status the spec documents."""

    status: int
    name: str
    base: str
    """`InternalServerError` for a 5xx, else `APIStatusError`."""
    reason: str


def error_class(status: str) -> str:
    """The class an error status raises, `status` as a spec writes it (`"402"`, `"4XX"`, `"default"`)."""
    code = int(status) if status.isdigit() else None
    if code is None or not 400 <= code < 600:
        return "InternalServerError" if status.startswith("5") else "APIStatusError"
    if code in COMMON:
        return COMMON[code]
    reason = REASONS.get(code)
    # keep acronyms (`URI`, `HTTP`): capitalise each word's first letter only
    return "".join(word[0].upper() + word[1:] for word in reason.split()) + "Error" if reason else f"Status{code}Error"


def documented_errors(statuses: Iterable[str]) -> list[StatusError]:
    """The classes of their own that the error statuses a spec documents need, by status."""
    codes = sorted({int(s) for s in statuses if s.isdigit() and 400 <= int(s) < 600 and int(s) not in COMMON})
    return [
        StatusError(code, error_class(str(code)), "InternalServerError" if code >= 500 else "APIStatusError",
                    REASONS.get(code, f"Status {code}"))
        for code in codes
    ]  # fmt: skip


def exported_exceptions(errors: list[StatusError]) -> list[str]:
    """The exceptions a client's package exports: every client's, then its own status classes."""
    return [*EXCEPTIONS[:-1], *(error.name for error in errors), EXCEPTIONS[-1]]


def status_table(errors: list[StatusError]) -> list[tuple[int, str]]:
    """(status, class) of every status that has a class of its own but 500 (InternalServerError
    stands for every 5xx), by status."""
    common = [(status, name) for status, name in COMMON.items() if status != 500]
    return sorted(common + [(error.status, error.name) for error in errors])


# Every class an error status can raise, which the package exports beside the API's own names:
# no class the generator names may take one (a schema `PaymentRequiredError`).
STATUS_ERROR_CLASSES = frozenset(error_class(str(code)) for code in range(400, 600))
