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
        statuses=_frozenset([str(status) for status in statuses]),
        status_classes=_frozenset([str(hundred) for hundred in hundreds]),
        methods=_after(METHODS_DECLARATION, _frozenset([f'"{method}"' for method in methods])),
        described=Code(responses),
    )


METHODS_DECLARATION = "RETRY_METHODS: frozenset[str] = "
"""What the runtime writes before `methods`, on one line at the module's top."""


def _after(declaration: str, value: Code) -> Code:
    """`value` as black lays it out after `declaration`: split inside its call's parentheses
    where the line would be too long (as it is with every method retried)."""
    if len(declaration) + len(value) <= LINE_LENGTH or not value.endswith(")"):
        return value
    function, _, inner = value[:-1].partition("(")
    return Code(f"{function}(\n    {inner}\n)")


def _frozenset(items: list[str]) -> Code:
    return Code(f"frozenset({{{', '.join(items)}}})" if items else "frozenset()")


def _alternatives(items: list[str], word: str = "or") -> str:
    """`408, 409 or 429`."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} {word} {items[-1]}"
