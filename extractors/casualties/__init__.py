"""Casualties: killed, wounded, killed_or_wounded, captured, missing, read from verbs and nouns."""
from extractors.casualties.rules import casualty_after, casualty_before

__all__ = ["casualty_after", "casualty_before"]
