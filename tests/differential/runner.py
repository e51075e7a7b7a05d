"""Runs every call site of scenario.py under the `firecrawl` this Python imports (firecrawl-py in its
own environment, or the generated client on PYTHONPATH) and writes each one's outcome as JSON.

    python runner.py <firecrawl-py|generated> <the fake server's host URL> <output file>

Only the standard library and pydantic here: firecrawl-py's environment has nothing else. Before
each call site the fake server is told its name (its requests are recorded under it, its jobs
start afresh). A result is normalised to JSON (a pydantic model as its fields by their Python
names, None left out); an exception to its class name, kind and the names it can be caught by.
"""

from __future__ import annotations

import asyncio
import inspect
import json
import signal
import sys
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import BaseModel

CALL_SITE_DEADLINE = 10.0
"""Seconds after which a call site is stopped and recorded as hanging (on the fake server, every
call site that ends does so in a few seconds)."""
CLIENT_OPTIONS: dict[str, dict[str, Any]] = {
    "firecrawl": {"api_key": "fc-test"},
    "wrong_key_firecrawl": {"api_key": "fc-wrong"},
    "impatient_firecrawl": {"api_key": "fc-test", "timeout": 0.5},
}
"""The clients a call site's parameter name asks for."""


class Hang(Exception):
    """A call site that had not ended by CALL_SITE_DEADLINE."""


def call_sites(module: Any) -> list[Callable[..., Any]]:
    """The module's public functions, in the order of its source."""
    functions = [
        value
        for name, value in vars(module).items()
        if inspect.isfunction(value) and value.__module__ == module.__name__ and not name.startswith("_")
    ]
    return sorted(functions, key=lambda function: function.__code__.co_firstlineno)


def make_client(flavour: str, parameter: inspect.Parameter, host_url: str) -> Any:
    """The one place the two clients are built differently: firecrawl-py takes the host as
    `api_url`, the generated client its API's URL as `base_url` (construction itself is compared
    by the call sites that build their own client)."""
    import firecrawl

    asynchronous = "AsyncFirecrawl" in str(parameter.annotation)
    cls = firecrawl.AsyncFirecrawl if asynchronous else firecrawl.Firecrawl
    options = dict(CLIENT_OPTIONS[parameter.name])
    if flavour == "firecrawl-py":
        return cls(api_url=host_url, **options)
    return cls(base_url=f"{host_url}/v2", **options)


def normalise(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return normalise(value.model_dump(mode="json", exclude_none=True))
    if isinstance(value, dict):
        return {str(key): normalise(item) for key, item in value.items() if item is not None}
    if isinstance(value, (list, tuple)):
        return [normalise(item) for item in value]
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    return f"<{type(value).__name__}>"


def exception_kind(error: BaseException) -> str:
    status = getattr(error, "status_code", None)
    if isinstance(status, int):
        return f"status {status}"
    names = [cls.__name__ for cls in type(error).__mro__]
    if isinstance(error, TimeoutError) or any("Timeout" in name for name in names):
        return "timeout"
    if isinstance(error, (TypeError, AttributeError, ImportError)):
        return "usage"
    return "error"


def catchable_as(error: BaseException) -> list[str]:
    """The names `except` can catch the error by: its classes', and the names `firecrawl`
    exports for them (aliases included)."""
    import firecrawl

    exported = {name for name, value in vars(firecrawl).items() if isinstance(value, type) and isinstance(error, value)}
    return sorted(exported | {cls.__name__ for cls in type(error).__mro__})


def run(site: Callable[..., Any], flavour: str, host_url: str) -> dict[str, Any]:
    clients = [make_client(flavour, parameter, host_url) for parameter in inspect.signature(site).parameters.values()]
    outcome = site(*clients)
    if inspect.iscoroutine(outcome):
        outcome = asyncio.run(outcome)
    return {"result": normalise(outcome)}


def begin(host_url: str, step: str) -> None:
    request = urllib.request.Request(
        f"{host_url}/_scenario/begin", data=json.dumps({"step": step}).encode(), method="POST",
        headers={"Content-Type": "application/json"},
    )  # fmt: skip
    urllib.request.urlopen(request, timeout=10).read()


def on_alarm(signum: int, frame: Any) -> None:
    raise Hang(f"still running after {CALL_SITE_DEADLINE} s")


def main(flavour: str, host_url: str, output: Path) -> None:
    import scenario

    signal.signal(signal.SIGALRM, on_alarm)
    outcomes = []
    for site in call_sites(scenario):
        begin(host_url, f"{flavour}:{site.__name__}")
        started = time.monotonic()
        signal.setitimer(signal.ITIMER_REAL, CALL_SITE_DEADLINE)
        try:
            outcome = run(site, flavour, host_url)
        except Exception as error:
            outcome = {
                "raises": type(error).__name__,
                "kind": exception_kind(error),
                "catchable_as": catchable_as(error),
                "message": str(error)[:300],
            }
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        outcome.update(site=site.__name__, seconds=round(time.monotonic() - started, 2))
        outcomes.append(outcome)
    output.write_text(json.dumps(outcomes, indent=1))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], Path(sys.argv[3]))
