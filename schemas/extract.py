"""Extraction on demand: a text in, its claim records out; nothing is stored."""
from pydantic import BaseModel, ConfigDict, Field

from schemas.claim import Claim, Rejected
from schemas.types import ArticleText, PartialDate


class ExtractRequest(BaseModel):
    """A text to read."""

    model_config = ConfigDict(extra="forbid")

    text: ArticleText = Field(description="Plain text; the spans of the records index into it as sent.")
    published: PartialDate | None = Field(None, description="Publication date, to resolve relative dates "
                                                            "(`on Monday`, `last week`).")


class ExtractResult(BaseModel):
    """The figures of one text, and the numbers refused as not-a-figure."""

    claims: list[Claim] = Field(description="Claim records, in text order.")
    rejected: list[Rejected] = Field(description="Numbers seen and refused, with the refusing rule.")
