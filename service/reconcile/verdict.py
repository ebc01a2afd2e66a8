"""One new figure judged against a topic view (reconciliation.md §4): consistent, outlier, novel, unattributed."""
from __future__ import annotations

from schemas import Claim, TopicView
from schemas.enums import Qualifier, Verdict
from service.reconcile import format as fmt
from service.reconcile.dates import overlap, period_of
from service.reconcile.intervals import (
    disjoint,
    interval_of,
    order_of_magnitude_apart,
    rounding,
)
from service.reconcile.rates import RateTable
from service.reconcile.sources import is_own_voice


def _meets(a, b, *, vague: bool) -> bool:
    return not (order_of_magnitude_apart(a, b) if vague else disjoint(a, b))


def judge(claim: Claim, view: TopicView | None, *, rates: RateTable | None = None) -> tuple[Verdict, str, list[str]]:
    """(verdict, one-line reason, sources it disagrees with) for a figure not yet stored.

    Compared with each source's latest figure of the same period (an unknown period is the same
    period), as the timeline gives it: in the topic's unit, `additional` claims already cumulated.
    An outlier is an outlier even without a source (so that the default gate catches it); a figure
    without a source that is not an outlier is `unattributed` where others name theirs.
    """
    if view is None or not view.n_claims:
        return Verdict.novel, "No topic yet: the first figure on this quantity.", []
    verdict, reason, against = _by_value(claim, view, rates=rates)
    own_voices = {s.name for s in view.sources if s.claims and all(is_own_voice(c) for c in s.claims)}
    if verdict is not Verdict.outlier and is_own_voice(claim) and any(s.name not in own_voices for s in view.sources):
        return Verdict.unattributed, "The figure has no source, and others on this topic name theirs.", []
    return verdict, reason, against


def _by_value(claim: Claim, view: TopicView, *, rates: RateTable | None) -> tuple[Verdict, str, list[str]]:
    """consistent / outlier / novel from the figure's interval alone."""
    try:
        mine = interval_of(claim, unit=view.unit, rates=rates)
    except ValueError:
        return Verdict.novel, f"Not comparable: {claim.unit} against the topic's {view.unit}.", []
    vague = claim.qualifier is Qualifier.vague
    period = period_of(claim.as_of)
    points = {p.claim_id: p for p in view.timeline}
    same_period: dict[str, tuple] = {}
    for entry in view.sources:
        latest = entry.latest
        if latest is None or latest.qualifier is Qualifier.vague or not overlap(period, period_of(latest.as_of)):
            continue
        p = points.get(latest.id)
        if p is None or (p.low is None and p.high is None):
            continue
        tol = rounding(p.value) if latest.qualifier is Qualifier.exact and p.value is not None else 0.0
        same_period[entry.name] = (None if p.low is None else p.low - tol, None if p.high is None else p.high + tol)
    if not same_period:
        return Verdict.novel, "The first figure of its period on this topic.", []
    against = sorted(name for name, iv in same_period.items() if not _meets(mine, iv, vague=vague))
    c = view.consensus
    if c is not None and _meets(mine, (c.low, c.high), vague=vague):
        return (Verdict.consistent, f"Inside the consensus {fmt.bounds(c.low, c.high, view.unit)} "
                f"of {c.n_sources} sources.", against)
    if not against:
        return Verdict.consistent, f"Agrees with every source of the same period ({len(same_period)}).", []
    where = f"the consensus {fmt.bounds(c.low, c.high, view.unit)}" if c else "the figures of the same period"
    return Verdict.outlier, f"Outside {where}; disagrees with {', '.join(against)}.", against
