"""Stage 1: read a spec (YAML or JSON, one file or several) into plain Python data, and resolve
its `$ref`s.

A schema's place is a *pointer*: a JSON pointer into the spec file ("/components/schemas/Pet",
always "" or starting with "/"), or, for another file the spec refers to, a key for that file,
`#`, and a JSON pointer ("common/pet.yaml#/Pet"). The key is the file's path relative to the
spec's folder, a file:// URL outside it, or the http(s) URL it was fetched from; it never starts
with "/" and never contains "#". Pointers identify schemas everywhere after this stage.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, Protocol

import yaml

from .errors import Diagnostic, GeneratorError, Location, escape_pointer_token, pointer_tokens
from .options import LoadOptions
from .sources import MAX_SPEC_BYTES, ONLY_HTTPS, TIMEOUT, TOO_LARGE, Deadline, allowed_url, redirect_refusal
from .text import has_lone_surrogate, without_lone_surrogates


class Origins(Protocol):
    """Where the parts of a converted document are in the user's files (`swagger2.Origins`)."""

    def original(self, pointer: str) -> str:
        """The pointer into the user's files of a pointer into the converted document."""
        ...


MAX_NESTING = 256
MAX_EXPANDED_NODES = 5_000_000
"""YAML aliases may share a node many times; beyond this many nodes counted with their
repeats, a document is taken for an alias bomb."""
MAX_LINE_LOOKUP_BYTES = 2 * 1024 * 1024
"""Finding the line of a pointer composes the file's YAML node tree, about 2 s for 4 MB here:
larger files are located by JSON pointer alone."""
REMOTE_TIMEOUT_SECONDS = TIMEOUT
"""For all the remote `$ref`s of one spec together."""
_REPAIRED = "text with a lone surrogate (not valid Unicode); it became U+FFFD"


