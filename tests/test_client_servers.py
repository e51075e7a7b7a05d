"""Every server a spec names (tests/features/servers): a path item's and an operation's servers
take their calls while the client talks to one of the document's servers; a base URL elsewhere
takes every call; named environments pick a document server. The spec is written with servers
on 127.0.0.1 ports, so each call lands where it should, or visibly elsewhere."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

import pytest

from generator.cli import main
from generator.errors import Warnings
from generator.ir import build_api
from generator.options import ClientOptions, Construction
from generator.spec import load_document

from .conftest import generate_into, write_spec
from .http_server import TestServer

Importer = Callable[[Path, str], ModuleType]

SPEC = """
openapi: 3.0.3
info: {{title: Media API, version: '1'}}
servers:
  - url: {api}/{{stage}}
    description: Production
    variables:
      stage: {{default: v1, enum: [v1, v2]}}
  - url: {sandbox}/v1
    description: Sandbox
paths:
  /albums:
    get:
      tags: [media]
      operationId: listAlbums
      responses: {{'204': {{description: ok}}}}
  /uploads:
    servers: [{{url: '{uploads}/up'}}]
    post:
      tags: [media]
      operationId: upload
      responses: {{'204': {{description: ok}}}}
  /thumbnails:
    get:
      tags: [media]
      operationId: getThumbnail
      servers:
        - url: '{uploads}/{{cdn}}'
          variables:
            cdn: {{default: cdn1}}
      responses: {{'204': {{description: ok}}}}
"""


@pytest.fixture
def hosts() -> Iterator[dict[str, TestServer]]:
    with TestServer() as api, TestServer() as sandbox, TestServer() as uploads, TestServer() as elsewhere:
        yield {"api": api, "sandbox": sandbox, "uploads": uploads, "elsewhere": elsewhere}


@pytest.fixture
def media(
    hosts: dict[str, TestServer], tmp_path: Path, import_client: Importer, monkeypatch: pytest.MonkeyPatch
) -> ModuleType:
    monkeypatch.delenv("MEDIA_BASE_URL", raising=False)
    spec = write_spec(tmp_path, SPEC.format(**{name: server.url for name, server in hosts.items()}))
    return import_client(generate_into(spec, tmp_path / "out", "media"), "media")


def calls(client: object) -> None:
    client.media.list_albums()  # type: ignore[attr-defined]
    client.media.upload()  # type: ignore[attr-defined]
    client.media.get_thumbnail()  # type: ignore[attr-defined]


def landed(hosts: dict[str, TestServer]) -> dict[str, list[str]]:
    return {name: [request.path for request in server.requests] for name, server in hosts.items() if server.requests}


def reply_everywhere(hosts: dict[str, TestServer]) -> None:
    for server in hosts.values():
        for _ in range(3):
            server.reply(204)


def test_path_item_and_operation_servers_take_their_calls(media: ModuleType, hosts: dict[str, TestServer]) -> None:
    reply_everywhere(hosts)
    calls(media.Media())
    assert landed(hosts) == {"api": ["/v1/albums"], "uploads": ["/up/uploads", "/cdn1/thumbnails"]}


def test_a_document_server_with_other_variable_values_is_still_the_apis(
    media: ModuleType, hosts: dict[str, TestServer]
) -> None:
    reply_everywhere(hosts)
    calls(media.Media(base_url=hosts["api"].url + "/v2"))
    assert landed(hosts) == {"api": ["/v2/albums"], "uploads": ["/up/uploads", "/cdn1/thumbnails"]}


def test_a_base_url_elsewhere_takes_every_call(media: ModuleType, hosts: dict[str, TestServer]) -> None:
    """A mock, a proxy or a self-hosted server: nothing goes to the API's own hosts."""
    reply_everywhere(hosts)
    calls(media.Media(base_url=hosts["elsewhere"].url))
    assert landed(hosts) == {"elsewhere": ["/albums", "/uploads", "/thumbnails"]}


