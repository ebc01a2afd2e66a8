from typing import Annotated

from fastapi import APIRouter, Body, HTTPException, Path, Request, Response, status
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from schemas import ArticleCreate, ArticleDetail, ArticleIngestResult, ArticlePage, ArticleRead, ClaimPage
from service.deps import PageDep, SessionDep, encode_cursor
from service.errors import problem_responses
from service.ingest import prepare
from service.routers.examples import ARTICLE_CREATE, ARTICLE_READ, CLAIM, json_example
from service.security import ReadKey, WriteKey
from service.store.articles import ArticleIdCollision, delete_article, save_article
from service.store.queries import list_article_claims, list_articles
from service.store.reads import article_detail, article_read, claim_read, get_article

router = APIRouter(prefix="/v1/articles", tags=["articles"], dependencies=[ReadKey])

ArticleId = Annotated[str, Path(max_length=64, description="Tally's article id.", examples=["157c3cf64a00950d"])]


def _found(session, article_id: str):
    row = get_article(session, article_id=article_id)
    if row is None:
        raise HTTPException(404, f"No article with id {article_id!r}; GET /v1/articles lists the known ones.")
    return row


def _retrying(request: Request, write):
    """Run `write(session)` in a transaction; a concurrent writer of the same rows wins once, then we retry.

    Two clients posting the same text at once both see it missing; the second insert then fails on the key,
    and the retry finds the article and answers `unchanged`. On SQLite, writers of this process queue on
    `app.state.write_lock` first: waiting there holds no connection and never runs into the busy timeout.
    """
    for attempt in (1, 2):
        try:
            with request.app.state.write_lock, request.app.state.sessionmaker.begin() as session:
                return write(session)
        except (IntegrityError, StaleDataError):
            if attempt == 2:
                raise


@router.post("", response_model=ArticleIngestResult, status_code=201, operation_id="articles-create",
             summary="Ingest an article",
             dependencies=[WriteKey],
             responses={201: {"description": "A new article; its claims are stored.",
                              **json_example({**ARTICLE_READ, "status": "new"})},
                        200: {"model": ArticleIngestResult, "description": "The text was already known.",
                              **json_example({**ARTICLE_READ, "status": "unchanged"})},
                        **problem_responses(401, 403, 409)})
def create_article(article: Annotated[ArticleCreate, Body(openapi_examples=ARTICLE_CREATE)], request: Request,
                   response: Response) -> ArticleIngestResult:
    """Ingest one article: extract its figures and store both in one transaction."""
    prepared = prepare(article)
    try:
        result = _retrying(request, lambda session: save_article(
            session, article=prepared.article, claims=prepared.claims, extractor_version=prepared.extractor_version))
    except ArticleIdCollision as exc:
        raise HTTPException(409, f"{exc}; the article was not stored.") from exc
    if result.status != "new":
        response.status_code = status.HTTP_200_OK
    return result


@router.get("", response_model=ArticlePage, operation_id="articles-list", summary="List articles",
            responses=problem_responses(401, 403))
def list_all_articles(session: SessionDep, page: PageDep) -> ArticlePage:
    """Articles, newest first, without their text."""
    rows, last = list_articles(session, limit=page.limit, after=page.after("articles", str, str))
    return ArticlePage(items=[article_read(r) for r in rows], next_cursor=last and encode_cursor("articles", *last))


@router.get("/{article_id}", response_model=ArticleDetail, operation_id="articles-get", summary="Get an article",
            responses=problem_responses(401, 403, 404))
def read_article(article_id: ArticleId, session: SessionDep) -> ArticleDetail:
    """One article with its text (claim spans index into it)."""
    return article_detail(_found(session, article_id))


@router.delete("/{article_id}", response_model=ArticleRead, operation_id="articles-delete",
               summary="Delete an article", dependencies=[WriteKey],
               responses={200: {"description": "The article was deleted; this was it.", **json_example(ARTICLE_READ)},
                          **problem_responses(401, 403, 404)})
def remove_article(article_id: ArticleId, request: Request) -> ArticleRead:
    """Delete an article and its claims; the topics they were in are recomputed."""
    def delete(session) -> ArticleRead:
        gone = article_read(_found(session, article_id))
        delete_article(session, article_id=article_id)
        return gone

    return _retrying(request, delete)


@router.get("/{article_id}/claims", response_model=ClaimPage, operation_id="articles-claims",
            summary="List an article's claims",
            responses={200: json_example({"items": [CLAIM], "next_cursor": None}), **problem_responses(401, 403, 404)})
def read_article_claims(article_id: ArticleId, session: SessionDep, page: PageDep) -> ClaimPage:
    """The article's claims in text order."""
    _found(session, article_id)
    rows, last = list_article_claims(session, article_id=article_id, limit=page.limit,
                                     after=page.after(f"article-claims:{article_id}", int))
    return ClaimPage(items=[claim_read(r) for r in rows],
                     next_cursor=last and encode_cursor(f"article-claims:{article_id}", *last))
