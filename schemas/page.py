"""The list envelope of spec/api.md, with one concrete page per resource so OpenAPI names read cleanly."""
from typing import Generic, TypeVar

from pydantic import BaseModel, Field

from schemas.article import ArticleRead
from schemas.claim import ClaimRead
from schemas.disagreement import Disagreement
from schemas.source import SourceRead
from schemas.topic import TopicSummary

T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    items: list[T] = Field(description="Items of this page, in a stable order.")
    next_cursor: str | None = Field(None, description="Opaque cursor of the next page (pass it back as `cursor`); "
                                                      "null on the last page.")


class ArticlePage(Page[ArticleRead]):
    """Articles, newest first."""


class ClaimPage(Page[ClaimRead]):
    """Claims, in id order."""


class TopicPage(Page[TopicSummary]):
    """Topic summaries, in the requested sort order."""


class SourcePage(Page[SourceRead]):
    """Sources, by name."""


class DisagreementPage(Page[Disagreement]):
    """Disagreements of one topic, most severe first."""
