"""The dashboard: server-rendered HTML pages over the same store and reconciliation as the API.

Kept out of the OpenAPI schema: pages are for people, the `/v1` API is the contract. Pages are reads, so a
store whose reads need a key (`TALLY_READ_REQUIRES_KEY`) keeps its pages closed too.
"""
from pathlib import Path

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, PackageLoader
from sqlalchemy import func, or_, select

from extractors import extract_with_rejections
from schemas import Kind
from service.dashboard.charts import fmt, interval_text
from service.dashboard.pages import describe, segments, sentence_parts, spark, text_marks, topic_charts
from service.deps import SessionDep
from service.reconcile import topic_view
from service.security import ReadKey
from service.store.reads import (article_read, articles_by_id, claim_read, claims_of_article, claims_of_topic,
                                 get_article)
from service.store.tables import ArticleRow, ClaimRow, TopicRow
from service.store.topics import topic_summary_of

STATIC = Path(__file__).parent / "static"
LIST_LIMIT = 500
SORTS = {
    "disagreements": (TopicRow.n_disagreements.desc(), TopicRow.n_claims.desc(), TopicRow.key),
    "claims": (TopicRow.n_claims.desc(), TopicRow.key),
    "sources": (TopicRow.n_sources.desc(), TopicRow.key),
    "latest": (TopicRow.latest_as_of.desc().nulls_last(), TopicRow.key),
    "label": (TopicRow.label, TopicRow.key),
}

env = Environment(loader=PackageLoader("service.dashboard", "templates"), autoescape=True,
                  trim_blocks=True, lstrip_blocks=True)
env.filters.update(fmt=fmt)
env.globals.update(interval_text=interval_text, describe=describe, sentence_parts=sentence_parts)
templates = Jinja2Templates(env=env)

router = APIRouter(include_in_schema=False)


def _missing(request: Request, what: str) -> HTMLResponse:
    return templates.TemplateResponse(request, "missing.html", {"what": what}, status_code=404)


@router.get("/", response_class=HTMLResponse, name="dashboard-topics", dependencies=[ReadKey])
def topics_page(request: Request, session: SessionDep, q: str = "", kind: str = "",
                sort: str = "disagreements") -> HTMLResponse:
    """Every topic, filtered on the server so that search works without JavaScript.

    Sparklines come from each topic's own timeline (one query for all claims), so they match the topic page.
    """
    stmt = select(TopicRow)
    needle = q.strip().lower()
    if needle:
        stmt = stmt.where(or_(func.lower(TopicRow.label).contains(needle, autoescape=True),
                              TopicRow.key.contains(needle.replace(" ", "-"), autoescape=True)))
    if kind in Kind.__members__:
        stmt = stmt.where(TopicRow.kind == kind)
    sort = sort if sort in SORTS else "disagreements"
    rows = list(session.scalars(stmt.order_by(*SORTS[sort]).limit(LIST_LIMIT + 1)))
    summaries = [topic_summary_of(r) for r in rows[:LIST_LIMIT]]
    claims: dict[str, list] = {s.key: [] for s in summaries}
    for row in session.scalars(select(ClaimRow).where(ClaimRow.topic.in_(claims)).order_by(ClaimRow.id)):
        claims[row.topic].append(claim_read(row))
    articles = articles_by_id(session, ids={c.article_id for cs in claims.values() for c in cs})
    items = [(s, spark(topic_view(s.key, claims[s.key], articles=articles).timeline, s.label)) for s in summaries]
    return templates.TemplateResponse(request, "topics.html", {
        "items": items, "q": q, "kind": kind if kind in Kind.__members__ else "", "sort": sort,
        "kinds": [k.value for k in Kind], "sorts": list(SORTS), "truncated": len(rows) > LIST_LIMIT,
        "limit": LIST_LIMIT})


@router.get("/topics/{key}", response_class=HTMLResponse, name="dashboard-topic", dependencies=[ReadKey])
def topic_page(request: Request, key: str, session: SessionDep) -> HTMLResponse:
    """One topic: intervals per source, timeline, disagreements, and every claim in its sentence."""
    claims = claims_of_topic(session, topic=key)
    if not claims:
        return _missing(request, f"topic {key!r}")
    rows = session.scalars(select(ArticleRow).where(ArticleRow.id.in_({c.article_id for c in claims})))
    articles = {r.id: r for r in rows}
    view = topic_view(key, claims, articles={i: article_read(r) for i, r in articles.items()})
    return templates.TemplateResponse(request, "topic.html", {
        "view": view, "charts": topic_charts(view), "articles": articles,
        "claims": {c.id: c for s in view.sources for c in s.claims},
        "source_of": {c.id: s.name for s in view.sources for c in s.claims}})


@router.get("/articles/{article_id}", response_class=HTMLResponse, name="dashboard-article", dependencies=[ReadKey])
def article_page(request: Request, article_id: str, session: SessionDep, rejected: bool = False) -> HTMLResponse:
    """An article with its figures highlighted; `?rejected=1` also shows the numbers refused, and why."""
    row = get_article(session, article_id=article_id)
    if row is None:
        return _missing(request, f"article {article_id!r}")
    claims = claims_of_article(session, article_id=article_id)
    refused = extract_with_rejections(row.text, published=row.published)[1] if rejected else []
    return templates.TemplateResponse(request, "article.html", {
        "article": article_read(row), "claims": claims, "rejected": refused, "show_rejected": rejected,
        "segments": segments(row.text, text_marks(claims, refused))})


@router.get("/dashboard/static/{name}", name="dashboard-static")
def static_file(name: str) -> FileResponse:
    """The dashboard's own CSS, served from the package (only files that ship in static/)."""
    path = STATIC / name
    if name not in {p.name for p in STATIC.iterdir()}:
        raise HTTPException(404, f"No static file {name!r}.")
    return FileResponse(path, headers={"Cache-Control": "public, max-age=3600"})
