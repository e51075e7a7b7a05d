"""The stages in order: load -> validate -> IR -> render -> format; then write or compare."""

from __future__ import annotations

import gc
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

import jinja2

from . import __version__
from .errors import Diagnostic, GeneratorError, Warnings
from .format import format_files, formatter_version
from .inputs import Inputs
from .ir import build_api
from .ir.model import Api
from .ir.overrides import NameOverrides
from .overlay import overlaid_sha256
from .release import CHANGELOG, History
from .render import Project, render_project, templates_sha256
from .spec import load_document
from .validate import validate_in_background
from .write import MANIFEST, BuiltFrom, manifest, read_manifest

if TYPE_CHECKING:
    from .diff import Release

# A schema nested a few hundred levels deep takes several frames per level to convert.
_RECURSION_LIMIT = 20_000


@dataclass
class Generated:
    api: Api
    files: dict[str, bytes]
    warnings: list[Diagnostic]
    version: str
    """The generated package's version."""
    release: Release | None = None
    """With `changelog_from`: the new version and the spec diff it was bumped for, if it was."""
    timings: dict[str, float] = field(default_factory=dict)


def generate_files(
    spec: Path,
    inputs: Inputs = Inputs(),
    *,
    previous: Path | None = None,
    changelog_from: Path | None = None,
    progress: Callable[[str], None] | None = None,
) -> Generated:
    """Every file of the client project for `spec` and `inputs` (the overlays, names, options
    and templates), in memory. `previous` is the output folder of an earlier generation: its
    package version and CHANGELOG.md carry over (nothing else is read from it). With
    `changelog_from`, the spec that folder was built from, the version is bumped as the spec
    diff suggests and its report heads the changelog. `progress` hears the name of each stage
    as it starts."""
    timings: dict[str, float] = {}
    started = time.perf_counter()

    def lap(stage: str, next_stage: str | None = None) -> None:
        """`stage` has finished: its time is kept, and `progress` hears of `next_stage`."""
        nonlocal started
        now = time.perf_counter()
        timings[stage] = now - started
        started = now
        if progress is not None and next_stage is not None:
            progress(next_stage)

    with _cycle_collection_deferred() as resume_collection:
        warnings = Warnings(strict=inputs.strict)
        if progress is not None:
            progress("loading")
        document = load_document(spec, inputs.load, inputs.overlays)
        lap("load", "validating")
        for found in document.warnings:
            warnings.add(found.location, found.message)
        validated = validate_in_background(document, warnings)
        lap("validate", "building the IR")
        previous_limit = sys.getrecursionlimit()
        sys.setrecursionlimit(max(previous_limit, _RECURSION_LIMIT))
        try:
            api = build_api(
                document,
                warnings,
                inputs.package_name,
                client_class=inputs.client_class,
                env_prefix=inputs.env_prefix,
                overrides=NameOverrides(inputs.names),
            )
        except GeneratorError:
            validated()  # an invalid document explains an error of the IR better
            raise
        except RecursionError:
            validated()
            raise GeneratorError(spec, "schemas are nested too deeply to generate a client") from None
        finally:
            sys.setrecursionlimit(previous_limit)
        lap("ir", "rendering")
        validated()
        lap("validate (waiting)")
        spec_digest = overlaid_sha256(document, inputs.overlays)  # every file of the spec: the IR has read them all
        spec_files = document.spec_files()
        document_sha256 = document.sha256
        del document, validated  # the spec's data is read: rendering and black need its room
        history = History.of(
            read_manifest(previous) if previous is not None else {},
            _read_text(previous / CHANGELOG) if previous is not None else "",
            inputs.versioning,
        )
        release = None
        if changelog_from is not None:
            from .diff import SpecVersion, diff_apis, read_api  # the diff: only on request

            old_options = replace(inputs, package_name=api.package_name)
            old_api, old_spec = read_api(changelog_from, old_options)
            new_spec = SpecVersion(str(spec), api.title, api.version, document_sha256, spec_digest)
            history, release = history.release(api.package_name, diff_apis(old_api, api, old_spec, new_spec))
        project = Project(
            name=api.package_name.replace("_", "-"),
            version=history.version,
            description=f"Python client for the {api.title}",
        )
        templates = inputs.templates
        if templates is not None and not templates.is_dir():
            raise GeneratorError(templates, "the templates folder does not exist")
        try:
            texts = render_project(api, project, templates, with_tests=inputs.with_tests)
        except jinja2.TemplateError as exc:
            if templates is None:
                raise  # a bug of ours
            where = f"{templates}/{exc.name}" if isinstance(exc, jinja2.TemplateSyntaxError) and exc.name else templates
            raise GeneratorError(where, f"template override failed: {exc}") from None
        lap("render", "formatting")
        resume_collection()  # black makes cyclic garbage: nodes know their parents
        formatted = format_files(texts, trust_layout=templates is None)
        lap("format", "done")
        files = {path: text.encode("utf-8") for path, text in formatted.items()}
        if history.changelog:
            files[CHANGELOG] = history.changelog.encode("utf-8")
        built_from = BuiltFrom(
            spec_digest,
            f"clientgen {__version__}",
            templates_sha256(templates),
            formatter_version(),
            history.version,
            history.bumped_from.record() if history.bumped_from else None,
            inputs.record(spec_files) if spec_files is not None else None,
        )
        files[MANIFEST] = manifest(files, built_from)
        return Generated(
            api=api,
            files=dict(sorted(files.items())),
            warnings=warnings.items,
            version=history.version,
            release=release,
            timings=timings,
        )


@contextmanager
def _cycle_collection_deferred() -> Iterator[Callable[[], None]]:
    """The cyclic garbage collector off until the caller resumes it: loading, the IR and
    rendering make millions of objects and no garbage cycles, which it would scan again and
    again, for a sixth of their time, to find nothing. On resuming, those objects are frozen
    (`gc.freeze`), so that the next young collection does not scan them all at once; at the end
    they go back to the oldest generation. Unless the process froze objects of its own: those
    stay as they are."""
    enabled = gc.isenabled()
    ours_to_freeze = gc.get_freeze_count() == 0
    gc.disable()

    def resume() -> None:
        if ours_to_freeze:
            gc.freeze()
        if enabled:
            gc.enable()

    try:
        yield resume
    finally:
        if ours_to_freeze:
            gc.unfreeze()
        if enabled:
            gc.enable()


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""
