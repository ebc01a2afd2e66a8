"""Text in, claim records out (spec/claims.md). Pure: no I/O, no FastAPI, no SQLAlchemy."""
from schemas import Claim, Rejected

EXTRACTOR_VERSION = "0.0.1"


def extract(text: str, *, published: str | None = None) -> list[Claim]:
    """The claims of one article text; `published` (partial ISO date) resolves relative dates."""
    return extract_with_rejections(text, published=published)[0]


def extract_with_rejections(text: str, *, published: str | None = None) -> tuple[list[Claim], list[Rejected]]:
    """Claims plus the numbers refused as not-a-figure, for the dashboard's "why"."""
    return [], []
