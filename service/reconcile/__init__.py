"""Reconciliation: claims in, topic views and disagreements out (reconciliation.md). Pure: no FastAPI, no SQLAlchemy.

Modules, one idea each: `dates` (partial dates as periods), `units` (the pint registry),
`rates` (dated exchange rates), `intervals` (a claim as a comparable interval), `sources`
(canonical source of a claim), `items` (claims prepared for one topic, deltas cumulated),
`disagreements` (classify and explain), `view` (the topic view), `verdict` (check a new figure).
"""
from __future__ import annotations

from collections.abc import Mapping

from schemas import ArticleRead, ClaimRead, Disagreement
from service.reconcile.disagreements import judge_pair, sort_disagreements
from service.reconcile.intervals import interval_of
from service.reconcile.items import prepare
from service.reconcile.rates import RateTable, load_rates
from service.reconcile.sources import source_of
from service.reconcile.verdict import judge
from service.reconcile.view import conversions, topic_summary, topic_view

__all__ = [
    "RateTable",
    "compare",
    "conversions",
    "interval_of",
    "judge",
    "load_rates",
    "sort_disagreements",
    "source_of",
    "topic_summary",
    "topic_view",
]


def compare(a: ClaimRead, b: ClaimRead, *, articles: Mapping[str, ArticleRead] | None = None,
            rates: RateTable | None = None, unit: str | None = None, aliases=None) -> Disagreement | None:
    """The disagreement between two claims taken alone, in `unit` (default: a's); no topic trend is known,
    and an `additional` claim is cumulated only on the other claim when it is its source's earlier total."""
    items = prepare([a, b], unit=unit or a.unit, articles=articles, rates=rates, aliases=aliases)
    x, y = items
    return judge_pair(x, y, topic=a.topic or None)
