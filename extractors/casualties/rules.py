"""Casualty rules: a cue word in the clause after the number ("were killed", "deaths", "injured",
"missing") or just before it ("killing", "death toll to", "the number of injured at")."""
from __future__ import annotations

import re

AFTER_RULES: tuple[tuple[str, str, re.Pattern[str]], ...] = tuple(
    (name, ct, re.compile(p, re.I)) for name, ct, p in (
        ("killed or wounded", "killed_or_wounded",
         r"\b(?:killed|dead)\s+or\s+(?:wounded|injured)\b|\b(?:wounded|injured)\s+or\s+killed\b|\bcasualties\b|\blosses\b"),
        ("killed", "killed",
         r"\b(?:killed|dead|died|die|deaths?|fatalities|perished|buried|slain|drowned|murdered|executed|bodies|lost\s+their\s+lives|death\s+toll)\b"),
        ("wounded", "wounded",
         r"\b(?:wounded|injured|injuries|injury|hurt|hospitali[sz]ed|taken\s+to\s+hospital|to\s+hospital|treated\s+(?:at|for|in)|smoke\s+inhalation)\b"),
        ("captured", "captured", r"\b(?:captured|prisoners?|pows?|taken\s+prisoner|held\s+captive|(?:being\s+)?held\s+by)\b"),
        ("missing", "missing", r"\b(?:missing|unaccounted\s+for)\b"),
    ))
NOT_CASUALTY = re.compile(r"\b(?:discharged|recovered|released\s+from|left\s+hospital|returned\s+home|rescued\s+alive|vaccinated)\b", re.I)
_NOT_CASUALTY = NOT_CASUALTY
# a casualty cue counts only when it is near: within a few words of the number's phrase
_NEAR = 60

BEFORE_RULES: tuple[tuple[str, str, re.Pattern[str]], ...] = tuple(
    (name, ct, re.compile(p + r"\s*$", re.I)) for name, ct, p in (
        ("killing <n>", "killed", r"\b(?:killing|killed|kills|kill|claimed\s+the\s+lives\s+of|buried)"),
        ("losses at <n>", "killed_or_wounded", r"\b(?:losses|casualties)\b(?:\s+\w+){0,3}?\s+(?:to|at|of|reached|stood\s+at|passed|exceeded|topped|hit|surpassed|neared)"),
        ("death toll to <n>", "killed", r"\b(?:death\s+toll|toll|deaths|number\s+of\s+(?:dead|deaths|fatalities))\b(?:\s+\w+){0,4}?\s+(?:to|at|of|reached|stood\s+at|rose\s+to|is|passed|exceeded|topped|hit|surpassed|neared)"),
        ("wounding <n>", "wounded", r"\b(?:wounding|injuring|injured|wounded|hurt|treated)"),
        ("number of injured at <n>", "wounded", r"\bnumber\s+of\s+(?:injured|wounded|injuries)\b(?:\s+\w+){0,2}?\s+(?:at|to)"),
        ("exchanged <n>", "captured", r"\b(?:exchanged|swapped|freed|captured|release|released)"),
        ("number of missing at <n>", "missing", r"\bnumber\s+of\s+missing\b(?:\s+\w+){0,2}?\s+(?:at|to)"),
    ))


def casualty_after(window: str) -> tuple[str, str] | None:
    """(casualty_type, rule) from the nearest cue in the words after a number."""
    if _NOT_CASUALTY.search(window[:_NEAR]):
        return None
    best = None
    for name, ct, rx in AFTER_RULES:
        m = rx.search(window, 0, _NEAR)
        if m and (best is None or m.start() < best[0] or (m.start() == best[0] and ct == "killed_or_wounded")):
            best = (m.start(), ct, name)
    return (best[1], f"casualties:<n> {best[2]}") if best else None


_BEFORE_FINAL = frozenset("""killing killed kills kill of buried to at reached is passed exceeded topped hit surpassed
neared wounding injuring injured wounded hurt treated exchanged swapped freed captured release released""".split())


def casualty_before(prefix: str) -> tuple[str, str] | None:
    """(casualty_type, rule) from a cue right before the number."""
    last = re.search(r"([a-z]+)\s*$", prefix[-30:], re.I)
    if not last or last.group(1).lower() not in _BEFORE_FINAL:
        return None
    for name, ct, rx in BEFORE_RULES:
        if rx.search(prefix):
            return ct, f"casualties:{name}"
    return None
