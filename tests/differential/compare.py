"""The differential run: scenario.py's call sites under firecrawl-py 4.54.0 (its own environment,
built from firecrawl-py.txt) and under the client the Firecrawl preset generates, against one fake
Firecrawl server; what differs between the two, call site by call site."""

from __future__ import annotations

import ast
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..fake_firecrawl import FakeFirecrawl
from . import spec_defaults

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
PRESET = ROOT / "examples" / "firecrawl"
SPEC = ROOT.parent / "shared" / "specs" / "firecrawl" / "v2-openapi.json"
SCENARIO = HERE / "scenario.py"
REQUIREMENTS = HERE / "firecrawl-py.txt"
FIRECRAWL_PY_ENVIRONMENT = ROOT / ".venv-firecrawl-py"
FLAVOURS = ("firecrawl-py", "generated")
KINDS = ("types", "outcome", "result", "requests")
"""types: mypy --strict rejects the call site against the generated client; outcome: one raises
where the other returns, or they raise different exceptions; result: both return, differently;
requests: what goes on the wire differs (method, path, query, JSON body or parts, credentials)."""


def preset_overlays() -> tuple[Path, ...]:
    """The overlays the preset applies to the spec, in its order."""
    configuration = tomllib.loads((PRESET / "pyproject.toml").read_text())
    (target,) = configuration["tool"]["generator"]["targets"]
    return tuple(PRESET / overlay for overlay in target["overlays"])


def firecrawl_py_python() -> Path:
    """The Python of firecrawl-py's own environment, built on first use (and again when the
    pinned requirements change) with every package checked against its hash."""
    wanted = hashlib.sha256(REQUIREMENTS.read_bytes()).hexdigest()
    stamp = FIRECRAWL_PY_ENVIRONMENT / "requirements.sha256"
    if not (stamp.is_file() and stamp.read_text() == wanted):
        # built beside the old one and swapped in whole: an interrupted build is never used
        staging = Path(tempfile.mkdtemp(prefix=".venv-firecrawl-py-", dir=ROOT))
        subprocess.run([sys.executable, "-m", "venv", str(staging)], check=True, timeout=300)
        installed = subprocess.run(
            [staging / "bin" / "python", "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
             "--require-hashes", "--no-deps", "--only-binary=:all:", "-r", str(REQUIREMENTS)],
            timeout=900, capture_output=True, text=True,
        )  # fmt: skip
        if installed.returncode != 0:
            shutil.rmtree(staging)
            raise RuntimeError(f"firecrawl-py's environment from {REQUIREMENTS.name}: {installed.stderr}")
        (staging / "requirements.sha256").write_text(wanted)
        shutil.rmtree(FIRECRAWL_PY_ENVIRONMENT, ignore_errors=True)
        try:
            staging.rename(FIRECRAWL_PY_ENVIRONMENT)
        except OSError:  # another test run put its own in place first
            shutil.rmtree(staging)
    return FIRECRAWL_PY_ENVIRONMENT / "bin" / "python"


def generate_preset(folder: Path) -> Path:
    """The preset's client generated (its pyproject says --strict) into folder: the project to
    put on PYTHONPATH."""
    shutil.copytree(PRESET, folder, dirs_exist_ok=True)
    (folder / "specs").mkdir(exist_ok=True)
    shutil.copyfile(SPEC, folder / "specs" / "firecrawl-v2.json")
    generated = subprocess.run(
        [sys.executable, "-m", "generator", "generate"], cwd=folder, capture_output=True, text=True, timeout=600
    )
    if generated.returncode != 0:
        raise RuntimeError(generated.stderr)
    return folder / "generated" / "firecrawl"


@dataclass
class Observed:
    """What one call site did under each client: its outcome and its requests, by flavour."""

    outcomes: dict[str, dict[str, Any]]
    requests: dict[str, list[dict[str, Any]]]


def run_scenario(python: dict[str, Path], generated_project: Path, work: Path) -> dict[str, Observed]:
    """Every call site under each client, against one fake server, the server's URL written
    `API_URL` in what was seen (so that results do not depend on its port)."""
    outcomes: dict[str, dict[str, dict[str, Any]]] = {}
    with FakeFirecrawl(rate_limit_first_scrape=False) as server:
        for flavour in FLAVOURS:
            output = work / f"{flavour}.json"
            environment = {
                **{name: value for name, value in os.environ.items() if not name.startswith("FIRECRAWL_")},
                "FIRECRAWL_API_URL": server.host_url,
                "FIRECRAWL_DISABLE_CALLER_ORIGIN": "1",
                "PYTHONPATH": str(generated_project) if flavour == "generated" else "",
            }
            ran = subprocess.run(
                [python[flavour], HERE / "runner.py", flavour, server.host_url, output],
                env=environment, capture_output=True, text=True, timeout=900,
            )  # fmt: skip
            if ran.returncode != 0:
                raise RuntimeError(f"{flavour}: {ran.stderr}")
            scrubbed = output.read_text().replace(server.host_url, "API_URL")
            outcomes[flavour] = {outcome["site"]: outcome for outcome in json.loads(scrubbed)}
        recorded = json.loads(json.dumps(server.recorded).replace(server.host_url, "API_URL"))
    return {
        site: Observed(
            outcomes={flavour: outcomes[flavour][site] for flavour in FLAVOURS},
            requests={flavour: recorded[f"{flavour}:{site}"] for flavour in FLAVOURS},
        )
        for site in outcomes["firecrawl-py"]
    }


def call_site_lines() -> dict[str, tuple[int, int]]:
    """Each call site's first and last line in scenario.py."""
    tree = ast.parse(SCENARIO.read_text())
    return {
        node.name: (node.lineno, node.end_lineno or node.lineno)
        for node in tree.body
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and not node.name.startswith("_")
    }


