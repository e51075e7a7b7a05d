"""The base of every model of the API, and how a response that drifts from the API's
description becomes one."""

from __future__ import annotations

import functools
import json
import logging
import types
import typing
from dataclasses import dataclass
from typing import Any

import pydantic
from pydantic import ConfigDict, Field, GetCoreSchemaHandler
from pydantic_core import CoreSchema, core_schema
from typing_extensions import TypeAliasType

__all__ = [
    "BaseModel",
    "Field",
    "discriminated",
    "excerpt",
    "first_problem",
    "validate",
    "wire_names",
]

logger = logging.getLogger(__name__.rpartition(".")[0])


class BaseModel(pydantic.BaseModel):
    """A model of the API.

    Fields the API sends but does not document are kept: read them with `model_extra` (or
    as attributes). Fields are set by their Python name or by their name on the wire.
    """

    model_config = ConfigDict(extra="allow", populate_by_name=True, protected_namespaces=())


def wire_names(names: dict[str, str]) -> ConfigDict:
    """The configuration of a model whose fields are named differently on the wire."""
    return ConfigDict(alias_generator=lambda field: names.get(field, field))


@dataclass(frozen=True)
class _Discriminated:
    """See `discriminated`."""

    wire_name: str
    attribute: str
    tags: tuple[tuple[str, str], ...]

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        # the variant the tag selects first, then each in turn; "" (no class name) each in turn
        each = handler(source)
        choices: dict[typing.Hashable, CoreSchema] = {
            _name(variant): core_schema.union_schema(
                [handler.generate_schema(variant), each], mode="left_to_right"
            )
            for variant in typing.get_args(source)
        }
        choices[""] = each
        return core_schema.tagged_union_schema(choices, discriminator=self.selected)

    def selected(self, value: Any) -> str:
        """The class name of the variant the value's tag selects, "" when it selects none."""
        if isinstance(value, dict):
            found = value.get(self.wire_name)
        else:
            found = getattr(value, self.attribute, None)
        return dict(self.tags).get(found, "") if isinstance(found, str) else ""


def discriminated(wire_name: str, attribute: str, tags: dict[str, str]) -> Any:
    """A union's rule for choosing its variant by the value of one property (`tags`: value ->
    variant class name). That variant is tried first; when the value is missing, or selects
    none, or the variant refuses the body, each variant is tried in turn, so a body that one
    of them accepts is never refused."""
    return _Discriminated(wire_name, attribute, tuple(tags.items()))


def _name(variant: Any) -> str:
    """The class name of a variant of a union, which may still be a forward reference."""
    if isinstance(variant, typing.ForwardRef):
        return variant.__forward_arg__
    return str(variant.__name__)


@functools.lru_cache(maxsize=None)
def _adapter(type_: Any) -> pydantic.TypeAdapter[Any]:
    """The (cached) validator of a response type."""
    return pydantic.TypeAdapter(type_)


@functools.lru_cache(maxsize=None)
def _field_adapter(model: type[pydantic.BaseModel], name: str) -> pydantic.TypeAdapter[Any]:
    """The (cached) validator of one field of a model, its constraints included."""
    return pydantic.TypeAdapter(_field_type(model.model_fields[name]))


def _field_type(info: Any) -> Any:
    return typing.Annotated[(info.annotation, *info.metadata, info)]


def validate(type_: Any, value: Any, *, strict: bool, what: str) -> Any:
    """`value`, the JSON data of `what` (a response, an event), as `type_`.

    When it does not fit, with `strict` pydantic's ValidationError. Otherwise what fits is kept
    typed and the rest as received, and nothing is raised: a model keeps each field that fits
    typed and each that does not as received (a missing required field is None), a list or a
    dict goes item by item, and a union takes the variant that fits, else the one its tag
    selects, else the one whose fields the value has most of; an object or an array sent as a
    JSON string (encoded twice) is read as what it encodes. What is kept as received is
    logged at debug level, with where it is (`body.items.0.due_at`).
    """
    try:
        return _adapter(type_).validate_python(value)
    except pydantic.ValidationError as exc:
        if strict:
            raise
        return _construct(type_, value, f"{what}: body", exc)


def _lenient(type_: Any, value: Any, where: str) -> Any:
    try:
        return _adapter(type_).validate_python(value)
    except pydantic.ValidationError as exc:
        return _construct(type_, value, where, exc)


