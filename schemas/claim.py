"""The claim record of spec/claims.md §2."""
from pydantic import BaseModel, ConfigDict, Field

from schemas.enums import CasualtyType, Kind, Qualifier
from schemas.types import PartialDate, Span


class Stated(BaseModel):
    """The figure as written, before normalisation ("four-month" -> 4 month)."""

    value: float | None = Field(None, description="Stated point value in the stated unit.")
    low: float | None = Field(None, description="Stated lower bound in the stated unit.")
    high: float | None = Field(None, description="Stated upper bound in the stated unit.")
    unit: str | None = Field(None, description="Unit as written, singular (`month`, `USD`, `acre`).")


class Claim(BaseModel):
    """One figure read from a text: what the extractors return, before it is stored."""

    model_config = ConfigDict(
        json_schema_extra={
            "example": {
                "kind": "personnel", "casualty_type": None, "value": 10000, "low": 9000, "high": 11000,
                "qualifier": "approximately", "unit": "person", "per": None,
                "subject": "North Korean troops", "location": "Russia", "attribution": "Pentagon",
                "attribution_via": "Sabrina Singh", "hedged": False, "as_of": "2024-10-28",
                "topic": "dprk-troops-in-russia", "topic_label": "North Korean troops in Russia",
                "stated": {"value": 10000, "low": 10000, "high": 10000, "unit": "person"},
                "span": [402, 429], "quote": "approximately 10,000 troops",
                "sentence": "Pentagon spokesperson Sabrina Singh said on Monday that approximately 10,000 troops ...",
                "rule": "personnel:<qualifier> <number> <troops>", "mentions": [],
            }
        }
    )

    kind: Kind = Field(description="What sort of figure this is.")
    casualty_type: CasualtyType | None = Field(None, description="For `casualties`: which kind of loss.")
    value: float | None = Field(None, description="Stated point value in `unit`; null for a pure range or a vague quantity.")
    low: float | None = Field(None, description="Lower bound of the interval the text commits to; null = open.")
    high: float | None = Field(None, description="Upper bound of the interval the text commits to; null = open.")
    qualifier: Qualifier = Field(Qualifier.exact, description="The hedge word turned into an interval (claims.md §3).")
    unit: str = Field(description="Canonical unit: `person`, `day`, an ISO 4217 code, `percent`, a pint unit, or the counted noun.")
    per: str | None = Field(None, description="Rate denominator: `soldier`, `soldier/month`, `day`.")
    subject: str = Field("", description="What is counted, as a short noun phrase.")
    location: str | None = Field(None, description="Where, when stated.")
    attribution: str = Field("article", description="Who asserts the figure, canonical; `article` when the text gives no source.")
    attribution_via: str | None = Field(None, description="The speaker or relay who passed on the source's figure.")
    hedged: bool = Field(False, description="Modal or speculative wording: could, may, reportedly, expected to.")
    as_of: PartialDate | None = Field(None, description="When the figure held or was stated.")
    as_of_text: str | None = Field(None, description="The date phrase `as_of` was read from, if any.")
    topic: str = Field("", description="Topic key: the quantity in the world this figure is a value of.")
    topic_label: str = Field("", description="Human label of the topic.")
    stated: Stated = Field(default_factory=Stated, description="The figure as written, before normalisation.")
    span: Span
    quote: str = Field(description="The number phrase exactly as written (`text[span[0]:span[1]]`).")
    sentence: str = Field("", description="The sentence the figure came from.")
    rule: str = Field("", description="Name of the extractor rule that produced the record.")
    mentions: list[Span] = Field(default_factory=list, description="Spans of later mentions of the same figure in the article.")
    note: str | None = Field(None, description="Why a field has an unusual value (e.g. a figure reported earlier).")


class ClaimRead(Claim):
    """A stored claim, as the API returns it."""

    id: str = Field(description="Tally's claim id (stable for an article text and extractor version).",
                    examples=["c-1a2b3c4d5e6f7081"])
    article_id: str = Field(description="Id of the article the claim was read from.", examples=["a1b2c3d4e5f60718"])
    extractor_version: str = Field("", description="Version of the extractor that produced the record.")


class Rejected(BaseModel):
    """A number the extractors saw and refused, with the rule that refused it (the dashboard's "why")."""

    span: Span
    quote: str = Field(description="The text that was refused.")
    reason: str = Field(description="Name of the not-a-figure rule: `date`, `ordinal`, `identifier`, `page-furniture` ...")
