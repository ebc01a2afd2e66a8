"""OpenAPI examples, taken from seeds/003_356b0cf886c0f2fa.txt (the Pentagon's 10,000 troops)."""

SEED_TEXT = (
    "In a startling new development, the Pentagon has confirmed that North Korea has deployed approximately "
    "10,000 troops to Russia, with some units already positioned near Ukraine\u2019s border. The announcement, "
    "delivered by Pentagon spokesperson Sabrina Singh on Monday, raises grave concerns about North Korea\u2019s "
    "expanding role in the Ukraine conflict, with troops potentially moving to support Russian combat operations "
    "in the critical Kursk region. This unprecedented alliance between Moscow and Pyongyang signals an escalation "
    "that could further complicate the already volatile conflict, drawing more global actors into the fray."
)
SEED_ARTICLE_ID = "157c3cf64a00950d"

ARTICLE_CREATE = {
    "pentagon": {
        "summary": "A news article (first paragraph of a seed)",
        "value": {"source_id": "003_356b0cf886c0f2fa.txt", "title": "Pentagon confirms North Korean troops in Russia",
                  "published": "2024-10-28", "language": "en", "text": SEED_TEXT},
    },
}

ARTICLE_READ = {"id": SEED_ARTICLE_ID, "source_id": "003_356b0cf886c0f2fa.txt", "url": None,
                "title": "Pentagon confirms North Korean troops in Russia", "outlet": None, "published": "2024-10-28",
                "language": "en", "n_claims": 1, "extractor_version": "0.1.0"}

CLAIM = {
    "id": "c-3f1e0a9b7c2d4e58", "article_id": SEED_ARTICLE_ID, "extractor_version": "0.1.0",
    "kind": "personnel", "casualty_type": None, "value": 10000, "low": 9000, "high": 11000,
    "qualifier": "approximately", "unit": "person", "per": None, "subject": "North Korean troops deployed to Russia",
    "location": "Russia", "attribution": "Pentagon", "attribution_via": "Sabrina Singh", "hedged": False,
    "as_of": "2024-10-28", "as_of_text": "on Monday", "topic": "dprk-troops-in-russia",
    "topic_label": "North Korean troops in Russia",
    "stated": {"value": 10000, "low": None, "high": None, "unit": "person"},
    "span": [89, 116], "quote": "approximately 10,000 troops",
    "sentence": "In a startling new development, the Pentagon has confirmed that North Korea has deployed "
                "approximately 10,000 troops to Russia, with some units already positioned near Ukraine\u2019s border.",
    "rule": "personnel:<qualifier> <number> <troops>", "mentions": [], "note": None,
}

EXTRACT_REQUEST = {
    "pentagon": {"summary": "A paragraph of a seed article",
                 "value": {"text": SEED_TEXT, "published": "2024-10-28"}},
}

DISAGREEMENT = {
    "id": "d-5b0c9e1f2a3d4c67", "type": "contradiction", "a": "c-3f1e0a9b7c2d4e58", "b": "c-8a7b6c5d4e3f2a19",
    "gap": 0.1, "topic": "dprk-troops-in-russia",
    "explanation": "Pentagon (~10,000, 2024-10-28) vs international intelligence agencies (11,000\u201312,000): "
                   "10% apart",
}

TOPIC_SUMMARY = {
    "key": "dprk-troops-in-russia", "label": "North Korean troops in Russia", "kind": "personnel",
    "casualty_type": None, "unit": "person", "per": None, "range": {"low": 3000, "high": 13000},
    "consensus": {"value": 11000, "low": 10000, "high": 12000, "n_sources": 5}, "latest": CLAIM,
    "n_claims": 8, "n_articles": 5, "n_sources": 7, "n_disagreements": 1,
}

TOPIC_VIEW = {
    **TOPIC_SUMMARY,
    "timeline": [{"as_of": "2024-10-28", "claim_id": CLAIM["id"], "source": "Pentagon", "value": 10000,
                  "low": 9000, "high": 11000}],
    "sources": [{"name": "Pentagon", "claims": [CLAIM], "latest": CLAIM, "article_ids": [SEED_ARTICLE_ID]}],
    "disagreements": [DISAGREEMENT],
}


def json_example(example: dict) -> dict:
    """A `responses` entry that shows `example` as the JSON body."""
    return {"content": {"application/json": {"example": example}}}
