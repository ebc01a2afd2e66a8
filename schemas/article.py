"""Articles: what a client posts, and what the API returns."""
from pydantic import BaseModel, ConfigDict, Field

from schemas.types import ArticleText, PartialDate



class ArticleBase(BaseModel):
    source_id: str | None = Field(None, max_length=500, description="The client's own id for the article, kept as given.",
                                  examples=["dprk-pentagon-2024-10-28"])
    url: str | None = Field(None, max_length=2000, description="Where the article was published.")
    title: str | None = Field(None, max_length=1000, description="Headline.")
    outlet: str | None = Field(None, max_length=500, description="Publication that printed the article (never a claim's source).")
    published: PartialDate | None = Field(None, description="Publication date, possibly partial.")
    language: str = Field("en", max_length=16, description="BCP 47 language tag of the text.")


class ArticleCreate(ArticleBase):
    """An article to ingest."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"example": {
            "source_id": "dprk-pentagon-2024-10-28", "title": "Pentagon: 10,000 North Korean troops in Russia",
            "outlet": "Example Wire", "published": "2024-10-28", "language": "en",
            "text": "Pentagon spokesperson Sabrina Singh said on Monday that approximately 10,000 troops "
                    "had been sent to train in eastern Russia.",
        }},
    )

    text: ArticleText = Field(description="Plain text of the article.")


class ArticleRead(ArticleBase):
    """An article as listed (without its text)."""

    id: str = Field(description="Tally's id, derived from the normalised text.", examples=["a1b2c3d4e5f60718"])
    n_claims: int = Field(0, description="Number of claims extracted from the article.")
    extractor_version: str = Field("", description="Extractor version of its claims.")


class ArticleDetail(ArticleRead):
    """One article with its text."""

    text: str = Field(description="Plain text of the article; claim spans index into it.")


class ArticleIngestResult(ArticleRead):
    """What ingesting one article did."""

    status: str = Field(description="`new`, `updated` (metadata changed) or `unchanged`.", examples=["new"])
