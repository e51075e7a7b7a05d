"""Stage 1 as a whole: a spec file read (load.py), the user's overlays applied to it
(overlay.py), and a Swagger 2.0 spec converted to OpenAPI 3.0 (swagger2.py), in that order.
Those three know nothing of each other beyond load's `Document`; this module puts them together."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .errors import GeneratorError, Location
from .load import Document, load_data
from .options import LoadOptions


def load_document(path: Path, options: LoadOptions = LoadOptions(), overlays: Sequence[Path] = ()) -> Document:
    """Read and parse a spec file and apply the overlays to it; a Swagger 2.0 spec is converted
    to OpenAPI 3.0 after its overlays, which are written for it as it is. Every failure is a
    GeneratorError naming the file."""
    document = load_data(path, options)
    data: Any = document.data
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else f"a {type(data).__name__}"
        raise GeneratorError(path, f"not an OpenAPI document: the top level is {kind}, not a mapping")
    if "openapi" not in data and "swagger" not in data:
        raise GeneratorError(Location(path, ""), "not an OpenAPI document: no 'openapi' field")
    if overlays:
        from .overlay import apply_overlay  # only with overlays: it imports a JSONPath library

        for overlay in overlays:
            document.overlay_warnings += apply_overlay(data, overlay)
    if "openapi" not in data:
        from .swagger2 import convert_swagger2  # only for Swagger 2.0 specs

        convert_swagger2(document)
    return document
