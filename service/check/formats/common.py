"""What every report says the same way: severity, the one-line message, the consensus."""
from schemas import Consensus, FigureVerdict, Verdict
from service.check.run import FileReport, failed
from service.reconcile.format import amount, bounds

RULES = {  # the verdicts that need a look, as rules of the SARIF log
    Verdict.outlier: "The figure disagrees with the consensus of the topic's sources for the same period.",
    Verdict.unattributed: "The figure names no source on a topic where other figures have one.",
    Verdict.novel: "No figure is known yet for this topic and period.",
}


def severity(verdict: Verdict, fail_on: frozenset[Verdict]) -> str | None:
    """error when the verdict fails the check; a warning or a note otherwise; nothing for a consistent figure."""
    if verdict in fail_on:
        return "error"
    return {Verdict.outlier: "warning", Verdict.unattributed: "warning", Verdict.novel: "note"}.get(verdict)


def consensus_text(c: Consensus | None, unit: str) -> str:
    """"10,750 (10,000–12,000, 6 sources)", in the figure's (the topic's) unit."""
    if c is None:
        return "none"
    return f"{amount(c.value, unit)} ({bounds(c.low, c.high, unit)}, {c.n_sources} sources)"


def message(f: FigureVerdict) -> str:
    """One line a reviewer can act on: the quote, the verdict and why (an outlier's reason names who disagrees),
    the topic and its consensus."""
    context = f"topic {f.topic or '(none)'}"
    if f.consensus is not None:
        context += f"; consensus {consensus_text(f.consensus, f.claim.unit)}"
    return f'"{f.claim.quote}" is {f.verdict.value}: {f.reason.rstrip(".")} ({context})'


def totals(reports: list[FileReport], fail_on: frozenset[Verdict]) -> str:
    """'2 figures in 1 file: 1 outlier, 1 consistent; failed (fails on outlier)'."""
    counts = {v: sum(r.result.counts.get(v.value, 0) for r in reports) for v in Verdict}
    n = sum(counts.values())
    found = ", ".join(f"{k} {v.value}" for v, k in counts.items() if k)
    outcome = "failed" if failed(reports, fail_on) else "passed"
    rule = ", ".join(sorted(v.value for v in fail_on)) or "nothing"
    return (f"{n} figure{'s' * (n != 1)} in {len(reports)} file{'s' * (len(reports) != 1)}"
            f"{': ' + found if found else ''}; {outcome} (fails on {rule})")
