"""List queries for the API: filters as bound parameters, keyset pagination on a stable sort key.

Each list returns its rows and the sort key of the last one when another page follows; the router turns
that key into an opaque cursor. Keyset (not offset) pages stay correct and cheap while rows are added.
"""
import threading
from collections.abc import Callable, Sequence
from datetime import datetime
from enum import Enum

from sqlalchemy import ColumnElement, Engine, Text, and_, cast, func, literal_column, or_, select
from sqlalchemy.orm import Session, defer

from service.store.tables import ArticleRow, ClaimRow, TopicChangeRow, TopicRow


class TopicSort(str, Enum):
    """Orders of the topic list: most claims, most disagreements, most recent figure."""

    claims = "claims"
    disagreements = "disagreements"
    latest = "latest"


def _page(rows: Sequence, *, limit: int, key_of: Callable) -> tuple[list, tuple | None]:
    """`rows` were fetched with `limit + 1`: the extra one only says that another page follows."""
    page = list(rows[:limit])
    return page, (key_of(page[-1]) if len(rows) > limit else None)


def _desc_then_asc(first: ColumnElement, second: ColumnElement, after: tuple | None) -> ColumnElement | None:
    """The keyset condition for `ORDER BY first DESC, second ASC`."""
    if after is None:
        return None
    return or_(first < after[0], and_(first == after[0], second > after[1]))


def _contains(column: ColumnElement, text: str) -> ColumnElement:
    """Case-insensitive substring match; LIKE wildcards in the text are matched literally."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return func.lower(column).like(f"%{escaped.lower()}%", escape="\\")


def list_articles(session: Session, *, limit: int, after: tuple[str, str] | None) -> tuple[list[ArticleRow], tuple | None]:
    """Newest first; the text is left unloaded (a list never shows it)."""
    stmt = select(ArticleRow).options(defer(ArticleRow.text)).order_by(ArticleRow.created_at.desc(),
                                                                       ArticleRow.id.desc())
    if after is not None:
        created = datetime.fromisoformat(after[0])
        stmt = stmt.where(or_(ArticleRow.created_at < created,
                              and_(ArticleRow.created_at == created, ArticleRow.id < after[1])))
    return _page(session.scalars(stmt.limit(limit + 1)).all(), limit=limit,
                 key_of=lambda r: (r.created_at.isoformat(), r.id))


def list_claims(session: Session, *, limit: int, after: tuple[str] | None, topic: str | None = None,
                kind: str | None = None, source: str | None = None, article: str | None = None,
                since: str | None = None, until: str | None = None,
                hedged: bool | None = None) -> tuple[list[ClaimRow], tuple | None]:
    """Claims in id order. `since`/`until` compare ISO strings, so `2024-10` falls before `2024-10-01`."""
    conditions = [
        ClaimRow.topic == topic if topic is not None else None,
        ClaimRow.kind == kind if kind is not None else None,
        ClaimRow.attribution == source if source is not None else None,
        ClaimRow.article_id == article if article is not None else None,
        ClaimRow.as_of >= since if since is not None else None,
        ClaimRow.as_of <= until if until is not None else None,
        ClaimRow.hedged == hedged if hedged is not None else None,
        ClaimRow.id > after[0] if after is not None else None,
    ]
    stmt = select(ClaimRow).where(*(c for c in conditions if c is not None)).order_by(ClaimRow.id)
    return _page(session.scalars(stmt.limit(limit + 1)).all(), limit=limit, key_of=lambda r: (r.id,))


def list_article_claims(session: Session, *, article_id: str, limit: int,
                        after: tuple[int] | None) -> tuple[list[ClaimRow], tuple | None]:
    """One article's claims in text order."""
    stmt = select(ClaimRow).where(ClaimRow.article_id == article_id).order_by(ClaimRow.ordinal)
    if after is not None:
        stmt = stmt.where(ClaimRow.ordinal > after[0])
    return _page(session.scalars(stmt.limit(limit + 1)).all(), limit=limit, key_of=lambda r: (r.ordinal,))


_TOPIC_SORT_COLUMNS = {
    TopicSort.claims: TopicRow.n_claims,
    TopicSort.disagreements: TopicRow.n_disagreements,
    # Inlined, not bound, so that an index on the same expression can serve the sort.
    TopicSort.latest: func.coalesce(TopicRow.latest_as_of, literal_column("''")),
}
TOPIC_SORT_KEY_TYPES = {TopicSort.claims: (int, str), TopicSort.disagreements: (int, str),
                        TopicSort.latest: (str, str)}


