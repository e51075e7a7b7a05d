"""Types used in the signatures of the client's methods."""

from __future__ import annotations

import os
from typing import IO, Literal, Mapping, Optional, Union

import httpx


class NotGiven:
    """The type of `NOT_GIVEN`: an argument that was not passed, as distinct from `None`."""

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN = NotGiven()
"""The default of every optional argument: the argument is left out of the request."""

Headers = Mapping[str, str]
Query = Mapping[str, object]
Body = Mapping[str, object]
Timeout = Union[float, httpx.Timeout, None]

FileContent = Union[IO[bytes], bytes, "os.PathLike[str]"]
FileTypes = Union[
    FileContent,
    tuple[Optional[str], FileContent],
    tuple[Optional[str], FileContent, Optional[str]],
    tuple[Optional[str], FileContent, Optional[str], Mapping[str, str]],
]
"""A file to upload: its content, or (file name, content), (file name, content, media type) or
(file name, content, media type, headers of its part in a multipart body)."""
