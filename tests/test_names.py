"""Names from a spec never hide what a client needs: tested with the real lists, not samples.

The names are every module of the standard library (`sys.stdlib_module_names`), every keyword,
every builtin, and every name the runtime modules of a generated client define or its client and
resource classes have. A spec uses each of them as its title (package names), a schema, a tag, an
operationId, a property, a parameter and a security scheme; its client imports, passes mypy
--strict and calls every operation of a loopback server.
"""

from __future__ import annotations

import ast
import builtins
import importlib.metadata
import inspect
import keyword
import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

from generator import naming
from generator.config import load_targets
from generator.errors import GeneratorError, Warnings
from generator.ir import build_api, default_package_name
from generator.ir.build import RESERVED_CLASS_NAMES
from generator.ir.operations import CLIENT_ATTRIBUTES, RESOURCE_MEMBERS
from generator.ir.status_errors import STATUS_ERROR_CLASSES
from generator.ir.webhooks import WEBHOOK_RUNTIME_NAMES
from generator.options import ClientOptions
from generator.spec import load_document

from .conftest import ROOT, generate_into, write_spec
from .golden import FEATURES
from .http_server import TestServer

Importer = Callable[[Path, str], ModuleType]
RUNTIME_MODULES = (
    "__init__",
    "_base_client",
    "_client",
    "_exceptions",
    "_models",
    "_streaming",
    "_types",
    "_version",
    "_wire",
)
PETSTORE = FEATURES / "petstore" / "expected"


def runtime_names() -> set[str]:
    """Every name the runtime modules of a generated client (the petstore's) define or import,
    and every member of its client and resource classes."""
    sys.path.insert(0, str(PETSTORE))
    try:
        modules = [
            importlib.import_module(f"petstore.{module}".removesuffix(".__init__")) for module in RUNTIME_MODULES
        ]
        names = {
            name for module in modules for name in vars(module) if not (name.startswith("__") and name.endswith("__"))
        }
        client = modules[0].Petstore(api_key="k")
        names |= {name for name in dir(client) if not name.startswith("__")}
        names |= {name for name in dir(client.pets) if not name.startswith("__")}
        return names
    finally:
        sys.path.remove(str(PETSTORE))
        for module in [name for name in sys.modules if name.split(".")[0] == "petstore"]:
            del sys.modules[module]


NAMES = sorted(set(sys.stdlib_module_names) | set(keyword.kwlist) | set(dir(builtins)) | runtime_names())


def dependency_modules() -> set[str]:
    """The top-level modules of what a generated client and its tests install: httpx, pydantic,
    pytest and, recursively, their requirements (as installed here)."""
    found: set[str] = set()
    pending = ["httpx", "pydantic", "pytest"]
    seen: set[str] = set()
    while pending:
        name = pending.pop()
        key = re.sub(r"[-_.]+", "-", name).lower()
        if key in seen:
            continue
        seen.add(key)
        try:
            distribution = importlib.metadata.distribution(name)
        except importlib.metadata.PackageNotFoundError:
            continue
        top_level = distribution.read_text("top_level.txt")
        files = distribution.files or []
        found |= (
            set(top_level.split())
            if top_level
            else {
                str(file).split("/")[0].removesuffix(".py")
                for file in files
                if not str(file).split("/")[0].endswith((".dist-info", ".pth")) and str(file).endswith(".py")
            }
        )
        for requirement in distribution.requires or []:
            if "extra ==" not in requirement:
                pending.append(re.split(r"[ ;<>=!~\[(]", requirement, maxsplit=1)[0])
    return found


# --- package and client names, for every title --------------------------------------------------


def test_package_names_made_from_titles_hide_no_module_the_client_needs() -> None:
    taken = set(sys.stdlib_module_names) | dependency_modules() | {"tests"}
    assert {
        "httpx",
        "httpcore",
        "h11",
        "anyio",
        "idna",
        "certifi",
        "pydantic",
        "pydantic_core",
        "pytest",
        "pluggy",
        "iniconfig",
    } <= taken  # the dependency tree was read
    for title in [*NAMES, *(f"{name} API" for name in NAMES)]:
        package = default_package_name(title)
        assert package not in taken, (title, package)
        assert package.isidentifier() and not keyword.iskeyword(package)


