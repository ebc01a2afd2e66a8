"""Numeral rules: each finds one surface form of a number and produces a `Numeral` (or refuses).

All patterns are linear: alternations of fixed words and separator-led groups, no nested
quantifiers that could backtrack.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.rule import Rule, rule

ONES = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
          "trillion": 1_000_000_000_000, "mn": 1_000_000, "bn": 1_000_000_000, "tn": 1_000_000_000_000,
          "k": 1_000, "m": 1_000_000, "b": 1_000_000_000}

_ONES = "|".join(sorted(ONES, key=len, reverse=True))
_TENS = "|".join(TENS)
_WORD = rf"(?:(?:{_TENS})(?:[-\u2010 ](?:{_ONES}))?|{_ONES})"
_SPELLED = rf"{_WORD}(?:\s+(?:hundred|thousand|million|billion)(?:\s+(?:and\s+)?{_WORD})?)?"
_DIGITS = (r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?"             # 1,234,567.8
           r"|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,.])"  # 940 000 (space-grouped)
           r"|\d+(?:\.\d+)?|\.\d+)")
_SCALE = r"(?:(?:\s?(?:million|billion|trillion|thousand)|\s?(?:mn|bn|tn)|(?:m|k|b))(?![a-z\d²³]))"


@dataclass(frozen=True)
class Numeral:
    """A number found in a text: where it is, what it is worth, how it was written."""

    start: int
    end: int
    value: float | None
    low: float | None = None
    high: float | None = None
    form: str = "digits"          # digits | spelled | vague
    rule: str = ""
    scale: str | None = None      # the scale word as written ("million", "k", "m")
    negative: bool = False

    @property
    def text_len(self) -> int:
        return self.end - self.start


def parse_digits(s: str) -> float:
    """'1,234.5' or '940 000' -> float."""
    return float(re.sub(r"[,\s\u00a0\u202f]", "", s))


def parse_spelled(s: str) -> float | None:
    """'twenty-six' -> 26, 'two hundred and fifty' -> 250, 'three million' -> 3e6."""
    total, current = 0, 0
    for w in re.split(r"[\s\-\u2010]+", s.lower()):
        if w == "and" or not w:
            continue
        if w in ONES:
            current += ONES[w]
        elif w in TENS:
            current += TENS[w]
        elif w == "hundred":
            current = max(current, 1) * 100
        elif w in ("thousand", "million", "billion"):
            total += max(current, 1) * SCALES[w]
            current = 0
        else:
            return None
    return float(total + current)


def _scale_of(word: str | None) -> float:
    if not word:
        return 1.0
    return float(SCALES[word.strip().lower()])


VAGUE = (  # longest first; (pattern, low, high)
    (r"hundreds\s+of\s+thousands", 200_000, 999_999),
    (r"tens\s+of\s+thousands", 20_000, 99_999),
    (r"tens\s+of\s+millions", 20_000_000, 99_999_999),
    (r"several\s+hundred\s+thousand", 200_000, 999_999),
    (r"(?:several|a\s+few)\s+thousand", 2_000, 9_999),
    (r"(?:several|a\s+few)\s+hundred", 200, 999),
    (r"(?:several|a\s+few)\s+dozen", 24, 99),
    (r"thousands", 2_000, 9_999),
    (r"hundreds", 200, 999),
    (r"dozens", 24, 99),
    (r"millions", 2_000_000, 9_999_999),
    (r"billions", 2_000_000_000, 9_999_999_999),
)
_VAGUE_ONE = re.compile(r"\b(?:" + "|".join(f"(?P<v{i}>{p})" for i, (p, _, _) in enumerate(VAGUE)) + r")\b(?!\s+(?:more|fewer|less)\b)", re.I)


def _vague(m: re.Match[str]) -> Numeral:
    """'thousands' -> 2000-9999, 'tens of thousands' -> 20000-99999 ... (claims.md §3)."""
    i = int(m.lastgroup[1:])
    _, lo, hi = VAGUE[i]
    return Numeral(m.start(), m.end(), None, float(lo), float(hi), "vague", "numeral:vague")


def _vague_rules() -> list[Rule]:
    return [Rule("numeral:vague <thousands|dozens|...>", _VAGUE_ONE, _vague)]


@rule("numeral:<digits> <scale>", rf"(?<![\d.,]){_DIGITS}{_SCALE}?")
def digits_with_scale(m: re.Match[str]) -> Numeral | None:
    """'1.5 million', '10k', '3bn', '2.7million', '1,200', '940 000'."""
    s = m.group(0)
    mm = re.match(rf"({_DIGITS})({_SCALE})?$", s, re.I)
    if not mm:
        return None
    value = parse_digits(mm.group(1))
    scale = mm.group(2)
    value *= _scale_of(scale)
    return Numeral(m.start(), m.end(), value, form="digits", rule="numeral:<digits> <scale>",
                   scale=scale.strip().lower() if scale else None)


@rule("numeral:<spelled>", rf"(?<![\w\u2010-]){_SPELLED}\b(?![\u2010-](?:year-old|years?-old)\b)")
def spelled(m: re.Match[str]) -> Numeral | None:
    """'nine', 'Twenty-six', 'two hundred', 'three million'."""
    v = parse_spelled(m.group(0))
    if v is None:
        return None
    return Numeral(m.start(), m.end(), v, form="spelled", rule="numeral:<spelled>")


@rule("numeral:<digits> <spelled scale>", rf"(?<![\d.,]){_DIGITS}\s+(?:hundred|thousand)\b")
def digits_spelled_scale(m: re.Match[str]) -> Numeral | None:
    """'10 thousand', '3 hundred'."""
    num, word = m.group(0).rsplit(None, 1)
    return Numeral(m.start(), m.end(), parse_digits(num) * SCALES[word.lower()], form="digits",
                   rule="numeral:<digits> <spelled scale>", scale=word.lower())


@rule("numeral:a dozen", r"\b(?:a|one)\s+dozen\b|\bdozen\b(?!s)")
def a_dozen(m: re.Match[str]) -> Numeral:
    """'a dozen' = 12."""
    return Numeral(m.start(), m.end(), 12.0, form="spelled", rule="numeral:a dozen")


@rule("numeral:a <scale>", r"\b(?:a|one)\s+(?:hundred|thousand|million|billion)\b")
def a_scale(m: re.Match[str]) -> Numeral:
    """'a thousand' = 1000, 'a million' = 1e6."""
    return Numeral(m.start(), m.end(), float(SCALES[m.group(0).split()[-1].lower()]),
                   form="spelled", rule="numeral:a <scale>")


RULES: tuple[Rule, ...] = (*_vague_rules(), digits_spelled_scale, digits_with_scale, a_dozen, a_scale, spelled)

_MINUS = re.compile(r"(?:(?<![\w\d])[-\u2212]|\bminus\s+)$", re.I)


def find_numerals(text: str, start: int = 0, end: int | None = None) -> list[Numeral]:
    """Every numeral in text[start:end], left to right, longest match first where they overlap."""
    end = len(text) if end is None else end
    found: list[Numeral] = []
    for r in RULES:
        for _, num in r.apply(text, start, end):
            found.append(num)
    found.sort(key=lambda n: (n.start, -n.text_len))
    out: list[Numeral] = []
    last_end = -1
    for n in found:
        if n.start >= last_end:
            out.append(n)
            last_end = n.end
    result = []
    for n in out:
        pre = text[max(start, n.start - 7):n.start]
        mm = _MINUS.search(pre)
        if mm and n.form == "digits" and not re.search(r"\d\s*$", text[max(start, n.start - 12):n.start - len(mm.group(0))]):
            n = Numeral(n.start - len(mm.group(0)), n.end, -n.value, form=n.form, rule=n.rule,
                        scale=n.scale, negative=True)
        result.append(n)
    return result
