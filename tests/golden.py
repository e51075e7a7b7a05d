"""The stored golden outputs and how to regenerate them: `python -m tests.golden`."""

from __future__ import annotations

from pathlib import Path

from generator.config import load_targets
from generator.inputs import Inputs
from generator.pipeline import generate_files
from generator.write import write_project

ROOT = Path(__file__).resolve().parent.parent
FEATURES = ROOT / "tests" / "features"
DEFAULT_SPEC = ROOT / "specs" / "firecrawl-v2.yaml"
DEFAULT_OUTPUT = ROOT / "generated" / "firecrawl"
DEFAULT_PACKAGE = "firecrawl"


def feature_names() -> list[str]:
    return sorted(path.name for path in FEATURES.iterdir() if (path / "spec.yaml").is_file())


def feature_files(name: str) -> dict[str, bytes]:
    """The client of a feature spec; a `pyproject.toml` beside it gives its names and overlays."""
    config = FEATURES / name / "pyproject.toml"
    if not config.is_file():
        return generate_files(FEATURES / name / "spec.yaml").files
    [target] = load_targets(config)
    return generate_files(target.spec, target.inputs).files


def default_files() -> dict[str, bytes]:
    return generate_files(DEFAULT_SPEC, Inputs(package_name=DEFAULT_PACKAGE)).files


def main() -> None:
    write_project(default_files(), DEFAULT_OUTPUT)
    for name in feature_names():
        write_project(feature_files(name), FEATURES / name / "expected")
        print(f"regenerated tests/features/{name}/expected")


if __name__ == "__main__":
    main()
