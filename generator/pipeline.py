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
    stages = _Stages(progress, first="loading")
    with _cycle_collection_deferred() as resume_collection:
        warnings = Warnings(strict=inputs.strict)
        spec_read = _read_spec(spec, inputs, warnings, stages)  # the spec's data is gone with its frame
        history, release = _history(spec, inputs, spec_read, previous, changelog_from)
        texts = _render(spec_read.api, history.version, inputs)
        stages.lap("render", "formatting")
        resume_collection()  # black makes cyclic garbage: nodes know their parents
        formatted = format_files(texts, trust_layout=inputs.templates is None)
        stages.lap("format", "done")
        return Generated(
            api=spec_read.api,
            files=_project_files(formatted, history, _built_from(inputs, spec_read, history)),
            warnings=warnings.items,
            version=history.version,
            release=release,
            timings=stages.timings,
        )


class _Stages:
    """The time each stage took, and `progress` told of each one as it starts."""

    def __init__(self, progress: Callable[[str], None] | None, *, first: str) -> None:
        self.timings: dict[str, float] = {}
        self._progress = progress
        self._announce(first)
        self._started = time.perf_counter()

    def lap(self, stage: str, next_stage: str | None = None) -> None:
        """`stage` has finished: its time is kept, and `progress` hears of `next_stage`."""
        now = time.perf_counter()
        self.timings[stage] = now - self._started
        self._started = now
        if next_stage is not None:
            self._announce(next_stage)

    def _announce(self, stage: str) -> None:
        if self._progress is not None:
            self._progress(stage)


@dataclass(frozen=True)
class _SpecRead:
    """What generation keeps of the spec once its IR is built: the document itself is let go,
    for rendering and black need its room."""

    api: Api
    digest: str
    """Every file of the spec and the overlays: the manifest's `spec_sha256`."""
    files: dict[str, str] | None
    document_sha256: str


def _read_spec(spec: Path, inputs: Inputs, warnings: Warnings, stages: _Stages) -> _SpecRead:
    """Load, validate (beside the IR, on large specs) and build the IR."""
    document = load_document(spec, inputs.load, inputs.overlays)
    stages.lap("load", "validating")
    for found in document.warnings:
        warnings.add(found.location, found.message)
    validated = validate_in_background(document, warnings)
    stages.lap("validate", "building the IR")
    try:
        with _recursion_limit(_RECURSION_LIMIT):
            api = build_api(document, warnings, inputs)
    except GeneratorError:
        validated()  # an invalid document explains an error of the IR better
        raise
    except RecursionError:
        validated()
        raise GeneratorError(spec, "schemas are nested too deeply to generate a client") from None
    stages.lap("ir", "rendering")
    validated()
    stages.lap("validate (waiting)")
    # every file of the spec: the IR has read them all
    return _SpecRead(api, overlaid_sha256(document, inputs.overlays), document.spec_files(), document.sha256)


@contextmanager
def _recursion_limit(at_least: int) -> Iterator[None]:
    previous_limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(previous_limit, at_least))
    try:
        yield
    finally:
        sys.setrecursionlimit(previous_limit)


def _history(
    spec: Path, inputs: Inputs, spec_read: _SpecRead, previous: Path | None, changelog_from: Path | None
) -> tuple[History, Release | None]:
    """The package's version and changelog: carried over from `previous`, bumped as the diff
    from `changelog_from` suggests."""
    history = History.of(
        read_manifest(previous) if previous is not None else {},
        _read_text(previous / CHANGELOG) if previous is not None else "",
        inputs.versioning,
    )
    if changelog_from is None:
        return history, None
    from .diff import SpecVersion, diff_apis, read_api  # the diff: only on request

    api = spec_read.api
    old_api, old_spec = read_api(changelog_from, replace(inputs, package_name=api.package_name))
    new_spec = SpecVersion(str(spec), api.title, api.version, spec_read.document_sha256, spec_read.digest)
    return history.release(api.package_name, diff_apis(old_api, api, old_spec, new_spec))


def _render(api: Api, version: str, inputs: Inputs) -> dict[str, str]:
    """The text of every file, through the user's templates if any: their failures are the user's."""
    project = Project(
        name=api.package_name.replace("_", "-"),
        version=version,
        description=f"Python client for the {api.title}",
    )
    templates = inputs.templates
    if templates is not None and not templates.is_dir():
        raise GeneratorError(templates, "the templates folder does not exist")
    try:
        return render_project(api, project, templates, with_tests=inputs.with_tests)
    except jinja2.TemplateError as exc:
        if templates is None:
            raise  # a bug of ours
        where = f"{templates}/{exc.name}" if isinstance(exc, jinja2.TemplateSyntaxError) and exc.name else templates
        raise GeneratorError(where, f"template override failed: {exc}") from None


def _built_from(inputs: Inputs, spec_read: _SpecRead, history: History) -> BuiltFrom:
    return BuiltFrom(
        spec_read.digest,
        f"clientgen {__version__}",
        templates_sha256(inputs.templates),
        formatter_version(),
        history.version,
        history.bumped_from.record() if history.bumped_from else None,
        inputs.record(spec_read.files) if spec_read.files is not None else None,
    )


def _project_files(formatted: dict[str, str], history: History, built_from: BuiltFrom) -> dict[str, bytes]:
    """The files as written, the changelog and the manifest of them all among them, in order."""
    files = {path: text.encode("utf-8") for path, text in formatted.items()}
    if history.changelog:
        files[CHANGELOG] = history.changelog.encode("utf-8")
    files[MANIFEST] = manifest(files, built_from)
    return dict(sorted(files.items()))


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
