"""Extraction is pure and may run anywhere (a Dask worker); storing is one transaction per article."""
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from sqlalchemy.orm import Session, sessionmaker

import extractors
from schemas import ArticleCreate, ArticleIngestResult, Claim
from service.store.articles import normalise_text, save_article


@dataclass(frozen=True)
class Prepared:
    article: ArticleCreate
    claims: list[Claim]
    extractor_version: str


@dataclass
class IngestSummary:
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0
    claims: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)

    def add(self, result: ArticleIngestResult) -> None:
        setattr(self, result.status, getattr(self, result.status) + 1)
        if result.status == "new":
            self.claims += result.n_claims


def prepare(article: ArticleCreate) -> Prepared:
    """Extract from the normalised text, so that stored spans index the stored text."""
    text = normalise_text(article.text)
    article = article.model_copy(update={"text": text})
    claims = extractors.extract(text, published=article.published)
    return Prepared(article=article, claims=claims, extractor_version=extractors.EXTRACTOR_VERSION)


def store_prepared(session_factory: sessionmaker[Session], prepared: Prepared) -> ArticleIngestResult:
    with session_factory.begin() as session:
        return save_article(session, article=prepared.article, claims=prepared.claims,
                            extractor_version=prepared.extractor_version)


def ingest_articles(session_factory: sessionmaker[Session], articles: Iterable[tuple[str, ArticleCreate | Exception]],
                    *, on_progress: Callable[[str], None] | None = None) -> IngestSummary:
    """Ingest serially; an unreadable document is counted as failed and the batch goes on."""
    summary = IngestSummary()
    for name, article in articles:
        if isinstance(article, Exception):
            summary.failed += 1
            summary.failures.append((name, str(article)))
        else:
            try:
                summary.add(store_prepared(session_factory, prepare(article)))
            except Exception as exc:  # noqa: BLE001 - reported per document, the batch goes on
                summary.failed += 1
                summary.failures.append((name, f"{type(exc).__name__}: {exc}"))
        if on_progress:
            on_progress(name)
    return summary
