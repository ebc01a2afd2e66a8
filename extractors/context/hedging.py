"""Hedging rules: modal and speculative wording in the figure's clause (could, may, reportedly,
expected to ...). "estimated", "preliminary", "suggested", "if" and "would" do not hedge."""
from __future__ import annotations

import re

HEDGE = re.compile(
    r"\b(?:could|can|(?-i:may)|might|likely|believed|reportedly|reported(?=\s+(?:deployment|presence|figure|number))|"
    r"plans?\s+to|planned\s+to|planning\s+to|expected\s+to|expects\s+to|due\s+to\s+(?!the\b|a\b|an\b|its\b|their\b|[A-Z])|"
    r"possibly|probably|allegedly|i\s+would\s+say|is\s+set\s+to|are\s+set\s+to|projected\s+to|forecast\s+to)\b",
    re.I)


def is_hedged(clause: str) -> bool:
    """True when the clause holding the figure has modal or speculative wording."""
    return bool(HEDGE.search(clause))
