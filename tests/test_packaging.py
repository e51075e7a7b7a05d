"""`pip install .` ships the templates: build the wheel, install it elsewhere, generate with it."""

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import generator

from .conftest import ROOT

pytestmark = pytest.mark.slow


def test_installed_wheel_generates_a_client(tmp_path: Path) -> None:
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(tmp_path / "dist"),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert build.returncode == 0, build.stderr
    [wheel] = (tmp_path / "dist").glob("clientgen-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "generator/templates/package/_base_client.py.jinja" in names
    assert "generator/cli.py" in names
    entry_points = zipfile.ZipFile(wheel).read(next(n for n in names if n.endswith("entry_points.txt"))).decode()
    assert "clientgen = generator.cli:console" in entry_points  # what pip and pipx install as a command

    target = tmp_path / "site"
    install = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--target", str(target), str(wheel)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert install.returncode == 0, install.stderr
    env = {"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"}
    where = subprocess.run(
        [sys.executable, "-c", "import generator; print(generator.__file__)"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert where.stdout.startswith(str(target)), where.stdout + where.stderr
    generate = subprocess.run(
        [sys.executable, "-m", "generator", "generate", str(ROOT / "specs" / "firecrawl-v2.yaml"), "--output", "out"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert generate.returncode == 0, generate.stderr
    assert (tmp_path / "out" / "firecrawl" / "_base_client.py").is_file()
    command = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from generator.cli import console; sys.argv[1:] = ['--version']; console()",
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert command.stdout.strip() == f"clientgen {generator.__version__}", command.stdout + command.stderr


def test_generated_project_builds_a_wheel_with_its_package(tmp_path: Path) -> None:
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(tmp_path),
            str(ROOT / "generated" / "firecrawl"),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert build.returncode == 0, build.stderr
    [wheel] = tmp_path.glob("firecrawl-0.1.0-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "firecrawl/py.typed" in names and "firecrawl/resources/scraping.py" in names
    metadata = zipfile.ZipFile(wheel).read("firecrawl-0.1.0.dist-info/METADATA").decode()
    assert "Requires-Dist: httpx" in metadata and "Requires-Dist: pydantic" in metadata
