"""api.md, the API reference of every golden client: every method of the package is in it, and
its example call runs against a real server on 127.0.0.1, as do the example calls of the
methods' docstrings, sync and async."""

from __future__ import annotations

import ast
import asyncio
import inspect
import operator
import re
import subprocess
import sys
import textwrap
from pathlib import Path
from types import ModuleType

import pytest

from .conftest import ROOT, generate_into
from .golden import DEFAULT_OUTPUT, FEATURES, feature_names
from .http_server import TestServer
from .test_client_features import Importer

HEADING = re.compile(r"^### `client\.([\w.]+)\.(\w+)\(\)`$", re.MULTILINE)  # nested: `catalog.items`
EXAMPLE = re.compile(r"^Example:\n\n```python\n(.*?)\n```$", re.MULTILINE | re.DOTALL)
DOCSTRING_EXAMPLE = re.compile(r"^Example:\n((?:    .*\n?)+)\Z", re.MULTILINE)
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


def docstring_examples(holder: object, resource_base: type, prefix: str = "") -> dict[tuple[str, str], str]:
    """(resource path, method) -> the example call ending the method's docstring, for every
    method of every resource of a client (`holder`, sync or async) whose docstring has one, the
    nested resources' too."""
    found = {}
    for attribute in dir(holder):
        resource = getattr(holder, attribute) if not attribute.startswith("_") else None
        if not isinstance(resource, resource_base):
            continue
        for name, method in inspect.getmembers(type(resource), inspect.isfunction):
            match = DOCSTRING_EXAMPLE.search(inspect.getdoc(method) or "")
            if not name.startswith("_") and match:
                found[prefix + attribute, name] = textwrap.dedent(match.group(1))
        found |= docstring_examples(resource, resource_base, f"{prefix}{attribute}.")
    return found


def examples_module(project: Path, package: str) -> str:
    """A module that type-checks every docstring example of the package's resources: each in a
    function of its own (a `result` of each type), its `client` the sync or the async client."""
    sync_client, async_client = client_classes(project / package / "__init__.py")
    functions = []
    for path in sorted((project / package / "resources").glob("*.py")):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            bases = {base.id for base in getattr(node, "bases", []) if isinstance(base, ast.Name)}
            if not isinstance(node, ast.ClassDef) or not bases & {"SyncAPIResource", "AsyncAPIResource"}:
                continue
            is_async = "AsyncAPIResource" in bases
            for method in node.body:
                if not isinstance(method, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    continue
                match = DOCSTRING_EXAMPLE.search(ast.get_docstring(method) or "")
                if match:
                    client = async_client if is_async else sync_client
                    head = f"{'async ' if is_async else ''}def {node.name}_{method.name}(client: {client}) -> None:"
                    functions.append(head + "\n" + textwrap.indent(textwrap.dedent(match.group(1)), "    "))
    header = f"import datetime\n\nfrom {package} import {sync_client}, {async_client}\n"
    return "\n\n".join([header, *functions]) + "\n"


def client_classes(init: Path) -> tuple[str, str]:
    """The sync and the async client classes, the first two names of the package's `__all__`."""
    for node in ast.parse(init.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets):
            sync_client, async_client = ast.literal_eval(node.value)[:2]
            return sync_client, async_client
    raise AssertionError(f"no __all__ in {init}")


def same_code(one: str, other: str) -> bool:
    """The same statements, however they are laid out (black's layout depends on the column)."""
    return ast.dump(ast.parse(one)) == ast.dump(ast.parse(other))


def run_examples(examples: dict[tuple[str, str], str], client: object, server: TestServer, *, where: str) -> None:
    """Each example, `client` its client, a stream answered by an empty one."""
    for key, example in examples.items():
        if "event in" in example.split("\n")[0]:
            server.reply(200, body=b"", headers={"Content-Type": "text/event-stream"})
        exec(compile(example, f"{where} {key}", "exec"), {"client": client})  # noqa: S102


async def run_async_examples(examples: dict[tuple[str, str], str], client: object, server: TestServer) -> None:
    """Each example of an async method in a coroutine of its own, all on one event loop."""
    for key, example in examples.items():
        if "event in" in example.split("\n")[0]:
            server.reply(200, body=b"", headers={"Content-Type": "text/event-stream"})
        namespace: dict[str, object] = {}
        code = "async def example(client):\n" + textwrap.indent(example, "    ")
        exec(compile(code, f"docstring of async {key}", "exec"), namespace)  # noqa: S102
        await namespace["example"](client)  # type: ignore[operator]


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
    async_client = getattr(package, package.__all__[1])(base_url=server.url, max_retries=0, **credentials)
    methods = methods_of(package, client)
    examples = docstring_examples(client, package._base_client.SyncAPIResource)
    async_examples = docstring_examples(async_client, package._base_client.AsyncAPIResource)
    # every method api.md documents, sync and async, ends its docstring with the call api.md shows
    for key, text in documented.items():
        [example] = EXAMPLE.findall(text)
        assert same_code(examples[key], example), key
        awaited = async_examples[key]
        assert "await client." in awaited and same_code(
            awaited.replace("await ", "").replace("async for", "for"), example
        )
    assert set(documented) <= methods
    # the methods the extensions add (waiting, pages, jobs) are named beside their operations, and
    # every method has an example but the page at a URL, which takes one from an earlier answer
    for resource, method in methods - set(documented):
        assert f"`client.{resource}.{method}()`" in reference, (resource, method)
    for key in methods:
        takes_a_url = "next_url" in inspect.signature(operator.attrgetter(".".join(key))(client)).parameters
        assert (key in examples and key in async_examples) != takes_a_url, key
    if project.name == "expected" and project.parent.name in NOT_RUN:
        return
    run_examples({key: EXAMPLE.findall(text)[0] for key, text in documented.items()}, client, server, where="api.md")
    assert len(server.requests) == len(documented)
    # those of api.md's methods and of their stream twins run: a waiting or paging method's
    # answers would have to say when to stop (its own tests give them)
    runnable = {key for key, example in examples.items() if key in documented or example.startswith("for event")}
    run_examples({key: examples[key] for key in runnable}, client, server, where="docstring of")
    asyncio.run(run_async_examples({key: async_examples[key] for key in runnable}, async_client, server))
    assert len(server.requests) == len(documented) + 2 * len(runnable)


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
