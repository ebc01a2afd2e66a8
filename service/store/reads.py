"""Reads of articles and claims, keyword-only."""
import re

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from schemas import ArticleDetail, ArticleRead, ClaimRead
from service.store.tables import ArticleRow, ClaimRow

METADATA_FIELDS = ("source_id", "url", "title", "outlet", "published", "language")


def article_read(row: ArticleRow) -> ArticleRead:
    return ArticleRead(id=row.id, n_claims=row.n_claims, extractor_version=row.extractor_version,
                       **{f: getattr(row, f) for f in METADATA_FIELDS})


def article_detail(row: ArticleRow) -> ArticleDetail:
    return ArticleDetail(text=row.text, **article_read(row).model_dump())


def claim_read(row: ClaimRow) -> ClaimRead:
    return ClaimRead(id=row.id, article_id=row.article_id, extractor_version=row.extractor_version, **row.record)


def get_article(session: Session, *, article_id: str) -> ArticleRow | None:
    return session.get(ArticleRow, article_id)


def count_articles(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(ArticleRow)) or 0


def claims_of_article(session: Session, *, article_id: str) -> list[ClaimRead]:
    rows = session.scalars(select(ClaimRow).where(ClaimRow.article_id == article_id).order_by(ClaimRow.ordinal))
    return [claim_read(r) for r in rows]


def claims_of_topic(session: Session, *, topic: str) -> list[ClaimRead]:
    rows = session.scalars(select(ClaimRow).where(ClaimRow.topic == topic).order_by(ClaimRow.id))
    return [claim_read(r) for r in rows]


def topic_keys(session: Session) -> list[str]:
    return list(session.scalars(select(ClaimRow.topic).distinct().order_by(ClaimRow.topic)))


def articles_by_id(session: Session, *, ids: set[str]) -> dict[str, ArticleRead]:
    rows = session.scalars(select(ArticleRow).where(ArticleRow.id.in_(ids))) if ids else []
    return {r.id: article_read(r) for r in rows}


def version_key(version: str) -> tuple[int, ...]:
    """Extractor versions compare by their numbers ("0.0.10" after "0.0.9"); an empty version is oldest."""
    return tuple(int(n) for n in re.findall(r"\d+", version))


def stale_articles(session: Session, *, current: str, everything: bool = False) -> list[tuple[str, str | None]]:
    """(id, published) of the articles whose claims an extractor older than `current` made (all with `everything`)."""
    versions = list(session.scalars(select(ArticleRow.extractor_version).distinct()))
    older = [v for v in versions if everything or version_key(v) < version_key(current)]
    if not older:
        return []
    return [tuple(r) for r in session.execute(select(ArticleRow.id, ArticleRow.published)
                                               .where(ArticleRow.extractor_version.in_(older)).order_by(ArticleRow.id))]
