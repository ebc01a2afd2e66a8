"""Reads of articles and claims, keyword-only."""
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
