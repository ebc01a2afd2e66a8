"""What the pages show, computed from the contract's models. Pure, so it is testable without a store or a browser."""
from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from schemas import ClaimRead, Qualifier, Rejected, TimelinePoint, TopicView
from service.dashboard.charts import (Mark, Point, Row, colour, date_number, interval_chart, interval_text,
                                      sparkline, timeline_chart)


def describe(claim: ClaimRead) -> str:
    """The record in one line: "personnel · ≥ 3,000 person · at least · United States and NATO · as of 2024-10"."""
    kind = claim.kind.value + (f" ({claim.casualty_type.value})" if claim.casualty_type else "")
    per = f" per {claim.per}" if claim.per else ""
    parts = [kind, f"{interval_text(claim.low, claim.high, claim.value)} {claim.unit}{per}",
             claim.qualifier.value.replace("_", " "),
             claim.attribution + (f" via {claim.attribution_via}" if claim.attribution_via else "")]
    if claim.as_of:
        parts.append(f"as of {claim.as_of}")
    if claim.hedged:
        parts.append("hedged")
    return " · ".join(parts)


def _mark(claim_id: str, source: str, quote: str, low, high, value, unit: str, as_of: str | None,
          vague: bool) -> Mark:
    title = f"{source}: “{quote}” — {interval_text(low, high, value)} {unit}" + (f", as of {as_of}" if as_of else "")
    return Mark(claim_id=claim_id, low=low, high=high, value=value, title=title, href=f"#claim-{claim_id}",
                vague=vague)


@dataclass(frozen=True)
class TopicCharts:
    interval: Markup
    timeline: Markup
    legend: list[tuple[str, str]]
    undated: list[ClaimRead]
    n_marks: int


def topic_charts(view: TopicView) -> TopicCharts:
    """The interval chart (one row per source) and the timeline of a topic view, in one colour per source.

    A claim is drawn where the view's timeline puts it (so an `additional` figure shows cumulated, as the
    reconciliation reads it), else at its own interval.
    """
    plotted = {p.claim_id: p for p in view.timeline}
    by_id = {c.id: c for s in view.sources for c in s.claims}
    colours = {s.name: colour(i) for i, s in enumerate(view.sources)}
    rows = []
    for s in view.sources:
        marks = []
        for c in s.claims:
            p = plotted.get(c.id)
            low, high, value = (p.low, p.high, p.value) if p else (c.low, c.high, c.value)
            marks.append(_mark(c.id, s.name, c.quote, low, high, value, view.unit, c.as_of,
                               c.qualifier == Qualifier.vague))
        rows.append(Row(label=s.name, colour=colours[s.name], marks=marks))
    consensus = (view.consensus.low, view.consensus.value, view.consensus.high) if view.consensus else None
    interval = interval_chart(rows, consensus=consensus, unit=view.unit,
                              label=f"Intervals reported for {view.label}, one row per source")
    points = []
    for p in view.timeline:
        when = date_number(p.as_of)
        c = by_id.get(p.claim_id)
        if when is not None and c is not None:
            points.append(Point(when=when, colour=colours.get(p.source, colour(0)),
                                mark=_mark(p.claim_id, p.source, c.quote, p.low, p.high, p.value, view.unit, p.as_of,
                                           c.qualifier == Qualifier.vague)))
    timeline = timeline_chart(points, unit=view.unit, label=f"Reported values of {view.label} over time")
    undated = [by_id[p.claim_id] for p in view.timeline if date_number(p.as_of) is None and p.claim_id in by_id]
    return TopicCharts(interval=interval, timeline=timeline, legend=list(colours.items()), undated=undated,
                       n_marks=sum(len(r.marks) for r in rows))


def spark(timeline: list[TimelinePoint], label: str) -> Markup:
    """A topic list's sparkline: the timeline's values (or the middle of finite bounds), in its order."""
    def middle(p: TimelinePoint) -> float | None:
        if p.value is not None:
            return p.value
        finite = [v for v in (p.low, p.high) if v is not None]
        return sum(finite) / len(finite) if finite else None

    values = [v for v in map(middle, timeline) if v is not None]
    return sparkline(values, label=f"Timeline of {label}: {len(values)} values")


def sentence_parts(claim: ClaimRead, text: str | None) -> tuple[str, str, str]:
    """The claim's sentence cut around its number phrase, found by span in the article text when possible."""
    a, b = claim.span
    s = claim.sentence
    if text and s:
        start = text.rfind(s, 0, a + len(s))  # the last copy of the sentence that starts by the span
        if start >= 0 and start + len(s) >= b:
            return s[:a - start], s[a - start:b - start], s[b - start:]
    i = s.find(claim.quote) if s else -1
    if i >= 0:
        return s[:i], claim.quote, s[i + len(claim.quote):]
    if text:
        return "…" + text[max(0, a - 160):a], text[a:b], text[b:b + 160] + "…"
    return "", claim.quote, ""


@dataclass(frozen=True)
class TextMark:
    """A highlighted stretch of article text: a claim, a repeated mention of one, or a refused number."""

    start: int
    end: int
    role: str  # "claim", "mention" or "rejected"
    anchor: str
    tip: str
    claim: ClaimRead | None = None


def text_marks(claims: list[ClaimRead], rejected: list[Rejected]) -> list[TextMark]:
    marks = [TextMark(c.span[0], c.span[1], "claim", f"claim-{c.id}", describe(c), c) for c in claims]
    marks += [TextMark(m[0], m[1], "mention", f"mention-{c.id}-{i}", "repeats: " + describe(c), c)
              for c in claims for i, m in enumerate(c.mentions)]
    marks += [TextMark(r.span[0], r.span[1], "rejected", f"rejected-{i}", f"not a figure: {r.reason}")
              for i, r in enumerate(rejected)]
    return marks


def segments(text: str, marks: list[TextMark]) -> list[tuple[str, TextMark | None]]:
    """The text cut into plain and marked pieces; a mark overlapping an earlier one is left out."""
    out: list[tuple[str, TextMark | None]] = []
    pos = 0
    for m in sorted(marks, key=lambda m: (m.start, -m.end)):
        if m.start < pos or m.end > len(text) or m.start >= m.end:
            continue
        if m.start > pos:
            out.append((text[pos:m.start], None))
        out.append((text[m.start:m.end], m))
        pos = m.end
    if pos < len(text):
        out.append((text[pos:], None))
    return out
