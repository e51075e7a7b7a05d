"""What a user chooses for a generation besides the spec: what the spec may refer to, and what
shapes the client (overlays, names). A module of its own, light to import: `check` reads these
before it knows whether anything needs generating."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

Policy = Literal["semver", "zero", "python"]
"""How a client's version moves (`versioning` in the configuration; `bumped` applies it):
`semver` and `zero` weigh every change that breaks users of the generated client as major
(`zero` then bumps the minor while the major is 0); `python` weighs as major only what breaks a
program that uses the generated package: a change on the wire that the regenerated client
follows is minor, and so is one only a type checker sees."""
POLICIES: tuple[Policy, ...] = ("semver", "zero", "python")
StreamMethods = Literal["overloads", "twins"]
STREAM_METHODS: tuple[StreamMethods, ...] = ("overloads", "twins")

CLIENT_PREFIX = "client."
"""Before a chosen method name (`names`), it puts the method on the client itself as well:
`scrapeAndExtractFromUrl = "client.scrape"` gives `client.scrape(...)`."""


@dataclass(frozen=True)
class LoadOptions:
    """What a spec may refer to besides its own file."""

    allow_remote_refs: bool = False
    """Fetch `$ref`s to http(s) URLs (never done unless asked)."""
    allow_external_files: bool = False
    """Follow `$ref`s to files outside the spec's folder."""


RETRY_METHODS = ("GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE", "POST", "PATCH", "QUERY")


@dataclass(frozen=True)
class RetryPolicy:
    """Which failed attempts a client retries, and how often (`retry` in a target's configuration)."""

    statuses: tuple[int | str, ...] = (408, 409, 429, "5XX")
    """Error statuses (`429`) and classes of them (`"5XX"`) that are retried."""
    methods: tuple[str, ...] = RETRY_METHODS
    """The HTTP methods whose requests are retried (after an error status or a connection error)."""
    max_retries: int = 2
    """The clients' default `max_retries`."""


@dataclass(frozen=True)
class ArgumentOptions:
    """Arguments the configuration adds to the methods (`idempotency-header`, `body-defaults`)."""

    idempotency_header: str | None = None
    """A header that carries a key the client makes for each call of a method that is not
    GET, HEAD, OPTIONS or TRACE, the same on every retry (`idempotency_key=` to choose it)."""
    body_defaults: Mapping[str, str | int | float | bool] = field(default_factory=dict)
    """Wire name -> the value a JSON body field of that name is sent with unless the call
    gives one (an attribution such as `origin`)."""


@dataclass(frozen=True)
class Construction:
    """How a client is made, as users of hand-written SDKs expect (`[tool.generator.targets.client]`
    in the configuration; the README documents each key)."""

    positional_credential: bool = False
    """The one credential argument may be given first, positionally: `Client("key")`."""
    optional_credentials: bool = False
    """A call whose credentials were not given is sent without any (a self-hosted server may
    need none) instead of raising MissingCredentialsError."""
    base_url_env: str | None = None
    """The environment variable of the base URL, instead of `<PREFIX>_BASE_URL`."""
    base_url_aliases: tuple[str, ...] = ()
    """Other keyword names of `base_url=` (`api_url`)."""
    host_url_base_path: bool = False
    """A base URL given with no path (`http://localhost:3002` or `.../`) gets the path of the
    API's server (`/v2`)."""
    token_auth: str | None = None
    """How OAuth2 client credentials go to the token endpoint: `client_secret_post` (the
    default) or `client_secret_basic`."""
    environments: tuple[tuple[str, str], ...] = ()
    """Named environments (name, URL): `environment="sandbox"` picks one; they replace the names
    the spec's servers give."""


@dataclass(frozen=True)
class ClientOptions:
    """What shapes a client besides its spec: the overlays applied to the spec and the names the
    user chose. `generate` and `diff` read a spec through the same ones, so that a diff names
    what the client really has."""

    package_name: str | None = None
    client_class: str | None = None
    env_prefix: str | None = None
    names: Mapping[str, str] = field(default_factory=dict)
    overlays: tuple[Path, ...] = ()
    load: LoadOptions = LoadOptions()
    arguments: ArgumentOptions = ArgumentOptions()
    errors: Mapping[str, str] = field(default_factory=dict)
    """Class or status -> this client's exception class name (ir/status_errors.py)."""
    retry: RetryPolicy = RetryPolicy()
    construction: Construction = Construction()
    stream_methods: StreamMethods = "overloads"
    """How an operation whose flag chooses a stream is written: overloads of one method, or
    twin methods (`create`, `create_stream`); `x-clientgen-stream` may say otherwise."""
    exports: tuple[str, ...] = ()
    """Types the package exports itself (`from firecrawl import ScrapeOptions`), as well as
    from its `types` module."""
