"""Stage 4: the IR to the text of every file of the client project (before formatting)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import jinja2

from .. import __version__
from ..format import UNIT
from ..inputs import templates_dir, templates_sha256
from ..ir.layout import preloaded
from ..ir.model import Api
from ..ir.status_errors import exception_aliases, exported_exceptions, renamed_classes, status_table
from ..ir.type_exprs import Model, Primitive, UnionOf
from .annotations import natural_order
from .code import (
    Code,
    comment_text,
    docstring_text,
    guard,
    identifiers,
    markdown_code,
    markdown_text,
    py_literal,
    toml_string,
)
from .contract import contract_module_view, contract_setup_view
from .views.client import client_view
from .views.layout import reexport
from .views.paging import returns_page_object
from .views.reference import reference_view
from .views.resources import resource_view
from .views.retry import retry_view
from .views.streams import readme_streams
from .views.type_modules import type_module_view

__all__ = ["Project", "generated_header", "render_project", "templates_dir", "templates_sha256"]


@dataclass(frozen=True)
class Project:
    """The generated project's own metadata."""

    name: str
    version: str
    description: str


@lru_cache(maxsize=4)
def environment(overrides: Path | None = None) -> jinja2.Environment:
    """The templates, each replaced by the file of the same relative path in `overrides` if any.
    Overriding templates go through the same escaping guard as the built-in ones."""
    builtin = jinja2.FileSystemLoader(templates_dir())
    loader = builtin if overrides is None else jinja2.ChoiceLoader([jinja2.FileSystemLoader(overrides), builtin])
    env = jinja2.Environment(
        loader=loader,
        undefined=jinja2.StrictUndefined,
        finalize=guard,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        pystr=py_literal,
        docstring=docstring_text,
        comment=comment_text,
        names=identifiers,
        toml=toml_string,
        md=markdown_text,
        md_code=markdown_code,
    )
    return env


RUNTIME_MODULES = (
    "__init__.py",
    "_auth.py",
    "_base_client.py",
    "_client.py",
    "_exceptions.py",
    "_generic.py",
    "_hooks.py",
    "_models.py",
    "_platform.py",
    "_streaming.py",
    "_transport.py",
    "_types.py",
    "_version.py",
    "_wire.py",
    "py.typed",
)
"""The package's own modules, the same for every API but for the names in them."""


def render_project(
    api: Api, project: Project, overrides: Path | None = None, *, with_tests: bool = True
) -> dict[str, str]:
    """Relative path -> text of every file of the project, in a stable order. `overrides` is a
    folder of templates that replace the built-in ones of the same relative path; `with_tests`
    adds the contract tests (tests/)."""
    env = environment(overrides)
    common = _common_context(api, project, with_tests)

    def render(template: str, **context: object) -> str:
        return env.get_template(template).render(**common, **context)

    files = {
        "pyproject.toml": render("pyproject.toml.jinja"),
        "README.md": render("README.md.jinja", **_readme_context(api)),
        "api.md": _render_reference(render, api),
        **_package_files(render, api, project),
        **(_test_files(render, api) if with_tests else {}),
    }
    header = generated_header(api)
    return {path: header + text if path.endswith(".py") else text for path, text in files.items()}


def _common_context(api: Api, project: Project, with_tests: bool) -> dict[str, object]:
    """What every template may read."""
    return {
        "api": api,
        "project": project,
        "client": client_view(api),
        # templates write {{ unit }} on a line of its own before each unit (see format.py)
        "unit": Code(UNIT.rstrip("\n")),
        "exceptions": [Code(name) for name in exported_exceptions(api.status_errors, api.error_names)],
        "status_table": [(status, Code(name)) for status, name in status_table(api.status_errors, api.error_names)],
        "named": {usual: Code(name) for usual, name in renamed_classes(api.error_names).items()},
        "exception_aliases": exception_aliases(api.status_errors, api.error_names),
        "envelopes": any(
            operation.envelope is not None and not operation.envelope.flag for operation in api.operations
        ),
        "retry": retry_view(api.retry),
        "with_tests": with_tests,
        "generator_version": Code(__version__),
    }


