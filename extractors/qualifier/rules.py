"""Qualifier rules. A prefix rule matches the words just before a number (anchored at the end of
the prefix); a suffix rule matches just after it. Each names the qualifier and how it bounds."""
from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Qualified:
    """A qualifier read from text: which one, the characters it covers, and whether it hedges."""

    qualifier: str          # schema enum value
    shape: str              # exact | approx | below | at_least | open_high | open_low | additional
    length: int             # characters of the prefix it consumed (0 for none)
    hedged: bool = False
    rule: str = ""


# (name, words, qualifier, shape, hedged). Longest alternatives are tried first.
PREFIX_RULES: tuple[tuple[str, str, str, str, bool], ...] = (
    ("could reach", r"(?:could|may|might|would|can)\s+(?:reach|top|exceed|hit|climb\s+to|rise\s+to)", "up_to", "open_low", True),
    ("no more than", r"no\s+more\s+than|not\s+more\s+than|at\s+most|a\s+maximum\s+of|capped\s+at|within|a\s+cap\s+of", "at_most", "open_low", False),
    ("at least", r"at\s+least|no\s+fewer\s+than|no\s+less\s+than|a\s+minimum\s+of|not\s+less\s+than", "at_least", "open_high", False),
    ("up to", r"up\s+to|as\s+many\s+as|as\s+much\s+as|as\s+high\s+as", "up_to", "open_low", False),
    ("more than", r"(?:well\s+|just\s+|slightly\s+)?(?:more\s+than|over|upwards\s+of|in\s+excess\s+of|above|exceeding|topping|north\s+of)", "more_than", "open_high", False),
    ("fewer than", r"(?:just\s+|slightly\s+)?(?:fewer\s+than|less\s+than|under|below)", "less_than", "open_low", False),
    ("nearly", r"nearly|almost|approaching|close\s+to|just\s+shy\s+of", "approximately", "below", False),
    ("approximately", r"approximately|about|around|roughly|some|an\s+estimated|estimated|approx\.?|circa|c\.|an\s+approximate|more\s+or\s+less|something\s+like|perhaps", "approximately", "approx", False),
    ("another", r"another|a\s+further|an\s+additional|additional|an\s+extra|a\s+further\s+estimated|further", "additional", "additional", False),
)
_PREFIX_RX = tuple(
    (name, re.compile(r"(?:(?<=[\s(\[“\"'‘])|^)(?:" + words + r")\s*$", re.I), q, shape, hedged)
    for name, words, q, shape, hedged in PREFIX_RULES
)
_COMPARATIVE = re.compile(r"\b(?:more|less|fewer)\s+than\s+(?:its|the|their|his|her|our|an?)\s+(?:[a-z]+\s+)?$", re.I)


_LAST_WORD = re.compile(r"([A-Za-z]+\.?)\s*$")
_FINAL_WORDS = frozenset("""reach top exceed hit to than most of at within least many much high over above exceeding
topping under below nearly almost approaching approximately about around roughly some estimated approx approx. circa c.
approximate less like perhaps another further additional extra more as""".split())


def prefix_qualifier(prefix: str, *, duration: bool = False) -> Qualified | None:
    """The qualifier ending exactly at the end of `prefix` ("... at least " -> at_least).

    For durations "over" means "during" ("a 9% rise over two years") and is not a qualifier.
    "$9 million more than its original $125 million" compares; the second figure stays exact.
    """
    last = _LAST_WORD.search(prefix)
    if not last or last.group(1).lower() not in _FINAL_WORDS:
        return None  # cheap exit: every qualifier ends with one of these words
    if _COMPARATIVE.search(prefix):
        return None
    for name, rx, q, shape, hedged in _PREFIX_RX:
        m = rx.search(prefix)
        if m:
            if duration and name == "more than" and m.group(0).strip().lower() == "over":
                return None
            if name == "another" and re.search(r"\bone\s+$", prefix[:m.start()] + " ", re.I):
                continue
            return Qualified(q, shape, len(m.group(0)), hedged,
                             f"qualifier:{name}")
    return None


_SUFFIX_RX = (
    ("or more", re.compile(r"^\s+or\s+more\b(?!\s+than)", re.I), "at_least", "open_high"),
    ("or so", re.compile(r"^\s+or\s+so\b", re.I), "approximately", "approx"),
    ("plus", re.compile(r"^(?:\s?-?plus\b|\+(?!\d))", re.I), "at_least", "open_high"),
    ("more", re.compile(r"^\s+more\b(?!\s+than\s+(?!(?:its|the|their|his|her|our|an?)\s))", re.I), "additional", "additional"),
)


def suffix_qualifier(suffix: str) -> tuple[str, str, int, str] | None:
    """The qualifier right after the number ("5,000 more", "100 or more"): (qualifier, shape, length, rule)."""
    for name, rx, q, shape in _SUFFIX_RX:
        m = rx.match(suffix)
        if m:
            return q, shape, len(m.group(0)), f"qualifier:<n> {name}"
    return None


def interval(value: float, shape: str) -> tuple[float | None, float | None]:
    """The interval a qualifier commits to, around the stated point value (claims.md §3)."""
    if shape in ("exact", "additional"):
        return value, value
    if shape == "approx":
        lo, hi = value * 0.9, value * 1.1
        return (round(min(lo, hi), 6), round(max(lo, hi), 6))
    if shape == "below":
        return round(value * 0.9, 6), value
    if shape == "open_high":
        return value, None
    if shape == "open_low":
        return None, value
    raise ValueError(shape)
