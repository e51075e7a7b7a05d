"""Contract tests: generated clients against Prism, an independent mock server of their own spec
that refuses any request the spec does not allow. The tests run are the ones the generator
writes with each client (`tests/` of the project: every operation with arguments sampled from
the spec, every documented error status as its exception), so this also proves those work.

Feature specs left out, for Prism's sake, not ours (Prism 5.14.2):
- petstore: an absent optional array header (`X-Trace`) crashes Prism (prism-http
  `deserializers/style/simple.js`: `value.split` of undefined).
- streaming: Prism cannot serialise `text/event-stream` bodies (it answers 500).
"""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from pathlib import Path

import pytest

from .conftest import FULL_SPEC, ROOT, generate_into
from .golden import FEATURES
from .http_server import TestServer
from .prism import prism

pytestmark = pytest.mark.slow

MODES = [None, 1, 2, 3]  # static, then dynamic with three seeds
MODE_IDS = ["static", "seed-1", "seed-2", "seed-3"]
# feature spec -> the generated tests that fail, and why (not the client's fault)
FEATURE_SPECS: dict[str, dict[str, str]] = {
    "openapi31": {},
    "envelopes": {},
    "webhooks": {},
    "auth": {},
    "realworld": {
        "test_real_world_renders.py::test_connect_network": "the spec declares an object body as "
        "application/octet-stream (as Docker's network connect does); Prism reads those bytes as a string, "
        "not as the JSON of the object, and refuses them (422)",
        "test_real_world_users.py::test_upload_document": "the spec declares a multipart/form-data body as one "
        "binary string (as loket.nl's imports do); the client sends it as the part 'file', and Prism, which "
        "reads a multipart body as an object of parts, refuses any for not being a string (422)",
    },
    "names": {},
    "pagination": {},
    "uploads": {},
    "multifile": {},
    "swagger2": {  # Prism reads the Swagger 2.0 spec itself
        "test_shelter_animals.py::test_download_photo": (
            "Prism cannot serialise an image/png body (500: Cannot find serializer)"
        ),
    },
    "wire": {
        "test_wire_reports.py::test_get_report": "Prism drops the connection on the matrix and label path parameters "
        "of /reports/{id}/report{format} (`/reports/;id=1/report.pdf`); tests/test_wire.py reads them with "
        "openapi-core",
    },
    # OpenAPI 3.1, and JSON Schema that Prism does not follow. Its answers that drift from the spec
    # (`kind: string`, no tag of Animal; `prefixItems` ignored; TreeNode's recursion ended with {},
    # without `value`) no longer fail: the client keeps what does not fit as received.
    "schemas": {
        "test_zoo_animals.py::test_create_animal": "#/components/schemas/AnimalInput: Dog and Cat accept the same "
        "objects, which only the discriminator tells apart; Prism checks `oneOf` as JSON Schema does",
    },
}


@dataclass
class Outcome:
    passed: set[str]
    failed: dict[str, str]
    """Test -> its failure message."""

    @property
    def operations(self) -> set[str]:
        """The tests that call an operation (not the ones asking for its errors)."""
        return {name for name in self.passed | set(self.failed) if "_errors[" not in name}


def run_client_tests(project: Path, env_prefix: str, base_url: str, report: Path) -> Outcome:
    """Run a generated project's own tests against `base_url`, which they take from their own
    variable (the production one, `{env_prefix}_BASE_URL`, points at a server that refuses all)."""
    env = {
        **os.environ,
        f"{env_prefix}_TEST_BASE_URL": base_url,
        f"{env_prefix}_BASE_URL": "http://127.0.0.1:9",
        "PYTHONPATH": str(project),
    }
    completed = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:randomly",
         "-c", str(project / "pyproject.toml"), "--rootdir", str(project), f"--junitxml={report}", "tests"],
        cwd=project, env=env, capture_output=True, text=True, timeout=900,
    )  # fmt: skip
    assert report.is_file(), completed.stdout[-3000:] + completed.stderr[-3000:]
    passed, failed = set(), {}
    for case in ElementTree.parse(report).iter("testcase"):
        name = f"{case.get('classname', '').split('.')[-1]}.py::{case.get('name')}"
        problem = case.find("failure")
        problem = problem if problem is not None else case.find("error")  # (an Element without children is falsy)
        skipped = case.find("skipped")
        assert skipped is None, f"{name} was skipped: {skipped.get('message')}"
        if problem is None:
            passed.add(name)
        else:
            failed[name] = problem.get("message") or ""
    return Outcome(passed, failed)


