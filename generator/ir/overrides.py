"""Python names the user chose, so that a public name survives spec changes.

A key is an operationId or a JSON pointer (`#/...`); the name's first letter says what it renames,
as Python's conventions do: an upper-case name renames the class made from the schema at the
pointer, a lower-case one the method of the operation (by operationId or pointer) or the field of
the property at the pointer (whose inline schema's class an upper-case name renames).

A method's name may start with `client.`: the method is then on the client itself too
(`client.scrape(...)` beside `client.scraping.scrape(...)`), with the methods its extensions add.

A chosen name is taken before the generator names anything else, and kept exactly: when it is
reserved, chosen twice, or the name the generator gives something else, that is an error.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

from .. import naming
from ..errors import GeneratorError, Location, stale
from ..options import CLIENT_PREFIX


class ChosenMethod(NamedTuple):
    key: str
    name: str
    on_client: bool
    """The name was given as `client.<name>`: the method is on the client itself too."""


class NameOverrides:
    def __init__(self, names: Mapping[str, str] | None = None) -> None:
        self._names = dict(names or {})
        self._used: set[str] = set()

    def method(self, operation_id: str | None, pointer: str) -> ChosenMethod | None:
        """The name chosen for the method of an operation, by operationId first."""
        found = (self._find(operation_id, upper=False) if operation_id else None) or self._find(
            "#" + pointer, upper=False
        )
        if found is None:
            return None
        key, name = found
        return ChosenMethod(key, name.removeprefix(CLIENT_PREFIX), name.startswith(CLIENT_PREFIX))

    def class_at(self, pointer: str) -> tuple[str, str] | None:
        """(key, name) chosen for the class made from the schema at `pointer`."""
        return self._find("#" + pointer, upper=True)

    def field_at(self, pointer: str) -> tuple[str, str] | None:
        """(key, name) chosen for the field of the property at `pointer`."""
        found = self._find("#" + pointer, upper=False)
        if found is not None and found[1].startswith(CLIENT_PREFIX):
            raise GeneratorError("names", f"{found[0]!r} = {found[1]!r}: only a method can be on the client")
        return found

    def _find(self, key: str, *, upper: bool) -> tuple[str, str] | None:
        name = self._names.get(key)
        if name is None or name[:1].isupper() != upper:
            return None
        self._used.add(key)
        return key, name

    def chosen_classes(self) -> list[tuple[str, str]]:
        """(key, name) of every class name chosen."""
        return [(key, name) for key, name in self._names.items() if name[:1].isupper()]

    def unused(self) -> list[str]:
        """A warning for each override that renamed nothing: the upstream removed or renamed
        what it names, or its key has a typo; either way it no longer applies."""
        return [
            stale(
                f"the name override {key!r} = {name!r} matches no "
                f"{'schema' if name[:1].isupper() else 'operationId, operation or property'}: the upstream may "
                "have removed or renamed it; remove the entry?"
            )
            for key, name in self._names.items()
            if key not in self._used
        ]


def reserve(scope: naming.Scope, chosen: list[tuple[str, str]], where: Location, what: str) -> dict[str, str]:
    """Claim every chosen name of a scope before the generator names anything in it, so that a
    chosen name is never numbered; a name chosen twice, or reserved, is an error. Name -> key."""
    reserved = {}
    for key, name in chosen:
        if not scope.try_claim(name):
            raise GeneratorError(
                where,
                f"the name override {key!r} = {name!r} clashes: {what} of that name exists already (or is reserved)",
            )
        reserved[name] = key
    return reserved


def check_natural(name: str, reserved: dict[str, str], where: Location, what: str) -> None:
    """A name the generator makes must not be one the user chose for something else."""
    if name in reserved:
        raise GeneratorError(
            where, f"the name override {reserved[name]!r} = {name!r} clashes: {what} here is called {name} too"
        )


def check_field_name(chosen: tuple[str, str], where: Location) -> None:
    """A field must not shadow a member of pydantic's BaseModel, which would break the model."""
    key, name = chosen
    if name in naming.RESERVED_FIELD_NAMES:
        raise GeneratorError(
            where, f"the name override {key!r} = {name!r} would hide pydantic's BaseModel.{name}; choose another name"
        )
