import sys
import time
from contextlib import contextmanager, nullcontext
from enum import Enum
from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape

from service.ingest.readers import DEFAULT_MAX_BYTES
from service.settings import Settings


class Engine(str, Enum):
    serial = "serial"
    dask = "dask"


def ingest(
    paths: list[Path] = typer.Argument(..., help="Files (.txt .md .html .json .jsonl) or folders of them.",
                                       exists=True),
    db: str = typer.Option(None, "--db", help="Store URL (default TALLY_DATABASE_URL)."),
    engine: Engine = typer.Option(Engine.serial, "--engine", help="serial: extract here; dask: on a Dask cluster."),
    scheduler: str = typer.Option(None, "--scheduler", help="Dask scheduler address (default: a local cluster)."),
    workers: int = typer.Option(2, "--workers", min=1, help="Workers of the local Dask cluster."),
    max_bytes: int = typer.Option(DEFAULT_MAX_BYTES, "--max-bytes", min=1,
                                  help="Largest file (or .jsonl line) read; larger ones fail."),
) -> None:
    """Read articles, extract their figures and store them, one transaction per article.

    Known texts are not duplicated (new metadata updates them). Unreadable documents are listed with their
    reason and the batch goes on; the exit code is 1 if any failed.

    Example: tally ingest seeds/ tests/data/dev/

    Example: tally ingest --engine dask --scheduler tcp://10.0.0.5:8786 corpus/
    """
    from sqlalchemy.exc import SQLAlchemyError

    from service.ingest.pipeline import prepare_serially, reason_of, store_all
    from service.ingest.readers import read_paths
    from service.ingest.scale import dask_client, prepare_on_dask
    from service.store import make_engine, make_sessionmaker

    console = Console(stderr=True)
    settings = Settings() if db is None else Settings(database_url=db)
    try:
        factory = make_sessionmaker(make_engine(settings.database_url))
    except SQLAlchemyError as exc:  # one line a person can act on, not the driver's traceback
        typer.echo(f"error: cannot open the store: {reason_of(exc)}", err=True)
        raise typer.Exit(1) from None
    documents = read_paths(paths, max_bytes=max_bytes)
    with (dask_client(scheduler, workers=workers) if engine is Engine.dask else nullcontext()) as client, \
            _progress(console) as advance:
        started = time.monotonic()  # after a local cluster's start-up
        prepared = prepare_on_dask(client, documents) if client else prepare_serially(documents)
        summary = store_all(factory, prepared, on_progress=advance)
        elapsed = time.monotonic() - started
    for name, reason in summary.failures:
        console.print(f"[red]failed[/red] {escape(name)}: {escape(reason)}", highlight=False, soft_wrap=True)
    if summary.refresh_error:
        console.print(f"[yellow]topic summaries not refreshed[/yellow] (still queued; the next ingest refreshes "
                      f"them): {escape(summary.refresh_error)}", highlight=False, soft_wrap=True)
    total = summary.new + summary.updated + summary.unchanged
    typer.echo(f"articles: {summary.new} new, {summary.updated} updated, {summary.unchanged} unchanged, "
               f"{summary.failed} failed; claims stored: {summary.claims} "
               f"({total / elapsed if elapsed else 0:.1f} articles/s)")
    if summary.failed or summary.refresh_error:
        raise typer.Exit(1)


@contextmanager
def _progress(console: Console):
    """A progress bar on a terminal; nothing when output goes to a file or a pipe (logs stay clean)."""
    if not (sys.stdout.isatty() and sys.stderr.isatty()):
        yield None
        return
    from rich.progress import MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(SpinnerColumn(), TextColumn("ingesting"), MofNCompleteColumn(), TimeElapsedColumn(),
                  TextColumn("{task.description}"), console=console, transient=True) as progress:
        task = progress.add_task("", total=None)
        yield lambda name: progress.update(task, advance=1, description=Path(name).name)


def register(app: typer.Typer) -> None:
    app.command()(ingest)