class _SpecLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """YAML's safe loader, minus implicit timestamps (`version: 2024-01-01` stays a string),
    and refusing a mapping that repeats a key."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.tag != "tag:yaml.org,2002:merge":
                if key_node.value in seen:
                    raise _DuplicateKey(key_node.value, key_node.start_mark)
                seen.add(key_node.value)
        return super().construct_mapping(node, deep=deep)  # type: ignore[no-any-return]

    def construct_yaml_int(self, node: yaml.ScalarNode) -> int:
        try:
            return super().construct_yaml_int(node)  # type: ignore[no-any-return]
        except ValueError:  # more digits than Python converts (sys.get_int_max_str_digits)
            raise _HugeInteger(node.value, node.start_mark) from None


_SpecLoader.add_constructor("tag:yaml.org,2002:int", _SpecLoader.construct_yaml_int)
_SpecLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class _HugeInteger(Exception):
    """An integer written with more digits than Python converts; `mark`: where, in YAML."""

    def __init__(self, digits: str, mark: Any = None) -> None:
        super().__init__(digits)
        self.digits = digits
        self.mark = mark

    def error(self, origin: Path | str, text: str) -> GeneratorError:
        if self.mark is not None:
            line, column = self.mark.line + 1, self.mark.column + 1
        else:  # JSON tells no place: the number's first occurrence outside a string is it
            found = re.search(rf'(?<![\w."]){re.escape(self.digits)}', text)
            start = found.start() if found else 0
            line, column = text.count("\n", 0, start) + 1, start - text.rfind("\n", 0, start)
        count = len(self.digits.lstrip("+-"))
        limit = sys.get_int_max_str_digits()
        return GeneratorError(
            Location(origin, line=line, column=column), f"an integer of {count} digits; the limit is {limit} digits"
        )


def _integer(digits: str) -> int:
    """A JSON integer; more digits than Python converts is an error with its place."""
    try:
        return int(digits)
    except ValueError:
        raise _HugeInteger(digits) from None


class _DuplicateKey(Exception):
    def __init__(self, key: str, mark: Any) -> None:
        super().__init__(key)
        self.key = key
        self.mark = mark


@dataclass
class _File:
    """One loaded file of a spec: the root file has the key ""."""

    origin: Path | str
    """Its path, or its URL."""
    data: Any
    text: str
    sha256: str
    repaired: list[str] = field(default_factory=list)
    """JSON pointers of strings whose lone surrogates were replaced by U+FFFD."""


@dataclass
class Document:
    """A parsed spec: its root file and the files its `$ref`s reached."""

    path: Path
    options: LoadOptions = field(default_factory=LoadOptions)
    origins: Origins | None = None
    """For a converted Swagger 2.0 spec, where its parts are in the user's files."""
    _files: dict[str, _File] = field(default_factory=dict)
    _line_trees: dict[str, Any] = field(default_factory=dict)
    _resolved: dict[str, tuple[Any, str]] = field(default_factory=dict)
    """Pointer a `$ref` names -> the node its chain of `$ref`s ends at, and that node's pointer."""
    _conversion_warnings: list[Diagnostic] = field(default_factory=list)
    overlay_warnings: list[Diagnostic] = field(default_factory=list)
    """The user's overlay actions that selected nothing."""
    _remote_deadline: Deadline | None = None

    @property
    def data(self) -> dict[str, Any]:
        return self._files[""].data  # type: ignore[no-any-return]

    @property
    def warnings(self) -> list[Diagnostic]:
        """What loading found wrong or changed: strings whose lone surrogates (not valid Unicode)
        became U+FFFD, what a Swagger 2.0 spec says that OpenAPI 3 cannot, and the user's
        overlay actions that selected nothing."""
        repaired = [
            Diagnostic(self._source_location(join_pointer(key, pointer)), _REPAIRED)
            for key, file in self._files.items()
            for pointer in file.repaired
        ]
        return repaired + self._conversion_warnings + self.overlay_warnings

    def spec_files(self) -> dict[str, str] | None:
        """The SHA-256 of every file read so far (the whole spec, once the IR is built), by its
        path from the spec's folder ("" for the spec's own file); None when one is not a file in
        that folder (a URL, a file outside it), whose place depends on the machine."""
        if any("://" in key for key in self._files):
            return None
        return {key.replace("%23", "#"): file.sha256 for key, file in self._files.items()}

    @property
    def size(self) -> int:
        """Characters in the root file."""
        return len(self._files[""].text)

    @property
    def sha256(self) -> str:
        """A digest of every file read so far (the whole spec, once the IR is built)."""
        if len(self._files) == 1:
            return self._files[""].sha256
        digest = hashlib.sha256()
        for key in sorted(self._files):
            digest.update(f"{key}\0{self._files[key].sha256}\0".encode())
        return digest.hexdigest()

    # --- where things are ---------------------------------------------------------------------------

    def location(self, pointer: str | None = None) -> Location:
        """Where the node at a pointer of the document is in the user's files."""
        if pointer is None:
            return Location(self.path)
        return self._source_location(pointer if self.origins is None else self.origins.original(pointer))

    def _source_location(self, pointer: str) -> Location:
        """The location of a pointer into the files as the user wrote them."""
        key, fragment = split_pointer(pointer)
        file = self._files[key] if key in self._files else self._files[""]
        return Location(file.origin, fragment, self._line_of(key, fragment))

    def error(self, pointer: str | None, message: str) -> GeneratorError:
        return GeneratorError(self.location(pointer), message)

    def convert(self, data: dict[str, Any], origins: Origins, warnings: list[tuple[str, str]]) -> None:
        """Replace the root file's data by its conversion; locations stay in the user's files.
        `warnings` are (pointer into the user's files, message)."""
        self._files[""].data = data
        self._resolved.clear()
        self.origins = origins
        self._conversion_warnings = [
            Diagnostic(self._source_location(pointer), message) for pointer, message in warnings
        ]

    def _line_of(self, key: str, fragment: str) -> int | None:
        """The line of the node at a pointer, found by composing the file's YAML node tree
        (JSON is YAML enough for this); only done when a message needs it."""
        file = self._files.get(key)
        if file is None or len(file.text) > MAX_LINE_LOOKUP_BYTES or "\n" not in file.text.strip():
            return None  # too large to compose quickly, or one line (minified JSON): no line helps
        if key not in self._line_trees:
            try:
                self._line_trees[key] = yaml.compose(file.text, Loader=_SpecLoader)
            except yaml.YAMLError:
                self._line_trees[key] = None
        node = self._line_trees[key]
        for token in pointer_tokens(fragment):
            if isinstance(node, yaml.MappingNode):
                node = next((value for name, value in node.value if name.value == token), None)
            elif isinstance(node, yaml.SequenceNode) and token.isdigit() and int(token) < len(node.value):
                node = node.value[int(token)]
            else:
                node = None
            if node is None:
                return None
        return node.start_mark.line + 1 if node is not None else None

    # --- references ---------------------------------------------------------------------------------

    def resolve(self, node: Any, pointer: str) -> tuple[Any, str]:
        """Follow `$ref`s from `node` (found at `pointer`) to a node that is not a reference.

        Returns the target and its own pointer, so names and messages can say where it is.
        Where each chain ends is remembered, so that resolving every link of a chain of aliases
        walks it once, not once per link.
        """
        chain: set[str] = set()
        while isinstance(node, dict) and "$ref" in node:
            ref = node["$ref"]
            referrer = pointer + "/$ref"
            if not isinstance(ref, str):
                raise self.error(referrer, "$ref must be a string")
            target = self.reference_target(ref, pointer)
            if target in self._resolved:
                node, pointer = self._resolved[target]
                break
            if target in chain:
                raise self.error(referrer, f"$ref {ref!r} is part of a reference cycle")
            chain.add(target)
            node = self.lookup(target, referrer=referrer)
            pointer = target
        for target in chain:
            self._resolved[target] = (node, pointer)
        return node, pointer

    def lookup(self, pointer: str, *, referrer: str) -> Any:
        """The node at a pointer; an error at `referrer` if there is none."""
        key, fragment = split_pointer(pointer)
        if fragment and not fragment.startswith("/"):
            raise self.error(referrer, f"$ref fragment '#{fragment}' is not a JSON pointer")
        node: Any = self._files[key].data
        for token in pointer_tokens(fragment):
            if isinstance(node, dict) and token in node:
                node = node[token]
            elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
                node = node[int(token)]
            else:
                where = f"{key}#{fragment}" if key else f"#{fragment}"
                raise self.error(referrer, f"$ref '{where}' points to nothing")
        return node

    def reference_target(self, ref: str, pointer: str) -> str:
        """The pointer a `$ref` found at `pointer` stands for; loads the file it names."""
        referrer = pointer + "/$ref"
        address, _, fragment = ref.partition("#")
        fragment = urllib.parse.unquote(fragment)  # a URI fragment: `%7B` is `{` (RFC 6901, section 6)
        if fragment and not fragment.startswith("/"):
            raise self.error(referrer, f"$ref fragment '#{fragment}' is not a JSON pointer")
        current, _ = split_pointer(pointer)
        address = self._under_self(address, current)
        if not address:
            return join_pointer(current, fragment)
        if "://" in address or current.startswith(("http://", "https://")):
            key = self._remote_key(address, current, referrer)
        else:
            key = self._file_key(address, current, referrer)
        return join_pointer(key, fragment)

    def _under_self(self, address: str, current: str) -> str:
        """An absolute `address` at or below the URI the file gives itself (OpenAPI 3.2's `$self`),
        as the same address relative to the file: "" for the file itself, `common.yaml` beside it.
        A spec kept in a repository refers to itself by its published address; fetching that
        would read another copy, or nothing."""
        own = self._files[current].data
        own_uri = own.get("$self") if isinstance(own, dict) else None
        if not isinstance(own_uri, str) or "://" not in own_uri or "://" not in address:
            return address
        if address == own_uri:
            return ""
        folder = urllib.parse.urljoin(own_uri, ".")
        return address.removeprefix(folder) if address.startswith(folder) else address

    def _file_key(self, address: str, current: str, referrer: str) -> str:
        folder = Path(os.path.normpath(self.path.parent.absolute()))
        origin = self._files[current].origin
        written = Path(os.path.normpath(Path(origin).parent / urllib.parse.unquote(address)))
        # where the file really is, symbolic links followed: a link in the folder may lead out of it
        target = written.resolve()
        if target == self.path.resolve():
            return ""
        try:
            key = PurePosixPath(target.relative_to(folder.resolve())).as_posix()
        except ValueError:
            if not self.options.allow_external_files:
                inside_as_written = Path(os.path.normpath(written.absolute())).is_relative_to(folder)
                through_link = " through a symbolic link" if inside_as_written else ""
                raise self.error(
                    referrer,
                    f"$ref {address!r} leaves the spec's folder{through_link};"
                    " pass --allow-external-files to follow it",
                ) from None
            key = target.as_uri()
        key = key.replace("#", "%23")
        if key not in self._files:
            self._files[key] = _parse(written, _read(target, referrer=self.location(referrer)))
        return key

    def _remote_key(self, address: str, current: str, referrer: str) -> str:
        url = urllib.parse.urljoin(current, address) if "://" in current else address
        if not self.options.allow_remote_refs:
            raise self.error(referrer, f"$ref to the remote {url!r} is refused; pass --allow-remote-refs to fetch it")
        key = url.split("#")[0]
        if key not in self._files:
            self._files[key] = _parse(url, self._download(key, current, referrer))
        return key

    def _download(self, url: str, current: str, referrer: str) -> bytes:
        """A remote file, by the rules of `update`'s sources: HTTPS, or plain HTTP from this
        machine; from a remote file, only where a redirect from it could go."""
        if not allowed_url(url):
            raise self.error(referrer, f"$ref {url!r}: {ONLY_HTTPS}")
        refusal = redirect_refusal(current, url) if "://" in current else None
        if refusal is not None:
            raise self.error(referrer, f"$ref {url!r} in {current} is refused: {refusal}")
        from .download import get  # urllib: only for a remote $ref, it takes a while to import

        if self._remote_deadline is None:
            self._remote_deadline = Deadline(REMOTE_TIMEOUT_SECONDS)
        try:
            return get(url, self._remote_deadline)
        except GeneratorError as exc:
            raise self.error(referrer, f"cannot fetch {url}: {exc.diagnostic.message}") from None


