"""Enumerations spelled exactly as in spec/claims.md and reconciliation.md."""
from enum import Enum


class Kind(str, Enum):
    personnel = "personnel"
    casualties = "casualties"
    duration = "duration"
    money = "money"
    count = "count"
    percentage = "percentage"
    measure = "measure"


class CasualtyType(str, Enum):
    killed = "killed"
    wounded = "wounded"
    killed_or_wounded = "killed_or_wounded"
    captured = "captured"
    missing = "missing"


class Qualifier(str, Enum):
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
    contradiction = "contradiction"
    revision = "revision"
    change_over_time = "change_over_time"
    internal = "internal"
    scope = "scope"


class Verdict(str, Enum):
    consistent = "consistent"
    outlier = "outlier"
    novel = "novel"
    unattributed = "unattributed"
