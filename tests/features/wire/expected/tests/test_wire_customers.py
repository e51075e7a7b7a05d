"""Contract tests of `client.customers`: each operation called with arguments the spec
accepts, and each documented error status, asked of the server, raised as its exception."""

from __future__ import annotations

from wire import Wire


def test_create_customer(client: Wire) -> None:
    # the client parses the response into the declared type, or raises
    client.customers.create_customer(name="sample")


def test_update_customer(client: Wire) -> None:
    # the client parses the response into the declared type, or raises
    client.customers.update_customer(customer="sample")
