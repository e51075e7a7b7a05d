"""The resources of the Real World: one per tag, reached as attributes of the client."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .users import AsyncUsersResource as AsyncUsersResource, UsersResource as UsersResource
    from .tasks import AsyncTasksResource as AsyncTasksResource, TasksResource as TasksResource
    from .activities import (
        AsyncActivitiesResource as AsyncActivitiesResource,
        ActivitiesResource as ActivitiesResource,
    )
    from .calls import AsyncCallsResource as AsyncCallsResource, CallsResource as CallsResource
    from .payments import (
        AsyncPaymentsResource as AsyncPaymentsResource,
        PaymentsResource as PaymentsResource,
    )

_MODULES: dict[str, str] = {
    "UsersResource": "users",
    "AsyncUsersResource": "users",
    "TasksResource": "tasks",
    "AsyncTasksResource": "tasks",
    "ActivitiesResource": "activities",
    "AsyncActivitiesResource": "activities",
    "CallsResource": "calls",
    "AsyncCallsResource": "calls",
    "PaymentsResource": "payments",
    "AsyncPaymentsResource": "payments",
}

__all__ = sorted(_MODULES)


def __getattr__(name: str) -> object:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
