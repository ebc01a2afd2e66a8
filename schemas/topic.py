"""Topic views: what sources say about one quantity (reconciliation.md §3)."""
from pydantic import BaseModel, Field

from schemas.claim import ClaimRead
from schemas.disagreement import Disagreement
from schemas.enums import CasualtyType, Kind


class Range(BaseModel):
    low: float | None = Field(None, description="Lowest finite bound of any non-vague claim, after cumulating `additional` claims.")
    high: float | None = Field(None, description="Highest finite bound of any non-vague claim, after cumulating `additional` claims.")


class Consensus(BaseModel):
    value: float = Field(description="Median of the independent sources' latest point estimates.")
    low: float = Field(description="Lower quartile of those estimates.")
    high: float = Field(description="Upper quartile of those estimates.")
    n_sources: int = Field(description="Number of independent sources weighed.")


class TimelinePoint(BaseModel):
    as_of: str | None = Field(None, description="When the figure held.")
    claim_id: str
    source: str = Field(description="Canonical source of the claim.")
    value: float | None = None
    low: float | None = None
    high: float | None = None


class SourceEntry(BaseModel):
    name: str = Field(description="Canonical source name.")
    claims: list[ClaimRead] = Field(description="The source's claims on this topic.")
    latest: ClaimRead | None = Field(None, description="The source's most recent claim.")
    article_ids: list[str] = Field(description="Articles carrying the source's claims.")


class TopicSummary(BaseModel):
    key: str = Field(description="Stable topic slug.", examples=["dprk-troops-in-russia"])
    label: str = Field(description="Human label.", examples=["North Korean troops in Russia"])
    kind: Kind
    casualty_type: CasualtyType | None = None
    unit: str = Field(description="Canonical unit of the topic's values.")
    per: str | None = Field(None, description="Rate denominator shared by the topic's claims.")
    range: Range
    consensus: Consensus | None = Field(None, description="Null with fewer than two independent sources.")
    latest: ClaimRead | None = Field(None, description="Most recent claim by as_of.")
    n_claims: int
    n_articles: int
    n_sources: int
    n_disagreements: int = 0


class TopicView(TopicSummary):
    timeline: list[TimelinePoint] = Field(description="Claims ordered by as_of, for plotting.")
    sources: list[SourceEntry]
    disagreements: list[Disagreement] = Field(description="Most severe first.")
