"""The pipeline as a library: what a generation leaves of the interpreter's state, and what
the command imports before it starts."""

import gc
import subprocess
import sys
from pathlib import Path

import pytest

import generator.pipeline
from generator.errors import GeneratorError
from generator.pipeline import generate_files

from .conftest import FULL_SPEC, ROOT, write_spec


@pytest.fixture
def collector_during_ir(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Whether the cyclic garbage collector was on while the IR was built, per generation."""
    seen: list[bool] = []
    original = generator.pipeline.build_api

    def recording(*args: object, **kwargs: object) -> object:
        seen.append(gc.isenabled())
        return original(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(generator.pipeline, "build_api", recording)
    return seen


def test_the_collector_is_off_for_the_ir_and_restored_after(collector_during_ir: list[bool]) -> None:
    assert gc.isenabled() and gc.get_freeze_count() == 0
    generate_files(FULL_SPEC)
    assert collector_during_ir == [False]
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0  # what the generation froze is back in the oldest generation


def test_a_failed_generation_restores_the_collector(tmp_path: Path, collector_during_ir: list[bool]) -> None:
    spec = write_spec(
        tmp_path,
        "openapi: 3.1.0\ninfo: {title: T, version: '1'}\n"
        "paths: {/a: {get: {responses: {'200': {$ref: '#/components/responses/Gone'}}}}}\n",
    )
    with pytest.raises(GeneratorError):
        generate_files(spec)
    assert collector_during_ir == [False] and gc.isenabled() and gc.get_freeze_count() == 0


def test_the_recursion_limit_is_raised_for_the_ir_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Deeply nested schemas need a deeper stack than Python's default; the caller's limit is
    back after the generation, also after one that failed."""
    limits: list[int] = []
    original = generator.pipeline.build_api

    def recording(*args: object, **kwargs: object) -> object:
        limits.append(sys.getrecursionlimit())
        return original(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(generator.pipeline, "build_api", recording)
    before = sys.getrecursionlimit()
    generate_files(write_spec(tmp_path, "openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths: {}\n"))
    bad = write_spec(tmp_path, "openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths: {/a: {get: {responses: "
                     "{'200': {$ref: '#/components/responses/Gone'}}}}}\n")  # fmt: skip
    with pytest.raises(GeneratorError):
        generate_files(bad)
    assert limits == [generator.pipeline._RECURSION_LIMIT] * 2 and sys.getrecursionlimit() == before


def test_objects_the_caller_froze_stay_frozen_and_a_disabled_collector_stays_off() -> None:
    gc.disable()
    gc.freeze()
    frozen = gc.get_freeze_count()
    try:
        generate_files(FULL_SPEC)
        assert not gc.isenabled()
        # neither unfrozen (0) nor joined by the generation's objects (some of the caller's died)
        assert 0 < gc.get_freeze_count() <= frozen
    finally:
        gc.unfreeze()
        gc.enable()


def test_the_command_imports_the_validator_and_the_diff_only_when_it_needs_them() -> None:
    # openapi-pydantic's models take a tenth of a second to build: a large spec builds them in
    # the validating worker process, beside the IR
    probe = (
        "import sys, generator.cli; "
        "print(sorted({'openapi_pydantic', 'generator.diff', 'jsonpath_rfc9535', 'urllib.request'} & set(sys.modules)))"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stdout.strip() == "[]"


def test_the_readme_numbers_each_servers_variables_by_their_server(tmp_path: Path) -> None:
    """A variable of the second server was listed as one of the first."""
    spec = write_spec(
        tmp_path,
        """
openapi: 3.0.3
info: {title: Regions, version: '1'}
servers:
  - url: https://api.example/{version}
    variables:
      version: {default: v1}
      shard: {default: a}
  - url: https://{region}.example
    variables:
      region: {default: eu}
paths: {}
""",
    )
    readme = generate_files(spec).files["README.md"].decode()
    assert "- server 0, `version`: default `v1`" in readme
    assert "- server 0, `shard`: default `a`" in readme
    assert "- server 1, `region`: default `eu`" in readme
