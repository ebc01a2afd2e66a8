"""Qualifiers: the hedge word before or after a number, turned into an interval (claims.md §3)."""
from extractors.qualifier.rules import Qualified, interval, prefix_qualifier, suffix_qualifier

__all__ = ["Qualified", "interval", "prefix_qualifier", "suffix_qualifier"]
