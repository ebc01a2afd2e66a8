"""The gate's core: figures and topic views in, one verdict per figure out. Pure but for the injected views."""
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import NamedTuple, Protocol

from schemas import CheckResult, Claim, FigureVerdict, TopicView, Verdict
from service.reconcile.verdict import judge


class ViewSource(Protocol):
    """Where topic views come from: the local store or a running server."""

    def view(self, key: str) -> TopicView | None: ...


class CheckInputError(Exception):
    """The check could not run (unreachable server, refused request): exit code 2, not a verdict."""


def views_for(claims: Iterable[Claim], source: ViewSource) -> dict[str, TopicView | None]:
    """One look-up per topic; a figure without a topic has no view."""
    return {key: source.view(key) if key else None for key in {c.topic for c in claims}}


def check_claims(claims: Iterable[Claim], views: Mapping[str, TopicView | None]) -> CheckResult:
    figures = []
    for claim in claims:
        view = views.get(claim.topic)
        verdict, reason, disagrees_with = judge(claim, view)
        figures.append(FigureVerdict(claim=claim, verdict=verdict, topic=claim.topic, reason=reason,
                                     consensus=view.consensus if view else None, disagrees_with=disagrees_with))
    counts = Counter(f.verdict for f in figures)
    return CheckResult(figures=figures, counts={v.value: counts[v] for v in Verdict})


class Position(NamedTuple):
    """1-based line and column of a figure's start and end in the file as written."""

    line: int
    col: int
    end_line: int
    end_col: int


@dataclass(frozen=True)
class FileReport:
    """One checked file: what every output format renders."""

    path: str
    result: CheckResult
    positions: list[Position]

    def located(self) -> list[tuple[FigureVerdict, Position]]:
        return list(zip(self.result.figures, self.positions, strict=True))


def failed(reports: Iterable[FileReport], fail_on: frozenset[Verdict]) -> bool:
    return any(f.verdict in fail_on for r in reports for f in r.result.figures)