def test_a_named_environment_picks_its_server(media: ModuleType, hosts: dict[str, TestServer]) -> None:
    reply_everywhere(hosts)
    calls(media.Media(environment="sandbox"))

    async def async_calls() -> None:
        async with media.AsyncMedia(environment="production") as client:
            await client.media.list_albums()

    asyncio.run(async_calls())
    assert landed(hosts) == {
        "sandbox": ["/v1/albums"],
        "uploads": ["/up/uploads", "/cdn1/thumbnails"],
        "api": ["/v1/albums"],
    }
    with pytest.raises(TypeError, match="environment= and server= both choose the server"):
        media.Media(environment="sandbox", server=0)


def test_environments_are_a_literal_type(media: ModuleType) -> None:
    from typing import get_args

    assert get_args(media._client.Environment) == ("production", "sandbox")


def test_base_url_for_one_call(media: ModuleType, hosts: dict[str, TestServer]) -> None:
    """`with_options(base_url=...)`: that call goes elsewhere, the client's own stay, on one pool."""
    reply_everywhere(hosts)
    client = media.Media()
    client.with_options(base_url=hosts["elsewhere"].url).media.upload()
    client.media.upload()
    assert landed(hosts) == {"elsewhere": ["/uploads"], "uploads": ["/up/uploads"]}


def test_base_url_as_an_option_of_one_call(media: ModuleType, hosts: dict[str, TestServer]) -> None:
    """`base_url=` on a method: that call goes there (over the operation's own server too),
    sync and async; the next call goes where it would have."""
    reply_everywhere(hosts)
    client = media.Media()
    client.media.upload(base_url=hosts["elsewhere"].url + "/")
    client.media.upload()

    async def main() -> None:
        async with media.AsyncMedia() as async_client:
            await async_client.media.upload(base_url=hosts["elsewhere"].url + "/v9")

    asyncio.run(main())
    assert landed(hosts) == {"elsewhere": ["/uploads", "/v9/uploads"], "uploads": ["/up/uploads"]}


def test_server_variables_fill_the_document_and_the_operation_servers(
    media: ModuleType, hosts: dict[str, TestServer]
) -> None:
    """One value per name, for every server that has a variable of that name: `stage` of the
    document's server, `cdn` of getThumbnail's; sync and async."""
    reply_everywhere(hosts)
    calls(media.Media(server_variables={"stage": "v2", "cdn": "cdn2"}))

    async def async_calls() -> None:
        async with media.AsyncMedia(server_variables={"cdn": "edge"}) as client:
            await client.media.get_thumbnail()

    asyncio.run(async_calls())
    assert landed(hosts) == {"api": ["/v2/albums"], "uploads": ["/up/uploads", "/cdn2/thumbnails", "/edge/thumbnails"]}


def test_server_variables_are_typed_and_checked_by_name(
    media: ModuleType, hosts: dict[str, TestServer], monkeypatch: pytest.MonkeyPatch
) -> None:
    from typing import Literal, get_type_hints

    assert get_type_hints(media._client.ServerVariables) == {"stage": Literal["v1", "v2"], "cdn": str}
    with pytest.raises(ValueError, match="no server of the API has a variable 'cnd': cdn, stage"):
        media.Media(server_variables={"cnd": "cdn2"})
    with pytest.raises(ValueError, match="stage='v3' is not one of"):
        media.Media(server_variables={"stage": "v3"})
    # a value for an operation's server only leaves the base URL where it was: here the variable's
    monkeypatch.setenv("MEDIA_BASE_URL", hosts["api"].url + "/v1")
    reply_everywhere(hosts)
    media.Media(server_variables={"cdn": "cdn9"}).media.get_thumbnail()
    monkeypatch.setenv("MEDIA_BASE_URL", hosts["elsewhere"].url)
    media.Media(server_variables={"cdn": "cdn9"}).media.get_thumbnail()
    assert landed(hosts) == {"uploads": ["/cdn9/thumbnails"], "elsewhere": ["/thumbnails"]}


