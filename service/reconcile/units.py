"""Canonical units: one pint registry for durations and measures, built once."""
from __future__ import annotations

from collections.abc import Callable
from functools import cache

import pint


@cache
def registry() -> pint.UnitRegistry:
    """The reconciler's pint registry (calendar month = 30.4375 days, as the claims use)."""
    ureg = pint.UnitRegistry(on_redefinition="ignore")
    ureg.define("acre = 4046.8564224 * meter ** 2")  # the international acre of news copy, not the US survey acre
    return ureg


@cache
def converter(source: str, target: str) -> Callable[[float], float] | None:
    """A function turning values in `source` into `target`, or None when pint cannot relate them."""
    if source == target:
        return lambda x: x
    ureg = registry()
    try:
        ureg.Quantity(1.0, source).to(target)
    except Exception:  # pint's parser raises many kinds of errors on counted nouns ("polling station")
        return None
    return lambda x: float(ureg.Quantity(x, source).to(target).magnitude)
