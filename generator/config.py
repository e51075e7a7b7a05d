"""Configuration for builds: `[tool.generator]` in pyproject.toml (or a TOML file given with
--config), one or more targets, each a client to generate. Keys are written in kebab-case; keys
given beside `targets` are defaults for every target. Paths are relative to the file's folder.

    [tool.generator]
    strict = true                      # a default for every target

    [[tool.generator.targets]]
    name = "firecrawl"
    spec = "specs/firecrawl-v2.yaml"
    output = "generated/firecrawl"
    package-name = "firecrawl"
    overlays = ["specs/fixes.overlay.yaml"]
    stale-overlays = "error"           # an overlay action or name that no longer applies stops the run
    versioning = "python"              # or "zero" (the default), "semver": release.py
    stream-methods = "twins"           # `create` and `create_stream`, not overloads of `create`

    [tool.generator.targets.names]     # Python names that survive spec changes (ir/overrides.py)
    scrapeAndExtractFromUrl = "scrape"
    "#/components/schemas/ScrapeResponse" = "ScrapeResult"

    exports = ["ScrapeOptions"]        # types the package exports itself, beside the clients

    [tool.generator.targets.body-defaults]  # sent in every JSON body that has the field
    origin = "my-app"
    [tool.generator.targets.client]    # how the client is made (options.Construction)
    positional-credential = true
    base-url-env = "FIRECRAWL_API_URL"
"""

from __future__ import annotations

import keyword
import re
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

from . import naming
from .errors import Diagnostic, GeneratorError
from .inputs import Inputs
from .options import (
    CLIENT_PREFIX,
    POLICIES,
    RETRY_METHODS,
    STREAM_METHODS,
    ArgumentOptions,
    Construction,
    LoadOptions,
    Policy,
    RetryPolicy,
    StreamMethods,
)
from .release import FIRST_VERSION, VERSION, Versioning
from .sources import allowed_url, is_url

_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_HEADER_NAME = re.compile(r"^[!#$%&'*+.^_`|~0-9A-Za-z-]+$")  # RFC 9110's token


@dataclass(frozen=True)
class Target:
    """One client to generate, and how."""

    name: str
    spec: Path
    output: Path
    source: str | None = None
    """Where `update` takes the newest spec from: an https:// URL, or a path."""
    package_name: str | None = None
    client_name: str | None = None
    env_prefix: str | None = None
    strict: bool = False
    allow_remote_refs: bool = False
    allow_external_files: bool = False
    overlays: tuple[Path, ...] = ()
    templates: Path | None = None
    tests: bool = True
    names: dict[str, str] = field(default_factory=dict)
    client: Construction = Construction()
    versioning: Policy = "zero"
    initial_version: str = FIRST_VERSION
    errors: dict[str, str] = field(default_factory=dict)
    """Class or status -> this client's exception class name (ir/status_errors.py)."""
    retry: RetryPolicy = RetryPolicy()
    stale_overlays: Literal["warn", "error"] = "warn"
    """`error`: an overlay action that selects nothing, or a `names` entry that names nothing,
    stops the run; `warn`: it is a warning (the upstream may have fixed what it worked around)."""
    idempotency_header: str | None = None
    body_defaults: dict[str, str | int | float | bool] = field(default_factory=dict)
    stream_methods: StreamMethods = "overloads"
    exports: tuple[str, ...] = ()

    def overridden(self, **flags: Any) -> Target:
        """The target with the options given on the command line (None: not given); a name
        that cannot be used is an error that names its option."""
        given = {key: value for key, value in flags.items() if value is not None}
        for key, problem_of in naming.CHOSEN_NAMES.items():
            attribute = _KEYS[key][0]
            problem = problem_of(given[attribute]) if attribute in given else None
            if problem is not None:
                raise GeneratorError(f"--{key}", problem)
        return replace(self, **given)

    def refuse_stale(self, warnings: list[Diagnostic]) -> None:
        """With `stale-overlays = "error"`, the first override that no longer applies is an error."""
        if self.stale_overlays != "error":
            return
        for warning in warnings:
            if warning.stale:
                raise GeneratorError(warning.location, f'{warning.message} (stale-overlays = "error")')

    @property
    def load_options(self) -> LoadOptions:
        return LoadOptions(allow_remote_refs=self.allow_remote_refs, allow_external_files=self.allow_external_files)

    @property
    def inputs(self) -> Inputs:
        """What a generation of this target reads besides the spec's files."""
        return Inputs(
            package_name=self.package_name,
            client_class=self.client_name,
            env_prefix=self.env_prefix,
            names=self.names,
            construction=self.client,
            overlays=self.overlays,
            load=self.load_options,
            templates=self.templates,
            strict=self.strict,
            with_tests=self.tests,
            versioning=Versioning(self.versioning, self.initial_version),
            arguments=ArgumentOptions(self.idempotency_header, self.body_defaults),
            errors=self.errors,
            retry=self.retry,
            stream_methods=self.stream_methods,
            exports=self.exports,
        )


