from fastapi import APIRouter

from schemas import SourcePage, SourceRead
from service.deps import PageDep, SessionDep, encode_cursor
from service.errors import problem_responses
from service.routers.examples import json_example
from service.security import ReadKey
from service.store.queries import list_sources

router = APIRouter(prefix="/v1/sources", tags=["sources"], dependencies=[ReadKey],
                   responses=problem_responses(401, 403))


@router.get("", response_model=SourcePage, operation_id="sources-list", summary="List sources",
            responses={200: json_example({"items": [{"name": "Pentagon", "n_claims": 3, "n_articles": 2,
                                                     "n_topics": 2}], "next_cursor": None})})
def list_all_sources(session: SessionDep, page: PageDep) -> SourcePage:
    """Who asserts figures, by name, with how many claims, articles and topics each."""
    rows, last = list_sources(session, limit=page.limit, after=page.after("sources", str))
    return SourcePage(items=[SourceRead.model_validate(r, from_attributes=True) for r in rows],
                      next_cursor=last and encode_cursor("sources", *last))
