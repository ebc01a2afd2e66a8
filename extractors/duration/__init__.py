"""Durations: a number with a time unit ("four-month", "120-day", "for three weeks"), in days."""
from extractors.duration.rules import duration_after, A_DURATION

__all__ = ["duration_after", "A_DURATION"]
