"""Virtual environments in the cache: openapi-python-client in its own, and one to check clients in."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

INSTALL_TIMEOUT = 900

OPC_REQUIREMENTS = ("openapi-python-client==0.29.1",)
# Import and type-check every generated client, ours and opc's, with the same interpreter and the
# same pinned runtime: what clientgen's clients need (httpx, pydantic), what opc's need (httpx,
# attrs, python-dateutil 2.x, which its generated pyproject asks for), mypy with the dateutil stubs,
# and pytest for clientgen's contract tests.
CHECK_REQUIREMENTS = (
    "mypy==2.4.1",
    "httpx==0.28.1",
    "pydantic==2.14.4",
    "attrs==26.1.0",
    "python-dateutil==2.9.0.post0",
    "types-python-dateutil==2.9.0.20261116",
    "pytest==9.2.0",  # runs clientgen's contract tests (real_world.py --contract)
)


def ensure_venv(folder: Path, requirements: Sequence[str]) -> Path:
    """A virtual environment at `folder` with exactly `requirements` installed; returns its bin/ folder.

    The installed requirements are recorded in the venv; a different list rebuilds it.
    """
    stamp = folder / "requirements.installed"
    wanted = "\n".join(requirements) + "\n"
    bin_dir = folder / "bin"
    if stamp.is_file() and stamp.read_text() == wanted:
        return bin_dir
    print(f"installing {' '.join(requirements)} into {folder}", flush=True)
    subprocess.run([sys.executable, "-m", "venv", "--clear", str(folder)], check=True, timeout=INSTALL_TIMEOUT)
    installed = subprocess.run(
        [str(bin_dir / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *requirements],
        capture_output=True,
        text=True,
        timeout=INSTALL_TIMEOUT,
        check=False,
    )
    if installed.returncode != 0:
        raise RuntimeError(f"pip install {' '.join(requirements)} failed:\n{installed.stderr[-3000:]}")
    stamp.write_text(wanted)
    return bin_dir


def opc_bin(cache: Path) -> Path:
    return ensure_venv(cache / "venvs" / "openapi-python-client", OPC_REQUIREMENTS)


def check_bin(cache: Path) -> Path:
    return ensure_venv(cache / "venvs" / "check", CHECK_REQUIREMENTS)


# OpenAPI Generator for comparison on the largest spec: PyPI's wheel carries the jar (Java 17 runs it).
OPENAPI_GENERATOR_REQUIREMENTS = ("openapi-generator-cli==7.26.0",)


def openapi_generator_bin(cache: Path) -> Path:
    return ensure_venv(cache / "venvs" / "openapi-generator", OPENAPI_GENERATOR_REQUIREMENTS)
