"""What a user chooses for a generation besides the spec: what the spec may refer to, and what
shapes the client (overlays, names). A module of its own, light to import: `check` reads these
before it knows whether anything needs generating."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

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
