"""Pydantic models of Tally's contract (spec/claims.md, reconciliation.md, api.md).

One module per resource; the API, the CLI and the extractors all speak these.
"""
from schemas.article import ArticleCreate, ArticleDetail, ArticleIngestResult, ArticleRead
from schemas.check import CheckRequest, CheckResult, FigureVerdict
from schemas.claim import Claim, ClaimRead, Rejected, Stated
from schemas.disagreement import Disagreement
from schemas.enums import CasualtyType, DisagreementType, Kind, Qualifier, Verdict
from schemas.errors import Problem, ProblemItem
from schemas.extract import ExtractRequest, ExtractResult
from schemas.health import Health
from schemas.page import ArticlePage, ClaimPage, DisagreementPage, Page, SourcePage, TopicPage
from schemas.source import SourceRead
from schemas.topic import Consensus, Range, SourceEntry, TimelinePoint, TopicSummary, TopicView

__all__ = [
    "ArticleCreate", "ArticleDetail", "ArticleIngestResult", "ArticleRead",
    "CheckRequest", "CheckResult", "FigureVerdict",
    "Claim", "ClaimRead", "Rejected", "Stated", "Disagreement",
    "CasualtyType", "DisagreementType", "Kind", "Qualifier", "Verdict",
    "Problem", "ProblemItem", "ExtractRequest", "ExtractResult", "Health",
    "Page", "ArticlePage", "ClaimPage", "DisagreementPage", "SourcePage", "TopicPage", "SourceRead",
    "Consensus", "Range", "SourceEntry", "TimelinePoint", "TopicSummary", "TopicView",
]
