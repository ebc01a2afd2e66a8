import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path

import typer
from sqlalchemy.exc import SQLAlchemyError

from schemas import ArticleCreate, Verdict
from service.check import CheckInputError, ViewSource
from service.settings import Settings


class Format(str, Enum):
    text = "text"
    json = "json"
    github = "github"
    junit = "junit"
    sarif = "sarif"


def _fail(message: str) -> None:
    typer.echo(f"tally check: {message}", err=True)
    raise typer.Exit(2)


def parse_verdicts(value: str) -> frozenset[Verdict]:
    names = [n.strip() for n in value.split(",") if n.strip()]
    unknown = [n for n in names if n not in Verdict.__members__]
    if unknown:
        raise typer.BadParameter(f"unknown verdict {', '.join(unknown)}; choose from {', '.join(Verdict.__members__)}",
                                 param_hint="--fail-on")
    return frozenset(Verdict(n) for n in names)


def _read(paths: list[Path]) -> list[tuple[str, ArticleCreate]]:
    """All files or none: an unreadable one is an input error, reported before anything is checked."""
    from service.ingest.readers import read_paths

    read = list(read_paths(paths))
    errors = [f"cannot read {name}: {article}" for name, article in read if isinstance(article, Exception)]
    if errors:
        _fail("\n".join(errors))
    return read


def _sqlite_path(url: str) -> Path | None:
    path = url.split("///", 1)[-1] if url.startswith("sqlite") else ""
    return Path(path) if path and path != ":memory:" else None


def _client(api: str, api_key: str | None):
    import httpx

    return httpx.Client(base_url=api, headers={"X-API-Key": api_key} if api_key else {}, timeout=60)


@contextmanager
def _views(db: str | None, api: str | None, api_key: str | None) -> Iterator[ViewSource]:
    """The topic views to check against: a running server, or the store opened without creating anything."""
    from service.check.views import ApiViews, StoreViews

    if api:
        with _client(api, api_key) as client:
            yield ApiViews(client)
        return
    from service.store import make_engine, make_sessionmaker

    url = db or Settings().database_url
    path = _sqlite_path(url)
    if path is not None and not path.is_file():
        _fail(f"no store at {path}: run `tally ingest` first, or pass --db URL or --api URL")
    engine = make_engine(url, create=False)
    try:
        with make_sessionmaker(engine)() as session:
            yield StoreViews(session)
    finally:
        engine.dispose()


def _ingest(articles: list[tuple[str, ArticleCreate]], db: str | None, api: str | None, api_key: str | None) -> None:
    if api:
        import httpx

        with _client(api, api_key) as client:
            for name, article in articles:
                try:
                    response = client.post("/v1/articles", json=article.model_dump(mode="json", exclude_none=True))
                except httpx.HTTPError as exc:
                    _fail(f"cannot reach {api}: {exc}")
                if response.is_error:
                    _fail(f"ingesting {name} answered {response.status_code}: {response.text[:200]}")
        return
    from service.ingest import ingest_articles
    from service.store import make_engine, make_sessionmaker

    summary = ingest_articles(make_sessionmaker(make_engine(db or Settings().database_url)), articles)
    if summary.failed:
        _fail("\n".join(f"ingesting {name} failed: {reason}" for name, reason in summary.failures))
    typer.echo(f"ingested: {summary.new} new, {summary.updated} updated, {summary.unchanged} unchanged", err=True)


def check(
    files: list[Path] = typer.Argument(..., help="Articles to check (.txt, .md with front matter, .html).",
                                       exists=True),
    db: str = typer.Option(None, "--db", help="Store URL to compare with (default TALLY_DATABASE_URL)."),
    api: str = typer.Option(None, "--api", help="Base URL of a running Tally server to compare with instead."),
    api_key: str = typer.Option(None, "--api-key", envvar="TALLY_API_KEY", help="Key sent as X-API-Key to --api."),
    format: Format = typer.Option(Format.text, "--format", help="text, json, github, junit or sarif."),
    fail_on: str = typer.Option("outlier", "--fail-on", help="Comma-separated verdicts that fail the check."),
    ingest: bool = typer.Option(False, "--ingest", help="Store the articles after checking them."),
) -> None:
    """Give each figure of each article a verdict (consistent, outlier, novel, unattributed) against the known
    topics. Exit 0 when no verdict named in --fail-on occurs, 1 when one does, 2 on a usage or input error.
    Nothing is stored unless --ingest is given.

    Example: tally check --format github --api "$TALLY_API" --fail-on outlier,unattributed article.md
    """
    import extractors
    from service.check import FileReport, check_claims, failed, views_for
    from service.check.formats import RENDERERS, github, text
    from service.check.locate import position

    fail_verdicts = parse_verdicts(fail_on)
    if db and api:
        raise typer.BadParameter("give --db or --api, not both", param_hint="--db / --api")
    articles = _read(files)
    reports = []
    try:
        with _views(db, api, api_key) as source:
            for name, article in articles:
                claims = extractors.extract(article.text, published=article.published)
                file = Path(name)  # a JSON record's name ("a.jsonl:3") is no file: place it in its own text
                raw = file.read_text(encoding="utf-8", errors="replace") if file.is_file() else article.text
                reports.append(FileReport(path=name, result=check_claims(claims, views_for(claims, source)),
                                          positions=[position(raw, article.text, c.span) for c in claims]))
    except (CheckInputError, SQLAlchemyError) as exc:
        _fail(str(exc).splitlines()[0])
    if format is Format.text and sys.stdout.isatty():
        typer.echo(text.render(reports, fail_verdicts, color=True, width=os.get_terminal_size().columns), nl=False)
    else:
        typer.echo(RENDERERS[format.value](reports, fail_verdicts), nl=False)
    if format is Format.github and os.environ.get("GITHUB_STEP_SUMMARY"):
        with open(os.environ["GITHUB_STEP_SUMMARY"], "a", encoding="utf-8") as out:
            out.write(github.summary(reports, fail_verdicts))
    if ingest:
        _ingest(articles, db, api, api_key)
    if failed(reports, fail_verdicts):
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command()(check)
