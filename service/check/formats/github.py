"""GitHub Actions workflow commands: one annotation per figure that needs a look, failures first (GitHub shows
only ten per step), and the full report as Markdown for `$GITHUB_STEP_SUMMARY`."""
from schemas import Verdict
from service.check.formats.common import consensus_text, message, severity, totals
from service.check.run import FileReport

COMMAND = {"error": "error", "warning": "warning", "note": "notice"}


def _data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(s: str) -> str:
    return _data(s).replace(":", "%3A").replace(",", "%2C")


def render(reports: list[FileReport], fail_on: frozenset[Verdict]) -> str:
    rows = []
    for r in reports:
        for f, p in r.located():
            level = severity(f.verdict, fail_on)
            if level is None:
                continue
            props = (f"file={_property(r.path)},line={p.line},col={p.col},endLine={p.end_line},"
                     f"endColumn={p.end_col},title={_property(f'tally/{f.verdict.value}')}")
            rows.append((list(COMMAND).index(level), f"::{COMMAND[level]} {props}::{_data(message(f))}"))
    ordered = [line for _, line in sorted(rows, key=lambda row: row[0])]
    return "\n".join([*ordered, f"tally check: {totals(reports, fail_on)}"]) + "\n"


def _cell(s: str) -> str:
    return s.replace("|", "\\|").replace("\n", " ")


def summary(reports: list[FileReport], fail_on: frozenset[Verdict]) -> str:
    """The whole report as a Markdown table, for the job summary page."""
    lines = ["## tally check", "", totals(reports, fail_on), "",
             "| file | line | figure | verdict | topic | consensus | disagrees with | reason |",
             "|---|---|---|---|---|---|---|---|"]
    for r in reports:
        for f, p in r.located():
            verdict = f"**{f.verdict.value}**" if f.verdict in fail_on else f.verdict.value
            cells = [r.path, str(p.line), f.claim.quote, verdict, f.topic, consensus_text(f.consensus, f.claim.unit),
                     ", ".join(f.disagrees_with), f.reason]
            lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    return "\n".join(lines) + "\n"
