from fastapi import APIRouter

import extractors
from schemas import CheckRequest, CheckResult
from service.check import check_claims, views_for
from service.check.views import StoreViews
from service.deps import SessionDep
from service.errors import problem_responses
from service.security import ReadKey

router = APIRouter(prefix="/v1/check", tags=["check"], dependencies=[ReadKey],
                   responses=problem_responses(401, 403, 413, 422, 500))


@router.post("", response_model=CheckResult, operation_id="check-run")
def run_check(request: CheckRequest, session: SessionDep) -> CheckResult:
    """Give each figure of an unpublished text a verdict against the stored topics. Nothing is stored, so it
    needs a key only where reads do."""
    claims = extractors.extract(request.text, published=request.published)
    return check_claims(claims, views_for(claims, StoreViews(session)))
