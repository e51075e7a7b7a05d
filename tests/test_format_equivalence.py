"""Formatting unit by unit, and leaving units that already fit alone, gives exactly the bytes
black gives for whole files."""

from pathlib import Path

import black
import pytest

from generator.errors import Warnings
from generator.format import LINE_LENGTH, UNIT, format_python
from generator.ir import build_api
from generator.load import load_document
from generator.render import Project, render_project

from .conftest import FULL_SPEC, ROOT
from .golden import FEATURES, feature_names

SPECS = [FULL_SPEC, ROOT / "specs" / "firecrawl-v2.yaml"] + [FEATURES / name / "spec.yaml" for name in feature_names()]
MODE = black.Mode(target_versions={black.TargetVersion.PY311}, line_length=LINE_LENGTH)


def whole_file_black(source: str) -> str:
    return black.format_str(source.replace(UNIT, ""), mode=MODE)


@pytest.mark.parametrize("spec", SPECS, ids=lambda path: path.parent.name if path.name == "spec.yaml" else path.name)
def test_selective_formatting_equals_black(spec: Path) -> None:
    api = build_api(load_document(spec), Warnings())
    rendered = render_project(api, Project("x", "0.1.0", "x"))
    python = {path: text for path, text in rendered.items() if path.endswith(".py")}
    assert any(UNIT in text for text in python.values())  # the templates do mark units
    different = [path for path, text in python.items() if format_python(path, text) != whole_file_black(text)]
    assert different == []


def test_long_client_and_resource_names_too(tmp_path: Path) -> None:
    """GitHub's spec, titled "GitHub's official OpenAPI spec + Octokit extension", makes names long
    enough to split a test's one-parameter definition (black adds a comma) and a resource's
    property header (black saw the two properties as top-level functions in one unit)."""
    title = "Petstore official OpenAPI spec plus a very long extension name"
    text = (FEATURES / "petstore" / "spec.yaml").read_text().replace("title: Petstore", f"title: {title}", 1)
    spec = tmp_path / "spec.yaml"
    spec.write_text(text.replace("tags: [pets]", "tags: [pets and their very long descriptive tag name]"))
    api = build_api(load_document(spec), Warnings())
    assert len(api.client_class) > 50 and max(len(r.class_name) for r in api.resources) > 40
    rendered = render_project(api, Project("x", "0.1.0", "x"))
    python = {path: text for path, text in rendered.items() if path.endswith(".py")}
    assert [path for path, text in python.items() if format_python(path, text) != whole_file_black(text)] == []
