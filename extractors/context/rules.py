"""Context rules, in one place like the other dimensions: attribution cues (attribution.py),
date phrases and as_of (dates.py), hedging words (hedging.py). This module only gathers them."""
from extractors.context.attribution import Resolver, SourceCue, choose, find_cues
from extractors.context.dates import DatePhrase, as_of_for, find_dates
from extractors.context.hedging import HEDGE, is_hedged

__all__ = ["Resolver", "SourceCue", "choose", "find_cues", "DatePhrase", "as_of_for", "find_dates", "HEDGE", "is_hedged"]
