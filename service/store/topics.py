"""Keep the `topics` table in step with the claims: in the caller's transaction, or, for bulk writes, queued
in it (`mark_topics`) and recomputed once per batch (`refresh_pending`). Both doors also append the topics
to the change log, which servers read to keep the cached answers of the topics a write did not touch."""
from collections.abc import Iterable

from sqlalchemy import delete, func, insert, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from schemas import TopicSummary
from service.reconcile import topic_summary
from service.store.reads import articles_by_id, claims_of_topic
from service.store.tables import TopicChangeRow, TopicRefreshRow, TopicRow

CHANGE_LOG_ROWS = 100_000  # a server that fell further behind forgets its topic answers, nothing worse


def refresh_topics(session: Session, *, keys: Iterable[str]) -> None:
    """Recompute the summaries of `keys`, whose claims the caller changed; a topic left without claims is
    dropped."""
    keys = set(keys)
    log_topic_changes(session, keys=keys)
    _recompute(session, keys=keys)


def _recompute(session: Session, *, keys: set[str]) -> None:
    session.flush()
    for key in keys:
        claims = claims_of_topic(session, topic=key)
        row = session.get(TopicRow, key)
        if not claims:
            if row is not None:
                session.delete(row)
            continue
        summary = topic_summary(key, claims, articles=articles_by_id(session, ids={c.article_id for c in claims}))
        values = dict(label=summary.label, kind=summary.kind.value, n_claims=summary.n_claims,
                      n_sources=summary.n_sources, n_articles=summary.n_articles,
                      n_disagreements=summary.n_disagreements,
                      latest_as_of=summary.latest.as_of if summary.latest else None,
                      summary=summary.model_dump(mode="json"))
        if row is None:
            session.add(TopicRow(key=key, **values))
        else:
            for k, v in values.items():
                setattr(row, k, v)


def mark_topics(session: Session, *, keys: Iterable[str]) -> None:
    """Queue `keys` for `refresh_pending`, in the caller's transaction (so a killed batch loses no mark)."""
    keys = set(keys)
    log_topic_changes(session, keys=keys)
    rows = [{"key": k} for k in keys]
    if not rows:
        return
    upsert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    session.execute(upsert(TopicRefreshRow).values(rows).on_conflict_do_nothing(index_elements=["key"]))


def log_topic_changes(session: Session, *, keys: set[str]) -> None:
    """Append `keys` to the change log in the caller's transaction, dropping what is older than the newest
    `CHANGE_LOG_ROWS` rows (the newest row is never dropped, so sequence numbers only grow)."""
    if not keys:
        return
    session.execute(insert(TopicChangeRow), [{"topic": k} for k in sorted(keys)])
    newest = session.scalar(select(func.max(TopicChangeRow.seq)))
    session.execute(delete(TopicChangeRow).where(TopicChangeRow.seq <= newest - CHANGE_LOG_ROWS))


def refresh_pending(session_factory: sessionmaker[Session], *, chunk: int = 50) -> int:
    """Recompute every queued topic, `chunk` topics a transaction; returns how many.

    The marks are deleted before the claims are read, in the same transaction: a writer that marks a topic
    again meanwhile either committed before the read (its claims are seen) or keeps its new mark.
    """
    with session_factory() as session:
        keys = list(session.scalars(select(TopicRefreshRow.key).order_by(TopicRefreshRow.key)))
    for start in range(0, len(keys), chunk):
        batch = keys[start:start + chunk]
        for attempt in (1, 2):  # a second writer may have inserted one of these topics' rows meanwhile
            try:
                with session_factory.begin() as session:
                    session.execute(delete(TopicRefreshRow).where(TopicRefreshRow.key.in_(batch)))
                    _recompute(session, keys=set(batch))  # logged when they were marked
                break
            except IntegrityError:
                if attempt == 2:
                    raise
    return len(keys)


def topic_summary_of(row: TopicRow) -> TopicSummary:
    return TopicSummary.model_validate(row.summary)
