"""Keep the `topics` table in step with the claims, inside the caller's transaction."""
from collections.abc import Iterable

from sqlalchemy.orm import Session

from schemas import TopicSummary
from service.reconcile import topic_summary
from service.store.reads import articles_by_id, claims_of_topic
from service.store.tables import TopicRow


def refresh_topics(session: Session, *, keys: Iterable[str]) -> None:
    """Recompute the summaries of `keys`; a topic left without claims is dropped."""
    session.flush()
    for key in set(keys):
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


def topic_summary_of(row: TopicRow) -> TopicSummary:
    return TopicSummary.model_validate(row.summary)
