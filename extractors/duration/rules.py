"""Duration rules: "<number> <unit>", "<number>-<unit>" (adjectival), "a <unit>" after a qualifier.
Refuses ages ("29-year-old"), "N years ago" (a date) and "year-on-year"."""
from __future__ import annotations

import re

from extractors.rule import rule

_UNITS = r"(?:minute|min|hour|hr|day|week|fortnight|month|year|yr|decade)"
_CANON = {"min": "minute", "hr": "hour", "yr": "year"}
_AFTER = re.compile(
    rf"^(?:\s+|[\u2010\-\u2011]|\s*[\u2010\-]\s*)({_UNITS})s?\b(?![\u2010\-](?:old|on-year|long\s+average))"
    r"(?!\s+(?:ago|old|earlier|before|later|previously|since|after)\b)(?!\s+(?:of\s+)?(?:age)\b)", re.I)


def duration_after(suffix: str) -> tuple[str, int, bool] | None:
    """(unit, characters consumed, adjectival) for the time unit right after a number."""
    m = _AFTER.match(suffix)
    if not m:
        return None
    unit = m.group(1).lower()
    return _CANON.get(unit, unit), m.end(), "-" in m.group(0) or "\u2010" in m.group(0)


@rule("duration:<qualifier> a <unit>",
      r"(?:(?<=\bthan\s)|(?<=\bwithin\s)|(?<=\bnearly\s)|(?<=\balmost\s)|(?<=\babout\s)|(?<=\bover\s)|(?<=\bto\s)"
      r"|(?<=\bleast\s)|(?<=\bunder\s)|(?<=\bfor\s)|(?<=\bjust\s)|(?<=\baround\s))an?\s+(?=(?:hour|day|week|fortnight|month|year|decade)\b)")
def A_DURATION(m: re.Match[str]):
    """"more than a month", "within a week": the article counts as one, only after a qualifier."""
    return 1.0
