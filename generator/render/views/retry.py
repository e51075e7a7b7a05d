"""The retry policy of a client (`retry` in a target's configuration), as its runtime and its
docs write it."""

from __future__ import annotations

from dataclasses import dataclass

from ...format import LINE_LENGTH
from ...options import RETRY_METHODS, RetryPolicy
from ..code import Code


@dataclass
class RetryView:
    max_retries: Code
    statuses: Code
    """`frozenset({408, 429})`: the error statuses retried."""
    status_classes: Code
    """`frozenset({5})`: the hundreds whose every status is retried (5xx)."""
    methods: Code
    described: Code
    """What is retried, in words: `a 408, 429 or 5xx response`, and the methods unless every one."""


def retry_view(policy: RetryPolicy) -> RetryView:
    statuses = sorted(status for status in policy.statuses if isinstance(status, int))
    hundreds = sorted(int(status[0]) for status in policy.statuses if isinstance(status, str))
    methods = [method for method in RETRY_METHODS if method in policy.methods]
    named = [str(status) for status in statuses] + [f"{hundred}xx" for hundred in hundreds]
    responses = f"a {_alternatives(named)} response" if named else "no error status"
    if methods != list(RETRY_METHODS):
        responses = f"{responses}; of {_alternatives(methods, 'and')} requests only"
    return RetryView(
        max_retries=Code(str(policy.max_retries)),
        statuses=_frozenset("RETRY_STATUSES: frozenset[int] = ", [str(status) for status in statuses]),
        status_classes=_frozenset("RETRY_STATUS_CLASSES: frozenset[int] = ", [str(hundred) for hundred in hundreds]),
        methods=_frozenset("RETRY_METHODS: frozenset[str] = ", [f'"{method}"' for method in methods]),
        described=Code(responses),
    )


def _frozenset(assigned_to: str, items: list[str]) -> Code:
    """The set as black writes it after `assigned_to`: on that line, or its items on the next."""
    if not items:
        return Code("frozenset()")
    members = "{" + ", ".join(items) + "}"
    if len(assigned_to) + len(members) + len("frozenset()") <= LINE_LENGTH:
        return Code(f"frozenset({members})")
    return Code(f"frozenset(\n    {members}\n)")


def _alternatives(items: list[str], word: str = "or") -> str:
    """`408, 409 or 429`."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} {word} {items[-1]}"
