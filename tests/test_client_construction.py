"""Client construction as users of hand-written SDKs expect (the configuration's `client` table,
tests/features/construction): the key given positionally, a base URL with no path that gets the
server's, the base URL's environment variable by its configured name, another name of
`base_url=`, optional credentials, the types the package exports itself; and the configuration's
checks of it."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

from generator.cli import main

from .golden import FEATURES
from .http_server import TestServer

Importer = Callable[[Path, str], ModuleType]
BALANCE = {"amount": 12}


@pytest.fixture
def ledger(import_client: Importer, monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    for name in ("LEDGER_API_KEY", "LEDGER_URL", "LEDGER_BASE_URL"):
        monkeypatch.delenv(name, raising=False)
    return import_client(FEATURES / "construction" / "expected", "ledger")


def test_the_key_given_positionally_is_sent(ledger: ModuleType, server: TestServer) -> None:
    server.reply(200, BALANCE)
    server.reply(200, BALANCE)
    assert ledger.Ledger("k-positional", base_url=server.url + "/v1").accounts.get_balance().amount == 12
    ledger.Ledger(api_key="k-keyword", base_url=server.url + "/v1").accounts.get_balance()
    assert [r.headers["authorization"] for r in server.requests] == ["Bearer k-positional", "Bearer k-keyword"]


@pytest.mark.parametrize("suffix", ["", "/"])
def test_a_base_url_with_no_path_gets_the_servers_path(ledger: ModuleType, server: TestServer, suffix: str) -> None:
    server.reply(200, BALANCE)
    ledger.Ledger("k", base_url=server.url + suffix).accounts.get_balance()
    assert server.requests[0].path == "/v1/balance"


def test_a_base_url_with_a_path_is_kept_as_given(ledger: ModuleType, server: TestServer) -> None:
    server.reply(200, BALANCE)
    ledger.Ledger("k", base_url=server.url + "/ledger").accounts.get_balance()
    assert server.requests[0].path == "/ledger/balance"


def test_the_configured_environment_variable_gives_the_base_url(
    ledger: ModuleType, server: TestServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LEDGER_BASE_URL", "http://127.0.0.1:9/not-this-one")
    monkeypatch.setenv("LEDGER_URL", server.url)
    server.reply(200, BALANCE)
    ledger.Ledger("k").accounts.get_balance()
    assert server.requests[0].path == "/v1/balance"


def test_another_name_of_base_url(ledger: ModuleType, server: TestServer) -> None:
    server.reply(200, BALANCE)
    ledger.Ledger("k", host=server.url).accounts.get_balance()
    assert server.requests[0].path == "/v1/balance"
    with pytest.raises(TypeError, match="base_url and host name the same argument"):
        ledger.Ledger("k", base_url=server.url, host=server.url)


def test_without_credentials_the_request_goes_with_none(ledger: ModuleType, server: TestServer) -> None:
    """A self-hosted server may need no key: no MissingCredentialsError, no Authorization header."""
    server.reply(200, BALANCE)
    server.reply(200, BALANCE)
    assert ledger.Ledger(base_url=server.url).accounts.get_balance().amount == 12

    async def call() -> int:
        async with ledger.AsyncLedger(host=server.url) as client:
            return int((await client.accounts.get_balance()).amount)

    assert asyncio.run(call()) == 12
    assert [r.path for r in server.requests] == ["/v1/balance"] * 2
    assert all("authorization" not in r.headers for r in server.requests)


def test_an_exported_type_is_the_types_modules_and_the_answers(ledger: ModuleType, server: TestServer) -> None:
    server.reply(200, BALANCE)
    assert "Balance" in ledger.__all__ and ledger.Balance is ledger.types.Balance
    assert isinstance(ledger.Ledger("k", base_url=server.url).accounts.get_balance(), ledger.Balance)


@pytest.mark.parametrize(("stale", "exit_code"), [("warn", 0), ("error", 2)])
def test_an_export_the_spec_has_no_type_for_is_said(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], stale: str, exit_code: int
) -> None:
    (tmp_path / "spec.yaml").write_bytes((FEATURES / "construction" / "spec.yaml").read_bytes())
    (tmp_path / "pyproject.toml").write_text(
        CONFIG.removesuffix("[tool.generator.targets.client]\n")
        + f'stale-overlays = "{stale}"\nexports = ["Balance", "Ledgr"]\n'
    )
    monkeypatch.chdir(tmp_path)
    assert main(["generate", "--no-tests"]) == exit_code
    error = capsys.readouterr().err
    assert "exports: the client has no type named 'Ledgr', so none is exported" in error
    assert (tmp_path / "out" / "ledger" / "__init__.py").exists() == (exit_code == 0)
    if exit_code == 0:
        exported = (tmp_path / "out" / "ledger" / "__init__.py").read_text()
        assert "from .types import Balance\n" in exported and "Ledgr" not in exported


def test_exports_must_be_class_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "spec.yaml").write_bytes((FEATURES / "construction" / "spec.yaml").read_bytes())
    (tmp_path / "pyproject.toml").write_text(
        CONFIG.removesuffix("[tool.generator.targets.client]\n") + 'exports = ["balance"]\n'
    )
    monkeypatch.chdir(tmp_path)
    assert main(["generate"]) == 2
    assert "exports must be a list of class names, such as ScrapeOptions, not ['balance']" in capsys.readouterr().err


CONFIG = """[[tool.generator.targets]]
name = "x"
spec = "spec.yaml"
output = "out"
[tool.generator.targets.client]
"""


def test_a_positional_credential_without_credentials_names_the_spec(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A spec without security schemes has no credential to take by position: the error is the
    house's one line, the spec's file and where its schemes would be."""
    (tmp_path / "spec.yaml").write_bytes((FEATURES / "pagination" / "spec.yaml").read_bytes())
    (tmp_path / "pyproject.toml").write_text(CONFIG + "positional-credential = true\n")
    monkeypatch.chdir(tmp_path)
    assert main(["generate"]) == 2
    assert capsys.readouterr().err == (
        f"error: {tmp_path / 'spec.yaml'}#/components/securitySchemes: the configuration's"
        " client.positional-credential needs a client with one credential argument; the security schemes"
        " give it none\n"
    )
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("table", "message"),
    [
        (
            "positional-credential = true\n",
            "spec.yaml:13#/components/securitySchemes: the configuration's client.positional-credential needs a"
            " client with one credential argument; the security schemes give it 6 (header_key,",
        ),
        ("base-url-aliases = ['timeout']\n", "'timeout' is already an argument of the client"),
        ("base-url-aliases = ['1x']\n", "client.base-url-aliases must be a list of Python identifiers"),
        ("base-url-env = 'a b'\n", "client.base-url-env: 'a b' is not a valid environment variable name"),
        ("token-auth = 'jwt'\n", "client.token-auth must be 'client_secret_post' or 'client_secret_basic'"),
        ("base-url = 'x'\n", "client: unknown key 'base-url'"),
        (
            "environments = {live = 'api.example'}\n",
            "client.environments.live: a name must be an identifier and its URL",
        ),
    ],
)
def test_the_client_table_is_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], table: str, message: str
) -> None:
    (tmp_path / "spec.yaml").write_bytes((FEATURES / "auth" / "spec.yaml").read_bytes())
    (tmp_path / "pyproject.toml").write_text(CONFIG + table)
    monkeypatch.chdir(tmp_path)
    assert main(["generate"]) == 2
    error = capsys.readouterr().err
    assert error.startswith("error: ") and error.count("\n") == 1
    assert message in error
    assert not (tmp_path / "out").exists()
