"""Inline SVG charts, built in Python so that pages need no JavaScript, no build step and no network.

Every chart scales with its viewBox, carries `role="img"` and an aria label, and draws each claim as a
link (focusable, with a `<title>` tooltip) to the claim's sentence further down the page.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from markupsafe import Markup, escape

# Okabe–Ito, ordered so that the first colours contrast best on white (yellow last).
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442")
WIDTH = 480
PAD = 16
SEASON_MONTH = {"spring": 4, "summer": 7, "autumn": 10, "winter": 1}


def colour(i: int) -> str:
    return PALETTE[i % len(PALETTE)]


def fmt(x: float | None) -> str:
    """A number as a reader writes it: 10,000 / 121.75 / 0.5."""
    if x is None:
        return "?"
    if float(x).is_integer():
        return f"{int(x):,}"
    return f"{x:,.2f}".rstrip("0").rstrip(".")


def interval_text(low: float | None, high: float | None, value: float | None = None) -> str:
    """An interval in words: "10,000", "≥ 3,000", "≤ 12,000", "9,000–11,000"."""
    if low is None and high is None:
        return fmt(value) if value is not None else "unknown"
    if low is None:
        return f"≤ {fmt(high)}"
    if high is None:
        return f"≥ {fmt(low)}"
    return fmt(low) if low == high else f"{fmt(low)}–{fmt(high)}"


def _attrs(attrs: dict) -> str:
    return "".join(f' {k.rstrip("_").replace("_", "-")}="{escape(v)}"' for k, v in attrs.items() if v is not None)


def tag(name: str, *children: str, **attrs) -> Markup:
    """One SVG element; attribute values and plain-string children are escaped."""
    inner = "".join(str(escape(c)) for c in children)
    return Markup(f"<{name}{_attrs(attrs)}>{inner}</{name}>")


def _n(x: float) -> str:
    return f"{x:.1f}"


@dataclass(frozen=True)
class Mark:
    """One claim as drawn: its interval (open ends as None), where it links, and its tooltip."""

    claim_id: str
    low: float | None
    high: float | None
    value: float | None
    title: str
    href: str
    vague: bool = False


@dataclass(frozen=True)
class Row:
    label: str
    colour: str
    marks: list[Mark]


class Scale:
    """Linear map from data to x (or y) pixels, with round tick values."""

    def __init__(self, lo: float, hi: float, r0: float, r1: float):
        if lo == hi:
            lo, hi = lo - max(abs(lo) * 0.1, 1), hi + max(abs(hi) * 0.1, 1)
        self.lo, self.hi, self.r0, self.r1 = lo, hi, r0, r1

    def __call__(self, x: float) -> float:
        return self.r0 + (x - self.lo) / (self.hi - self.lo) * (self.r1 - self.r0)

    def ticks(self, n: int = 5) -> list[float]:
        raw = (self.hi - self.lo) / n
        mag = 10 ** math.floor(math.log10(raw))
        step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)
        first = math.ceil(self.lo / step) * step
        return [first + i * step for i in range(int((self.hi - first) / step) + 1)]


def _domain(values: list[float], *, open_low: bool = False, open_high: bool = False) -> tuple[float, float]:
    """Data bounds plus a margin, wider on a side where some interval is open so that its arrow shows."""
    lo, hi = min(values), max(values)
    pad = (hi - lo) * 0.08 or max(abs(hi) * 0.1, 1)
    lo, hi = lo - pad * (3 if open_low else 1), hi + pad * (3 if open_high else 1)
    return (0 if lo < 0 <= min(values) else lo), hi


def _arrow(x: float, y: float, direction: int, fill: str) -> Markup:
    """An arrowhead at x pointing left (-1) or right (+1): the interval is open on that side."""
    pts = f"{_n(x + 8 * direction)},{_n(y)} {_n(x)},{_n(y - 6)} {_n(x)},{_n(y + 6)}"
    return tag("polygon", points=pts, fill=fill)


def _bar(m: Mark, x: Scale, y: float, fill: str) -> Markup:
    """A claim's interval as a bar, a point for a point value, arrows for open ends."""
    parts: list[Markup] = [tag("title", m.title)]
    left, right = x.r0, x.r1
    if m.low is not None and m.high is not None and m.low == m.high:
        parts.append(tag("circle", cx=_n(x(m.low)), cy=_n(y), r="5.5", fill=fill))
    elif m.low is None and m.high is None:
        cx = x(m.value) if m.value is not None else x.r0  # no number at all: a hollow mark at the start
        parts.append(tag("circle", cx=_n(cx), cy=_n(y), r="5.5", fill="white", stroke=fill, stroke_width="2"))
    else:
        x0 = x(m.low) if m.low is not None else left + 8
        x1 = x(m.high) if m.high is not None else right - 8
        parts.append(tag("rect", x=_n(x0), y=_n(y - 4), width=_n(max(x1 - x0, 2)), height="8", rx="2", fill=fill,
                         fill_opacity="0.45" if m.vague else None,
                         stroke=fill if m.vague else None, stroke_dasharray="3 2" if m.vague else None))
        if m.low is None:
            parts.append(_arrow(left + 8, y, -1, fill))
        if m.high is None:
            parts.append(_arrow(right - 8, y, 1, fill))
        if m.value is not None and not m.vague and (m.low is None or m.low <= m.value) and (m.high is None or m.value <= m.high):
            parts.append(tag("line", x1=_n(x(m.value)), x2=_n(x(m.value)), y1=_n(y - 7), y2=_n(y + 7),
                             stroke=fill, stroke_width="2"))
    return tag("a", *parts, href=m.href, class_="claim-mark", data_claim_id=m.claim_id, aria_label=m.title)