def _package_files(render: Callable[..., str], api: Api, project: Project) -> dict[str, str]:
    """The package: its runtime, its resources and its types."""
    package = api.package_name
    product = py_literal(f"{project.name}/{project.version}")
    files = {f"{package}/{name}": render(f"package/{name}.jinja", product=product) for name in RUNTIME_MODULES}
    if any(returns_page_object(operation) for operation in api.operations):
        files[f"{package}/_pagination.py"] = render("package/_pagination.py.jinja")
    if api.webhooks:
        files[f"{package}/_webhooks.py"] = render("package/_webhooks.py.jinja", events=_webhook_events(api))
    files[f"{package}/resources/__init__.py"] = render(
        "package/resources/__init__.py.jinja",
        reexports=[
            reexport(r.module, [r.async_class_name, r.class_name])
            for r in sorted(api.resources, key=lambda resource: natural_order(resource.module))
        ],
        exported=sorted(name for r in api.resources for name in (r.class_name, r.async_class_name)),
    )
    for resource in api.resources:
        files[f"{package}/resources/{resource.module}.py"] = render(
            "package/resources/resource.py.jinja", resource=resource_view(resource, api.error_names)
        )
    files[f"{package}/types/__init__.py"] = render(
        "package/types/__init__.py.jinja",
        reexports=[
            reexport(module.name, module.exported_names)
            for module in sorted(api.type_modules, key=lambda module: natural_order(module.name))
        ],
        exported=sorted(name for module in api.type_modules for name in module.exported_names),
        preloaded=[module.name for module in preloaded(api.type_modules)],
    )
    for module in api.type_modules:
        files[f"{package}/types/{module.name}.py"] = render(
            "package/types/module.py.jinja", module=type_module_view(module)
        )
    return files


def _test_files(render: Callable[..., str], api: Api) -> dict[str, str]:
    """The contract tests: a module per resource that has operations (a parent tag's resource
    may hold only its children: nothing to call)."""
    files = {"tests/conftest.py": render("tests/conftest.py.jinja", setup=contract_setup_view(api))}
    for resource in (resource for resource in api.resources if resource.operations):
        # named after the package too: pytest imports test modules by their base name, so two
        # clients' tests in one repository must not share one
        files[f"tests/test_{api.package_name}_{resource.module}.py"] = render(
            "tests/test_resource.py.jinja", module=contract_module_view(api, resource)
        )
    return files


def generated_header(api: Api) -> str:
    """The first line of every generated Python file. It names the API by its title, never by
    the spec's path (`update` generates from a temporary file beside the spec, and `check` must
    agree), nor by its version, which would change every file at each new release of the spec."""
    return f"# Generated by clientgen from the {comment_text(api.title)} spec; do not edit.\n"


def _render_reference(render: Callable[..., str], api: Api) -> str:
    resources, types = reference_view(api)
    return render("api.md.jinja", resources=resources, types=types)


def _readme_context(api: Api) -> dict[str, object]:
    """The README's usage example and its lists of waiting, paging and job methods."""
    collecting = any(operation.wait is not None and operation.pages is not None for operation in api.operations)
    return {
        "example": _example(api),
        "renamed": _renamed_field(api),
        "renamed_timeouts": _renamed_timeouts(api),
        **_added_methods(api),
        "waits_collect": collecting,
        "streams": readme_streams(api),
    }