def test_what_a_call_cannot_choose_is_a_warning_and_an_error_under_strict(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = write_spec(
        tmp_path,
        """
openapi: 3.0.3
info: {title: Media API, version: '1'}
servers: [{url: 'https://api.media.example'}]
paths:
  /uploads:
    post:
      operationId: upload
      servers:
        - url: https://{zone}.uploads.example/{tier}
          variables: {zone: {default: a, enum: [a, b]}}
        - url: https://backup.uploads.example
      responses: {'204': {description: ok}}
""",
    )
    assert main(["generate", str(spec), "--output", str(tmp_path / "out")]) == 0
    warned = capsys.readouterr().err
    assert "#/paths/~1uploads/post/servers/1" in warned and "only the first server" in warned
    assert "#/paths/~1uploads/post/servers/0/url" in warned and "{tier} has no variable of the server" in warned
    assert "zone" not in warned  # server_variables= chooses it
    assert main(["generate", str(spec), "--output", str(tmp_path / "strict"), "--strict"]) == 2
    assert not (tmp_path / "strict").exists()


ENVIRONMENT_SPEC = """
openapi: 3.0.3
info: {title: Media API, version: '1'}
servers:
  - url: https://api.media.example
    description: The main production deployment of the API
    x-clientgen-environment: live
  - url: https://staging.media.example
    description: Staging
    x-clientgen-environment: staging
paths: {}
"""


def test_environment_names_from_the_extension_and_from_the_configuration(tmp_path: Path) -> None:
    spec = write_spec(tmp_path, ENVIRONMENT_SPEC)
    warnings = Warnings()
    api = build_api(load_document(spec), warnings)
    assert api.environments == {"live": 0, "staging": 1} and not warnings.items
    configured = Construction(environments=(("live", "https://api.media.example"), ("eu", "https://eu.media.example")))
    api = build_api(load_document(spec), Warnings(), ClientOptions(construction=configured))
    assert api.environments == {"live": 0, "eu": 2}
    assert [server.url for server in api.servers][2] == "https://eu.media.example"


def test_descriptions_name_environments_only_when_each_is_a_short_distinct_name(tmp_path: Path) -> None:
    spec = write_spec(tmp_path, ENVIRONMENT_SPEC.replace("    x-clientgen-environment: live\n", "").replace(
        "    x-clientgen-environment: staging\n", ""))  # fmt: skip
    assert build_api(load_document(spec), Warnings()).environments == {}  # a sentence is no name
    short = spec.read_text().replace("The main production deployment of the API", "Production server")
    spec.write_text(short)
    assert build_api(load_document(spec), Warnings()).environments == {"production": 0, "staging": 1}


def test_openapi_3_2_server_names_are_environments(tmp_path: Path) -> None:
    spec = write_spec(
        tmp_path,
        ENVIRONMENT_SPEC.replace("openapi: 3.0.3", "openapi: 3.2.0")
        .replace("    x-clientgen-environment: live\n", "    name: Live EU\n")
        .replace("    x-clientgen-environment: staging\n", "    name: Staging\n"),
    )
    warnings = Warnings()
    assert build_api(load_document(spec), warnings).environments == {"live_eu": 0, "staging": 1}
    assert not warnings.items
    older = write_spec(tmp_path, spec.read_text().replace("openapi: 3.2.0", "openapi: 3.1.0"), "older.yaml")
    assert build_api(load_document(older), Warnings()).environments == {}  # no field of 3.1's
    spec.write_text(spec.read_text().replace("name: Staging", "name: live-eu"))
    api = build_api(load_document(spec), warnings)
    assert api.environments == {}
    assert [(w.location.pointer, w.message) for w in warnings.items] == [
        ("/servers/0/name", "'Live EU' names another server too, as 'live_eu': no environment takes it"),
        ("/servers/1/name", "'live-eu' names another server too, as 'live_eu': no environment takes it"),
    ]
