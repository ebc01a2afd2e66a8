"""Extraction is pure and may run anywhere (a Dask worker); storing is one transaction per article."""
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session, sessionmaker

import extractors
from schemas import ArticleCreate, ArticleIngestResult, Claim
from service.store.articles import normalise_text, replace_claims, save_article
from service.store.reads import get_article, stale_articles
from service.store.topics import refresh_pending

REFRESH_EVERY_S = 30.0
# Refreshes wait at least this many times as long as the last one took: they cost at most ~1/4 of a run.
REFRESH_SHARE = 3.0

Document = tuple[str, ArticleCreate | Exception]
PreparedDocument = tuple[str, "Prepared | Exception"]


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
    refresh_error: str | None = None  # topic summaries could not be recomputed (they stay queued)

    def add(self, result: ArticleIngestResult) -> None:
        setattr(self, result.status, getattr(self, result.status) + 1)
        if result.status == "new":
            self.claims += result.n_claims

    def fail(self, name: str, exc: Exception) -> None:
        self.failed += 1
        self.failures.append((name, reason_of(exc)))


def reason_of(exc: Exception) -> str:
    """One line a person can act on: a reader's message as is; for a database error the driver's first line,
    not SQLAlchemy's dump of the statement and its parameters (kilobytes of claim records)."""
    if isinstance(exc, ValueError):
        return str(exc)
    if isinstance(exc, DBAPIError) and exc.orig is not None:
        detail = str(exc.orig).strip().splitlines()
        return f"{type(exc).__name__}: {detail[0] if detail else type(exc.orig).__name__}"
    return f"{type(exc).__name__}: {exc}"


def prepare(article: ArticleCreate) -> Prepared:
    """Extract from the normalised text, so that stored spans index the stored text."""
    text = normalise_text(article.text)
    article = article.model_copy(update={"text": text})
    claims = extractors.extract(text, published=article.published)
    return Prepared(article=article, claims=claims, extractor_version=extractors.EXTRACTOR_VERSION)


def prepare_each(articles: list[ArticleCreate]) -> list[Prepared | Exception]:
    """`prepare` over a batch (one Dask task), an extractor error being that article's result, not the batch's."""
    results: list[Prepared | Exception] = []
    for article in articles:
        try:
            results.append(prepare(article))
        except Exception as exc:  # noqa: BLE001 - reported per document, the batch goes on
            results.append(exc)
    return results


def prepare_serially(documents: Iterable[Document]) -> Iterator[PreparedDocument]:
    for name, article in documents:
        yield name, article if isinstance(article, Exception) else prepare_each([article])[0]


def store_prepared(session_factory: sessionmaker[Session], prepared: Prepared, *,
                   defer_topics: bool = False) -> ArticleIngestResult:
    """One article and its claims in one transaction; retried once if a concurrent writer stored the same
    text first (the retry then finds it known)."""
    for attempt in (1, 2):
        try:
            with session_factory.begin() as session:
                return save_article(session, article=prepared.article, claims=prepared.claims,
                                    extractor_version=prepared.extractor_version, defer_topics=defer_topics)
        except IntegrityError:
            if attempt == 2:
                raise


def store_all(session_factory: sessionmaker[Session], prepared: Iterable[PreparedDocument], *,
              on_progress: Callable[[str], None] | None = None,
              refresh_every: float = REFRESH_EVERY_S) -> IngestSummary:
    """Store each prepared article in its own transaction; a failure is counted and the batch goes on.

    Topic summaries are recomputed once per touched topic every `refresh_every` seconds (longer when a
    refresh is slow) and at the end, not once per article (a topic's summary costs more the more claims it
    has). Marks left by a killed run are picked up by the next one, which starts by refreshing them. A
    refresh that fails (the database went away) leaves the topics queued and is reported in
    `refresh_error`; it does not stop the batch.
    """
    summary = IngestSummary()

    def refresh() -> None:
        try:
            refresh_pending(session_factory)
            summary.refresh_error = None
        except Exception as exc:  # noqa: BLE001 - the marks stay; a later refresh recomputes them
            summary.refresh_error = reason_of(exc)

    refresh()
    last_refresh, wait = time.monotonic(), refresh_every
    for name, item in prepared:
        if isinstance(item, Exception):
            summary.fail(name, item)
        else:
            try:
                summary.add(store_prepared(session_factory, item, defer_topics=True))
            except Exception as exc:  # noqa: BLE001 - reported per document, the batch goes on
                summary.fail(name, exc)
        if on_progress:
            on_progress(name)
        if time.monotonic() - last_refresh > wait:
            started = time.monotonic()
            refresh()
            last_refresh = time.monotonic()
            wait = max(refresh_every, REFRESH_SHARE * (last_refresh - started))
    refresh()
    return summary


def ingest_articles(session_factory: sessionmaker[Session], articles: Iterable[Document],
                    *, on_progress: Callable[[str], None] | None = None) -> IngestSummary:
    """Ingest serially; an unreadable document is counted as failed and the batch goes on."""
    return store_all(session_factory, prepare_serially(articles), on_progress=on_progress)


@dataclass
class ReextractSummary:
    articles: int = 0
    claims_before: int = 0
    claims_after: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)


def reextract_articles(session_factory: sessionmaker[Session], *, everything: bool = False,
                       on_progress: Callable[[str], None] | None = None) -> ReextractSummary:
    """Re-run the current extractor over stored articles extracted by an older one (all with `everything`),
    one transaction per article, so an interrupted run resumes where it stopped."""
    summary = ReextractSummary()
    with session_factory() as session:
        todo = stale_articles(session, current=extractors.EXTRACTOR_VERSION, everything=everything)
    for article_id, published in todo:
        try:
            with session_factory.begin() as session:
                row = get_article(session, article_id=article_id)
                prepared = prepare(ArticleCreate(text=row.text, published=published))
                summary.claims_before += row.n_claims
                replace_claims(session, article_id=article_id, claims=prepared.claims,
                               extractor_version=prepared.extractor_version, defer_topics=True)
            summary.articles += 1
            summary.claims_after += len(prepared.claims)
        except Exception as exc:  # noqa: BLE001 - reported per article, the run goes on
            summary.failures.append((article_id, reason_of(exc)))
        if on_progress:
            on_progress(article_id)
    try:
        refresh_pending(session_factory)
    except Exception as exc:  # noqa: BLE001 - the marks stay; the next ingest or reextract refreshes them
        summary.failures.append(("topic summaries", reason_of(exc)))
    return summary