def test_client_classes_made_from_titles_are_no_name_their_modules_import(tmp_path: Path) -> None:
    imported = {
        alias.asname or alias.name
        for module in ("__init__.py", "_client.py")
        for alias, source in imports(PETSTORE / "petstore" / module)
        if source not in ("_client", "resources", "types")  # the petstore's own classes
    }
    for title in NAMES:
        spec = write_spec(
            tmp_path, yaml.safe_dump({"openapi": "3.0.3", "info": {"title": title, "version": "1"}, "paths": {}})
        )
        api = build_api(load_document(spec), Warnings())
        assert not {api.client_class, api.async_client_class} & (imported | set(dir(builtins))), title


@pytest.mark.parametrize("name", ["enum", "numbers", "httpx", "pytest", "tests", "typing_extensions"])
def test_a_package_name_that_hides_a_module_is_an_error(tmp_path: Path, name: str) -> None:
    spec = write_spec(tmp_path, "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths: {}\n")
    with pytest.raises(GeneratorError, match=f"'{name}' is the name of a module .* choose another"):
        build_api(load_document(spec), Warnings(), ClientOptions(package_name=name))
    completed = subprocess.run(
        [
            sys.executable,
            "-m",
            "generator",
            "generate",
            str(spec),
            "--output",
            str(tmp_path / "out"),
            "--package-name",
            name,
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert completed.returncode == 2 and "choose another" in completed.stderr
    assert not (tmp_path / "out").exists()


# --- the one table the imports are written from -------------------------------------------------


def imports(path: Path) -> Iterator[tuple[ast.alias, str]]:
    """(name, where from) of each import of a module: `typing`, `_models`, `httpx`..."""
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom):
            for alias in node.names:
                yield alias, (node.module or "").split(".")[-1] if node.level else (node.module or "")
        elif isinstance(node, ast.Import):
            for alias in node.names:
                yield alias, alias.name


def test_what_the_modules_with_spec_names_import_is_in_the_table_and_reserved() -> None:
    """Every name imported by a module that also holds names made from a spec (the package's
    `__init__` and `_client`, resources and types) comes from `naming.RUNTIME_IMPORTS`, from where
    it says, and no class the generator names can take it."""
    checked = 0
    for project in sorted(FEATURES.glob("*/expected")):
        [package] = [path.parent for path in project.glob("*/__init__.py")]
        config = project.parent / "pyproject.toml"
        chosen = set(load_targets(config)[0].errors.values()) if config.is_file() else set()
        own = {path.stem for path in package.glob("types/*.py")} | {
            path.stem for path in package.glob("resources/*.py")
        }
        modules = [
            package / "__init__.py",
            package / "_client.py",
            *package.glob("resources/*.py"),
            *package.glob("types/*.py"),
        ]
        for module in modules:
            for alias, source in imports(module):
                name = alias.asname or alias.name
                if source in own or source in ("types", "resources", "_client") or name in ("annotations", "types"):
                    continue  # the API's own; `from __future__ import annotations`; `from . import types`
                if alias.name == source:
                    assert name in naming.RUNTIME_MODULES, (module, name)
                elif name in STATUS_ERROR_CLASSES:  # the statuses the spec documents, from their own table
                    assert source == "_exceptions", (module, name, source)
                elif name in WEBHOOK_RUNTIME_NAMES:  # reserved where the spec has webhooks (test_ir.py)
                    assert source == "_webhooks", (module, name, source)
                    continue
                elif name in chosen:  # exception names the feature's `errors` table chooses, reserved there
                    assert source == "_exceptions", (module, name, source)
                    continue
                else:
                    assert naming.RUNTIME_IMPORTS.get(name) == source, (module, name, source)
                assert name in RESERVED_CLASS_NAMES
                checked += 1
    assert checked > 500


def test_reserved_members_are_the_generated_clients_own(import_client: Importer) -> None:
    petstore = import_client(PETSTORE, "petstore")
    client = petstore.Petstore(api_key="k")
    public = {name for name in dir(client) if not name.startswith("_")}
    resources = {name for name, value in vars(type(client)).items() if isinstance(value, property)}
    assert public - resources == CLIENT_ATTRIBUTES
    resource = client.pets
    operations = {
        name for name, _ in inspect.getmembers(type(resource), inspect.isfunction) if not name.startswith("_")
    }
    assert {name for name in dir(resource) if not name.startswith("_")} - operations <= RESOURCE_MEMBERS


# --- a client whose every name comes from the lists ---------------------------------------------


def names_spec(names: list[str]) -> dict[str, Any]:
    """Each name as a schema (returned by the operation of its tag), a tag, an operationId, a
    security scheme, and a property, a query parameter and a body field of one more operation."""
    count = len(names)
    paths: dict[str, Any] = {}
    for index, name in enumerate(names):
        paths[f"/n/{index}/{{id}}"] = {
            "get": {
                "operationId": names[(index + 1) % count],
                "tags": [name],
                "parameters": [
                    {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}},
                    {"name": names[(index + 2) % count], "in": "query", "schema": {"type": "string"}},
                ],
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{name}"}}},
                    }
                },
            }
        }
    everything = {"type": "object", "properties": {name: {"type": "string"} for name in names}}
    paths["/everything"] = {
        "post": {
            "operationId": "everything",
            "tags": ["everything"],
            "parameters": [{"name": name, "in": "query", "schema": {"type": "integer"}} for name in names],
            "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Everything"}}}},
            "responses": {
                "200": {
                    "description": "ok",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Everything"}}},
                }
            },
        }
    }
    schemas: dict[str, Any] = {
        name: {
            "type": "object",
            "required": ["id"],
            "properties": {"id": {"type": "string"}, name: {"type": "array", "items": {"type": "string"}}},
        }
        for name in names
    }
    schemas["Everything"] = everything
    return {
        "openapi": "3.0.3",
        "info": {"title": "Every name", "version": "1"},
        "security": [{"api_key": []}],
        "paths": paths,
        "components": {
            "schemas": schemas,
            "securitySchemes": {
                "api_key": {"type": "apiKey", "in": "header", "name": "X-Key"},
                **{name: {"type": "apiKey", "in": "header", "name": f"X-{index}"} for index, name in enumerate(names)},
            },
        },
    }


