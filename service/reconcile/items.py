"""Claims prepared for comparison: source, period, interval in the topic's unit, `additional` cumulated."""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date

from schemas import ArticleRead, ClaimRead
from schemas.enums import Kind, Qualifier
from service.reconcile import format as fmt
from service.reconcile.dates import period_of
from service.reconcile.intervals import (
    Interval,
    point_of,
    raw_interval,
    tolerance_of,
    unit_converter,
)
from service.reconcile.rates import RateTable
from service.reconcile.sources import is_own_voice, source_of

_INCL = re.compile(r"\bincl(?:\.|ud(?:ed|ing|es)|usive)?\b", re.IGNORECASE)
_EXCL = re.compile(r"\b(?:excl(?:\.|ud(?:ed|ing|es))?|only)\b", re.IGNORECASE)
_UNIT = re.compile(r"\b\d+(?:st|nd|rd|th)\s+(?:regiment|brigade|battalion|division|corps|army|company)\b", re.IGNORECASE)


def scope_marks(subject: str) -> frozenset[str]:
    """What the subject says about scope: "..., migrant workers included", "of the 528th Regiment", "only"."""
    marks = set()
    if _INCL.search(subject):
        marks.add("includes more")
    if _EXCL.search(subject):
        marks.add("excludes some")
    m = _UNIT.search(subject)
    if m:
        marks.add(m.group(0).lower())
    return frozenset(marks)


@dataclass(frozen=True)
class Item:
    """One claim as the reconciler compares it (intervals in the topic's unit)."""

    claim: ClaimRead
    source: str
    own_voice: bool
    raw: Interval                  # as stated, converted, cumulated: feeds range, timeline, gap
    tol: Interval                  # with rounding tolerance: feeds agreement
    period: tuple[date, date] | None
    published: date | None
    comparable: bool               # unit relates to the topic's unit
    vague: bool
    delta: bool                    # an `additional` claim
    base: Item | None = None     # the total an `additional` claim was added to
    conversion: str | None = None  # which rate or unit conversion was used
    scope: frozenset[str] = frozenset()
    unit: str = ""                 # the topic's unit
    value: float | None = None     # the stated point value in the topic's unit

    @property
    def id(self) -> str:
        return self.claim.id

    @property
    def standalone_delta(self) -> bool:
        """A delta with no earlier total of its own source: never compared, never in the range."""
        return self.delta and self.base is None

    @property
    def counts(self) -> bool:
        """Takes part in comparisons, range and consensus."""
        return self.comparable and not self.standalone_delta

    @property
    def order(self) -> tuple:
        """Sort key by as_of; an undated figure was reported earlier, so it sorts before dated ones."""
        p = self.period
        return (p is not None, p[0] if p else (self.published or date.min), self.published or date.min,
                self.claim.article_id, self.claim.span[0])

    @property
    def point(self) -> float | None:
        """One number: the stated value (converted), else the middle or the finite bound of the interval."""
        if self.delta:
            return point_of(*self.raw)
        return point_of(*self.raw, self.value)

    def figure(self) -> str:
        """The figure for an explanation: as written, converted when the unit differs, cumulated for a delta."""
        text = fmt.figure(self.claim)
        if self.delta and self.base is not None:
            text = f"{fmt.figure(self.base.claim)} plus {text} = {fmt.bounds(*self.raw, unit=self.unit)}"
        elif self.conversion and self.comparable:
            text = f"{text} ≈ {fmt.bounds(*self.raw, unit=self.unit)} at {self.conversion}"
        return text

    def when(self) -> str:
        return self.claim.as_of or "undated"


def topic_unit(claims: Sequence[ClaimRead]) -> str:
    """The unit most claims use (first seen on a tie)."""
    counts = Counter(c.unit for c in claims)
    return max(counts, key=lambda u: (counts[u], -[c.unit for c in claims].index(u))) if counts else ""


def prepare(claims: Sequence[ClaimRead], *, unit: str | None = None, articles: Mapping[str, ArticleRead] | None = None,
            rates: RateTable | None = None, aliases=None) -> list[Item]:
    """Items of one topic, in as_of order, with `additional` claims cumulated on their source's latest earlier total."""
    unit = unit or topic_unit(claims)
    articles = articles or {}
    items = []
    for c in claims:
        article = articles.get(c.article_id)
        published = period_of(article.published)[0] if article is not None and period_of(article.published) else None
        period = period_of(c.as_of)
        conv = unit_converter(c, unit, rates=rates, on=period[0] if period else published)
        lo, hi = raw_interval(c)
        tol = tolerance_of(c)
        if conv is None:
            raw = tolerated = (lo, hi)
            note, value = None, c.value
        else:
            f, note = conv
            value = None if c.value is None else f(c.value)
            raw = (None if lo is None else f(lo), None if hi is None else f(hi))
            tolerated = (None if lo is None else f(lo - tol), None if hi is None else f(hi + tol))
        item = Item(claim=c, source=source_of(c, articles, aliases=aliases), own_voice=is_own_voice(c), raw=raw, tol=tolerated,
                    period=period, published=published, comparable=conv is not None,
                    vague=c.qualifier is Qualifier.vague, delta=c.qualifier is Qualifier.additional,
                    conversion=note if c.kind is Kind.money else None, scope=scope_marks(c.subject or ""), unit=unit, value=value)
        items.append(item)
    items = [_cumulate(d, items) if d.delta else d for d in items]
    return sorted(items, key=lambda i: i.order)


def _eligible(total: Item, delta: Item) -> bool:
    """`total` was reported before `delta`: earlier in the same text, or of an earlier (or unknown) period."""
    if total.claim.article_id == delta.claim.article_id:
        if total.claim.span[0] >= delta.claim.span[0]:
            return False
        return not (total.period and delta.period and total.period[0] > delta.period[0])
    if total.period and delta.period:
        return total.period[0] < delta.period[0]
    return True


def _cumulate(delta: Item, items: list[Item]) -> Item:
    """Add a delta to the latest earlier total of the same source ("over 10,000" + "another 3,000" = "over 13,000")."""
    candidates = [t for t in items if t.source == delta.source and not t.delta and not t.vague and t.comparable
                  and delta.comparable and _eligible(t, delta)]
    if not candidates:
        return delta
    base = max(candidates, key=lambda t: (t.period is not None, t.period[0] if t.period else date.min,
                                          t.claim.article_id == delta.claim.article_id, t.claim.span[0]))

    def add(a: float | None, b: float | None) -> float | None:
        return None if a is None or b is None else a + b

    return replace(delta, base=base, raw=(add(base.raw[0], delta.raw[0]), add(base.raw[1], delta.raw[1])),
                   tol=(add(base.tol[0], delta.tol[0]), add(base.tol[1], delta.tol[1])))
