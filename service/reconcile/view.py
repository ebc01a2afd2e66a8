"""The topic view of reconciliation.md §3: range, consensus, latest, timeline, sources, disagreements, counts."""
from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path

from extractors.topic import Catalog, load_catalog
from schemas import (
    ArticleRead,
    ClaimRead,
    Consensus,
    Disagreement,
    Range,
    SourceEntry,
    TimelinePoint,
    TopicSummary,
    TopicView,
)
from schemas.enums import DisagreementType
from service.reconcile.disagreements import (
    disagree,
    disagreement_id,
    explain,
    find_disagreements,
    gap,
    lower_higher,
    sort_disagreements,
)
from service.reconcile.items import Item, prepare, topic_unit
from service.reconcile.rates import RateTable, load_rates


def _split(key: str, claims: Sequence[ClaimRead], related: Sequence[ClaimRead] | None,
           catalog: Catalog) -> tuple[list[ClaimRead], list[ClaimRead]]:
    """The topic's own claims and those of other topics (passed along for scope)."""
    own, other = [], list(related or ())
    for c in claims:
        if c.topic and catalog.resolve(c.topic) != catalog.resolve(key):
            other.append(c)
        else:
            own.append(c)
    return own, other


def _range(items: Sequence[Item]) -> Range:
    """Lowest and highest finite bound of the non-vague claims, after cumulating `additional` ones."""
    bounds = [b for i in items if i.counts and not i.vague for b in i.raw if b is not None]
    return Range(low=min(bounds), high=max(bounds)) if bounds else Range()


def _latest_by_source(items: Sequence[Item]) -> dict[str, Item]:
    out: dict[str, Item] = {}
    for i in items:  # items are in as_of order
        if i.standalone_delta:
            continue
        out[i.source] = i
    return out


def _consensus(items: Sequence[Item]) -> Consensus | None:
    """Median and quartiles of each independent source's latest point estimate; None under two sources."""
    latest: dict[str, float] = {}
    for i in items:
        if i.counts and not i.vague and i.point is not None:
            latest[i.source] = i.point
    values = sorted(latest.values())
    if len(values) < 2:
        return None
    q1, _, q3 = statistics.quantiles(values, n=4, method="inclusive")
    return Consensus(value=statistics.median(values), low=q1, high=q3, n_sources=len(values))


def _scope_across(items: Sequence[Item], others: Sequence[Item], key: str, catalog: Catalog) -> list[Disagreement]:
    """A part that exceeds its whole: one scope flag against the whole's highest finite figure.

    A part (a regiment, one town) smaller than the whole is consistent and not flagged.
    """
    out = []
    by_topic: dict[str, list[Item]] = {}
    for o in others:
        by_topic.setdefault(catalog.resolve(o.claim.topic), []).append(o)
    for other_key, group in by_topic.items():
        child = catalog.related(key, other_key)
        if child is None:
            continue
        parts, wholes = (items, group) if child == catalog.resolve(key) else (group, items)
        finite = [w for w in wholes if w.counts and not w.vague and w.tol[1] is not None]
        if not finite:
            continue
        whole = max(finite, key=lambda w: w.tol[1])
        for part in parts:
            if part.counts and not part.vague and part.tol[0] is not None and part.tol[0] > whole.tol[1] and disagree(part, whole):
                g = gap(*lower_higher(whole, part))
                out.append(Disagreement(id=disagreement_id(whole.id, part.id), type=DisagreementType.scope,
                                        a=whole.id, b=part.id, gap=g, topic=catalog.resolve(whole.claim.topic or key),
                                        explanation=explain(DisagreementType.scope, whole, part, g)
                                        + " (a part larger than the whole)"))
    return out


