"""The `schemas` feature client (tests/features/schemas): discriminated unions, inheritance,
readOnly/writeOnly, typed extra properties, tuples, recursion, against a real server."""

import datetime
import typing
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

from .golden import FEATURES
from .http_server import TestServer


@pytest.fixture
def zoo(import_client: Callable[[Path, str], ModuleType]) -> ModuleType:
    return import_client(FEATURES / "schemas" / "expected", "zoo")


def client(zoo: ModuleType, server: TestServer) -> object:
    return zoo.Zoo(base_url=server.url, max_retries=0)


def test_declared_discriminator_dispatches_on_the_property(zoo: ModuleType, server: TestServer) -> None:
    server.reply(
        200,
        [
            {"kind": "puppy", "name": "Rex", "goodBoy": True, "id": "7"},
            {"kind": "cat", "name": "Tom", "lives": 9},
            {"kind": "Parrot", "name": "Polly", "words": ["hello"]},  # unmapped: selected by schema name
        ],
    )
    dog, cat, parrot = client(zoo, server).animals.list_animals()
    types = zoo.types
    assert (type(dog), type(cat), type(parrot)) == (types.Dog, types.Cat, types.Parrot)
    assert dog.good_boy is True and dog.id == "7" and cat.lives == 9 and parrot.words == ["hello"]
    assert isinstance(dog, types.Pet) and issubclass(types.Cat, types.Pet)  # allOf as inheritance
    assert "secret" not in types.Pet.model_fields  # writeOnly: not in responses


def test_a_tag_that_selects_no_variant_has_each_variant_tried(zoo: ModuleType, server: TestServer) -> None:
    """The spec's discriminator (`kind`, which the variants do not fix) chooses first; a body one
    of the variants accepts is never refused for its tag, even with strict validation."""
    server.reply(
        200, [{"kind": "dragon", "name": "Smaug", "lives": 1}, {"kind": "wolf", "name": "Rex", "goodBoy": True}]
    )
    strict = zoo.Zoo(base_url=server.url, max_retries=0, strict_response_validation=True)
    cat, dog = strict.animals.list_animals()
    assert (type(cat), type(dog)) == (zoo.types.Cat, zoo.types.Dog)
    assert cat.kind == "dragon" and cat.lives == 1 and dog.good_boy is True


def test_requests_take_models_or_dicts_without_read_only_fields(zoo: ModuleType, server: TestServer) -> None:
    types = zoo.types
    assert "id" not in types.DogParam.__annotations__ and "secret" in types.DogParam.__annotations__
    server.reply(201, {"kind": "dog", "name": "Rex"})
    server.reply(201, {"kind": "cat", "name": "Tom"})
    api = client(zoo, server).animals
    api.create_animal(body={"kind": "dog", "name": "Rex", "secret": "s", "good_boy": True})
    api.create_animal(body=types.Cat(kind="cat", name="Tom", lives=3))
    assert server.requests[0].json() == {"kind": "dog", "name": "Rex", "secret": "s", "goodBoy": True}
    assert server.requests[1].json() == {"kind": "cat", "name": "Tom", "lives": 3}


def test_extras_tuples_unions_and_formats(zoo: ModuleType, server: TestServer) -> None:
    server.reply(
        200,
        {
            "name": "Ann",
            "shift": "08:30:00",
            "badge": "YmFkZ2U=",
            "position": [1.5, 2],
            "route": ["north"],
            "favourite": {"kind": "dog", "name": "Rex"},
            "level": "guru",
            "room": "B12",
        },
    )
    keeper = client(zoo, server).keepers.get_keeper(id="0e5c1b1e-8a49-4c2a-9d8f-6a4c7c9b9d11")
    assert keeper.shift == datetime.time(8, 30)
    assert keeper.position == (1.5, 2.0)
    assert keeper.route == ["north"]  # prefixItems without minItems: a shorter list is valid
    assert type(keeper.favourite).__name__ == "Dog"
    assert keeper.level == "guru"  # not in the enum: open
    assert keeper.model_extra == {"room": "B12"}
    server.reply(200, {"name": "Ann", "room": 12})
    strict = zoo.Zoo(base_url=server.url, max_retries=0, strict_response_validation=True)
    with pytest.raises(zoo.APIResponseValidationError, match="room"):  # extras must be strings
        strict.keepers.get_keeper(id="x")