def _axis(x: Scale, y: float, unit: str) -> list[Markup]:
    out = [tag("line", x1=_n(x.r0), x2=_n(x.r1), y1=_n(y), y2=_n(y), class_="axis")]
    for t in x.ticks():
        out.append(tag("line", x1=_n(x(t)), x2=_n(x(t)), y1=_n(y), y2=_n(y + 4), class_="axis"))
        out.append(tag("text", fmt(t), x=_n(x(t)), y=_n(y + 16), text_anchor="middle", class_="tick"))
    out.append(tag("text", unit, x=_n(x.r1), y=_n(y + 30), text_anchor="end", class_="tick"))
    return out


def interval_chart(rows: list[Row], *, consensus: tuple[float, float, float] | None, unit: str,
                   label: str) -> Markup:
    """One row per source, one lane per claim; the consensus band (low, value, high) behind them all."""
    bounds = [v for r in rows for m in r.marks for v in (m.low, m.high, m.value) if v is not None]
    if consensus:
        bounds.extend(consensus)
    if not bounds:
        return Markup("")
    marks = [m for r in rows for m in r.marks]
    x = Scale(*_domain(bounds, open_low=any(m.low is None and m.high is not None for m in marks),
                       open_high=any(m.high is None and m.low is not None for m in marks)), PAD, WIDTH - PAD)
    lane, head, top = 18, 18, 22
    height = top + sum(head + lane * len(r.marks) for r in rows)
    body: list[Markup] = []
    if consensus:
        c_low, c_value, c_high = consensus
        body.append(tag("rect", x=_n(x(c_low)), y=str(top - 6), width=_n(max(x(c_high) - x(c_low), 2)),
                        height=_n(height - top + 6), class_="consensus"))
        body.append(tag("line", x1=_n(x(c_value)), x2=_n(x(c_value)), y1=str(top - 6), y2=_n(height),
                        class_="consensus-line"))
        body.append(tag("text", f"consensus {fmt(c_value)}", x=_n(x(c_value)), y="12", text_anchor="middle",
                        class_="note"))
    y = top
    for r in rows:
        body.append(tag("text", r.label, x=str(PAD), y=_n(y + 12), class_="row-label"))
        y += head
        for m in r.marks:
            body.append(_bar(m, x, y + lane / 2, r.colour))
            y += lane
        body.append(tag("line", x1=str(PAD), x2=str(WIDTH - PAD), y1=_n(y + 1), y2=_n(y + 1), class_="row-rule"))
    body.extend(_axis(x, y + 6, unit))
    return tag("svg", *body, viewBox=f"0 0 {WIDTH} {_n(y + 40)}", class_="chart interval-chart", role="img",
               aria_label=label)


def date_number(as_of: str | None) -> float | None:
    """A partial date as a day number, placed mid-period: 2024 -> 1 July, 2024-10 -> 15 October."""
    if not as_of:
        return None
    parts = as_of.split("-")
    year = int(parts[0])
    if len(parts) == 1:
        return date(year, 7, 1).toordinal()
    if parts[1] in SEASON_MONTH:
        return date(year, SEASON_MONTH[parts[1]], 15).toordinal()
    return date(year, int(parts[1]), int(parts[2]) if len(parts) > 2 else 15).toordinal()