def list_topics(session: Session, *, limit: int, after: tuple | None, sort: TopicSort = TopicSort.claims,
                kind: str | None = None, q: str | None = None) -> tuple[list[str], tuple | None]:
    """Summaries from the precomputed `topics` table, largest first (ties by key); no claim is read.

    Each summary comes back as the JSON text it was stored as (a TopicSummary document): a page is those
    texts joined, with nothing parsed, validated or serialised again.
    """
    first = _TOPIC_SORT_COLUMNS[sort]
    conditions = [
        TopicRow.kind == kind if kind is not None else None,
        or_(_contains(TopicRow.label, q), _contains(TopicRow.key, q)) if q else None,
        _desc_then_asc(first, TopicRow.key, after),
    ]
    stmt = (select(cast(TopicRow.summary, Text), first, TopicRow.key)
            .where(*(c for c in conditions if c is not None)).order_by(first.desc(), TopicRow.key))
    rows, last = _page(session.execute(stmt.limit(limit + 1)).all(), limit=limit, key_of=lambda r: (r[1], r[2]))
    return [r[0] for r in rows], last


def list_sources(session: Session, *, limit: int, after: tuple[str] | None) -> tuple[Sequence, tuple | None]:
    """Sources by name, each with its claim, article and topic counts."""
    stmt = (select(ClaimRow.attribution.label("name"), func.count().label("n_claims"),
                   func.count(ClaimRow.article_id.distinct()).label("n_articles"),
                   func.count(ClaimRow.topic.distinct()).label("n_topics"))
            .group_by(ClaimRow.attribution).order_by(ClaimRow.attribution))
    if after is not None:
        stmt = stmt.where(ClaimRow.attribution > after[0])
    return _page(session.execute(stmt.limit(limit + 1)).all(), limit=limit, key_of=lambda r: (r.name,))


def topic_version(session: Session, *, key: str) -> tuple | None:
    """A version of everything a topic view is computed from; None when the topic has no claims.

    One aggregate row, computed by the database: the number of claims, their smallest and largest ids, and
    the latest `updated_at` of their articles. Claims change only with their article: a new article gets a
    later `updated_at` than every other, re-extraction and metadata changes move its `updated_at`, and a
    deletion lowers the count or moves an end of the id range.
    """
    row = session.execute(
        select(func.count(), func.min(ClaimRow.id), func.max(ClaimRow.id), func.max(ArticleRow.updated_at))
        .join(ArticleRow, ArticleRow.id == ClaimRow.article_id).where(ClaimRow.topic == key)
    ).one()
    return None if row[0] == 0 else tuple(str(v) for v in row)


_CHANGES, _SEQ = TopicChangeRow.__tablename__, TopicChangeRow.seq.name


class DataVersion:
    """SQLite's `PRAGMA data_version`, read on a connection kept for it: the number moves whenever any
    other connection, of this process or another, commits. An unchanged number means an unchanged store,
    so a cached read needs no query at all; a moved one is explained by the topic change log, read on the
    same connection. None on other databases (and in-memory SQLite).
    """

    def __init__(self, engine: Engine) -> None:
        file_sqlite = engine.dialect.name == "sqlite" and engine.url.database not in (None, "", ":memory:")
        self._conn = engine.raw_connection() if file_sqlite else None
        self._lock = threading.Lock()

    def current(self) -> int | None:
        if self._conn is None:
            return None
        return self._read("PRAGMA data_version")[0][0]

    def newest_change(self) -> int:
        """The sequence number of the change log's newest row (0 for an empty log)."""
        return self._read(f"SELECT coalesce(max({_SEQ}), 0) FROM {_CHANGES}")[0][0]

    def topic_changes(self, *, after: int) -> list[tuple[int, str]]:
        """The change log's (seq, topic) rows after `after`, oldest first."""
        return self._read(f"SELECT {_SEQ}, {TopicChangeRow.topic.name} FROM {_CHANGES} WHERE {_SEQ} > ? "
                          f"ORDER BY {_SEQ}", (after,))

    def _read(self, sql: str, params: tuple = ()) -> list[tuple]:
        with self._lock:
            cursor = self._conn.cursor()
            try:
                return cursor.execute(sql, params).fetchall()
            finally:
                cursor.close()