def _construct(type_: Any, value: Any, where: str, problem: pydantic.ValidationError) -> Any:
    if isinstance(value, str) and value[:1] in ("{", "["):
        try:
            decoded = json.loads(value)
        except ValueError:
            pass
        else:  # an object or an array encoded twice, as JSON in a JSON string
            logger.debug("%s is JSON encoded in a string; read as what it encodes", where)
            return _lenient(type_, decoded, where)
    if isinstance(type_, TypeAliasType):
        return _lenient(type_.__value__, value, where)
    origin = typing.get_origin(type_)
    arguments = typing.get_args(type_)
    variant: Any = None
    if origin is typing.Annotated:
        inner = typing.get_args(arguments[0]) if _is_union(arguments[0]) else (arguments[0],)
        variant = _selected(arguments[1:], inner, value) or _closest(inner, value)
    elif _is_union(type_):
        variant = _closest(arguments, value)
    elif origin is list and isinstance(value, list):
        return [
            _lenient(arguments[0], item, f"{where}.{index}") for index, item in enumerate(value)
        ]
    elif origin is dict and isinstance(value, dict):
        return {key: _lenient(arguments[1], item, f"{where}.{key}") for key, item in value.items()}
    elif (
        isinstance(type_, type)
        and issubclass(type_, pydantic.BaseModel)
        and isinstance(value, dict)
    ):
        return _construct_model(type_, value, where)
    if variant is not None:
        return _lenient(variant, value, where)
    logger.debug(
        "%s does not match the API's description (%s); kept as received",
        where,
        problem.errors()[0]["msg"],
    )
    return value


def _construct_model(model: type[pydantic.BaseModel], value: dict[str, Any], where: str) -> Any:
    values = dict(value)
    for name, info in model.model_fields.items():
        key = info.alias or name
        if key in values:
            try:
                values[key] = _field_adapter(model, name).validate_python(values[key])
            except pydantic.ValidationError as exc:
                values[key] = _construct(_field_type(info), values[key], f"{where}.{key}", exc)
        elif info.is_required():
            logger.debug(
                "%s.%s is missing, which the API's description requires; it is None", where, key
            )
            values[key] = None
    # fields by their wire names, and the properties the model does not name as received
    return model.model_construct(None, **values)


def _is_union(type_: Any) -> bool:
    return typing.get_origin(type_) in (typing.Union, types.UnionType)


def _selected(rules: tuple[Any, ...], variants: tuple[Any, ...], value: Any) -> Any:
    """The variant that the value's tag selects by a rule among `rules` (`discriminated`, or
    pydantic's `Field(discriminator=...)`), if any."""
    if not isinstance(value, dict):
        return None
    for rule in rules:
        if isinstance(rule, _Discriminated):
            name = rule.selected(value)
            return next((variant for variant in variants if _name(variant) == name), None)
        attribute = getattr(rule, "discriminator", None)
        if isinstance(attribute, str):
            for variant in _models(variants):
                info = variant.model_fields.get(attribute)
                if info is not None and value.get(info.alias or attribute) in typing.get_args(
                    info.annotation
                ):
                    return variant
    return None


def _closest(variants: tuple[Any, ...], value: Any) -> Any:
    """The variant a value that fits none is closest to: the only one besides None, the model
    whose fields it has most of, or the list type for a list; None for anything else."""
    others = [variant for variant in variants if variant is not type(None)]
    if len(others) == 1:
        return others[0]
    if isinstance(value, dict) and (models := _models(variants)):
        return max(
            models,
            key=lambda model: sum(
                (info.alias or name) in value for name, info in model.model_fields.items()
            ),
        )
    if isinstance(value, list):
        return next((variant for variant in variants if typing.get_origin(variant) is list), None)
    return None


def _models(variants: tuple[Any, ...]) -> list[type[pydantic.BaseModel]]:
    return [
        variant
        for variant in variants
        if isinstance(variant, type) and issubclass(variant, pydantic.BaseModel)
    ]


def first_problem(exc: pydantic.ValidationError) -> str:
    """The first of pydantic's complaints, on one line: where, and what."""
    error = exc.errors()[0]
    where = ".".join(str(part) for part in error["loc"]) or "body"
    more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
    return f"{where}: {error['msg']}{more}"


def excerpt(content: bytes, limit: int = 200) -> str:
    """The start of a body, for error messages."""
    text = content[:limit].decode("utf-8", "replace")
    return repr(text) + ("..." if len(content) > limit else "")