def split_pointer(pointer: str) -> tuple[str, str]:
    """(file key, JSON pointer) of a pointer; the key is "" for the spec's own file."""
    if not pointer or pointer.startswith("/"):
        return "", pointer
    key, _, fragment = pointer.partition("#")
    return key, fragment


def join_pointer(key: str, fragment: str) -> str:
    return f"{key}#{fragment}" if key else fragment


# --- reading and parsing ---------------------------------------------------------------------------


def load_data(path: Path, options: LoadOptions = LoadOptions()) -> Document:
    """Read and parse a YAML or JSON file, with the same safeguards as a spec (used for overlays
    too), so that messages can give the line of a pointer. Failures are GeneratorErrors."""
    document = Document(path=path, options=options)
    document._files[""] = _parse(path, _read(path))
    return document


def _read(path: Path, referrer: Location | None = None) -> bytes:
    """The bytes of a spec file; `referrer` is the `$ref` that names it, if any."""
    try:
        with path.open("rb") as file:
            raw = file.read(MAX_SPEC_BYTES + 1)  # a file's size may not be what it holds: /dev/zero
    except FileNotFoundError:
        if referrer is not None:
            raise GeneratorError(referrer, f"$ref names a file that does not exist: {path}") from None
        raise GeneratorError(path, "no such file") from None
    except IsADirectoryError:
        raise GeneratorError(path, "is a folder, not a spec file") from None
    except OSError as exc:
        raise GeneratorError(path, f"cannot read: {exc.strerror or exc}") from None
    if len(raw) > MAX_SPEC_BYTES:
        raise GeneratorError(path, TOO_LARGE)
    return raw