def month_ticks(lo: float, hi: float, n: int = 5) -> list[int]:
    """First days of months between two day numbers, every k-th month so that at most n remain."""
    d = date.fromordinal(int(lo))
    months = []
    y, m = (d.year, d.month + 1) if d.day > 1 else (d.year, d.month)
    while (first := date(y + (m - 1) // 12, (m - 1) % 12 + 1, 1).toordinal()) <= hi:
        months.append(first)
        m += 1
    step = max(1, math.ceil(len(months) / n))
    return months[::step]


@dataclass(frozen=True)
class Point:
    """One dated claim on the timeline."""

    when: float
    mark: Mark
    colour: str


def timeline_chart(points: list[Point], *, unit: str, label: str) -> Markup:
    """as_of across, value up: a dot for the value, a whisker for the interval, arrows for open ends."""
    values = [v for p in points for v in (p.mark.low, p.mark.high, p.mark.value) if v is not None]
    if not values:
        return Markup("")
    left, top, bottom, height = 64, 12, 196, 230
    x = Scale(min(p.when for p in points) - 20, max(p.when for p in points) + 20, left + 12, WIDTH - PAD - 12)
    y = Scale(*_domain(values), bottom, top)
    body = [tag("line", x1=str(left), x2=str(WIDTH - PAD), y1=str(bottom), y2=str(bottom), class_="axis"),
            tag("line", x1=str(left), x2=str(left), y1=str(top), y2=str(bottom), class_="axis")]
    for t in y.ticks(4):
        body.append(tag("line", x1=str(left), x2=str(WIDTH - PAD), y1=_n(y(t)), y2=_n(y(t)), class_="grid"))
        body.append(tag("text", fmt(t), x=str(left - 4), y=_n(y(t) + 4), text_anchor="end", class_="tick"))
    body.append(tag("text", unit, x=str(left - 4), y=str(bottom + 30), text_anchor="end", class_="tick"))
    for t in month_ticks(x.lo, x.hi):
        body.append(tag("line", x1=_n(x(t)), x2=_n(x(t)), y1=str(bottom), y2=str(bottom + 4), class_="axis"))
        body.append(tag("text", date.fromordinal(t).strftime("%b %Y"), x=_n(x(t)), y=str(bottom + 16),
                        text_anchor="middle", class_="tick"))
    for p in points:
        body.append(_whisker(p, x(p.when), y, top, bottom))
    return tag("svg", *body, viewBox=f"0 0 {WIDTH} {height}", class_="chart timeline-chart", role="img",
               aria_label=label)


def _whisker(p: Point, px: float, y: Scale, top: float, bottom: float) -> Markup:
    """One timeline claim: a whisker over its interval (arrows where open) and a dot at its value."""
    m = p.mark
    parts: list[Markup] = [tag("title", m.title)]
    if m.low != m.high:
        y0 = y(m.low) if m.low is not None else bottom - 6
        y1 = y(m.high) if m.high is not None else top + 6
        parts.append(tag("line", x1=_n(px), x2=_n(px), y1=_n(y0), y2=_n(y1), stroke=p.colour, stroke_width="3",
                         stroke_dasharray="3 2" if m.vague else None))
        for open_end, tip, base in ((m.high is None, top - 2, top + 6), (m.low is None, bottom + 2, bottom - 6)):
            if open_end:
                parts.append(tag("polygon", points=f"{_n(px)},{tip} {_n(px - 6)},{base} {_n(px + 6)},{base}",
                                 fill=p.colour))
    centre = m.value
    if centre is None and (m.low is None or m.high is None or m.low == m.high):
        centre = m.low if m.low is not None else m.high
    if centre is not None:
        parts.append(tag("circle", cx=_n(px), cy=_n(y(centre)), r="5.5", fill=p.colour))
    return tag("a", *parts, href=m.href, class_="claim-mark", data_claim_id=m.claim_id, aria_label=m.title)


def sparkline(values: list[float], *, label: str) -> Markup:
    """A small line of a topic's values in timeline order, the last one dotted."""
    if not values:
        return Markup("")
    w, h = 100, 24
    x = Scale(0, max(len(values) - 1, 1), 3, w - 3)
    y = Scale(min(values), max(values), h - 3, 3)
    pts = [(x(i), y(v)) for i, v in enumerate(values)]
    parts = [tag("polyline", points=" ".join(f"{_n(a)},{_n(b)}" for a, b in pts), class_="spark")] if len(pts) > 1 else []
    parts.append(tag("circle", cx=_n(pts[-1][0]), cy=_n(pts[-1][1]), r="2.5", class_="spark-dot"))
    return tag("svg", *parts, viewBox=f"0 0 {w} {h}", class_="sparkline", role="img", aria_label=label)
