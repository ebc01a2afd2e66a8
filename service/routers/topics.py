from fastapi import APIRouter, HTTPException

from schemas import TopicSummary, TopicView
from service.deps import SessionDep
from service.reconcile import topic_summary, topic_view
from service.store.articles import articles_by_id, claims_of_topic, topic_keys

router = APIRouter(prefix="/v1/topics", tags=["topics"])


@router.get("", response_model=list[TopicSummary], operation_id="topics-list")
def list_topics(session: SessionDep) -> list[TopicSummary]:
    out = []
    for key in topic_keys(session):
        claims = claims_of_topic(session, topic=key)
        out.append(topic_summary(key, claims, articles=articles_by_id(session, ids={c.article_id for c in claims})))
    return out


@router.get("/{key}", response_model=TopicView, operation_id="topics-get")
def read_topic(key: str, session: SessionDep) -> TopicView:
    claims = claims_of_topic(session, topic=key)
    if not claims:
        raise HTTPException(404, f"No topic {key!r}.")
    return topic_view(key, claims, articles=articles_by_id(session, ids={c.article_id for c in claims}))
