"""Field types shared by several models."""
from typing import Annotated

from pydantic import AfterValidator, Field

PARTIAL_DATE_PATTERN = r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$|^\d{4}-(spring|summer|autumn|winter)$"

PartialDate = Annotated[
    str,
    Field(
        pattern=PARTIAL_DATE_PATTERN,
        description="ISO date, possibly partial: `2024-10-23`, `2024-10`, `2024`, or a season `2024-autumn`.",
        examples=["2024-10-28"],
    ),
]

Span = Annotated[
    list[int],
    Field(min_length=2, max_length=2, description="[start, end) character offsets in the article text.",
          examples=[[1320, 1339]]),
]

MAX_TEXT_CHARS = 5_000_000


def _not_blank(text: str) -> str:
    if not text.strip():
        raise ValueError("the text is empty or only whitespace: there is nothing to read")
    return text


ArticleText = Annotated[
    str,
    Field(min_length=1, max_length=MAX_TEXT_CHARS, description="Plain text (at least one non-blank character)."),
    AfterValidator(_not_blank),
]
