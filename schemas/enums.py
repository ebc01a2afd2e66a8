"""Enumerations spelled exactly as in spec/claims.md and reconciliation.md."""
from enum import Enum


class Kind(str, Enum):
    """What sort of figure a claim is."""

    personnel = "personnel"
    casualties = "casualties"
    duration = "duration"
    money = "money"
    count = "count"
    percentage = "percentage"
    measure = "measure"


class CasualtyType(str, Enum):
    """Which kind of loss a casualty figure counts."""

    killed = "killed"
    wounded = "wounded"
    killed_or_wounded = "killed_or_wounded"
    captured = "captured"
    missing = "missing"


class Qualifier(str, Enum):
    """The hedge word of a figure, which sets its interval (claims.md §3)."""

    exact = "exact"
    approximately = "approximately"
    at_least = "at_least"
    more_than = "more_than"
    at_most = "at_most"
    up_to = "up_to"
    less_than = "less_than"
    range = "range"
    vague = "vague"
    additional = "additional"


class DisagreementType(str, Enum):
    """How two claims disagree (reconciliation.md §2)."""

    contradiction = "contradiction"
    revision = "revision"
    change_over_time = "change_over_time"
    internal = "internal"
    scope = "scope"


class Verdict(str, Enum):
    """How a checked figure compares with what is known."""

    consistent = "consistent"
    outlier = "outlier"
    novel = "novel"
    unattributed = "unattributed"
