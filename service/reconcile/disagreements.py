"""Two claims whose intervals do not meet, classified and explained (reconciliation.md §2)."""
from __future__ import annotations

import bisect
import hashlib
from collections.abc import Sequence

from schemas import Disagreement
from schemas.enums import DisagreementType as T
from service.reconcile import format as fmt
from service.reconcile.dates import days_between, overlap
from service.reconcile.intervals import disjoint, order_of_magnitude_apart
from service.reconcile.items import Item

SEVERITY = {T.contradiction: 0, T.internal: 1, T.scope: 2, T.revision: 3, T.change_over_time: 4}
MIN_TREND_DAYS = 3  # without a trend in the topic, a rise between sources this far apart is read as change over time


def disagree(x: Item, y: Item) -> bool:
    """Intervals (with rounding tolerance) do not meet; a vague claim needs an order of magnitude."""
    if x.vague or y.vague:
        return order_of_magnitude_apart(x.tol, y.tol)
    return disjoint(x.tol, y.tol)


def lower_higher(x: Item, y: Item) -> tuple[Item, Item]:
    """(lower, higher) of two disjoint items."""
    xh, yl = x.tol[1], y.tol[0]
    if xh is not None and yl is not None and xh < yl:
        return x, y
    return y, x


def gap(lower: Item, higher: Item) -> float:
    """(low_b - high_a) / high_a on the intervals as stated (no rounding tolerance), never below 0."""
    for a, b in ((lower.raw[1], higher.raw[0]), (lower.tol[1], higher.tol[0])):
        if a is not None and b is not None and a != 0:
            return round(max(0.0, (b - a) / abs(a)), 4)
    return 0.0


