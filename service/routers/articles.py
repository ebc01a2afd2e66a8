from fastapi import APIRouter, HTTPException, Response, status

from schemas import ArticleCreate, ArticleDetail, ArticleIngestResult, ClaimRead
from service.deps import SessionDep
from service.ingest import prepare
from service.store.articles import save_article
from service.store.reads import article_detail, claims_of_article, get_article

router = APIRouter(prefix="/v1/articles", tags=["articles"])


@router.post("", response_model=ArticleIngestResult, status_code=201, operation_id="articles-create",
             responses={200: {"model": ArticleIngestResult, "description": "The text was already known."}})
def create_article(article: ArticleCreate, session: SessionDep, response: Response) -> ArticleIngestResult:
    """Ingest one article: extract its figures and store both in one transaction."""
    prepared = prepare(article)
    with session.begin():
        result = save_article(session, article=prepared.article, claims=prepared.claims,
                              extractor_version=prepared.extractor_version)
    if result.status != "new":
        response.status_code = status.HTTP_200_OK
    return result


@router.get("/{article_id}", response_model=ArticleDetail, operation_id="articles-get")
def read_article(article_id: str, session: SessionDep) -> ArticleDetail:
    row = get_article(session, article_id=article_id)
    if row is None:
        raise HTTPException(404, f"No article with id {article_id!r}.")
    return article_detail(row)


@router.get("/{article_id}/claims", response_model=list[ClaimRead], operation_id="articles-claims")
def read_article_claims(article_id: str, session: SessionDep) -> list[ClaimRead]:
    if get_article(session, article_id=article_id) is None:
        raise HTTPException(404, f"No article with id {article_id!r}.")
    return claims_of_article(session, article_id=article_id)
