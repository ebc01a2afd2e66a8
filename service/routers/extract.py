from typing import Annotated

from fastapi import APIRouter, Body

import extractors
from schemas import ExtractRequest, ExtractResult
from service.routers.examples import CLAIM, EXTRACT_REQUEST, json_example

router = APIRouter(prefix="/v1/extract", tags=["extract"])


@router.post("", response_model=ExtractResult, operation_id="extract-text", summary="Extract the figures of a text",
             responses={200: json_example({"claims": [{k: v for k, v in CLAIM.items()
                                                       if k not in ("id", "article_id", "extractor_version")}],
                                           "rejected": [{"span": [585, 589], "quote": "more", "reason": "vague"}]})})
def extract_text(request: Annotated[ExtractRequest, Body(openapi_examples=EXTRACT_REQUEST)]) -> ExtractResult:
    """The claim records of a text, and the numbers refused; nothing is stored, so no key is needed."""
    claims, rejected = extractors.extract_with_rejections(request.text, published=request.published)
    return ExtractResult(claims=claims, rejected=rejected)
