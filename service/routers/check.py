from fastapi import APIRouter

import extractors
from schemas import CheckRequest, CheckResult
from service.check import check_claims, views_for
from service.check.views import StoreViews
from service.deps import SessionDep

router = APIRouter(prefix="/v1/check", tags=["check"])


@router.post("", response_model=CheckResult, operation_id="check-run")
def run_check(request: CheckRequest, session: SessionDep) -> CheckResult:
    """Give each figure of an unpublished text a verdict against the stored topics; nothing is stored."""
    claims = extractors.extract(request.text, published=request.published)
    return check_claims(claims, views_for(claims, StoreViews(session)))
