"""Topic views: what sources say about one quantity (reconciliation.md §3)."""
from pydantic import BaseModel, Field

from schemas.claim import ClaimRead
from schemas.disagreement import Disagreement
from schemas.enums import CasualtyType, Kind


class Range(BaseModel):
    """The span of what was reported."""

    low: float | None = Field(None, description="Lowest finite bound of any non-vague claim, after cumulating `additional` claims.")
    high: float | None = Field(None, description="Highest finite bound of any non-vague claim, after cumulating `additional` claims.")


class Consensus(BaseModel):
    """Where the independent sources' latest figures centre."""

    value: float = Field(description="Median of the independent sources' latest point estimates.")
    low: float = Field(description="Lower quartile of those estimates.")
    high: float = Field(description="Upper quartile of those estimates.")
    n_sources: int = Field(description="Number of independent sources weighed.")


class TimelinePoint(BaseModel):
    """One claim on the topic's timeline."""

    as_of: str | None = Field(None, description="When the figure held.")
    claim_id: str = Field(description="Id of the claim plotted.")
    source: str = Field(description="Canonical source of the claim.")
    value: float | None = Field(None, description="Point value in the topic's unit; null for a vague claim or a bare delta.")
    low: float | None = Field(None, description="Lower bound in the topic's unit; null = open.")
    high: float | None = Field(None, description="Upper bound in the topic's unit; null = open.")


class SourceEntry(BaseModel):
    """What one source says on the topic."""

    name: str = Field(description="Canonical source name.")
    claims: list[ClaimRead] = Field(description="The source's claims on this topic.")
    latest: ClaimRead | None = Field(None, description="The source's most recent claim.")
    article_ids: list[str] = Field(description="Articles carrying the source's claims.")


class TopicSummary(BaseModel):
    """A topic in brief, as listed."""

    key: str = Field(description="Stable topic slug.", examples=["dprk-troops-in-russia"])
    label: str = Field(description="Human label.", examples=["North Korean troops in Russia"])
    kind: Kind = Field(description="Kind of figure the topic counts.")
    casualty_type: CasualtyType | None = Field(None, description="For `casualties`: which kind of loss.")
    unit: str = Field(description="Canonical unit of the topic's values.")
    per: str | None = Field(None, description="Rate denominator shared by the topic's claims.")
    range: Range = Field(description="Lowest and highest bounds reported.")
    consensus: Consensus | None = Field(None, description="Null with fewer than two independent sources.")
    latest: ClaimRead | None = Field(None, description="Most recent claim by as_of.")
    n_claims: int = Field(description="Claims on the topic.")
    n_articles: int = Field(description="Articles carrying those claims.")
    n_sources: int = Field(description="Distinct sources among them.")
    n_disagreements: int = Field(0, description="Disagreements found among the claims.")


class TopicView(TopicSummary):
    """What the sources say about one quantity."""

    timeline: list[TimelinePoint] = Field(description="Claims ordered by as_of, for plotting.")
    sources: list[SourceEntry] = Field(description="Per source: its claims, its latest claim, its articles.")
    disagreements: list[Disagreement] = Field(description="Most severe first.")
