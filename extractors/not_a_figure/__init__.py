"""Numbers that are not figures: dates, years, ordinals, identifiers, clock times, ages, page furniture, idioms."""
from extractors.not_a_figure.rules import DATE_RX, reject_reason, blocked_spans

__all__ = ["DATE_RX", "reject_reason", "blocked_spans"]
