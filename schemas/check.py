"""Checking a new article against what is known (reconciliation.md §4)."""
from pydantic import BaseModel, ConfigDict, Field

from schemas.claim import Claim
from schemas.enums import Verdict
from schemas.topic import Consensus
from schemas.types import ArticleText, PartialDate


class CheckRequest(BaseModel):
    """An unpublished article to check."""

    model_config = ConfigDict(extra="forbid")

    text: ArticleText = Field(description="Article text to check; nothing is stored.")
    title: str | None = Field(None, max_length=1000, description="Headline of the article.")
    outlet: str | None = Field(None, max_length=500, description="Publication it is for.")
    published: PartialDate | None = Field(None, description="Planned publication date; resolves relative dates.")


class FigureVerdict(BaseModel):
    """One figure of the checked text, judged."""

    claim: Claim = Field(description="The figure as extracted from the checked text.")
    verdict: Verdict = Field(description="`consistent`, `outlier`, `novel` or `unattributed`.")
    topic: str = Field(description="Topic key the figure was compared with.")
    consensus: Consensus | None = Field(None, description="The topic's consensus at check time.")
    disagrees_with: list[str] = Field(default_factory=list, description="Sources whose figures it disagrees with.")
    reason: str = Field(description="One line saying why the verdict was given.")


class CheckResult(BaseModel):
    """The verdicts on a checked text."""

    figures: list[FigureVerdict] = Field(description="One verdict per figure, in text order.")
    counts: dict[str, int] = Field(description="Number of figures per verdict.")
