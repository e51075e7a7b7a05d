"""api.md, the API reference of every golden client: every method of the package is in it, and
its example call runs against a real server on 127.0.0.1."""

from __future__ import annotations

import inspect
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from .conftest import ROOT, generate_into
from .golden import DEFAULT_OUTPUT, FEATURES, feature_names
from .http_server import TestServer
from .test_client_features import Importer

HEADING = re.compile(r"^### `client\.([\w.]+)\.(\w+)\(\)`$", re.MULTILINE)  # nested: `catalog.items`
EXAMPLE = re.compile(r"^Example:\n\n```python\n(.*?)\n```$", re.MULTILINE | re.DOTALL)
# feature clients whose examples need what an empty answer on plain HTTP cannot give
NOT_RUN = {
    "envelopes": "each answer must hold the envelope its operation declares (test_client_envelopes.py calls them)",
    "mtls": "its calls need a client certificate and a TLS server (test_client_mtls.py calls them)",
}


def package_of(project: Path) -> str:
    return next(path.name for path in project.iterdir() if (path / "__init__.py").is_file() and path.name != "tests")


def methods_of(package: ModuleType, holder: object, prefix: str = "") -> set[tuple[str, str]]:
    """(resource path, method) of every method of every resource of a sync client (`holder`),
    the nested resources' too (`catalog.items`)."""
    found = set()
    for attribute in dir(holder):
        resource = getattr(holder, attribute) if not attribute.startswith("_") else None
        if isinstance(resource, package._base_client.SyncAPIResource):
            found |= {
                (prefix + attribute, name)
                for name, _ in inspect.getmembers(type(resource), inspect.isfunction)
                if not name.startswith("_")
            }
            found |= methods_of(package, resource, f"{prefix}{attribute}.")
    return found


def sections(reference: str) -> dict[tuple[str, str], str]:
    """(resource, method) -> the text of its section."""
    headings = list(HEADING.finditer(reference))
    ends = [match.start() for match in headings[1:]] + [reference.find("\n## Types")]
    return {match.groups(): reference[match.end() : end] for match, end in zip(headings, ends)}


@pytest.mark.parametrize(
    "project",
    [DEFAULT_OUTPUT] + [FEATURES / name / "expected" for name in feature_names()],
    ids=lambda project: project.parent.name,
)
def test_every_method_has_a_section_with_an_example_that_runs(
    project: Path, import_client: Importer, server: TestServer
) -> None:
    package = import_client(project, package_of(project))
    reference = (project / "api.md").read_text(encoding="utf-8")
    documented = sections(reference)
    assert documented
    client_class = getattr(package, package.__all__[0])
    credentials = {  # a static key or token for each scheme (an OAuth2 scheme's token too)
        name: "test"
        for name, parameter in inspect.signature(package._client._credentials).parameters.items()
        if ("CredentialFunction" in str(parameter.annotation) or parameter.annotation == "str | None")
        and not name.endswith(("_client_id", "_client_secret"))  # a token is given instead
    }
    client = client_class(base_url=server.url, max_retries=0, **credentials)
    methods = methods_of(package, client)
    assert set(documented) <= methods
    # the methods the extensions add (waiting, pages, jobs) are named beside their operations
    for resource, method in methods - set(documented):
        assert f"`client.{resource}.{method}()`" in reference, (resource, method)
    if project.name == "expected" and project.parent.name in NOT_RUN:
        return
    for key, text in documented.items():
        [example] = EXAMPLE.findall(text)
        if example.startswith("for event in"):  # a stream of events: an empty one
            server.reply(200, body=b"", headers={"Content-Type": "text/event-stream"})
        exec(compile(example, f"api.md {key}", "exec"), {"client": client})  # noqa: S102
    assert len(server.requests) == len(documented)


def test_check_compares_the_reference(tmp_path: Path) -> None:
    """api.md is generated output like the code: an edited one fails `check`."""
    output = generate_into(FEATURES / "escapes" / "spec.yaml", tmp_path / "client")
    reference = output / "api.md"
    reference.write_text(reference.read_text(encoding="utf-8").replace("Open an account", "Opens"), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "generator", "check", FEATURES / "escapes" / "spec.yaml", "--output", output],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 1 and "api.md" in result.stdout + result.stderr
