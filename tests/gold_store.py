"""Load a store from the hand-checked gold claims (seeds/gold.jsonl), so that store, API and dashboard
tests do not depend on how far the extractor has got.

Spans are located as /work/shared/eval/score.py does (`quote`, searched after `quote_after`), in the
normalised text the store keeps; repeated mentions (`mention_of`) become `mentions` of their figure.
"""
import json
import re
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from extractors.evaluation import locate
from extractors.topic import load_catalog
from schemas import ArticleCreate, Claim
from service.store.articles import article_id_of, normalise_text, save_article

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
GOLD_VERSION = "gold"
CLAIM_FIELDS = ("kind", "casualty_type", "value", "low", "high", "qualifier", "unit", "per", "subject", "location",
                "attribution", "attribution_via", "hedged", "as_of", "as_of_text", "topic")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+|\n+")


def gold_rows(seeds: Path = SEEDS) -> list[dict]:
    return [json.loads(line) for line in (seeds / "gold.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]


def seed_articles(seeds: Path = SEEDS) -> dict[str, ArticleCreate]:
    """The seed articles by file name."""
    out = {}
    for line in (seeds / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            m = json.loads(line)
            out[m["id"]] = ArticleCreate(text=(seeds / m["id"]).read_text(encoding="utf-8"), source_id=m["id"],
                                         title=m.get("title"), outlet=m.get("outlet"), published=m.get("published"),
                                         language=m.get("language", "en"))
    return out


def sentence_of(text: str, span: tuple[int, int]) -> str:
    """The sentence around a span, cut at sentence ends and line breaks."""
    starts = [m.end() for m in _SENTENCE_END.finditer(text, 0, span[0])]
    start = starts[-1] if starts else 0
    end_match = _SENTENCE_END.search(text, span[1])
    end = end_match.start() if end_match else len(text)
    return text[start:end].strip()


def gold_claims(text: str, rows: list[dict]) -> list[Claim]:
    """Claim records for one article's gold rows (figures only; optional and not-a-figure rows skipped)."""
    catalog = load_catalog()
    claims: list[Claim] = []
    for row in rows:
        if row["kind"] == "not_a_figure" or row.get("optional") or row.get("mention_of"):
            continue
        span = locate(row, {row["article"]: text})
        claims.append(Claim(**{f: row[f] for f in CLAIM_FIELDS if f in row},
                            topic_label=catalog.label(row["topic"]) or "", span=list(span), quote=row["quote"],
                            sentence=sentence_of(text, span), rule="gold",
                            stated={"value": row["value"], "low": row["low"], "high": row["high"], "unit": row["unit"]}))
    for row in rows:
        if row.get("mention_of") and not row.get("optional"):
            owner = next((c for c in claims if c.quote == row["mention_of"] and c.topic == row["topic"]), None)
            span = list(locate(row, {row["article"]: text}))
            if owner is not None and span != owner.span:
                owner.mentions.append(span)
    return claims


def load_gold(factory: sessionmaker[Session], seeds: Path = SEEDS) -> dict[str, str]:
    """Store every seed article with its gold claims; returns Tally's article id per seed file name."""
    rows = gold_rows(seeds)
    ids = {}
    for name, article in seed_articles(seeds).items():
        text = normalise_text(article.text)
        claims = gold_claims(text, [r for r in rows if r["article"] == name])
        with factory.begin() as session:
            save_article(session, article=article, claims=claims, extractor_version=GOLD_VERSION)
        ids[name] = article_id_of(text)
    return ids
