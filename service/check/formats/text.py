"""A table for people at a terminal (rich); colour only when asked, i.e. on a terminal."""
from io import StringIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from schemas import Verdict
from service.check.formats.common import consensus_text, totals
from service.check.run import FileReport

STYLE = {Verdict.outlier: "red", Verdict.unattributed: "yellow", Verdict.novel: "cyan", Verdict.consistent: "green"}


def render(reports: list[FileReport], fail_on: frozenset[Verdict], *, color: bool = False, width: int = 160) -> str:
    table = Table("where", "figure", "verdict", "topic", "consensus", "disagrees with", "reason")
    for r in reports:
        for f, p in r.located():
            style = STYLE[f.verdict] + (" bold" if f.verdict in fail_on else "")
            cells = [f"{r.path}:{p.line}:{p.col}", f.claim.quote, f.verdict.value, f.topic,
                     consensus_text(f.consensus, f.claim.unit), ", ".join(f.disagrees_with), f.reason]
            table.add_row(*(Text(c, style=style if i == 2 else "") for i, c in enumerate(cells)))
    out = StringIO()
    console = Console(file=out, force_terminal=color, no_color=not color, width=width, highlight=False)
    console.print(table)
    console.print(Text(totals(reports, fail_on)))
    return out.getvalue()
