"""Contract tests of `client.secrets`: each operation called with arguments the spec
accepts, and each documented error status, asked of the server, raised as its exception."""

from __future__ import annotations

from vault import Vault


def test_with_default_security(client: Vault) -> None:
    # the client parses the response into the declared type, or raises
    client.secrets.with_default_security()


def test_with_query_key(client: Vault) -> None:
    # the client parses the response into the declared type, or raises
    client.secrets.with_query_key()


def test_with_cookie_key(client: Vault) -> None:
    # the client parses the response into the declared type, or raises
    client.secrets.with_cookie_key()


def test_with_token_or_basic(client: Vault) -> None:
    # the client parses the response into the declared type, or raises
    client.secrets.with_token_or_basic()


def test_with_header_and_query_keys(client: Vault) -> None:
    # the client parses the response into the declared type, or raises
    client.secrets.with_header_and_query_keys()


def test_with_optional_token(client: Vault) -> None:
    # the client parses the response into the declared type, or raises
    client.secrets.with_optional_token()


def test_without_security(client: Vault) -> None:
    # the client parses the response into the declared type, or raises
    client.secrets.without_security()
