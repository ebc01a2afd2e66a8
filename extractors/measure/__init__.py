"""Percentages, physical measures (pint units) and counts of nouns."""
from extractors.measure.rules import percent_after, measure_after, singular, counted_noun

__all__ = ["percent_after", "measure_after", "singular", "counted_noun"]