@pytest.fixture(scope="module")
def every_name(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("names")
    spec = write_spec(folder, yaml.safe_dump(names_spec(NAMES)))
    return generate_into(spec, folder / "client")


@pytest.mark.slow
def test_every_name_imports_and_passes_mypy_strict(every_name: Path) -> None:
    script = (
        "import importlib, pkgutil, every_name as p; "
        "[importlib.import_module(m.name) for m in pkgutil.walk_packages(p.__path__, 'every_name.')]"
    )
    imported = subprocess.run(
        [sys.executable, "-W", "error", "-c", script], cwd=every_name, capture_output=True, text=True
    )
    assert imported.returncode == 0, imported.stderr[-3000:]
    checked = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "every_name"],
        cwd=every_name,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    assert checked.returncode == 0, checked.stdout[-5000:]


@pytest.mark.slow
def test_every_name_calls_every_operation(every_name: Path, import_client: Importer, server: TestServer) -> None:
    package = import_client(every_name, "every_name")
    client = package.EveryName(api_key="k", base_url=server.url, max_retries=0)
    resources = [name for name, value in vars(type(client)).items() if isinstance(value, property)]
    assert len(resources) == len(NAMES) + 1
    called = 0
    for resource_name in resources:
        resource = getattr(client, resource_name)
        for method_name, method in inspect.getmembers(resource, inspect.ismethod):
            if method_name.startswith("_") or method_name == "everything":
                continue
            parameters = inspect.signature(method).parameters
            path_argument = next(
                name for name, parameter in parameters.items() if parameter.default is inspect.Parameter.empty
            )
            query_argument = next(name for name in parameters if name != path_argument)
            server.reply(200, {"id": "7"})
            result = method(**{path_argument: "a/b", query_argument: "q"})
            request = server.requests[-1]
            assert request.path.startswith("/n/") and request.path.endswith("/a%2Fb")
            assert request.query[0][1] == "q" and request.headers["x-key"] == "k"
            assert result.id == "7" and type(result).__module__.startswith("every_name.types.")
            called += 1
    assert called == len(NAMES)
    server.reply(200, {name: "x" for name in NAMES})
    everything = client.everything.everything
    parameters = inspect.signature(everything).parameters
    integers = [name for name, parameter in parameters.items() if parameter.annotation.startswith("int ")]
    strings = [  # the per-call option base_url= besides
        name for name, parameter in parameters.items() if parameter.annotation.startswith("str ") and name != "base_url"
    ]
    assert len(integers) == len(strings) == len(NAMES)
    result = everything(**dict.fromkeys(integers, 1), **dict.fromkeys(strings, "s"))
    request = server.requests[-1]
    assert sorted(name for name, _ in request.query) == sorted(NAMES)
    assert request.json() == dict.fromkeys(NAMES, "s")
    assert result.model_dump(by_alias=True) == {name: "x" for name in NAMES}