def trend(items: Sequence[Item]) -> int:
    """+1 rising, -1 falling, 0 none: Kendall's tau of dated point estimates (at least 3 dates, |tau| >= 0.6)."""
    pts = [(i.period[0], i.point) for i in items if i.counts and not i.vague and i.period and i.point is not None]
    if len({d for d, _ in pts}) < 3:
        return 0
    if len(pts) > 200:  # tau of an even sample in time order: same sign, bounded cost on big topics
        pts = sorted(pts)
        pts = [pts[k * len(pts) // 200] for k in range(200)]
    c = d = 0
    for n, (d1, v1) in enumerate(pts):
        for d2, v2 in pts[n + 1:]:
            if d1 == d2 or v1 == v2:
                continue
            if (d2 > d1) == (v2 > v1):
                c += 1
            else:
                d += 1
    if c + d == 0:
        return 0
    tau = (c - d) / (c + d)
    return 1 if tau >= 0.6 else -1 if tau <= -0.6 else 0


def classify(x: Item, y: Item, *, topic_trend: int = 0, series: Sequence[Item] = ()) -> tuple[T, Item, Item]:
    """Type of a disagreement and its (a, b) order: earlier first for revisions and trends, lower first otherwise."""
    lower, higher = lower_higher(x, y)
    same_article = x.claim.article_id == y.claim.article_id
    if same_article and (x.own_voice or y.own_voice):
        return T.internal, lower, higher
    if x.scope != y.scope:
        return T.scope, lower, higher
    earlier, later = sorted((x, y), key=lambda i: i.order)
    if x.source == y.source:
        return T.revision, earlier, later
    if x.period and y.period and not overlap(x.period, y.period):
        direction = 1 if later is higher else -1
        days = days_between(earlier.period, later.period)
        if (topic_trend and direction == topic_trend) or (not topic_trend and direction > 0 and days >= MIN_TREND_DAYS):
            return T.change_over_time, earlier, later
    elif topic_trend and (x.period is None) != (y.period is None):
        undated = x if x.period is None else y
        if any(m.period and m.counts and not m.vague and not disagree(undated, m) for m in series):
            # an undated figure that fits the trend somewhere is a point of it, placed by its value
            return (T.change_over_time, lower, higher) if topic_trend > 0 else (T.change_over_time, higher, lower)
    return T.contradiction, lower, higher


def disagreement_id(a: str, b: str) -> str:
    return "d-" + hashlib.sha1(f"{a}|{b}".encode()).hexdigest()[:16]


def explain(kind: T, a: Item, b: Item, g: float, *, topic_trend: int = 0) -> str:
    """One line a person can read: who said what, when, and how far apart."""
    fa = f"{a.figure()}, {a.when()}"
    fb = f"{b.figure()}, {b.when()}"
    apart = f"{fmt.percent(g)} apart"
    if kind is T.revision:
        return f"{a.source} revised its figure: {fa} → {fb}: {apart}"
    if kind is T.change_over_time:
        word = {1: "a rising", -1: "a falling"}.get(topic_trend, "a")
        return f"{a.source} ({fa}) → {b.source} ({fb}): {apart}, consistent with {word} trend"
    if kind is T.internal:
        return f"Within article {a.claim.article_id}: {a.source} ({fa}) vs {b.source} ({fb}): {apart}"
    if kind is T.scope:
        return (f"{a.source} ({fa}; {a.claim.subject or a.claim.topic}) vs {b.source} ({fb}; "
                f"{b.claim.subject or b.claim.topic}): different scope, {apart}")
    return f"{a.source} ({fa}) vs {b.source} ({fb}): {apart}"


def judge_pair(x: Item, y: Item, *, topic_trend: int = 0, topic: str | None = None,
               series: Sequence[Item] = (), periods: _Periods | None = None) -> Disagreement | None:
    """The disagreement between two prepared claims of one topic, or None when they agree or cannot be compared."""
    if not (x.counts and y.counts) or x.id == y.id:
        return None
    for d, o in ((x, y), (y, x)):
        if d.base is not None and o.source == d.source and (o.id == d.base.id or o.raw == d.base.raw):
            return None  # a delta is never compared with the total it was added to (or a repeat of it)
    if not disagree(x, y):
        return None
    kind, a, b = classify(x, y, topic_trend=topic_trend, series=series)
    if kind is T.change_over_time and series and not _adjacent(a, b, periods or _Periods(series)):
        return None  # a trend is shown step by step, not between every two of its points
    if kind is T.change_over_time and series and (a.period is None) != (b.period is None):
        undated, dated = (a, b) if a.period is None else (b, a)
        others = [m for m in series if m.period and m.counts and not m.vague and m.source != undated.source
                  and disagree(undated, m)]
        if dated is not min(others, key=lambda m: gap(*lower_higher(undated, m))):
            return None  # placed on the trend, an undated figure is shown next to its nearest dated one only
    lower, higher = lower_higher(a, b)
    g = gap(lower, higher)
    return Disagreement(id=disagreement_id(a.id, b.id), type=kind, a=a.id, b=b.id, gap=g,
                        explanation=explain(kind, a, b, g, topic_trend=topic_trend),
                        topic=topic or a.claim.topic or None)


def _undated_repeat(x: Item, dated_raws: set) -> bool:
    """An undated figure its source also gives with a date ("the 37 it had initially reported")."""
    return x.period is None and x.raw in dated_raws


class _Timeline:
    """One source's figures by period, to find those nearest in time to a figure without scanning them all."""

    def __init__(self, items: Sequence[Item]):
        dated = sorted((i for i in items if i.period), key=lambda i: i.period[0].toordinal())
        self.dated = dated
        self.starts = [i.period[0].toordinal() for i in dated]
        self.ends = [i.period[1].toordinal() for i in dated]
        self.longest = max((e - s for s, e in zip(self.starts, self.ends, strict=True)), default=0)
        self.undated = [i for i in items if not i.period]
        self.raws = {i.raw for i in dated}

    def nearest(self, x: Item) -> list[Item]:
        """The figures at the smallest distance in days from x (all undated ones when the source has no dated)."""
        if not self.dated:
            return self.undated
        if x.period is None:
            return self.dated  # an undated figure meets every dated one of the other source
        xs, xe = x.period[0].toordinal(), x.period[1].toordinal()
        best, found = None, []
        k = bisect.bisect_right(self.starts, xe)
        for j in range(k - 1, -1, -1):  # starting on or before x's end
            if best is not None and xs - self.starts[j] - self.longest > best:
                break
            best, found = self._keep(j, max(0, xs - self.ends[j], self.starts[j] - xe), best, found)
        for j in range(k, len(self.dated)):  # starting after x's end
            if best is not None and self.starts[j] - xe > best:
                break
            best, found = self._keep(j, self.starts[j] - xe, best, found)
        return found

    def _keep(self, j, dist, best, found):
        if best is None or dist < best:
            return dist, [self.dated[j]]
        if dist == best:
            found.append(self.dated[j])
        return best, found


def find_disagreements(items: Sequence[Item], *, topic: str | None = None) -> list[Disagreement]:
    """All disagreements of one topic's items, one per pair of figures, most severe first.

    A source's own series is compared step by step (each figure with its next figure that differs),
    so a toll revised five times gives five revisions, not fifteen; across sources a figure is
    compared with the other source's figures nearest to it in time, not with its whole history.
    """
    t = trend(items)
    live = [i for i in items if i.counts]
    by_source: dict[str, list[Item]] = {}
    for i in live:
        by_source.setdefault(i.source, []).append(i)
    timelines = {source: _Timeline(series) for source, series in by_source.items()}
    periods = _Periods(live)
    pairs: dict[tuple[str, str], tuple[Item, Item]] = {}
    for source, series in by_source.items():
        series = [x for x in series if not _undated_repeat(x, timelines[source].raws)]
        for n, x in enumerate(series):
            y = next((y for y in series[n + 1:] if disagree(x, y)), None)
            if y is not None:
                pairs[x.id, y.id] = (x, y)
    for x in live:
        if _undated_repeat(x, timelines[x.source].raws):
            continue  # the dated figure speaks for its undated repeat
        for source, timeline in timelines.items():
            if source == x.source:
                continue
            for o in timeline.nearest(x):
                if (o.id, x.id) not in pairs:
                    pairs[x.id, o.id] = (x, o)
    found: dict[tuple, tuple[int, Disagreement]] = {}
    for x, y in pairs.values():
        d = judge_pair(x, y, topic_trend=t, topic=topic, series=live, periods=periods)
        if d is None:
            continue
        key = (d.type, frozenset({(x.source, x.raw), (y.source, y.raw)}))
        undated = (x.period is None) + (y.period is None)
        if key not in found or undated < found[key][0]:
            found[key] = (undated, d)
    return sort_disagreements([d for _, d in found.values()])


class _Periods:
    """The dated, weighed figures of a topic by start day, to ask whether one lies between two others."""

    def __init__(self, series: Sequence[Item]):
        spans = sorted((m.period[0].toordinal(), m.period[1].toordinal())
                       for m in series if m.period and m.counts and not m.vague)
        self.starts = [s for s, _ in spans]
        self.ends = [e for _, e in spans]

    def any_between(self, lo_end: int, hi_start: int) -> bool:
        i = bisect.bisect_right(self.starts, lo_end)
        j = bisect.bisect_left(self.starts, hi_start)
        return any(self.ends[k] < hi_start for k in range(i, j))


def _adjacent(a: Item, b: Item, periods: _Periods) -> bool:
    """No dated figure lies strictly between the periods of a and b."""
    if not (a.period and b.period):
        return True  # undated pairs are handled by judge_pair
    lo, hi = sorted((a.period, b.period))
    return not periods.any_between(lo[1].toordinal(), hi[0].toordinal())


def sort_disagreements(ds: Sequence[Disagreement]) -> list[Disagreement]:
    """Most severe first: contradictions, internal slips, scope, revisions, change over time; wider gaps first."""
    return sorted(ds, key=lambda d: (SEVERITY[d.type], -d.gap, d.id))
