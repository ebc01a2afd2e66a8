"""Sentences with offsets, and the cheap pre-scan that decides which sentences can hold a figure."""
from __future__ import annotations

import re

_ABBREV = frozenset("""mr mrs ms dr st no gen lt col sgt capt maj adm gov sen rep prof jan feb mar apr jun jul aug
sep sept oct nov dec u.s u.k u.n e.g i.e vs approx inc co corp ltd jr sr mt ft fig vol pp est""".split())
_BOUNDARY = re.compile(r"\n+|(?<=[.!?])[\"'”’)\]]*[ \t]+(?=[\"'“‘(\[]?[A-Z0-9])|(?<=[.!?][\"'”’])[ \t]+")
# a sentence can hold a figure only if it has a digit or a number word
PRESCAN = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|"
    r"thousand|million|billion|dozens?|hundreds|thousands|millions|billions|an?\s+(?:hour|day|week|"
    r"fortnight|month|year|decade))\b", re.I)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence; newlines always end one; abbreviations ("Feb.", "Dr.") do not."""
    spans = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        if "\n" not in m.group(0):
            word = re.search(r"([\w.]+)[.!?][\"'”’)\]]*$", text[max(start, m.start() - 12):m.start()])
            if word and word.group(1).lower().rstrip(".") in _ABBREV:
                continue
            if word and re.fullmatch(r"[A-Z]", word.group(1)):  # initials: "J. Smith"
                continue
        _add(text, spans, start, m.start())
        start = m.end()
    _add(text, spans, start, len(text))
    return spans


MAX_SENTENCE = 1500  # longer "sentences" (tables, unpunctuated dumps) are cut so that work per figure stays bounded


def _add(text: str, spans: list[tuple[int, int]], s: int, e: int) -> None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    while e - s > MAX_SENTENCE:
        cut = text.rfind(" ", s + MAX_SENTENCE // 2, s + MAX_SENTENCE)
        cut = cut if cut > s else s + MAX_SENTENCE
        spans.append((s, cut))
        s = cut
        while s < e and text[s].isspace():
            s += 1
    if e > s:
        spans.append((s, e))