def test_discriminator_inferred_from_consts(zoo: ModuleType, server: TestServer) -> None:
    server.reply(200, [{"type": "opened", "at": "2024-01-01T00:00:00Z"}, {"type": "closed", "reason": "night"}])
    opened, closed = client(zoo, server).events.list_events()
    assert type(opened).__name__ == "EventOpened" and type(closed).__name__ == "EventClosed"
    metadata = typing.get_args(zoo.types.Event)[1]  # every variant fixes `type`: pydantic's own
    assert type(metadata).__name__ == "FieldInfo" and metadata.discriminator == "type"


def test_a_native_discriminator_keeps_the_lenient_fallback(zoo: ModuleType, server: TestServer) -> None:
    """pydantic's own discriminator refuses a tag no variant fixes; by default the variant whose
    fields the body has most of takes it, the tag kept as received; strict raises."""
    body = [{"type": "reopened", "at": "2024-01-01T00:00:00Z"}, {"reason": "night"}]
    server.reply(200, body)
    reopened, untagged = client(zoo, server).events.list_events()
    assert type(reopened).__name__ == "EventOpened" and reopened.type == "reopened"
    assert reopened.at.year == 2024  # typed where it fits
    assert type(untagged).__name__ == "EventClosed" and untagged.reason == "night" and untagged.type is None
    server.reply(200, body)
    strict = zoo.Zoo(base_url=server.url, max_retries=0, strict_response_validation=True)
    with pytest.raises(zoo.APIResponseValidationError, match="does not match the API description"):
        strict.events.list_events()


def test_recursive_models_and_aliases(zoo: ModuleType, server: TestServer) -> None:
    value = {"a": [1, "two", None, {"b": True}]}
    server.reply(200, {"value": value, "children": [{"value": "leaf", "children": []}]})
    tree = client(zoo, server).tree.get_tree()
    assert tree.value == value
    assert tree.children[0].value == "leaf" and type(tree.children[0]) is type(tree)


def test_a_request_body_that_contains_itself(zoo: ModuleType, server: TestServer) -> None:
    """Its TypedDict twin refers to itself (meshery.local's Panel did, and once failed at
    import); dicts keyed by Python names are sent by wire names at every depth."""
    server.reply(204)
    children = [{"value": "leaf", "leaf_count": 0, "children": [{"value": "bud", "leaf_count": 2}]}]
    client(zoo, server).tree.plant_tree(value="root", children=children, leaf_count=1)
    assert server.requests[0].json() == {
        "value": "root",
        "children": [{"value": "leaf", "leaf-count": 0, "children": [{"value": "bud", "leaf-count": 2}]}],
        "leaf-count": 1,
    }
    children = typing.get_type_hints(zoo.types.TreeNodeParam)["children"]  # Sequence[TreeNode | TreeNodeParam]
    assert typing.get_args(typing.get_args(children)[0]) == (zoo.types.TreeNode, zoo.types.TreeNodeParam)


def test_tagged_objects_given_by_their_tag_alone(zoo: ModuleType, server: TestServer) -> None:
    """`Duties` defaults to ["feeding"]: a string for a `{"task": "feeding"}` object. The tags of
    the variants that need nothing else are accepted as strings, both ways; `training` is not
    (it needs an enclosure)."""
    types = zoo.types
    assert typing.get_args(types.DutiesShorthand) == ("feeding", "cleaning")
    server.reply(200, {"name": "Ann", "duties": ["feeding", {"task": "training", "enclosure": "B"}]})
    keeper = client(zoo, server).keepers.get_keeper(id="x")
    assert keeper.duties[0] == "feeding" and type(keeper.duties[1]) is types.DutiesTraining
    server.reply(200, {"name": "Ann", "duties": ["training"]})
    strict = zoo.Zoo(base_url=server.url, max_retries=0, strict_response_validation=True)
    with pytest.raises(zoo.APIResponseValidationError, match="duties.0"):
        strict.keepers.get_keeper(id="x")
    server.reply(204)
    client(zoo, server).keepers.assign_duties(
        id="x",
        duties=["cleaning", types.DutiesFeeding(task="feeding", times=2), {"task": "training", "enclosure": "B"}],
    )
    assert server.requests[-1].json() == {
        "duties": ["cleaning", {"task": "feeding", "times": 2}, {"task": "training", "enclosure": "B"}]
    }
