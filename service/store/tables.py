"""Database tables. Separate from the API models in `schemas/`: a row is storage, not contract."""
from datetime import datetime, timezone

from sqlalchemy import JSON, Boolean, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def _now() -> datetime:
    return datetime.now(timezone.utc)


class Base(DeclarativeBase):
    pass


class ArticleRow(Base):
    __tablename__ = "articles"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    source_id: Mapped[str | None] = mapped_column(String(500), index=True)
    url: Mapped[str | None] = mapped_column(String(2000))
    title: Mapped[str | None] = mapped_column(String(1000))
    outlet: Mapped[str | None] = mapped_column(String(500))
    published: Mapped[str | None] = mapped_column(String(16), index=True)
    language: Mapped[str] = mapped_column(String(16), default="en")
    text: Mapped[str] = mapped_column(Text)
    # Nullable only so that migration 0002 could add it without a table rebuild; always set.
    text_sha256: Mapped[str | None] = mapped_column(String(64))
    n_claims: Mapped[int] = mapped_column(Integer, default=0)
    extractor_version: Mapped[str] = mapped_column(String(32), default="", index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now, onupdate=_now)

    claims: Mapped[list["ClaimRow"]] = relationship(
        back_populates="article", cascade="all, delete-orphan", passive_deletes=True, order_by="ClaimRow.ordinal"
    )


class ClaimRow(Base):
    """One claim. The full record is kept as JSON; the columns are what lists filter and sort on."""

    __tablename__ = "claims"
    __table_args__ = (Index("ix_claims_topic_as_of", "topic", "as_of"),
                      # Covers `topic_version`: a topic's claim ids and articles without reading the records.
                      Index("ix_claims_topic_article_id", "topic", "article_id", "id"))

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    ordinal: Mapped[int] = mapped_column(Integer)
    topic: Mapped[str] = mapped_column(String(200), index=True)
    kind: Mapped[str] = mapped_column(String(20), index=True)
    attribution: Mapped[str] = mapped_column(String(500), index=True)
    as_of: Mapped[str | None] = mapped_column(String(16))
    hedged: Mapped[bool] = mapped_column(Boolean, default=False)
    extractor_version: Mapped[str] = mapped_column(String(32), default="")
    record: Mapped[dict] = mapped_column(JSON)

    article: Mapped[ArticleRow] = relationship(back_populates="claims")


class TopicRow(Base):
    """A topic's summary, recomputed in the transaction that changes its claims, so lists stay cheap."""

    __tablename__ = "topics"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    label: Mapped[str] = mapped_column(String(500), default="")
    kind: Mapped[str] = mapped_column(String(20), index=True)
    n_claims: Mapped[int] = mapped_column(Integer, default=0, index=True)
    n_sources: Mapped[int] = mapped_column(Integer, default=0)
    n_articles: Mapped[int] = mapped_column(Integer, default=0)
    n_disagreements: Mapped[int] = mapped_column(Integer, default=0, index=True)
    latest_as_of: Mapped[str | None] = mapped_column(String(16), index=True)
    summary: Mapped[dict] = mapped_column(JSON)

    # The topic list sorts by a count descending, then key: one index per sort serves a page without a scan.
    __table_args__ = (
        Index("ix_topics_n_claims_key", n_claims.column.desc(), key.column),
        Index("ix_topics_n_disagreements_key", n_disagreements.column.desc(), key.column),
    )


class TopicChangeRow(Base):
    """One topic whose view changed, in commit order: a server keeps answers of the topics that did not move
    across a write (`service.cache.TopicChanges`). Only the newest rows are kept (`CHANGE_LOG_ROWS`)."""

    __tablename__ = "topic_changes"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    topic: Mapped[str] = mapped_column(String(200))


class TopicRefreshRow(Base):
    """A topic whose claims changed in a bulk write and whose summary is not yet recomputed."""

    __tablename__ = "topic_refresh"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
