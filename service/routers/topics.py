from fastapi import APIRouter, HTTPException
from sqlalchemy import select

from schemas import TopicSummary, TopicView
from service.deps import SessionDep
from service.reconcile import topic_view
from service.store.reads import articles_by_id, claims_of_topic
from service.store.tables import TopicRow
from service.store.topics import topic_summary_of

router = APIRouter(prefix="/v1/topics", tags=["topics"])


@router.get("", response_model=list[TopicSummary], operation_id="topics-list")
def list_topics(session: SessionDep) -> list[TopicSummary]:
    rows = session.scalars(select(TopicRow).order_by(TopicRow.n_disagreements.desc(), TopicRow.key))
    return [topic_summary_of(r) for r in rows]


@router.get("/{key}", response_model=TopicView, operation_id="topics-get")
def read_topic(key: str, session: SessionDep) -> TopicView:
    claims = claims_of_topic(session, topic=key)
    if not claims:
        raise HTTPException(404, f"No topic {key!r}.")
    return topic_view(key, claims, articles=articles_by_id(session, ids={c.article_id for c in claims}))