@pytest.fixture(scope="module")
def full_client(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate_into(FULL_SPEC, tmp_path_factory.mktemp("contract") / "firecrawl", "firecrawl")


@pytest.mark.parametrize("seed", MODES, ids=MODE_IDS)
def test_every_firecrawl_operation_against_prism(full_client: Path, seed: int | None, tmp_path: Path) -> None:
    with prism(FULL_SPEC, seed=seed) as url:
        outcome = run_client_tests(full_client, "FIRECRAWL", url, tmp_path / "report.xml")
    assert len(outcome.operations) == 51
    error_cases = [name for name in outcome.passed if "_errors[" in name]
    assert len(error_cases) > 100  # each documented error status, raised as its exception
    # static mode answers with the spec's examples, whose `formats` are ["markdown"] (strings for
    # objects, as #/components/schemas/Formats/default shows): the shorthand type accepts them;
    # dynamic mode generates bodies from the schemas
    assert outcome.failed == {}


@pytest.mark.parametrize("seed", MODES, ids=MODE_IDS)
def test_the_committed_client_against_prism(seed: int | None, tmp_path: Path) -> None:
    with prism(ROOT / "specs" / "firecrawl-v2.yaml", seed=seed) as url:
        outcome = run_client_tests(ROOT / "generated" / "firecrawl", "FIRECRAWL", url, tmp_path / "report.xml")
    assert outcome.failed == {}
    assert outcome.operations == {"test_firecrawl_scraping.py::test_stop_interactive_scrape_browser_session"}
    assert len(outcome.passed) == 3  # the call, its 403 and its 404


@pytest.mark.parametrize("feature", sorted(FEATURE_SPECS))
def test_feature_clients_against_prism(feature: str, tmp_path: Path) -> None:
    project = FEATURES / feature / "expected"
    prefix = next(
        line.split("$")[1].split("_TEST_BASE_URL")[0]
        for line in (project / "tests" / "conftest.py").read_text().splitlines()
        if "_TEST_BASE_URL" in line and "$" in line
    )
    with prism(FEATURES / feature / "spec.yaml") as url:
        outcome = run_client_tests(project, prefix, url, tmp_path / "report.xml")
    assert set(outcome.failed) == set(FEATURE_SPECS[feature]), outcome.failed
    assert outcome.passed


def test_prism_refuses_what_the_spec_does_not_allow(tmp_path: Path) -> None:
    """The judge is strict: a jobId that is not a uuid is refused with 422."""
    sys.path.insert(0, str(ROOT / "generated" / "firecrawl"))
    try:
        import firecrawl

        with prism(ROOT / "specs" / "firecrawl-v2.yaml") as url:
            with firecrawl.Firecrawl(api_key="fc-test", base_url=url, max_retries=0) as client:
                with pytest.raises(firecrawl.UnprocessableEntityError):
                    client.scraping.stop_interactive_scrape_browser_session(job_id="not-a-uuid")
    finally:
        sys.path.remove(str(ROOT / "generated" / "firecrawl"))
        for name in [n for n in sys.modules if n.split(".")[0] == "firecrawl"]:
            del sys.modules[name]


def test_prism_moves_to_another_port_when_its_port_is_taken(monkeypatch: pytest.MonkeyPatch) -> None:
    """A free port can be taken between the probe and Prism's start (other tests run servers)."""
    import socket
    import urllib.request

    from . import prism as prism_module

    with socket.socket() as squatter:
        squatter.bind(("127.0.0.1", 0))
        squatter.listen()  # holds the port, never answers
        taken = squatter.getsockname()[1]
        ports = iter([taken, prism_module.free_port()])
        monkeypatch.setattr(prism_module, "free_port", lambda: next(ports))
        with prism(ROOT / "specs" / "firecrawl-v2.yaml") as url:
            assert url != f"http://127.0.0.1:{taken}"
            request = urllib.request.Request(
                url + "/scrape/550e8400-e29b-41d4-a716-446655440000/interact", method="DELETE"
            )
            request.add_header("Authorization", "Bearer k")
            with urllib.request.urlopen(request, timeout=10) as answer:
                assert answer.status == 200


def test_the_generated_tests_follow_no_redirect_to_another_server(server: TestServer, tmp_path: Path) -> None:
    """A spec's example redirect may point at the real API (GitHub's downloads go to
    objects.githubusercontent.com): the generated tests refuse it before connecting."""
    for _ in range(200):
        server.reply(302, headers={"Location": "http://downloads.example.com/archive.zip"})
    outcome = run_client_tests(FEATURES / "petstore" / "expected", "PETSTORE", server.url, tmp_path / "report.xml")
    assert outcome.failed and not outcome.passed
    refused = "RuntimeError: the tests talk to " + server.url + " only, not to http://downloads.example.com/archive.zip"
    assert all(message == refused for message in outcome.failed.values()), set(outcome.failed.values())
    assert {request.path.split("?")[0] for request in server.requests} >= {"/pets"}


def test_two_clients_tests_run_under_one_pytest_and_never_on_the_production_variable(tmp_path: Path) -> None:
    """Two generated clients in one repository, both with an `events` resource: a root `pytest`
    collects both test folders (their modules are named after their packages), the production
    base-URL variables alone start nothing, and each client's own test variable runs its tests
    against its server."""
    spec = FEATURES / "openapi31" / "spec.yaml"
    clients = {"events_v1": "EVENTS_V1", "events_v2": "EVENTS_V2"}
    projects = [generate_into(spec, tmp_path / "clients" / package, package) for package in clients]
    env = {
        **{key: value for key, value in os.environ.items() if not key.endswith("_TEST_BASE_URL")},
        **{f"{prefix}_BASE_URL": "http://127.0.0.1:9" for prefix in clients.values()},
        "PYTHONPATH": os.pathsep.join(str(project) for project in projects),
    }
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-rs", "clients"]
    production_only = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600)
    assert production_only.returncode == 0, production_only.stdout[-3000:]
    summary = production_only.stdout.strip().splitlines()[-1]
    assert " skipped" in summary and "passed" not in summary and "error" not in summary, summary
    assert "set $EVENTS_V1_TEST_BASE_URL to the server to test against" in production_only.stdout
    with prism(spec) as first, prism(spec) as second:
        env.update(EVENTS_V1_TEST_BASE_URL=first, EVENTS_V2_TEST_BASE_URL=second)
        both = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600)
    assert both.returncode == 0, both.stdout[-3000:]
    summary = both.stdout.strip().splitlines()[-1]
    assert "passed" in summary and "skipped" not in summary and "failed" not in summary, summary
