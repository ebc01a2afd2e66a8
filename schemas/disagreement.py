"""Two claims of one topic whose intervals do not overlap (reconciliation.md §2)."""
from pydantic import BaseModel, Field

from schemas.enums import DisagreementType


class Disagreement(BaseModel):
    """Two claims whose intervals do not overlap."""

    id: str = Field(description="Stable id derived from the two claim ids.")
    type: DisagreementType = Field(description="contradiction, revision, change_over_time, internal or scope.")
    a: str = Field(description="Id of the first (earlier or lower) claim.")
    b: str = Field(description="Id of the second claim.")
    gap: float = Field(description="Relative gap between the intervals: (low_b - high_a) / high_a.")
    explanation: str = Field(description="One line a person can read on a dashboard.",
                             examples=["Pentagon (~10,000, 2024-10-28) vs international intelligence agencies (11,000–12,000): 10% apart"])
    topic: str | None = Field(None, description="Topic key of claim a (scope disagreements span two topics).")
