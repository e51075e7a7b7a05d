"""The exception each error status raises: one table for the IR, the docstrings, the contract
tests and the generated `_exceptions.py`.

The common statuses have the classes every client has (`NotFoundError`); any other status a spec
documents gets a class of its own, named from its reason phrase (`402` -> `PaymentRequiredError`),
a subclass of `InternalServerError` for a 5xx, else of `APIStatusError`.

A target's `errors` table renames them: a runtime class by its name (`APIError =
"FirecrawlError"`), a status's class by the status (`401 = "UnauthorizedError"`; a status with no
class yet gets one). The usual name stays an alias of the renamed class, so that code and docs
written for any client of this generator keep working.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .. import naming
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
    """An exception class of its own for a status the spec documents (or the `errors` table names)."""

    status: int
    name: str
    base: str
    """`InternalServerError` for a 5xx, else `APIStatusError`."""
    reason: str
    alias: str | None = None
    """Its usual name, when the `errors` table gave it another."""


def _usual_class(code: int) -> str:
    if code in COMMON:
        return COMMON[code]
    reason = REASONS.get(code)
    # keep acronyms (`URI`, `HTTP`): capitalise each word's first letter only
    return "".join(word[0].upper() + word[1:] for word in reason.split()) + "Error" if reason else f"Status{code}Error"


def error_class(status: str, chosen: Mapping[str, str] | None = None) -> str:
    """The class an error status raises, `status` as a spec writes it (`"402"`, `"4XX"`,
    `"default"`), under the names `chosen` (a target's `errors` table) gives."""
    chosen = chosen or {}
    code = int(status) if status.isdigit() else None
    if code is None or not 400 <= code < 600:
        return error_class("500", chosen) if status.startswith("5") else chosen.get("APIStatusError", "APIStatusError")
    usual = _usual_class(code)
    return chosen.get(str(code)) or chosen.get(usual, usual)


def documented_errors(statuses: Iterable[str], chosen: Mapping[str, str] | None = None) -> list[StatusError]:
    """The classes of their own that the error statuses a spec documents need, and those the
    `errors` table names, by status."""
    chosen = chosen or {}
    given = [*statuses, *(key for key in chosen if key.isdigit())]
    codes = sorted({int(s) for s in given if s.isdigit() and 400 <= int(s) < 600 and int(s) not in COMMON})
    errors = []
    for code in codes:
        name, usual = error_class(str(code), chosen), _usual_class(code)
        base = error_class("500", chosen) if code >= 500 else chosen.get("APIStatusError", "APIStatusError")
        reason = REASONS.get(code, f"Status {code}")
        errors.append(StatusError(code, name, base, reason, usual if name != usual else None))
    return errors


def renamed_classes(chosen: Mapping[str, str]) -> dict[str, str]:
    """Usual name -> this client's, for every class of every client (the runtime's and the common
    statuses')."""
    status_of = {name: code for code, name in COMMON.items()}
    renamed = {}
    for name in dict.fromkeys([*EXCEPTIONS, *COMMON.values()]):
        code = status_of.get(name)
        renamed[name] = error_class(str(code), chosen) if code is not None else chosen.get(name, name)
    return renamed


def exception_aliases(errors: list[StatusError], chosen: Mapping[str, str]) -> list[tuple[str, str]]:
    """(usual name, this client's) of every class the `errors` table renames."""
    renamed = [(usual, name) for usual, name in renamed_classes(chosen).items() if usual != name]
    return renamed + [(error.alias, error.name) for error in errors if error.alias is not None]


def exported_exceptions(errors: list[StatusError], chosen: Mapping[str, str] | None = None) -> list[str]:
    """The exceptions a client's package exports: every client's, then its own status classes,
    each under this client's name, then the usual names of the renamed ones."""
    renamed = renamed_classes(chosen or {})
    names = [*(renamed[name] for name in EXCEPTIONS[:-1]), *(error.name for error in errors), renamed[EXCEPTIONS[-1]]]
    return names + [usual for usual, _ in exception_aliases(errors, chosen or {})]


def status_table(errors: list[StatusError], chosen: Mapping[str, str] | None = None) -> list[tuple[int, str]]:
    """(status, class) of every status that has a class of its own but 500 (InternalServerError
    stands for every 5xx), by status."""
    common = [(status, error_class(str(status), chosen)) for status in COMMON if status != 500]
    return sorted(common + [(error.status, error.name) for error in errors])


_CLASS_NAME = re.compile(r"^[A-Z][A-Za-z0-9]*$")


def errors_table_problem(chosen: Mapping[str, object], statuses: Iterable[str] = ()) -> str | None:
    """What is wrong with a target's `errors` table, if anything: a key that is neither a class
    every client has nor an error status, a value that is no class name, two classes of one name
    (among them the classes of the error `statuses` a spec documents)."""
    renamable = set(renamed_classes({}))
    for key, name in chosen.items():
        if not (key in renamable or key.isdigit() and 400 <= int(key) < 600):
            known = ", ".join(sorted(renamable))
            return f"{key!r} is neither an error status (400 to 599) nor one of the classes {known}"
        if not isinstance(name, str) or not _CLASS_NAME.match(name) or name in naming.BUILTIN_NAMES:
            return f"{key!r} must be a class name in CamelCase that is no builtin's, not {name!r}"
        if key.isdigit() and COMMON.get(int(key)) in chosen:
            return f"{key!r} and {COMMON[int(key)]!r} name one class"
    names = {str(key): str(value) for key, value in chosen.items()}
    classes = {**renamed_classes(names), **{e.alias or e.name: e.name for e in documented_errors(statuses, names)}}
    taken: dict[str, str] = {}
    for usual, name in classes.items():
        for claimed in {usual, name}:  # the class, and its usual name as an alias
            if taken.setdefault(claimed, usual) != usual:
                return f"{claimed!r} would name two classes (the usual {taken[claimed]} and {usual})"
    return None


# Every class an error status can raise, which the package exports beside the API's own names:
# no class the generator names may take one (a schema `PaymentRequiredError`).
STATUS_ERROR_CLASSES = frozenset(error_class(str(code)) for code in range(400, 600))
