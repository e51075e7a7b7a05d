"""Stored outputs equal a fresh generation byte for byte. After an intended change to the
output, `make regen-golden` rewrites them; review the diff."""

import difflib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from generator.write import compare

from .conftest import FULL_SPEC, ROOT
from .golden import DEFAULT_OUTPUT, FEATURES, default_files, feature_files, feature_names


def assert_same(files: dict[str, bytes], folder: Path) -> None:
    comparison = compare(files, folder)
    if comparison.up_to_date:
        return
    report = [f"{folder.relative_to(ROOT)} differs from a fresh generation (make regen-golden):"]
    report += [f"missing: {path}" for path in comparison.missing]
    report += [f"extra: {path}" for path in comparison.extra]
    for path in comparison.stale:
        old = (folder / path).read_text(errors="replace").splitlines(keepends=True)
        new = files[path].decode(errors="replace").splitlines(keepends=True)
        report.append("".join(difflib.unified_diff(old, new, f"stored/{path}", f"fresh/{path}")))
    pytest.fail("\n".join(report), pytrace=False)


def test_committed_firecrawl_client_is_fresh() -> None:
    assert_same(default_files(), DEFAULT_OUTPUT)


@pytest.mark.parametrize("name", feature_names())
def test_feature_golden(name: str) -> None:
    assert_same(feature_files(name), FEATURES / name / "expected")


def test_output_does_not_depend_on_hash_seed_or_working_directory(tmp_path: Path) -> None:
    script = (
        "import hashlib, json, sys; from pathlib import Path; from generator.pipeline import generate_files; "
        "files = generate_files(Path(sys.argv[1])).files; "
        "print(json.dumps({p: hashlib.sha256(d).hexdigest() for p, d in files.items()}))"
    )
    digests = []
    for seed, cwd in (("1", ROOT), ("12345", tmp_path)):
        result = subprocess.run(
            [sys.executable, "-c", script, str(FULL_SPEC)],
            capture_output=True,
            text=True,
            cwd=cwd,
            timeout=300,
            env={
                "PYTHONHASHSEED": seed,
                "PYTHONPATH": str(ROOT),
                "PATH": "/usr/bin:/bin",
                "CLIENTGEN_CACHE_DIR": str(tmp_path / f"format-cache-{seed}"),  # each run formats afresh
            },
        )
        assert result.returncode == 0, result.stderr
        digests.append(json.loads(result.stdout))
    assert len(digests[0]) > 100
    assert digests[0] == digests[1]
