from __future__ import annotations

import datetime
from typing import TypedDict

from .._models import BaseModel

__all__ = ["GetReportFilter", "GetReportFilterParam", "GetReportXSort", "GetReportXSortParam"]


class GetReportFilter(BaseModel):
    since: datetime.date | None = None
    tags: list[str] | None = None


class GetReportFilterParam(TypedDict, total=False):
    """The fields of `GetReportFilter`, as a dict keyed by their names on the wire."""

    since: datetime.date
    tags: list[str]


class GetReportXSort(BaseModel):
    field: str | None = None
    desc: bool | None = None


class GetReportXSortParam(TypedDict, total=False):
    """The fields of `GetReportXSort`, as a dict keyed by their names on the wire."""

    field: str
    desc: bool