def is_json(raw: bytes) -> bool:
    """Whether a file is read as JSON (else as YAML, which JSON is too): by what it holds, not by
    its name, so that a YAML spec fetched for a `.json` one reads alike."""
    return _JSON_START.match(raw) is not None


_JSON_START = re.compile(rb"(?:\xef\xbb\xbf)?[ \t\r\n]*[{\[]")


def _parse(origin: Path | str, raw: bytes) -> _File:
    """Parse the bytes of one file of a spec."""
    if not raw.strip():
        raise GeneratorError(origin, "file is empty")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise GeneratorError(origin, f"not UTF-8 text (byte {exc.start} is invalid)") from None
    if "\x00" in text:
        raise GeneratorError(origin, "not a text file (contains NUL bytes)")
    if is_json(raw):
        data = _parse_json(origin, text)
        _check_depth(origin, data)  # JSON has no aliases and only string keys
    else:
        data = _parse_yaml(origin, text)
        _normalise(origin, data)
    repaired = _replace_lone_surrogates(data) if _SURROGATE_ESCAPE.search(text) else []
    return _File(origin, data, text, hashlib.sha256(raw).hexdigest(), repaired)


def _parse_json(origin: Path | str, text: str) -> Any:
    try:
        return json.loads(text, object_pairs_hook=_unique_keys, parse_int=_integer)
    except _HugeInteger as exc:
        raise exc.error(origin, text) from None
    except json.JSONDecodeError as exc:
        raise GeneratorError(
            Location(origin, line=exc.lineno, column=exc.colno), f"JSON syntax error: {exc.msg}"
        ) from None
    except _DuplicateKey as exc:
        raise GeneratorError(origin, f"a JSON object repeats the key {exc.key!r}") from None
    except RecursionError:
        raise GeneratorError(origin, f"nested deeper than {MAX_NESTING} levels") from None


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _DuplicateKey(key, None)
            seen.add(key)
    return result


