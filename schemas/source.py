"""Sources: who asserts figures, across topics."""
from pydantic import BaseModel, Field


class SourceRead(BaseModel):
    """A source and how much it asserts."""

    name: str = Field(description="Canonical source name.", examples=["Pentagon"])
    n_claims: int = Field(description="Claims attributed to the source.")
    n_articles: int = Field(description="Articles that carry the source's claims.")
    n_topics: int = Field(description="Topics the source puts a number on.")