# key -> (Target field, kind): kinds are checked and converted by `_value`
_KEYS: dict[str, tuple[str, str]] = {
    "name": ("name", "str"),
    "spec": ("spec", "path"),
    "output": ("output", "path"),
    "source": ("source", "source"),
    "package-name": ("package_name", "name"),
    "client-name": ("client_name", "name"),
    "env-prefix": ("env_prefix", "name"),
    "strict": ("strict", "bool"),
    "allow-remote-refs": ("allow_remote_refs", "bool"),
    "allow-external-files": ("allow_external_files", "bool"),
    "overlays": ("overlays", "paths"),
    "templates": ("templates", "path"),
    "tests": ("tests", "bool"),
    "names": ("names", "names"),
    "errors": ("errors", "errors"),
    "retry": ("retry", "retry"),
    "client": ("client", "client"),
    "stale-overlays": ("stale_overlays", "warn|error"),
    "versioning": ("versioning", "|".join(POLICIES)),
    "initial-version": ("initial_version", "version"),
    "idempotency-header": ("idempotency_header", "header"),
    "body-defaults": ("body_defaults", "body-defaults"),
    "stream-methods": ("stream_methods", "|".join(STREAM_METHODS)),
    "exports": ("exports", "class-names"),
}
_PER_TARGET = {"name", "spec", "output", "source"}


def find_config(explicit: Path | None, folder: Path) -> Path:
    if explicit is not None:
        if not explicit.is_file():
            raise GeneratorError(explicit, "no such configuration file")
        return explicit
    candidate = folder / "pyproject.toml"
    if candidate.is_file():
        return candidate
    raise GeneratorError(
        folder, "no SPEC given and no pyproject.toml with [tool.generator] here (or pass --config FILE)"
    )


