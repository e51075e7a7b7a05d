"""The stages in order: load -> validate -> IR -> render -> format; then write or compare."""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from . import __version__
from .errors import Diagnostic, GeneratorError, Warnings
from .format import EMPTY_CACHE, format_files, formatter_version
from .ir import build_api
from .ir.model import Api
from .load import LoadOptions, load_document
from .render import Project, render_project
from .validate import validate_in_background
from .write import MANIFEST, manifest, read_format_cache

# A schema nested a few hundred levels deep takes several frames per level to convert.
_RECURSION_LIMIT = 20_000


@dataclass
class Generated:
    api: Api
    files: dict[str, bytes]
    warnings: list[Diagnostic]
    timings: dict[str, float] = field(default_factory=dict)


def generate_files(
    spec: Path,
    *,
    package_name: str | None = None,
    strict: bool = False,
    options: LoadOptions = LoadOptions(),
    previous: Path | None = None,
) -> Generated:
    """Every file of the client project for `spec`, in memory. `previous` is the output
    folder of an earlier generation, whose unchanged files need no formatting again."""
    timings: dict[str, float] = {}
    started = time.perf_counter()

    def lap(stage: str) -> None:
        nonlocal started
        now = time.perf_counter()
        timings[stage] = now - started
        started = now

    warnings = Warnings(strict=strict)
    document = load_document(spec, options)
    lap("load")
    for pointer in document.repaired:
        warnings.add(document.location(pointer), "text with a lone surrogate (not valid Unicode); it became U+FFFD")
    validated = validate_in_background(document, warnings)
    lap("validate")
    previous_limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(previous_limit, _RECURSION_LIMIT))
    try:
        api = build_api(document, warnings, package_name)
    except GeneratorError:
        validated()  # an invalid document explains an error of the IR better
        raise
    except RecursionError:
        validated()
        raise GeneratorError(spec, "schemas are nested too deeply to generate a client") from None
    finally:
        sys.setrecursionlimit(previous_limit)
    lap("ir")
    validated()
    lap("validate (waiting)")
    project = Project(
        name=api.package_name.replace("_", "-"),
        version="0.1.0",
        description=f"Python client for the {api.title}",
    )
    texts = render_project(api, project)
    lap("render")
    formatter = formatter_version()
    cache = read_format_cache(previous, formatter) if previous is not None else EMPTY_CACHE
    formatted, rendered = format_files(texts, cache)
    lap("format")
    files = {path: text.encode("utf-8") for path, text in formatted.items()}
    files[MANIFEST] = manifest(files, document.sha256, f"clientgen {__version__}", formatter, rendered)
    return Generated(api=api, files=dict(sorted(files.items())), warnings=warnings.items, timings=timings)
