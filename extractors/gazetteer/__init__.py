"""Gazetteers: actors, places and source aliases shared by the extractors and the reconciler."""


def canonical_source(name: str) -> str:
    """Canonical name of a source. Placeholder until the alias table lands."""
    return name.strip()