def _added_methods(api: Api) -> dict[str, list[dict[str, Code]]]:
    """The methods the extensions add, each with what it reads: `waits`, `pages`,
    `page_objects` (the list methods that return a page object) and `jobs`."""
    found: dict[str, list[dict[str, Code]]] = {"waits": [], "pages": [], "page_objects": [], "jobs": []}
    for resource in api.resources:
        for operation in resource.operations:
            path, wait, pages, job = f"client.{resource.path}", operation.wait, operation.pages, operation.job
            if wait is not None:
                until = ", ".join(f"`{py_literal(value)}`" for value in wait.until)
                found["waits"].append(
                    {
                        "method": Code(f"{path}.{wait.name}()"),
                        "operation": Code(operation.name),
                        "attribute": Code(wait.attribute),
                        "until": Code(until),
                    }
                )
            if pages is not None and pages.name is not None:
                found["pages"].append(
                    {
                        "method": Code(f"{path}.{pages.name}()"),
                        "operation": Code(operation.name),
                        "items_field": Code(pages.items_attribute),
                        "next_field": Code(pages.next_attribute),
                    }
                )
            if pages is not None and returns_page_object(operation):
                found["page_objects"].append({"method": Code(f"{path}.{operation.name}()"), "style": Code(pages.style)})
            if job is not None and job.status.wait is not None:
                found["jobs"].append(
                    {
                        "method": Code(f"{path}.{job.name}()"),
                        "operation": Code(operation.name),
                        "wait": Code(f"{path}.{job.status.wait.name}()"),
                    }
                )
    return found


def _renamed_field(api: Api) -> dict[str, Code] | None:
    """A TypedDict twin's field named otherwise on the wire, to show that dicts take Python names."""
    return next(
        (
            {"param": Code(named.param_name), "name": Code(field.name), "wire_name": markdown_code(field.wire_name)}
            for named in api.types
            if isinstance(named, Model) and named.param_name is not None
            for field in named.request_fields
            if field.name != field.wire_name
        ),
        None,
    )


def _renamed_timeouts(api: Api) -> list[Code]:
    """The methods whose `timeout=` is the API's own time limit or a job's wait, where the HTTP
    timeout is `request_timeout=`."""
    methods = {
        f"client.{resource.path}.{name}()"
        for resource in api.resources
        for operation in resource.operations
        if operation.option_names["timeout"] != "timeout"
        for name in (operation.name, *operation.added_methods)
    }
    return [Code(method) for method in sorted(methods)]


def _example(api: Api) -> dict[str, object] | None:
    """The README's usage example: the first operation whose required arguments placeholders can
    stand for (path, query and JSON body fields of plain types), those the names put on the
    client itself first (the calls a preset puts forward, `client.scrape(url=...)`)."""
    operations = [(resource, operation) for resource in api.resources for operation in resource.operations]
    for resource, operation in sorted(operations, key=lambda pair: not pair[1].on_client):
        required = [p for p in operation.parameters if p.required]
        kinds = [
            p.type.kind
            for p in required
            if isinstance(p.type, Primitive)
            and (p.location in ("path", "query") or p.location == "body" and p.type.kind in _PLACEHOLDERS)
        ]
        if len(kinds) == len(required):
            # positional arguments by position, as users write them; the others by name
            arguments = ", ".join(
                str(_placeholder(kind)) if p.positional else f"{p.name}={_placeholder(kind)}"
                for p, kind in zip(required, kinds)
            )
            return {
                "call": Code(operation.name if operation.on_client else f"{resource.path}.{operation.name}"),
                "resource": resource.path,
                "method": operation.name,
                "arguments": Code(arguments),
                "options": Code(", ".join([arguments, "timeout=10.0"] if arguments else ["timeout=10.0"])),
            }
    return None


_PLACEHOLDERS = {"str": "...", "int": 1, "float": 1.0, "bool": True}


def _webhook_events(api: Api) -> dict[str, Code] | None:
    """The property that names a webhook's event and the values the API describes, when the
    event union is chosen by it: another value is an event this client does not know."""
    event = api.webhook_event
    union = event.type if event is not None else None
    if not isinstance(union, UnionOf) or union.discriminator is None:
        return None
    tags = sorted(tag for tag, _ in union.discriminator.tags)
    return {"property": py_literal(union.discriminator.wire_name), "tags": py_literal(tags)}


def _placeholder(kind: str) -> Code:
    return py_literal(_PLACEHOLDERS.get(kind, "..."))
