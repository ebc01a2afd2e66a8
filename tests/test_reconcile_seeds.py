"""Topic views of the seed articles, built from the gold claims (seeds/gold.jsonl), not from the extractor.

Gold rows become ClaimRead records with synthetic ids (`<article>#<n>`); spans are located by
`quote` after `quote_after`, as score.py does; repeated mentions become `mentions` of their claim.
"""
import json
from pathlib import Path

import pytest

from extractors.evaluation import locate
from schemas import ArticleRead, ClaimRead
from schemas.enums import DisagreementType
from service.reconcile import compare, topic_view

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DEV = ROOT / "tests" / "data" / "dev"
FIELDS = ("kind", "casualty_type", "value", "low", "high", "qualifier", "unit", "per", "subject", "location",
          "attribution", "attribution_via", "hedged", "as_of", "as_of_text", "topic", "note")


def gold_read_claims(folder: Path) -> list[ClaimRead]:
    """ClaimRead records of a gold file (figures only; optional and not-a-figure lines skipped)."""
    rows = [json.loads(line) for line in (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    texts: dict[str, str] = {}
    claims: list[ClaimRead] = []
    for n, row in enumerate(rows):
        if row["kind"] == "not_a_figure" or row.get("optional"):
            continue
        text = texts.setdefault(row["article"], (folder / row["article"]).read_text(encoding="utf-8"))
        span = list(locate(row, {row["article"]: text}))
        if row.get("mention_of"):
            owner = next((c for c in reversed(claims) if c.article_id == row["article"]
                          and c.quote == row["mention_of"] and c.topic == row["topic"]), None)
            if owner is not None:
                owner.mentions.append(span)
                continue
        stated = row.get("stated") or {"value": row["value"], "low": row["low"], "high": row["high"], "unit": row["unit"]}
        claims.append(ClaimRead(**{f: row.get(f) for f in FIELDS if row.get(f) is not None or f in ("value", "low", "high")},
                                id=f"{row['article']}#{n}", article_id=row["article"], span=span,
                                quote=row["quote"], stated=stated, rule="gold"))
    return claims


def gold_articles(folder: Path) -> dict[str, ArticleRead]:
    """Article metadata keyed by the gold's `article` (the text's file name)."""
    out = {}
    for line in (folder / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            m = json.loads(line)
            aid = m["id"] if m["id"].endswith(".txt") else m["id"] + ".txt"
            out[aid] = ArticleRead(id=aid, title=m.get("title"), outlet=m.get("outlet"), published=m.get("published"))
    return out


def view_of(claims, key, articles=None):
    return topic_view(key, [c for c in claims if c.topic == key], articles=articles)


@pytest.fixture(scope="module")
def seeds():
    return gold_read_claims(SEEDS), gold_articles(SEEDS)


@pytest.fixture(scope="module")
def troops(seeds):
    claims, articles = seeds
    return view_of(claims, "dprk-troops-in-russia", articles)


def _by_quote(view, quote):
    return next(c for s in view.sources for c in s.claims if c.quote == quote)


def test_troop_topic_counts(troops):
    assert (troops.n_claims, troops.n_articles) == (8, 5)
    assert troops.n_sources >= 6
    assert troops.label == "North Korean troops in Russia"
    assert (troops.kind.value, troops.unit) == ("personnel", "person")


def test_troop_topic_range_cumulates_another_3000(troops):
    """3,000 from "at least 3,000"; 13,000 from NIS's "over 10,000" plus "another 3,000"."""
    assert (troops.range.low, troops.range.high) == (3000, 13000)
    point = next(p for p in troops.timeline if p.claim_id == _by_quote(troops, "another 3,000").id)
    assert (point.low, point.high, point.source) == (13000, None, "South Korea National Intelligence Service")


def test_troop_topic_flags_the_internal_slip_of_article_001(troops):
    up_to, between = _by_quote(troops, "up to 10,000 troops"), _by_quote(troops, "between 11,000 and 12,000")
    internal = [d for d in troops.disagreements if d.type is DisagreementType.internal]
    assert [(d.a, d.b, d.gap) for d in internal] == [(up_to.id, between.id, 0.1)]
    assert internal[0].explanation == ("Within article 001_c457e5f55a7a8ac2.txt: Vocal Media (≤10,000, undated) vs "
                                       "international intelligence agencies (11,000–12,000, undated): 10% apart")


def test_at_least_3000_is_in_no_contradiction(troops):
    at_least = _by_quote(troops, "at least 3,000")
    assert not [d for d in troops.disagreements if at_least.id in (d.a, d.b)]


def test_troop_topic_disagreements_most_severe_first(troops):
    order = ["contradiction", "internal", "scope", "revision", "change_over_time"]
    ranks = [order.index(d.type.value) for d in troops.disagreements]
    assert ranks == sorted(ranks)
    assert all(d.explanation and d.a != d.b for d in troops.disagreements)


def test_troop_topic_consensus_and_latest(troops):
    """Six independent sources with a point estimate (the vague "thousands" is not weighed)."""
    assert troops.consensus is not None and troops.consensus.n_sources == 6
    assert troops.consensus.value == 10750
    assert troops.latest.quote == "another 3,000"


def test_four_month_and_120_day_agree(seeds):
    claims, articles = seeds
    view = view_of(claims, "dprk-528th-regiment-deployment-duration", articles)
    assert view.n_claims == 2 and view.disagreements == []
    four, approx = (_by_quote(view, q) for q in ("four-month", "approximately 120-day"))
    assert compare(four, approx) is None


def test_the_nine_killed_are_one_claim(seeds):
    claims, articles = seeds
    view = view_of(claims, "dprk-528th-regiment-killed", articles)
    assert view.n_claims == 1 and len(view.sources[0].claims[0].mentions) == 3
    assert (view.range.low, view.range.high, view.sources[0].name) == (9, 9, "Kim Jong Un")


def test_pay_per_soldier_is_a_topic_of_its_own(seeds):
    claims, articles = seeds
    view = view_of(claims, "dprk-pay-per-soldier", articles)
    assert (view.n_claims, view.unit, view.per, view.range.low) == (1, "USD", "soldier", 2000)
    assert view.consensus is None
