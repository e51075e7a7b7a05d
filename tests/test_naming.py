import keyword

import pytest

from generator import naming


@pytest.mark.parametrize(
    ("text", "snake", "pascal"),
    [
        (
            "stopInteractiveScrapeBrowserSession",
            "stop_interactive_scrape_browser_session",
            "StopInteractiveScrapeBrowserSession",
        ),
        ("HTMLParser", "html_parser", "HtmlParser"),
        ("removeBase64Images", "remove_base64_images", "RemoveBase64Images"),
        ("<any other metadata> ", "any_other_metadata", "AnyOtherMetadata"),
        ("x-idempotency-key", "x_idempotency_key", "XIdempotencyKey"),
        ("Threat Protection", "threat_protection", "ThreatProtection"),
        ("userID", "user_id", "UserId"),
        ("ignoreInvalidURLs", "ignore_invalid_urls", "IgnoreInvalidUrls"),
        ("APIsAndIDs", "apis_and_ids", "ApisAndIds"),
        ("éclair", "eclair", "Eclair"),
    ],
)
def test_case_conversions(text: str, snake: str, pascal: str) -> None:
    assert naming.snake_case(text) == snake
    assert naming.pascal_case(text) == pascal


@pytest.mark.parametrize(
    "text", ["class", "from", "None", "import", "2fa", "", "中文", "__init__", "-", "model_config"]
)
def test_attribute_names_are_always_valid_identifiers(text: str) -> None:
    for make in (naming.attribute_name, naming.field_name, naming.class_name):
        name = make(text)
        assert name.isidentifier() and name.isascii(), (text, name)
        assert not keyword.iskeyword(name)
        assert not name.startswith("_")


def test_field_names_do_not_shadow_base_model_members() -> None:
    assert naming.field_name("schema") == "schema_"
    assert naming.field_name("json") == "json_"
    assert naming.field_name("model_config") == "model_config_"
    assert naming.field_name("model_id") == "model_id"  # only real members are renamed


def test_scope_numbers_true_collisions_deterministically() -> None:
    scope = naming.Scope({"self"})
    assert [scope.claim(naming.attribute_name(n)) for n in ["user-id", "user_id", "userId", "self"]] == [
        "user_id",
        "user_id_2",
        "user_id_3",
        "self_2",
    ]


def test_scope_can_fold_case_for_file_names() -> None:
    scope = naming.Scope(fold_case=True)
    assert scope.claim("foo") == "foo"
    assert scope.claim("Foo") == "Foo_2"


def test_claim_first_prefers_the_alternative_before_numbering() -> None:
    scope = naming.Scope({"timeout"})
    assert scope.claim_first("timeout", "request_timeout") == "request_timeout"
    assert scope.claim_first("extra_body", "request_extra_body") == "extra_body"


def test_module_names_are_never_keywords(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from generator.errors import Warnings
    from generator.ir import build_api
    from generator.spec import load_document

    spec = tmp_path / "spec.yaml"
    spec.write_text(
        "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n"
        "    Import: {type: object, properties: {a: {type: string}}}\n"
        "    Class: {type: string}\n"
    )
    api = build_api(load_document(spec), Warnings())
    assert [module.name for module in api.type_modules] == ["import_", "class_"]


def test_arguments_drop_only_the_suffix_that_avoids_pydantic() -> None:
    """A keyword argument (and a TypedDict key) has no reason to avoid pydantic's members, but
    must not hide a module the generated code reads."""
    assert naming.argument_name(naming.field_name("schema")) == "schema"
    assert naming.argument_name(naming.field_name("json")) == "json"
    assert naming.argument_name(naming.field_name("httpx")) == "httpx_"
    assert naming.argument_name(naming.field_name("class")) == "class_"
    assert naming.argument_name("model_id") == "model_id"
