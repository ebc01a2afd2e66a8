from pathlib import Path

import typer
from rich.console import Console

from service.settings import Settings


def ingest(
    paths: list[Path] = typer.Argument(..., help="Files or folders of articles.", exists=True),
    db: str = typer.Option(None, "--db", help="Store URL (default TALLY_DATABASE_URL)."),
) -> None:
    """Read articles, extract their figures and store them; known texts are not duplicated.

    Example: tally ingest seeds/
    """
    from service.ingest import ingest_articles
    from service.ingest.readers import read_paths
    from service.store import make_engine, make_sessionmaker

    console = Console(stderr=True)
    settings = Settings() if db is None else Settings(database_url=db)
    factory = make_sessionmaker(make_engine(settings.database_url))
    summary = ingest_articles(factory, read_paths(paths))
    for name, reason in summary.failures:
        console.print(f"[red]failed[/red] {name}: {reason}")
    typer.echo(f"articles: {summary.new} new, {summary.updated} updated, {summary.unchanged} unchanged, "
               f"{summary.failed} failed; claims stored: {summary.claims}")
    if summary.failed:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command()(ingest)
