"""Money across currencies, only through a dated rate table (rates.yaml) that says which rate it used."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path

import yaml

from service.reconcile.dates import period_of


@dataclass(frozen=True)
class Rate:
    currency: str
    per_usd: float
    month: str
    source: str = ""

    def describe(self) -> str:
        return f"{self.per_usd:,.6g} {self.currency}/USD ({self.month})"


@dataclass(frozen=True)
class RateTable:
    rates: tuple[Rate, ...]

    def rate(self, currency: str, on: date | None) -> Rate | None:
        """The row for `currency` nearest to `on` (any row when the date is unknown)."""
        rows = [r for r in self.rates if r.currency == currency]
        if not rows:
            return None
        if on is None:
            return max(rows, key=lambda r: r.month)
        return min(rows, key=lambda r: abs((period_of(r.month)[0] - on).days))

    def converter(self, source: str, target: str, on: date | None):
        """(function, note) turning `source` money into `target`, or None when the table lacks a rate."""
        if source == target:
            return (lambda x: x), None
        rs = None if source == "USD" else self.rate(source, on)
        rt = None if target == "USD" else self.rate(target, on)
        if (source != "USD" and rs is None) or (target != "USD" and rt is None):
            return None
        f_s = 1.0 / rs.per_usd if rs else 1.0
        f_t = rt.per_usd if rt else 1.0
        note = " and ".join(r.describe() for r in (rs, rt) if r)
        return (lambda x: x * f_s * f_t), note


def _rows(doc: dict) -> list[Rate]:
    return [Rate(str(r["currency"]).upper(), float(r["per_usd"]), str(r["month"]), str(r.get("source", "")))
            for r in (doc.get("rates") or [])]


@cache
def load_rates(extra: str | Path | None = None) -> RateTable:
    """The shipped rate table plus the rows of `extra` (same shape); a row of `extra` replaces one of the same month."""
    base = _rows(yaml.safe_load(resources.files(__package__).joinpath("rates.yaml").read_text(encoding="utf-8")) or {})
    more = _rows(yaml.safe_load(Path(extra).read_text(encoding="utf-8")) or {}) if extra else []
    keep = {(r.currency, r.month): r for r in base + more}
    return RateTable(tuple(keep.values()))
