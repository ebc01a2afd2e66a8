"""Checking a new article against what is known (reconciliation.md §4)."""
from pydantic import BaseModel, ConfigDict, Field

from schemas.claim import Claim
from schemas.enums import Verdict
from schemas.topic import Consensus
from schemas.types import PartialDate


class CheckRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, max_length=5_000_000, description="Article text to check; nothing is stored.")
    title: str | None = Field(None, max_length=1000)
    outlet: str | None = Field(None, max_length=500)
    published: PartialDate | None = None


class FigureVerdict(BaseModel):
    claim: Claim = Field(description="The figure as extracted from the checked text.")
    verdict: Verdict
    topic: str = Field(description="Topic key the figure was compared with.")
    consensus: Consensus | None = Field(None, description="The topic's consensus at check time.")
    disagrees_with: list[str] = Field(default_factory=list, description="Sources whose figures it disagrees with.")
    reason: str = Field(description="One line saying why the verdict was given.")


class CheckResult(BaseModel):
    figures: list[FigureVerdict]
    counts: dict[str, int] = Field(description="Number of figures per verdict.")