def load_targets(path: Path) -> list[Target]:
    """Every target of a configuration file, checked: unknown keys and wrong types are errors
    that name the key."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise GeneratorError(path, f"cannot read the configuration: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise GeneratorError(path, f"invalid TOML: {exc}") from None
    section, prefix = data, ""
    if "tool" in data or path.name == "pyproject.toml":
        section, prefix = data.get("tool", {}).get("generator"), "tool.generator."
        if not isinstance(section, dict):
            raise GeneratorError(path, "no [tool.generator] table")
    targets = section.get("targets")
    if not isinstance(targets, list) or not targets or not all(isinstance(t, dict) for t in targets):
        raise GeneratorError(path, f"[{prefix}targets] must be a list of tables ([[{prefix}targets]]), one per client")
    defaults = {key: value for key, value in section.items() if key != "targets"}
    for key in defaults:
        if key not in _KEYS or key in _PER_TARGET:
            raise GeneratorError(path, f"[{prefix.rstrip('.')}]: unknown key {key!r}" + _known())
    base = path.parent
    result, seen = [], set()
    for index, raw in enumerate(targets):
        where = f"[{prefix}targets][{index}]"
        values: dict[str, Any] = {}
        for key, value in {**defaults, **raw}.items():
            if key not in _KEYS:
                raise GeneratorError(path, f"{where}: unknown key {key!r}" + _known())
            attribute, kind = _KEYS[key]
            # a default the section gives every target is named where it is written
            place = f"{where}.{key}" if key in raw else (f"[{prefix.rstrip('.')}].{key}" if prefix else key)
            values[attribute] = _value(path, place, value, kind, base)
            problem = naming.CHOSEN_NAMES[key](value) if kind == "name" else None
            if problem is not None:
                raise GeneratorError(path, f"{place}: {problem}")
        for required in ("name", "spec", "output"):
            if required not in values:
                raise GeneratorError(path, f"{where}: missing key {required!r}")
        if values["name"] in seen:
            raise GeneratorError(path, f"{where}.name: {values['name']!r} names two targets")
        seen.add(values["name"])
        result.append(Target(**values))
    return result


def select_targets(targets: list[Target], names: list[str] | None, path: Path) -> list[Target]:
    if not names:
        return targets
    known = {target.name: target for target in targets}
    for name in names:
        if name not in known:
            raise GeneratorError(path, f"no target named {name!r} (targets: {', '.join(known)})")
    return [known[name] for name in names]


# key of the `client` table -> (Construction field, kind)
_CONSTRUCTION_KEYS: dict[str, tuple[str, str]] = {
    "positional-credential": ("positional_credential", "bool"),
    "optional-credentials": ("optional_credentials", "bool"),
    "base-url-env": ("base_url_env", "env"),
    "base-url-aliases": ("base_url_aliases", "identifiers"),
    "host-url-base-path": ("host_url_base_path", "bool"),
    "token-auth": ("token_auth", "client_secret_post|client_secret_basic"),
    "environments": ("environments", "environments"),
}


def _construction(path: Path, where: str, table: Any) -> Construction:
    """The `client` table: how the client is made."""
    if not isinstance(table, dict):
        raise GeneratorError(path, f"{where} must be a table ({', '.join(_CONSTRUCTION_KEYS)}), not {table!r}")
    values: dict[str, Any] = {}
    for key, value in table.items():
        if key not in _CONSTRUCTION_KEYS:
            raise GeneratorError(path, f"{where}: unknown key {key!r} (known keys: {', '.join(_CONSTRUCTION_KEYS)})")
        attribute, kind = _CONSTRUCTION_KEYS[key]
        place = f"{where}.{key}"
        if kind == "env":
            problem = naming.env_prefix_problem(value) if isinstance(value, str) else f"{value!r} is not a string"
            if problem is not None:
                raise GeneratorError(path, f"{place}: {problem.replace('prefix', 'name')}")
        elif kind == "identifiers":
            if not isinstance(value, list) or not all(
                isinstance(item, str) and _IDENTIFIER.match(item) and not keyword.iskeyword(item) for item in value
            ):
                raise GeneratorError(path, f"{place} must be a list of Python identifiers, not {value!r}")
            value = tuple(value)
        elif kind == "environments":
            value = _environments(path, place, value)
        else:
            value = _value(path, place, value, kind, path.parent)
        values[attribute] = value
    return Construction(**values)


def _environments(path: Path, place: str, table: Any) -> tuple[tuple[str, str], ...]:
    """name -> URL: the names are Python identifiers (a Literal's values), the URLs absolute."""
    if not isinstance(table, dict) or not table:
        raise GeneratorError(path, f"{place} must be a table of environment names to URLs, not {table!r}")
    for name, url in table.items():
        if not _IDENTIFIER.match(name) or not isinstance(url, str) or "://" not in url:
            raise GeneratorError(
                path, f"{place}.{name}: a name must be an identifier and its URL absolute, not {url!r}"
            )
    return tuple(table.items())


def _known() -> str:
    return f" (known keys: {', '.join(_KEYS)})"


def _value(path: Path, where: str, value: Any, kind: str, base: Path) -> Any:
    def wrong(expected: str) -> GeneratorError:
        return GeneratorError(path, f"{where} must be {expected}, not {value!r}")

    if kind == "bool":
        if not isinstance(value, bool):
            raise wrong("true or false")
        return value
    if kind in ("str", "name", "path", "source", "version"):
        if not isinstance(value, str) or not value:
            raise wrong("a non-empty string")
        if kind == "source":
            if not is_url(value):
                return str(base / value)
            if not allowed_url(value):
                raise wrong("an https:// URL (plain http:// only from 127.0.0.1 or localhost) or a path")
            return value
        if kind == "version" and not VERSION.match(value):
            raise wrong("a version MAJOR.MINOR.PATCH, such as 0.1.0")
        return base / value if kind == "path" else value
    if kind == "header":
        if not isinstance(value, str) or not _HEADER_NAME.match(value):
            raise wrong("an HTTP header name, such as Idempotency-Key")
        return value
    if kind == "body-defaults":
        return _body_defaults(path, where, value)
    if kind == "client":
        return _construction(path, where, value)
    if "|" in kind:
        if value not in kind.split("|"):
            raise wrong(" or ".join(repr(choice) for choice in kind.split("|")))
        return value
    if kind == "errors":
        # here, not at the top: the IR's package is slow to import, and `check` reads the
        # configuration before it knows whether anything needs generating
        from .ir.status_errors import errors_table_problem

        problem = errors_table_problem(value) if isinstance(value, dict) else "must be a table"
        if problem is not None:
            raise GeneratorError(path, f"{where}: {problem}")
        return dict(value)
    if kind == "retry":
        return _retry_policy(path, where, value)
    if kind == "class-names":
        names = value if isinstance(value, list) else [None]
        if not all(
            isinstance(name, str) and name[:1].isupper() and not naming.class_name_problem(name) for name in names
        ):
            raise wrong("a list of class names, such as ScrapeOptions")
        return tuple(names)
    if kind == "paths":
        if not isinstance(value, list) or not all(isinstance(item, str) and item for item in value):
            raise wrong("a list of paths")
        return tuple(base / item for item in value)
    return _names_table(path, where, value)


def _names_table(path: Path, where: str, value: Any) -> dict[str, str]:
    """`names`: operationId or JSON pointer -> Python identifier (`client.` and one for a method
    on the client itself)."""
    if not isinstance(value, dict):
        raise GeneratorError(
            path, f"{where} must be a table of operationIds or JSON pointers to Python names, not {value!r}"
        )
    for key, name in value.items():
        bare = name.removeprefix(CLIENT_PREFIX) if isinstance(name, str) else name
        if not isinstance(bare, str) or not _IDENTIFIER.match(bare) or keyword.iskeyword(bare) or bare[0] == "_":
            raise GeneratorError(
                path,
                f"{where}.{key!r} must be a Python identifier not starting with '_' (for a method on the client"
                f" itself, {CLIENT_PREFIX!r} and one), not {name!r}",
            )
    return dict(value)


def _body_defaults(path: Path, where: str, value: Any) -> dict[str, str | int | float | bool]:
    """`body-defaults`: JSON body field (its wire name) -> a string, number or boolean."""
    if not isinstance(value, dict):
        raise GeneratorError(path, f"{where} must be a table of body fields to values, not {value!r}")
    for key, item in value.items():
        if not isinstance(item, (str, int, float, bool)):
            raise GeneratorError(path, f"{where}.{key!r} must be a string, a number or a boolean, not {item!r}")
    return dict(value)


def _retry_policy(path: Path, where: str, value: Any) -> RetryPolicy:
    """A `retry` table: `statuses` (error statuses, or `"4XX"`, `"5XX"`), `methods` (HTTP
    methods), `max-retries` (a count); what it leaves out is the usual policy's."""
    usual = RetryPolicy()
    if not isinstance(value, dict) or not set(value) <= {"statuses", "methods", "max-retries"}:
        raise GeneratorError(path, f"{where} must be a table of statuses, methods and max-retries, not {value!r}")
    statuses = value.get("statuses", list(usual.statuses))
    if not isinstance(statuses, list) or not all(
        isinstance(s, int) and not isinstance(s, bool) and 400 <= s < 600 or s in ("4XX", "5XX") for s in statuses
    ):
        raise GeneratorError(path, f'{where}.statuses must be a list of error statuses and "4XX", "5XX"')
    methods = value.get("methods", list(usual.methods))
    if not isinstance(methods, list) or not all(m in RETRY_METHODS for m in methods):
        raise GeneratorError(path, f"{where}.methods must be a list of HTTP methods: {', '.join(RETRY_METHODS)}")
    count = value.get("max-retries", usual.max_retries)
    if not isinstance(count, int) or isinstance(count, bool) or count < 0:
        raise GeneratorError(path, f"{where}.max-retries must be a count (0 or more), not {count!r}")
    return RetryPolicy(tuple(dict.fromkeys(statuses)), tuple(dict.fromkeys(methods)), count)
