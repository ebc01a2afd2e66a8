"""Partial dates (`2024-10-23`, `2024-10`, `2024`, `2024-autumn`) as day intervals, for period comparisons."""
from __future__ import annotations

import calendar
from datetime import date
from functools import lru_cache

_SEASONS = {"spring": ((3, 1), (5, 31)), "summer": ((6, 1), (8, 31)), "autumn": ((9, 1), (11, 30))}


@lru_cache(maxsize=4096)
def period_of(value: str | None) -> tuple[date, date] | None:
    """First and last day a partial date covers; winter of Y is December Y-1 to February Y; None if unknown."""
    if not value:
        return None
    try:
        parts = value.split("-")
        year = int(parts[0])
        if len(parts) == 1:
            return date(year, 1, 1), date(year, 12, 31)
        if parts[1] == "winter":
            return date(year - 1, 12, 1), date(year, 2, calendar.monthrange(year, 2)[1])
        if parts[1] in _SEASONS:
            (m0, d0), (m1, d1) = _SEASONS[parts[1]]
            return date(year, m0, d0), date(year, m1, d1)
        month = int(parts[1])
        if len(parts) == 2:
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        day = date(year, month, int(parts[2]))
        return day, day
    except (ValueError, IndexError):
        return None


def overlap(a: tuple[date, date] | None, b: tuple[date, date] | None) -> bool:
    """Same period: the intervals meet, or either is unknown."""
    if a is None or b is None:
        return True
    return a[0] <= b[1] and b[0] <= a[1]


def days_between(earlier: tuple[date, date], later: tuple[date, date]) -> int:
    """Days from the end of `earlier` to the start of `later` (negative when they overlap)."""
    return (later[0] - earlier[1]).days