def _parse_yaml(origin: Path | str, text: str) -> Any:
    try:
        documents = list(yaml.load_all(text, Loader=_SpecLoader))
    except _HugeInteger as exc:
        raise exc.error(origin, text) from None
    except _DuplicateKey as exc:
        raise GeneratorError(
            Location(origin, line=exc.mark.line + 1, column=exc.mark.column + 1),
            f"the key {exc.key!r} appears twice in one mapping",
        ) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "invalid YAML"
        location = Location(origin, line=mark.line + 1, column=mark.column + 1) if mark else Location(origin)
        raise GeneratorError(location, f"YAML syntax error: {problem}") from None
    except yaml.YAMLError as exc:
        raise GeneratorError(origin, f"YAML error: {exc}") from None
    except RecursionError:
        raise GeneratorError(origin, f"nested deeper than {MAX_NESTING} levels") from None
    if len(documents) != 1:
        raise GeneratorError(origin, f"expected one YAML document, found {len(documents)}")
    return documents[0]


def _normalise(origin: Path | str, data: Any) -> None:
    """Check nesting depth and the size YAML aliases expand to, and turn keys such as `200:`
    into strings. Iterative; each shared node is walked once."""
    expanded: dict[int, int] = {}  # id(container) -> its node count with repeats
    stack: list[tuple[Any, int, bool]] = [(data, 0, False)]
    while stack:
        node, depth, children_done = stack.pop()
        if not isinstance(node, (dict, list)):
            continue
        children = list(node.values()) if isinstance(node, dict) else node
        if children_done:
            size = 1 + sum(expanded.get(id(child), 1) for child in children)
            if size > MAX_EXPANDED_NODES:
                raise GeneratorError(
                    origin, f"the document expands to more than {MAX_EXPANDED_NODES} nodes (a YAML alias bomb?)"
                )
            expanded[id(node)] = size
            continue
        if id(node) in expanded:
            if expanded[id(node)] == 0:  # still being walked: it contains itself
                raise GeneratorError(origin, "a YAML alias refers to a node that contains it (infinite structure)")
            continue
        if depth > MAX_NESTING:
            raise GeneratorError(origin, f"nested deeper than {MAX_NESTING} levels")
        if isinstance(node, dict) and not all(isinstance(key, str) for key in node):
            items = list(node.items())
            node.clear()
            node.update((_key_text(key), value) for key, value in items)
        expanded[id(node)] = 0  # placeholder: being walked
        stack.append((node, depth, True))
        stack.extend((child, depth + 1, False) for child in children)


def _check_depth(origin: Path | str, data: Any) -> None:
    stack: list[tuple[Any, int]] = [(data, 0)] if isinstance(data, (dict, list)) else []
    while stack:
        node, depth = stack.pop()
        if depth > MAX_NESTING:
            raise GeneratorError(origin, f"nested deeper than {MAX_NESTING} levels")
        children = node.values() if isinstance(node, dict) else node
        stack.extend((child, depth + 1) for child in children if isinstance(child, (dict, list)))


# A \uD800-\uDFFF escape: the only way a lone surrogate gets into parsed UTF-8 text.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


def _replace_lone_surrogates(data: Any) -> list[str]:
    """Replace lone surrogates in keys and strings by U+FFFD; the pointers of those changed.
    Only run when the raw text has a surrogate escape, so ordinary specs pay nothing."""
    repaired = []
    stack: list[tuple[Any, str]] = [(data, "")]
    seen: set[int] = set()
    while stack:
        node, pointer = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, dict):
            if any(has_lone_surrogate(key) for key in node):
                items = list(node.items())
                node.clear()
                node.update((without_lone_surrogates(key), value) for key, value in items)
                repaired.append(pointer)
            for key, value in list(node.items()):
                child = f"{pointer}/{escape_pointer_token(key)}"
                if isinstance(value, str) and has_lone_surrogate(value):
                    node[key] = without_lone_surrogates(value)
                    repaired.append(child)
                else:
                    stack.append((value, child))
        elif isinstance(node, list):
            for index, value in enumerate(node):
                if isinstance(value, str) and has_lone_surrogate(value):
                    node[index] = without_lone_surrogates(value)
                    repaired.append(f"{pointer}/{index}")
                else:
                    stack.append((value, f"{pointer}/{index}"))
    return sorted(repaired)


def _key_text(key: Any) -> str:
    if isinstance(key, bool):
        return "true" if key else "false"
    if key is None:
        return "null"
    return str(key)
