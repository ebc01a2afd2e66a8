"""as_of rules (claims.md §4, expected_topics.md decision 6): date phrases in a sentence, resolved
against the publication date; "previously said" markers that make a figure undated."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

_MONTHS = {m: i + 1 for i, m in enumerate(
    "january february march april may june july august september october november december".split())}
_MON_RX = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_SEASON = {"spring": "spring", "summer": "summer", "autumn": "autumn", "fall": "autumn", "winter": "winter"}


@dataclass(frozen=True)
class DatePhrase:
    """A date phrase in a text, and its resolution (None when it cannot be resolved)."""

    start: int
    end: int
    text: str
    value: str | None
    rule: str


def _month(s: str) -> int:
    s = s.lower().rstrip(".")
    for name, i in _MONTHS.items():
        if name.startswith(s[:3]):
            return i
    raise ValueError(s)


def _pub(published: str | None) -> date | None:
    if not published:
        return None
    parts = published.split("-")
    try:
        if len(parts) == 3:
            return date(int(parts[0]), int(parts[1]), int(parts[2]))
    except ValueError:
        return None
    return None


def _pub_year(published: str | None) -> int | None:
    if published and re.match(r"^\d{4}", published):
        return int(published[:4])
    return None


_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple((n, re.compile(p, re.I)) for n, p in (
    ("<since|until> ...", r"\b(?:since|until|till|from|starting|before|after)\s+(?:early\s+|late\s+|mid-?)?(?:(?:last\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|" + _MON_RX + r"\b(?:\s+\d{1,2}\b)?(?:,?\s+\d{4})?|\d{4}|last\s+(?:week|month|year)|the\s+(?:start|end|beginning)\s+of\s+\w+(?:\s+\d{4})?)"),
    ("<day> <month> <year>", r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(" + _MON_RX + r")\.?,?\s+(\d{4})\b"),
    ("<month> <day>, <year>", r"\b(" + _MON_RX + r")\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b"),
    ("<month> <day>", r"\b(" + _MON_RX + r")\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?!\s*(?:%|,\d))"),
    ("<day> <month>", r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(" + _MON_RX + r")\b"),
    ("<season> of <year>", r"\b(?:in\s+)?(?:the\s+)?(spring|summer|autumn|fall|winter)\s+(?:of\s+)?(\d{4})\b"),
    ("<month> <year>", r"\b(" + _MON_RX + r")\.?,?\s+(\d{4})\b"),
    ("in <month>", r"\b(?:in|during|by|early|late|mid-?)\s+(" + _MON_RX + r")\b(?!\.?\s+\d)"),
    ("last week", r"\blast\s+week\b"),
    ("last year", r"\blast\s+year\b"),
    ("last month", r"\blast\s+month\b"),
    ("yesterday", r"\byesterday\b"),
    ("today", r"\b(?:today|this\s+morning|tonight|this\s+evening)\b"),
    ("<weekday>", r"\b(?:on\s+|by\s+|last\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:'s)?\b"),
    ("previously said", r"\b(?:had\s+(?:previously|earlier|initially|originally)|previously|initially|originally|had\s+earlier|earlier\s+(?:put|estimated|said|reported)|had\s+claimed|had\s+tabled|tabled\s+before|before\s+the\s+(?:walkout|strike|vote|war|election)|(?:its|the|their)\s+original|on\s+election\s+night|last\s+season|at\s+first|it\s+announced|first\s+reported|(?:its|their|the|an)\s+(?:earlier|previous|initial|original)\s+(?:estimate|figure|count|toll|forecast))\b"),
))


_HINT = re.compile(r"\b(?:" + _MON_RX + r"|(?:19|20)\d\d|last|yesterday|today|tonight|this|monday|tuesday|wednesday|thursday|friday|saturday|sunday|spring|summer|autumn|fall|winter|since|until|till|from|before|after|starting|previously|initially|originally|earlier|claimed|tabled|original|election|first|announced|at)\b", re.I)


def find_dates(text: str, start: int, end: int, published: str | None) -> list[DatePhrase]:
    """Date phrases in text[start:end], non-overlapping, earliest first; "since X" is kept as a
    phrase with value None and rule "since" so that it shadows X (not a date of the figure)."""
    found: list[DatePhrase] = []
    taken: list[tuple[int, int]] = []
    if not _HINT.search(text, start, end):
        return found
    pub = _pub(published)
    year = _pub_year(published)
    for name, rx in _PATTERNS:
        for m in rx.finditer(text, start, end):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            value = _resolve(name, m, pub, year, published)
            if value == "SKIP":
                continue
            taken.append((m.start(), m.end()))
            found.append(DatePhrase(m.start(), m.end(), m.group(0), value, name))
    found.sort(key=lambda d: d.start)
    return found


def _resolve(name: str, m: re.Match[str], pub: date | None, year: int | None, published: str | None):
    g = m.groups()
    try:
        if name == "<since|until> ...":
            return None
        if name == "<day> <month> <year>":
            return date(int(g[2]), _month(g[1]), int(g[0])).isoformat()
        if name == "<month> <day>, <year>":
            return date(int(g[2]), _month(g[0]), int(g[1])).isoformat()
        if name in ("<month> <day>", "<day> <month>"):
            mon, day = (_month(g[0]), int(g[1])) if name == "<month> <day>" else (_month(g[1]), int(g[0]))
            if year is None:
                return None
            d = date(year, mon, day)
            if pub and d > pub:
                d = date(year - 1, mon, day)
            return d.isoformat()
        if name == "in <month>":
            if year is None:
                return None
            mon = _month(g[0])
            y = year - 1 if pub and mon > pub.month else year
            return f"{y:04d}-{mon:02d}"
        if name == "<season> of <year>":
            return f"{g[1]}-{_SEASON[g[0].lower()]}"
        if name == "<month> <year>":
            return f"{int(g[1]):04d}-{_month(g[0]):02d}"
        if name == "in <year>":
            return g[0]
        if name == "last year":
            return str(year - 1) if year else None
        if name == "last month":
            if not pub:
                return None
            first = pub.replace(day=1) - timedelta(days=1)
            return first.strftime("%Y-%m")
        if name == "last week":
            if not pub:
                return None
            monday = pub - timedelta(days=pub.weekday() + 7)
            return monday.strftime("%Y-%m")
        if name == "yesterday":
            return (pub - timedelta(days=1)).isoformat() if pub else None
        if name == "today":
            return pub.isoformat() if pub else None
        if name == "<weekday>":
            if m.group(0).lower().startswith("since"):
                return None
            if not pub:
                return None
            wd = _WEEKDAYS.index(g[0].lower())
            delta = (pub.weekday() - wd) % 7 or 7
            return (pub - timedelta(days=delta)).isoformat()
        if name == "previously said":
            return None
    except (ValueError, TypeError):
        return "SKIP"
    return None


_CLAUSE = re.compile(r",\s+(?:and|but|while|whereas|up\s+from|down\s+from|after|before)\b|;|\bup\s+from\b|\bdown\s+from\b")


def _same_clause(sentence: str, sent_start: int, a: int, b: int) -> bool:
    lo, hi = sorted((a - sent_start, b - sent_start))
    return not _CLAUSE.search(sentence, max(0, lo), max(0, hi))


def as_of_for(pos: int, dates: list[DatePhrase], published: str | None, sentence: str | None = None,
              sent_start: int = 0, end: int | None = None) -> tuple[str | None, str | None, str | None]:
    """(as_of, as_of_text, note) for a figure at `pos`: the nearest date phrase of the sentence,
    else the publication date; a "previously said" marker with no date of its own gives None."""
    if dates and sentence is not None:
        dates = [d for d in dates if _same_clause(sentence, sent_start, d.start, pos)]
    if dates:
        fe = pos if end is None else end
        d = min(dates, key=lambda d: d.start - fe if d.start >= fe else max(0, pos - d.end))
        if d.rule == "previously said":
            dated = [x for x in dates if x.rule not in ("previously said", "<since|until> ...")]
            if not dated:
                return None, d.text, "reported earlier without a date of its own"
            d = min(dated, key=lambda x: abs(x.start - pos))
        if d.rule == "<since|until> ...":
            others = [x for x in dates if x.rule not in ("<since|until> ...",)]
            if others:
                return as_of_for(pos, others, published, sentence, sent_start, end)
            return (_full_pub(published), None, None)
        return d.value, d.text, None
    return _full_pub(published), None, None


def _full_pub(published: str | None) -> str | None:
    return published or None
