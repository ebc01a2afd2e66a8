import json
from enum import Enum
from pathlib import Path

import typer


class Format(str, Enum):
    jsonl = "jsonl"
    table = "table"


def _metadata_of(path: Path) -> dict:
    """The file's record in an articles.jsonl beside it, or one folder up (`corpus/texts/*.txt`)."""
    from service.ingest.readers import folder_metadata

    for folder in (path.parent, path.parent.parent):
        records = folder_metadata(folder)
        if path.name in records or path.stem in records:
            return records.get(path.name) or records[path.stem]
    return {}


def extract(
    files: list[Path] = typer.Argument(..., help="Text files to read.", exists=True, dir_okay=False),
    format: Format = typer.Option(Format.table, "--format", help="jsonl: one claim record per line; table: readable."),
    published: str = typer.Option(None, help="Publication date (ISO, may be partial) to resolve relative dates."),
) -> None:
    """Print the figures of each file; nothing is stored. Spans index the file's text.

    Example: tally extract --format jsonl seeds/003_356b0cf886c0f2fa.txt
    """
    import extractors

    rows = []
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        meta = _metadata_of(path)
        claims = extractors.extract(text, published=published or meta.get("published"))
        for c in claims:
            rows.append({"article": path.name, **c.model_dump(mode="json")})
    if format is Format.jsonl:
        for r in rows:
            typer.echo(json.dumps(r))  # ASCII: U+2028 in a sentence would split a line for str.splitlines
        return
    from rich.console import Console
    from rich.table import Table

    table = Table("article", "quote", "kind", "interval", "unit", "source", "as_of", "topic")
    for r in rows:
        table.add_row(r["article"], r["quote"], r["kind"], f"{r['low']}–{r['high']}", r["unit"],
                      r["attribution"], r["as_of"] or "", r["topic"])
    Console().print(table)


def register(app: typer.Typer) -> None:
    app.command()(extract)
