"""`x-clientgen-request-id`: the response headers that carry the id an API gives each request."""

from __future__ import annotations

from ..load import Document

REQUEST_ID_EXTENSION = "x-clientgen-request-id"
DEFAULT_REQUEST_ID_HEADERS = ("x-request-id", "request-id")
"""The names APIs use most; the first one a response carries is its request id."""


def request_id_headers(document: Document) -> tuple[str, ...]:
    """The headers named at the document's root (one name or a list, in order of preference),
    else `DEFAULT_REQUEST_ID_HEADERS`."""
    declared = document.data.get(REQUEST_ID_EXTENSION)
    if declared is None:
        return DEFAULT_REQUEST_ID_HEADERS
    names = [declared] if isinstance(declared, str) else declared
    if not isinstance(names, list) or not names or not all(_is_header_name(name) for name in names):
        raise document.error("/" + REQUEST_ID_EXTENSION, "must be a header name or a non-empty list of them")
    return tuple(dict.fromkeys(name.lower() for name in names))


def _is_header_name(name: object) -> bool:
    """A token of RFC 9110: what a header's name may be."""
    allowed = set("!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
    return isinstance(name, str) and bool(name) and set(name) <= allowed
