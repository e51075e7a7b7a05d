"""Tagged unions: the discriminator the spec declares, or one inferred from a property every
variant fixes to values of its own, and the tags of a union's variants."""

from __future__ import annotations

from typing import Any

from .. import naming, nodes
from ..errors import Warnings
from ..load import Document
from .type_exprs import Alias, Discriminator, LiteralOf, Model, Ref, TypeExpr, UnionOf

# Property names that usually tag the variants of a union; they name inline variants.
TAG_PROPERTIES = ("type", "kind", "object", "event")


def declared_discriminator(
    document: Document, warnings: Warnings, declared: dict[str, Any], pointer: str, models: list[Model]
) -> Discriminator | None:
    """The discriminator the spec declares (`propertyName` and `mapping`); None, with a warning,
    when its values would not tell the variants apart."""
    property_name = declared["propertyName"]
    by_pointer = {model.pointer: model for model in models}
    tags: list[tuple[str, str]] = []
    for value, ref in nodes.discriminator_mapping(declared):
        _, target_pointer = document.resolve({"$ref": ref}, pointer + "/discriminator/mapping")
        if target_pointer in by_pointer:
            tags.append((value, by_pointer[target_pointer].name))
    mapped = {name for _, name in tags}
    for model in models:  # unmapped variants are selected by their schema's name
        if model.name not in mapped:
            tags.append((nodes.schema_name(model.pointer), model.name))
    if len({value for value, _ in tags}) != len(tags):
        warnings.add(
            document.location(pointer + "/discriminator"),
            "discriminator values do not tell the variants apart; each variant is tried instead",
        )
        return None
    attribute = _tag_attribute(models, property_name, naming.field_name(property_name))
    if attribute is None:
        return None
    return Discriminator(property_name, attribute, tuple(tags), _literal_tags(models, property_name, tags))


def inferred_discriminator(models: list[Model]) -> Discriminator | None:
    """A discriminator from a property every model fixes to values of its own (Firecrawl's
    `type`); None when there is none, or its values would not tell the models apart."""
    for property_name in _tag_candidates(models):
        tags: list[tuple[str, str]] = []
        for model in models:
            field = next(f for f in model.fields if f.wire_name == property_name)
            assert isinstance(field.type, LiteralOf)
            tags.extend((str(value), model.name) for value in field.type.values)
        attribute = _tag_attribute(models, property_name)
        if attribute is not None and len({value for value, _ in tags}) == len(tags):
            return Discriminator(property_name, attribute, tuple(tags), _literal_tags(models, property_name, tags))
    return None


def tags_of(type_: TypeExpr) -> tuple[str, list[tuple[str, Model]]] | None:
    """The tag property of a tagged union, or of a lone model whose tag is a required `Literal`,
    and each tag value with the model it selects; None for other types."""
    if isinstance(type_, Ref) and isinstance(type_.target, Alias):
        type_ = type_.target.type
    if isinstance(type_, UnionOf) and type_.discriminator is not None:
        models = {t.target.name: t.target for t in type_.variants if isinstance(t, Ref) and isinstance(t.target, Model)}
        return type_.discriminator.wire_name, [(value, models[name]) for value, name in type_.discriminator.tags]
    if isinstance(type_, Ref) and isinstance(type_.target, Model):
        model = type_.target
        for wire_name in _tag_candidates([model]):
            field = next(f for f in model.fields if f.wire_name == wire_name)
            assert isinstance(field.type, LiteralOf)
            return wire_name, [(str(value), model) for value in field.type.values]
    return None


def _tag_attribute(models: list[Model], wire_name: str, absent: str | None = None) -> str | None:
    """The Python name of the tag property in every variant (`absent` when none has it as a
    field); None when the variants name it differently (numbered on a clash, or renamed)."""
    names = {field.name for model in models for field in model.fields if field.wire_name == wire_name}
    if not names:
        return absent
    return names.pop() if len(names) == 1 else None


def _literal_tags(models: list[Model], wire_name: str, tags: list[tuple[str, str]]) -> bool:
    """Whether every variant has the tag property, required and in responses, as a constant of
    the one value that selects it."""
    for model in models:
        field = next((f for f in model.response_fields if f.wire_name == wire_name), None)
        selecting = tuple(value for value, name in tags if name == model.name)
        if field is None or not field.required or field.type != LiteralOf(selecting) or len(selecting) != 1:
            return False
    return True


def _tag_candidates(models: list[Model]) -> list[str]:
    """Properties every model has, required, as an enum or const: tag-like names first."""
    common = None
    for model in models:
        names = {
            f.wire_name
            for f in model.fields
            if f.required and isinstance(f.type, LiteralOf) and all(isinstance(v, str) for v in f.type.values)
        }
        common = names if common is None else common & names
    found = sorted(common or ())
    return sorted(found, key=lambda name: (name not in TAG_PROPERTIES, name))
