"""Text in, claim records out (spec/claims.md). Pure: no I/O, no FastAPI, no SQLAlchemy."""
from __future__ import annotations

import re

from schemas import Claim, Rejected

EXTRACTOR_VERSION = "0.1.0"

_DATE_OK = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$|^\d{4}-(spring|summer|autumn|winter)$")


def extract(text: str, *, published: str | None = None) -> list[Claim]:
    """The claims of one article text; `published` (partial ISO date) resolves relative dates."""
    return extract_with_rejections(text, published=published)[0]


def extract_with_rejections(text: str, *, published: str | None = None) -> tuple[list[Claim], list[Rejected]]:
    """Claims plus the numbers refused as not-a-figure, for the dashboard's "why".

    Never raises on text: a failure inside one article yields no claims rather than an exception."""
    from extractors.engine import extract_article
    from extractors.gazetteer import canonical_source
    from extractors.topic import assign_topics

    if not isinstance(text, str) or not text:
        return [], []
    if published is not None and not _DATE_OK.match(str(published)):
        published = None
    try:
        raw, rejected = extract_article(text, published)
    except Exception:  # robustness contract: any Unicode input gives records or nothing
        return [], []
    claims: list[Claim] = []
    for d in raw:
        s, e = d["span"]
        if not (0 <= s < e <= len(text)):
            continue
        if d["as_of"] is not None and not _DATE_OK.match(d["as_of"]):
            d["as_of"] = None
        try:
            d["attribution"] = canonical_source(d["attribution"]) or "article"
            if d.get("attribution_via"):
                d["attribution_via"] = canonical_source(d["attribution_via"])
            claims.append(Claim(**d))
        except Exception:
            continue
    try:
        claims = assign_topics(claims, text)
    except Exception:  # a claim without a topic is still a claim
        pass
    rej = [Rejected(span=[s, e], quote=text[s:e], reason=r) for s, e, r in rejected if 0 <= s < e <= len(text)]
    return claims, rej
