"""The 30 real-world Swagger 2.0 specs of ../shared/specs/swagger2 (APIs.guru, as their publishers
wrote them: Azure's x-ms-*, Lyft's OAuth2, file uploads, a discriminator, names such as
``KeyValuePair`2``): every one converts and makes an IR with every operation; a few of the most
varied generate and import every module here, and `bench/real_world.py --spec` generates,
imports and type-checks them all (README: Swagger 2.0)."""

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator.errors import Warnings
from generator.inputs import Inputs
from generator.ir import build_api
from generator.pipeline import generate_files
from generator.spec import load_document
from generator.validate import validate
from generator.write import write_project

from .conftest import SHARED

SPECS = sorted((SHARED / "specs" / "swagger2").glob("*.yaml"))
# Azure's x-ms-* and enums, Lyft's OAuth2, an upload, response examples as text, the most operations,
# and a title that is a module of the standard library (`numbers`)
GENERATED = [
    "azure.com__security-externalsecuritysolutions-2015-06-01-preview.yaml",
    "lyft.com__1.0.0.yaml",
    "taggun.io__1.0.14.yaml",
    "getsandbox.com__v1.yaml",
    "gov.bc.ca__news-1.0.yaml",
    "whapi.com__numbers-2.0.yaml",
]
HTTP_METHODS = {"get", "put", "post", "delete", "options", "head", "patch"}

IMPORT_EVERY_MODULE = """
import importlib, pkgutil, sys
for project in sys.argv[1:]:
    sys.path.insert(0, project)
    package = importlib.import_module(open(project + "/PACKAGE").read())
    for module in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        importlib.import_module(module.name)
    print(package.__name__)
"""


def spec_operations(spec: Path) -> int:
    paths = yaml.safe_load(spec.read_text())["paths"]
    return sum(len(HTTP_METHODS & set(item)) for item in paths.values())


def test_the_real_specs_are_all_there() -> None:
    assert len(SPECS) == 30


@pytest.mark.parametrize(
    "spec", SPECS, ids=[spec.name.split("__")[0] + "/" + spec.stem.split("__")[1] for spec in SPECS]
)
def test_every_real_swagger2_spec_has_every_operation(spec: Path) -> None:
    document = load_document(spec)
    warnings = Warnings()
    validate(document, warnings)
    api = build_api(document, warnings)
    assert sum(len(resource.operations) for resource in api.resources) == spec_operations(spec)


def test_real_swagger2_clients_import_every_module(tmp_path: Path) -> None:
    projects = []
    for name in GENERATED:
        generated = generate_files(SHARED / "specs" / "swagger2" / name, Inputs(with_tests=False))
        project = tmp_path / name
        write_project(generated.files, project)
        (project / "PACKAGE").write_text(generated.api.package_name)
        projects.append(str(project))
    imported = subprocess.run(
        [sys.executable, "-c", IMPORT_EVERY_MODULE, *projects], capture_output=True, text=True, timeout=600
    )
    assert imported.returncode == 0, imported.stderr[-3000:]
    assert len(imported.stdout.split()) == len(GENERATED)
