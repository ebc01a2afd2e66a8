"""Integration: the real extractor on the seed articles, then the troop topic view."""
import json
from pathlib import Path

import extractors
from schemas import ClaimRead
from schemas.enums import DisagreementType
from service.reconcile import topic_view

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def test_troop_topic_from_the_extractor():
    claims = []
    for line in (SEEDS / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        meta = json.loads(line)
        text = (SEEDS / meta["id"]).read_text(encoding="utf-8")
        for n, c in enumerate(extractors.extract(text, published=meta.get("published"))):
            claims.append(ClaimRead(**c.model_dump(), id=f"{meta['id']}#{n}", article_id=meta["id"]))
    view = topic_view("dprk-troops-in-russia", [c for c in claims if c.topic == "dprk-troops-in-russia"])
    assert (view.n_claims, view.n_articles) == (8, 5)
    assert view.n_sources >= 6
    assert (view.range.low, view.range.high) == (3000, 13000)
    assert [d.type for d in view.disagreements].count(DisagreementType.internal) == 1
