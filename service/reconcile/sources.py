"""Who asserts a claim: the canonical source, with the outlet's own voice as a source of its own."""
from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from extractors.gazetteer import canonical_source
from schemas import ArticleRead, ClaimRead

ARTICLE = "article"


def is_own_voice(claim: ClaimRead) -> bool:
    """The figure has no source: the outlet asserts it."""
    return canonical_source(claim.attribution or ARTICLE).casefold() == ARTICLE


def source_of(claim: ClaimRead, articles: Mapping[str, ArticleRead] | None = None, *,
              aliases: str | Path | None = None) -> str:
    """Canonical source (shipped aliases, plus the file `aliases`); an `article` claim belongs to its outlet."""
    if not is_own_voice(claim):
        return canonical_source(claim.attribution, aliases=aliases)
    article = (articles or {}).get(claim.article_id)
    if article is not None and article.outlet:
        return article.outlet
    return f"article {claim.article_id}"
