"""Differential test of the Swagger 2.0 conversion (generator/swagger2.py) against an independent
converter, swagger2openapi 7.0.8 (npm, pinned in package-lock.json; tests/swagger2openapi.js runs
it): for the feature spec and the 30 real-world specs, the IR built from its OpenAPI 3.0 document
and the IR built from ours are compared by the spec diff, on the wire and in the Python surface.
Every difference found is listed in DIFFERENCES, with why ours is the one we want."""

import re
import subprocess
from pathlib import Path

import pytest

from generator.diff import diff_apis, read_api
from generator.options import ClientOptions

from .conftest import ROOT, SHARED
from .golden import FEATURES

SPECS = [FEATURES / "swagger2" / "spec.yaml", *sorted((SHARED / "specs" / "swagger2").glob("*.yaml"))]

# Why ours differs, each reason with the diff messages (patterns) it explains.
NO_PRODUCES = (
    "Where neither the operation nor the spec says what it produces, swagger2openapi writes */* and "
    "the client returns bytes; we take application/json, which these APIs answer with, and the "
    "client returns the documented model",
    [
        r"media type changed \(from `\*/\*` to `application/json`\)",
        r"changed from binary to (object|map of any value)",
        r"returns `\w+` instead of `bytes`",
    ],
)
SCHEME_NAMES = (
    "swagger2openapi rewrites security scheme names with spaces (`User Authentication` -> "
    "`User_Authentication`); we keep the spec's, which its requirements use: only the key differs",
    [r"security changed from [\w ]*_Authentication[\w ]* to [\w ]* Authentication"],
)
BUNDLED_FILE = (
    "swagger2openapi bundles the schema of shelter/adoption.yaml into each place that refers to it, "
    "so it has no name of its own: its copies are one class (identical schemas), named after what "
    "their places share (`AdoptionResponse`); we keep the file, as a 3.0 spec in several files is "
    "read, and it is one class named after its file",
    [r"`types\.AdoptionResponse` is now `types\.Adoption`", r"returns `Adoption` instead of `AdoptionResponse`"],
)
DIFFERENCES: dict[str, list[tuple[str, list[str]]]] = {
    "spec.yaml": [BUNDLED_FILE],
    "6-dot-authentiqio.appspot.com__6.yaml": [NO_PRODUCES],
    "deutschebahn.com__betriebsstellen-v1.yaml": [NO_PRODUCES],
    "deutschebahn.com__reisezentren-v1.yaml": [NO_PRODUCES],
    "lyft.com__1.0.0.yaml": [SCHEME_NAMES],
    "taggun.io__1.0.14.yaml": [NO_PRODUCES],
}


@pytest.fixture(scope="module")
def converted_by_swagger2openapi(tmp_path_factory: pytest.TempPathFactory) -> dict[Path, Path]:
    folder = tmp_path_factory.mktemp("swagger2openapi")
    completed = subprocess.run(
        ["node", str(ROOT / "tests" / "swagger2openapi.js"), str(folder), *map(str, SPECS)],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert completed.returncode == 0, completed.stderr[-3000:]
    return {spec: folder / f"{index}.json" for index, spec in enumerate(SPECS)}


@pytest.mark.parametrize(
    "spec", SPECS, ids=[spec.parent.name if spec.name == "spec.yaml" else spec.stem for spec in SPECS]
)
def test_the_same_ir_as_swagger2openapi_gives(spec: Path, converted_by_swagger2openapi: dict[Path, Path]) -> None:
    ours, our_spec = read_api(spec, ClientOptions(), "clientgen")
    theirs, their_spec = read_api(
        converted_by_swagger2openapi[spec], ClientOptions(ours.package_name), "swagger2openapi"
    )
    report = diff_apis(theirs, ours, their_spec, our_spec)
    reasons = DIFFERENCES.get(spec.name, [])

    def explains(patterns: list[str], message: str) -> bool:
        return any(re.search(pattern, message) for pattern in patterns)

    unexplained = [
        c.message for c in report.changes if not any(explains(patterns, c.message) for _, patterns in reasons)
    ]
    assert unexplained == []
    unused = [reason for reason, patterns in reasons if not any(explains(patterns, c.message) for c in report.changes)]
    assert unused == []  # a listed difference that is gone: take it off the list
