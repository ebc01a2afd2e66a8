import typer
from rich.console import Console
from rich.markup import escape

from service.settings import Settings


def reextract(
    all_: bool = typer.Option(False, "--all", help="Re-extract every article, not only those of older extractors."),
    db: str = typer.Option(None, "--db", help="Store URL (default TALLY_DATABASE_URL)."),
) -> None:
    """Re-run the current extractor over articles whose claims an older extractor made.

    Their claims are replaced, one transaction per article; unchanged figures keep their claim ids.

    Example: tally reextract --all
    """
    import extractors
    from service.ingest.pipeline import reextract_articles
    from service.store import make_engine, make_sessionmaker

    settings = Settings() if db is None else Settings(database_url=db)
    factory = make_sessionmaker(make_engine(settings.database_url))
    summary = reextract_articles(factory, everything=all_)
    console = Console(stderr=True)
    for article_id, reason in summary.failures:
        console.print(f"[red]failed[/red] {article_id}: {escape(reason)}", highlight=False, soft_wrap=True)
    typer.echo(f"re-extracted {summary.articles} articles with extractor {extractors.EXTRACTOR_VERSION}: "
               f"claims {summary.claims_before} -> {summary.claims_after}; {len(summary.failures)} failed")
    if summary.failures:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command()(reextract)
