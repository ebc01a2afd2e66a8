from typing import Annotated

from fastapi import APIRouter, Query

from schemas import ClaimPage, Kind
from schemas.types import PARTIAL_DATE_PATTERN
from service.deps import PageDep, SessionDep, encode_cursor
from service.errors import problem_responses
from service.routers.examples import CLAIM, json_example
from service.security import ReadKey
from service.store.queries import list_claims
from service.store.reads import claim_read

router = APIRouter(prefix="/v1/claims", tags=["claims"], dependencies=[ReadKey],
                   responses=problem_responses(401, 403))



@router.get("", response_model=ClaimPage, operation_id="claims-list", summary="List claims",
            responses={200: json_example({"items": [CLAIM], "next_cursor": None})})
def list_all_claims(
    session: SessionDep, page: PageDep,
    topic: Annotated[str | None, Query(max_length=200, description="Topic key.")] = None,
    kind: Annotated[Kind | None, Query(description="Kind of figure.")] = None,
    source: Annotated[str | None, Query(max_length=500, description="Canonical source (`attribution`), exactly.")] = None,
    article: Annotated[str | None, Query(max_length=64, description="Article id.")] = None,
    since: Annotated[str | None, Query(max_length=16, pattern=PARTIAL_DATE_PATTERN, description=(
        "Earliest `as_of`, compared as an ISO string (`2024-10` sorts before `2024-10-01`); undated claims "
        "are left out."))] = None,
    until: Annotated[str | None, Query(max_length=16, pattern=PARTIAL_DATE_PATTERN, description=(
        "Latest `as_of`, compared as an ISO string; undated claims are left out."))] = None,
    hedged: Annotated[bool | None, Query(description="Only hedged (true) or only firm (false) claims.")] = None,
) -> ClaimPage:
    """Claims across articles, in id order."""
    rows, last = list_claims(session, limit=page.limit, after=page.after("claims", str), topic=topic,
                             kind=kind.value if kind else None, source=source, article=article, since=since,
                             until=until, hedged=hedged)
    return ClaimPage(items=[claim_read(r) for r in rows], next_cursor=last and encode_cursor("claims", *last))
