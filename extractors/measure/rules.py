"""Measure rules: "40%", "18 to 25 percent"; "1,200 km", "61,000 acres", "940 000 t" (pint names
from extractors.units); and the counted noun of a count ("10,000 containers" -> "container")."""
from __future__ import annotations

import re

from extractors.units import MEASURE_UNITS, canonical_unit

_PERCENT = re.compile(r"^(?:\s?%|\s+(?:per\s?cent|percent|pct)\b|\s+percentage\s+points?\b)", re.I)
_UNIT_WORDS = sorted(MEASURE_UNITS, key=len, reverse=True)
_MEASURE = re.compile(
    r"^(?:\s?|[\u2010-])(" + "|".join(re.escape(u) for u in _UNIT_WORDS) + r")(?![\w²³])", re.I)
_CASE_SENSITIVE_SHORT = {"m", "t", "ha", "nm", "ft", "cm", "mm", "km", "kg", "mw", "gw"}


def percent_after(suffix: str) -> int | None:
    """Characters consumed by a percent sign or word right after a number."""
    m = _PERCENT.match(suffix)
    return m.end() if m else None


def measure_after(suffix: str) -> tuple[str, str, int] | None:
    """(canonical pint unit, unit as written, characters consumed) for a unit after a number."""
    m = _MEASURE.match(suffix)
    if not m:
        return None
    written = m.group(1)
    low = written.lower()
    if low in _CASE_SENSITIVE_SHORT and written != low:
        return None
    if low in ("m", "t", "nm") and not re.match(r"^\s?$|^[\s]*[a-z]", suffix[m.end():m.end() + 2] or " "):
        pass
    if low == "degree" or low == "degrees":
        if re.match(r"^\s*(?:fahrenheit|f)\b", suffix[m.end():], re.I):
            return "degree_Fahrenheit", written, m.end() + len(re.match(r"^\s*\w+", suffix[m.end():]).group(0))
        cm = re.match(r"^\s*(?:celsius|centigrade|c)\b", suffix[m.end():], re.I)
        extra = len(cm.group(0)) if cm else 0
        return "degree_Celsius", written, m.end() + extra
    return canonical_unit(MEASURE_UNITS[low]), written, m.end()


_IRREGULAR = {"people": "person", "persons": "person", "men": "man", "women": "woman", "children": "child",
              "police": "police", "personnel": "personnel", "staff": "staff", "crew": "crew", "aircraft": "aircraft",
              "feet": "foot", "sheep": "sheep", "cattle": "cattle", "fish": "fish", "species": "species",
              "series": "series", "news": "news", "troops": "troop", "headquarters": "headquarters",
              "dead": "dead", "wounded": "wounded", "injured": "injured", "killed": "killed", "losses": "loss"}


def singular(word: str) -> str:
    """Naive English singular: 'villages' -> 'village', 'centres' -> 'centre', 'families' -> 'family'."""
    w = word.lower()
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("sses", "shes", "ches", "xes", "zes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


STOP = frozenset("""of in at to from for on with and or but that who which were was had have has is are be been
being said says say told will would could may might can did do does not no than as by into onto over under
per a an the this these those its their his her our your my each every since after before during when while
where there here it they we he she you i so if also already still just only then now yet about around some
nearly almost approximately roughly more less fewer least up down out off across along among between through
against toward towards within without via amid despite near like unlike whose whom what how why according
them him us me itself themselves own such other another same both either neither all any most many much
several few very too quite really far well more mostly including include includes included""".split())


_WORD = re.compile(r"(\s+)([A-Za-z][A-Za-z'’\-]*)")


KNOWN_NOUNS = frozenset("""aircraft crew staff police personnel dead wounded injured killed people
home house village town city ship vessel container tanker truck lorry car bus plane helicopter drone tank missile
shell rocket school hospital bed clinic dose vaccine job seat vote ballot case district province country state
turnstile station precinct brigade battalion regiment division unit battery violation strike attack raid
ceasefire truce incident arrest sanction family household tree animal head cattle sheep aftershock body""".split())


def counted_noun(after: str, max_words: int = 5) -> tuple[str, str, int] | None:
    """(head noun singular, noun phrase as written, characters consumed) of the phrase after a number.

    Reads up to `max_words` words and stops at function words and punctuation. The head is the
    first word that is a known noun (people, casualties, common counted things) or looks plural;
    words before it are modifiers ("container ships", "suspected cholera cases")."""
    from extractors.personnel.rules import PEOPLE_NOUNS, PERSONNEL_NOUNS

    pos = 0
    first_end = None
    while True:
        m = _WORD.match(after, pos)
        if not m:
            return None
        w = m.group(2).rstrip("'’")
        wl = w.lower()
        if wl in STOP:
            return None
        pos = m.end()
        if first_end is None:
            first_end = m.start(2)
        sing = singular(wl)
        known = sing in KNOWN_NOUNS or sing in PEOPLE_NOUNS or sing in PERSONNEL_NOUNS
        plural = wl.endswith("s") and not wl.endswith(("ss", "us", "is")) and len(wl) > 3
        if known or plural:
            # a compound head: "union members", "container ships", "treatment centres"
            nxt = _WORD.match(after, pos)
            if nxt:
                n2 = nxt.group(2).rstrip("'’").lower()
                s2 = singular(n2)
                if n2 not in STOP and (s2 in PEOPLE_NOUNS or s2 in PERSONNEL_NOUNS or s2 in KNOWN_NOUNS) and not plural:
                    return s2, after[first_end:nxt.end()].strip(), nxt.end()
            return sing, after[first_end:pos].strip(), pos
        if wl.endswith("ly"):
            return None
        max_words -= 1
        if max_words <= 0:
            return None