def type_check(generated_project: Path, cache: Path) -> dict[str, list[str]]:
    """mypy --strict's errors in scenario.py against the generated client, by call site."""
    checked = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(cache), "--no-error-summary",
         "--hide-error-context", "--no-pretty", str(SCENARIO)],
        env={**os.environ, "MYPYPATH": str(generated_project)}, capture_output=True, text=True, timeout=900,
    )  # fmt: skip
    lines = call_site_lines()
    errors: dict[str, list[str]] = {}
    for line in checked.stdout.splitlines():
        match = re.match(r".*scenario\.py:(\d+): error: (.*)", line)
        if match is None:
            continue
        number = int(match[1])
        site = next((name for name, (first, last) in lines.items() if first <= number <= last), "<module>")
        errors.setdefault(site, []).append(match[2])
    return errors


def on_the_wire(request: dict[str, Any], ignored_fields: set[str], keep_idempotency: bool) -> dict[str, Any]:
    """What of a request is compared: everything but the body fields one client adds by design
    (ignored_fields), body fields that hold the spec's default, and an idempotency key the call
    site did not give."""
    wire = {key: request[key] for key in ("method", "path", "query", "multipart") if request.get(key)}
    if isinstance(request.get("json"), dict):
        body = {key: value for key, value in request["json"].items() if key not in ignored_fields}
        spec = spec_defaults.defaults(SPEC, preset_overlays())
        wire["json"] = spec.without_defaults(body, spec.body_schema(request["method"], request["path"]))
    headers = request.get("headers", {})
    wire["headers"] = {
        name: value for name, value in headers.items() if name != "x-idempotency-key" or keep_idempotency
    }
    return wire


def what_differs(left: Any, right: Any, where: str = "") -> list[str]:
    """Where two JSON values differ, briefly: the paths of firecrawl-py's value (left) and the
    generated client's (right) that are not the same."""
    if isinstance(left, dict) and isinstance(right, dict):
        found = []
        for key in [*left, *(key for key in right if key not in left)]:
            if key not in right:
                found.append(f"{where}.{key}: firecrawl-py only")
            elif key not in left:
                found.append(f"{where}.{key}: generated only")
            elif left[key] != right[key]:
                found += what_differs(left[key], right[key], f"{where}.{key}")
        return found
    if isinstance(left, list) and isinstance(right, list) and len(left) == len(right):
        return [
            found
            for index, (one, other) in enumerate(zip(left, right, strict=True))
            for found in what_differs(one, other, f"{where}[{index}]")
        ]
    if isinstance(left, list) and isinstance(right, list):
        return [f"{where or '.'}: {len(left)} items vs {len(right)}"]
    return [f"{where or '.'}: {json.dumps(left)[:60]} vs {json.dumps(right)[:60]}"]


def first_differences(left: Any, right: Any, most: int = 4) -> str:
    found = what_differs(left, right)
    return "; ".join(found[:most]) + (f"; and {len(found) - most} more" if len(found) > most else "")


def caught_alike(theirs: dict[str, Any], ours: dict[str, Any]) -> bool:
    """Both raise an exception of the same kind that the name firecrawl-py's has catches."""
    return (
        "raises" in theirs
        and "raises" in ours
        and theirs["kind"] == ours["kind"]
        and theirs["raises"] in ours["catchable_as"]
    )


def described(outcome: dict[str, Any]) -> str:
    if "raises" in outcome:
        return f"raises {outcome['raises']} ({outcome['kind']})"
    return "returns"


def differences(
    observed: dict[str, Observed], type_errors: dict[str, list[str]], ignored_fields: set[str]
) -> dict[tuple[str, str], str]:
    """Every (call site, kind) that differs, with what differs."""
    found: dict[tuple[str, str], str] = {}
    for site, errors in type_errors.items():
        found[site, "types"] = errors[0]
    for site, seen in observed.items():
        ours, theirs = seen.outcomes["generated"], seen.outcomes["firecrawl-py"]
        if ("raises" in ours or "raises" in theirs) and not caught_alike(theirs, ours):
            found[site, "outcome"] = f"firecrawl-py {described(theirs)}; generated {described(ours)}"
        elif "result" in ours and "result" in theirs and ours["result"] != theirs["result"]:
            found[site, "result"] = first_differences(theirs["result"], ours["result"])
        given_key = any("x-idempotency-key" in request["headers"] for request in seen.requests["firecrawl-py"])
        wires = {
            flavour: [on_the_wire(request, ignored_fields, given_key) for request in seen.requests[flavour]]
            for flavour in FLAVOURS
        }
        if wires["firecrawl-py"] != wires["generated"]:
            found[site, "requests"] = first_differences(wires["firecrawl-py"], wires["generated"])
    return found


def ignored_field_still_differs(observed: dict[str, Observed], field: str) -> bool:
    """Whether firecrawl-py and the generated client still disagree on a body field somewhere."""
    for seen in observed.values():
        values = {
            flavour: [request.get("json", {}).get(field) for request in seen.requests[flavour] if "json" in request]
            for flavour in FLAVOURS
        }
        if values["firecrawl-py"] != values["generated"]:
            return True
    return False


@dataclass
class Run:
    observed: dict[str, Observed]
    type_errors: dict[str, list[str]]


def run_everything(work: Path) -> Run:
    """firecrawl-py's environment (built if need be), the preset's client generated into work,
    every call site under both clients, and mypy --strict on the scenario."""
    python = {"firecrawl-py": firecrawl_py_python(), "generated": Path(sys.executable)}
    project = generate_preset(work / "preset")
    return Run(run_scenario(python, project, work), type_check(project, work / "mypy-cache"))
