"""A claim as a comparable interval: rounding tolerance, then one canonical unit (reconciliation.md §2)."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

from schemas import Claim
from schemas.enums import Kind, Qualifier
from service.reconcile.dates import period_of
from service.reconcile.rates import RateTable, load_rates
from service.reconcile.units import converter

Interval = tuple[float | None, float | None]


def rounding(value: float) -> float:
    """Half the place value of the last non-zero digit, capped at 5%: 10,000 -> 500, 10,300 -> 50, 290 -> 5.

    Only a round figure (last non-zero digit in the tens or above) carries rounding: "17", "9" and
    "58.2" are as precise as written.
    """
    if not value:
        return 0.0
    exponent = Decimal(repr(abs(float(value)))).normalize().as_tuple().exponent
    if exponent < 1:
        return 0.0
    return min(0.5 * 10.0 ** exponent, 0.05 * abs(value))


def raw_interval(claim: Claim) -> Interval:
    """The interval the text commits to, in the claim's unit (a point for a bare value)."""
    low, high = claim.low, claim.high
    if low is None and high is None and claim.value is not None and claim.qualifier in (Qualifier.exact, Qualifier.additional):
        low = high = claim.value
    return low, high


def tolerance_of(claim: Claim) -> float:
    """Rounding carried by an exact figure, computed on the figure as written ("four-month": 4 month)."""
    if claim.qualifier is not Qualifier.exact or claim.value is None:
        return 0.0
    stated = claim.stated
    if stated and stated.value and stated.unit and stated.unit != claim.unit:
        return rounding(stated.value) * abs(claim.value / stated.value)
    return rounding(claim.value)


def unit_converter(claim: Claim, unit: str | None, *, rates: RateTable | None = None,
                   on: date | None = None) -> tuple[Callable[[float], float], str | None] | None:
    """(function, note) from the claim's unit into `unit`; money goes through the rate table, others through pint."""
    if unit is None or claim.unit == unit:
        return (lambda x: x), None
    if claim.kind is Kind.money:
        return (rates or load_rates()).converter(claim.unit, unit, on)
    f = converter(claim.unit, unit)
    return (f, f"{claim.unit} -> {unit}") if f else None


def interval_of(claim: Claim, *, unit: str | None = None, rates: RateTable | None = None,
                tolerance: bool = True) -> Interval:
    """The comparable interval of one claim: rounding tolerance of an exact figure, then `unit` (default: its own).

    An `additional` claim is returned as its delta; cumulating it needs the other claims (see view.py).
    Raises ValueError when the units cannot be related (money without a rate, persons vs hectares).
    """
    conv = unit_converter(claim, unit, rates=rates, on=_date_of(claim))
    if conv is None:
        raise ValueError(f"cannot compare {claim.unit} with {unit}")
    f = conv[0]
    low, high = raw_interval(claim)
    tol = tolerance_of(claim) if tolerance else 0.0
    low = None if low is None else f(low - tol)
    high = None if high is None else f(high + tol)
    if low is not None and high is not None and low > high:
        low, high = high, low
    return low, high


def point_of(low: float | None, high: float | None, value: float | None = None) -> float | None:
    """One number for a claim: its value, else the middle of a closed interval, else its finite bound."""
    if value is not None:
        return value
    if low is not None and high is not None:
        return (low + high) / 2
    return low if low is not None else high


def disjoint(a: Interval, b: Interval) -> bool:
    """True when the intervals do not meet (open ends reach to infinity)."""
    (al, ah), (bl, bh) = a, b
    if ah is not None and bl is not None and ah < bl:
        return True
    if bh is not None and al is not None and bh < al:
        return True
    return False


def order_of_magnitude_apart(a: Interval, b: Interval) -> bool:
    """A vague claim conflicts only when the other is ten times larger or smaller."""
    (al, ah), (bl, bh) = a, b
    if ah is not None and bl is not None and ah > 0 and bl >= 10 * ah:
        return True
    if bh is not None and al is not None and bh > 0 and al >= 10 * bh:
        return True
    return False


def _date_of(claim: Claim) -> date | None:
    p = period_of(claim.as_of)
    return p[0] if p else None