def _build(key: str, claims: Sequence[ClaimRead], *, articles, catalog, rates, related,
           aliases) -> tuple[TopicSummary, list, list, list]:
    catalog = catalog if isinstance(catalog, Catalog) else load_catalog(catalog)
    rates = rates if isinstance(rates, RateTable) or rates is None else load_rates(rates)
    own, other = _split(key, claims, related, catalog)
    if not own:
        raise ValueError(f"no claims of topic {key!r}")
    unit = topic_unit(own)
    items = prepare(own, unit=unit, articles=articles, rates=rates, aliases=aliases)
    disagreements = find_disagreements(items, topic=key)
    if other:
        other_items = [i for c in _group(other) for i in prepare(c, unit=unit, articles=articles, rates=rates, aliases=aliases)]
        disagreements = sort_disagreements(disagreements + _scope_across(items, other_items, key, catalog))
    latest = _latest_by_source(items)
    overall = max((i for i in items if not i.standalone_delta), key=lambda i: i.order, default=None)
    kinds = Counter(c.kind for c in own)
    kind = kinds.most_common(1)[0][0]
    cas = Counter(c.casualty_type for c in own if c.kind is kind).most_common(1)[0][0]
    pers = Counter(c.per for c in own).most_common(1)[0][0]
    labels = Counter(c.topic_label for c in own if c.topic_label)
    label = catalog.label(key) or (labels.most_common(1)[0][0] if labels else key.replace("-", " "))
    summary = TopicSummary(key=key, label=label, kind=kind, casualty_type=cas, unit=unit, per=pers,
                           range=_range(items), consensus=_consensus(items),
                           latest=overall.claim if overall else None, n_claims=len(own),
                           n_articles=len({c.article_id for c in own}), n_sources=len({i.source for i in items}),
                           n_disagreements=len(disagreements))
    timeline = [TimelinePoint(as_of=i.claim.as_of, claim_id=i.id, source=i.source,
                              value=None if i.vague or i.standalone_delta else i.point,
                              low=i.raw[0], high=i.raw[1]) for i in items]
    sources = []
    for name in dict.fromkeys(i.source for i in items):
        mine = [i for i in items if i.source == name]
        sources.append(SourceEntry(name=name, claims=[i.claim for i in mine],
                                   latest=latest[name].claim if name in latest else mine[-1].claim,
                                   article_ids=list(dict.fromkeys(i.claim.article_id for i in mine))))
    return summary, timeline, sources, disagreements


def _group(claims: Sequence[ClaimRead]) -> list[list[ClaimRead]]:
    groups: dict[str, list[ClaimRead]] = {}
    for c in claims:
        groups.setdefault(c.topic, []).append(c)
    return list(groups.values())


def conversions(claims: Sequence[ClaimRead], *, unit: str | None = None, rates: RateTable | str | Path | None = None,
                articles: Mapping[str, ArticleRead] | None = None) -> list[str]:
    """The rates and unit conversions a topic's figures went through: "KRW -> USD at 1,440 KRW/USD (2025-11)"."""
    rates = rates if isinstance(rates, RateTable) or rates is None else load_rates(rates)
    unit = unit or topic_unit(claims)
    notes = []
    for i in prepare(claims, unit=unit, articles=articles, rates=rates):
        if i.comparable and i.claim.unit != unit:
            note = f"{i.claim.unit} -> {unit}" + (f" at {i.conversion}" if i.conversion else " (pint)")
            if note not in notes:
                notes.append(note)
    return notes


def topic_view(key: str, claims: Sequence[ClaimRead], *, articles: Mapping[str, ArticleRead] | None = None,
               catalog: Catalog | str | Path | None = None, rates: RateTable | str | Path | None = None,
               related: Sequence[ClaimRead] | None = None, aliases: str | Path | None = None) -> TopicView:
    """What sources say about one topic. Claims of other topics (in `claims` or `related`) only feed scope flags.

    `catalog`, `rates` and `aliases` take loaded tables or the paths of extra files (TALLY_TOPIC_CATALOG,
    TALLY_SOURCE_ALIASES) merged over the shipped ones.
    """
    summary, timeline, sources, disagreements = _build(key, claims, articles=articles, catalog=catalog,
                                                       rates=rates, related=related, aliases=aliases)
    return TopicView(**summary.model_dump(), timeline=timeline, sources=sources, disagreements=disagreements)


def topic_summary(key: str, claims: Sequence[ClaimRead], *, articles: Mapping[str, ArticleRead] | None = None,
                  catalog: Catalog | str | Path | None = None, rates: RateTable | str | Path | None = None,
                  related: Sequence[ClaimRead] | None = None, aliases: str | Path | None = None) -> TopicSummary:
    """The topic view less sources, timeline and disagreements, with their number."""
    return _build(key, claims, articles=articles, catalog=catalog, rates=rates, related=related, aliases=aliases)[0]
