"""Figures as a person reads them on a dashboard: "~10,000", "€86M", "between 11,000 and 12,000"."""
from __future__ import annotations

from schemas import Claim
from schemas.enums import Qualifier

_SYMBOL = {"USD": "$", "EUR": "€", "GBP": "£", "KRW": "₩", "JPY": "¥", "INR": "₹"}
_PREFIX = {Qualifier.approximately: "~", Qualifier.at_least: "≥", Qualifier.more_than: ">",
           Qualifier.at_most: "≤", Qualifier.up_to: "≤", Qualifier.less_than: "<", Qualifier.additional: "+"}


def number(v: float, *, compact: bool = False) -> str:
    """10000 -> "10,000"; 3402777 -> "3.4M" when compact; 121.75 -> "121.75"."""
    a = abs(v)
    if compact and a >= 1e9:
        return f"{v / 1e9:.3g}bn"
    if compact and a >= 1e6:
        return f"{v / 1e6:.3g}M"
    if float(v).is_integer():
        return f"{v:,.0f}"
    return f"{v:,.2f}".rstrip("0").rstrip(".")


def amount(v: float, unit: str) -> str:
    """A number with its unit: "$125M", "58.2%", "121.75 days", "12,000 hectare", "10,000" (people)."""
    if unit in _SYMBOL:
        return f"{_SYMBOL[unit]}{number(v, compact=True)}"
    if len(unit) == 3 and unit.isupper():
        return f"{number(v, compact=True)} {unit}"
    if unit == "percent":
        return f"{number(v)}%"
    if unit in ("person", ""):
        return number(v, compact=abs(v) >= 1e6)
    if unit == "day":
        return f"{number(v)} day" + ("" if v == 1 else "s")
    return f"{number(v, compact=abs(v) >= 1e6)} {unit}"


def figure(claim: Claim) -> str:
    """The claim's figure in its own unit, with its qualifier as a sign."""
    unit = claim.unit
    if claim.qualifier is Qualifier.vague:
        lo, hi = claim.low, claim.high
        return f"{claim.quote} ({amount(lo, unit)}–{amount(hi, unit)})" if lo is not None and hi is not None else claim.quote
    if claim.qualifier is Qualifier.range or (claim.value is None and claim.low is not None and claim.high is not None):
        return f"{amount(claim.low, unit)}–{amount(claim.high, unit)}"
    v = claim.value
    if v is None:
        v = claim.low if claim.low is not None else claim.high
    if v is None:
        return claim.quote
    return _PREFIX.get(claim.qualifier, "") + amount(v, unit)


def bounds(low: float | None, high: float | None, unit: str) -> str:
    """An interval in a topic's unit: "3,000–3,500", ">13,000", "≤12,000"."""
    if low is not None and high is not None:
        return amount(low, unit) if low == high else f"{amount(low, unit)}–{amount(high, unit)}"
    if low is not None:
        return f"≥{amount(low, unit)}"
    if high is not None:
        return f"≤{amount(high, unit)}"
    return "any value"


def percent(gap: float) -> str:
    if gap < 0.01:
        return "<1%" if gap > 0 else "0%"
    return f"{gap * 100:.0f}%"