TITLES = ["Enum API", "numbers", "pytest", "Server", "Stream", "Exception", "Raw Response", "Call"]
"""A title for each rule: a module of the standard library, a dependency, a class its client's
modules import (and its async twin's: `AsyncStream`), a builtin."""


@pytest.mark.slow
def test_titles_that_are_taken_names_make_clients_that_work(tmp_path: Path, server: TestServer) -> None:
    packages = []
    for title in TITLES:
        spec = write_spec(
            tmp_path,
            yaml.safe_dump(
                {
                    "openapi": "3.0.3",
                    "info": {"title": title, "version": "1"},
                    "paths": {
                        "/things/{id}": {
                            "get": {
                                "operationId": "getThing",
                                "parameters": [
                                    {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}
                                ],
                                "responses": {
                                    "200": {
                                        "description": "ok",
                                        "content": {
                                            "application/json": {
                                                "schema": {"type": "object", "properties": {"id": {"type": "string"}}}
                                            }
                                        },
                                    }
                                },
                            }
                        }
                    },
                }
            ),
            f"{len(packages)}.yaml",
        )
        project = generate_into(spec, tmp_path / f"client{len(packages)}")
        [package] = [path.parent.name for path in project.glob("*/__init__.py")]
        packages.append(package)
    assert packages[:4] == ["enum_client", "numbers_client", "pytest_client", "server"]
    usage = "\n".join(
        f"import {package}\n"
        f"client_{index} = {package}.{client}(base_url={server.url!r})\n"
        f"assert client_{index}.things.get_thing(id='7').id == '7'\n"
        for index, (package, client) in enumerate(
            zip(
                packages,
                [
                    "EnumClient",
                    "NumbersClient",
                    "PytestClient",
                    "ServerClient",
                    "StreamClient",
                    "ExceptionClient",
                    "RawResponseClient",
                    "CallClient",
                ],
            )
        )
    )
    (tmp_path / "usage.py").write_text(usage)
    path = os.pathsep.join(str(tmp_path / f"client{index}") for index in range(len(packages)))
    environment = {**os.environ, "PYTHONPATH": path, "MYPYPATH": path}
    for _ in packages:
        server.reply(200, {"id": "7"})
    ran = subprocess.run(
        [sys.executable, "-W", "error", "usage.py"], cwd=tmp_path, env=environment, capture_output=True, text=True
    )
    assert ran.returncode == 0, ran.stderr[-3000:]
    assert len(server.requests) == len(TITLES)
    checked = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "usage.py"],  # and the packages it imports
        cwd=tmp_path,
        env=environment,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert checked.returncode == 0, checked.stdout[-3000:]


def test_an_endpoint_constant_too_long_for_its_line_keeps_its_start_and_a_hash() -> None:
    """Microsoft Graph's method names run past 100 characters: `_NAME = Endpoint(` must still fit
    in black's line length, or black would have to lay out every such constant."""
    assert naming.endpoint_constant("get_pet") == "_GET_PET"
    stem = "identity_governance_entitlement_management_access_package_assignment_approvals_steps"
    long_names = [f"{stem}_{action}_approval_step" for action in ("get", "update", "delete")]
    constants = [naming.endpoint_constant(name) for name in long_names]
    assert all(len(f"{constant} = Endpoint(") <= 100 for constant in constants)
    assert len(set(constants)) == 3  # the hash tells apart names that share their first 80 characters
    assert all(constant.startswith("_IDENTITY_GOVERNANCE_ENTITLEMENT_MANAGEMENT") for constant in constants)
    assert constants == [naming.endpoint_constant(name) for name in long_names]  # the same every time
