"""The `tally` command: a thin layer over the library; each command lives in its own module."""
import typer

from service.cli import check, extract, ingest, reextract, openapi, serve

app = typer.Typer(help="Tally: figures from news, typed, grouped into topics and reconciled.",
                  no_args_is_help=True, add_completion=False)
for module in (serve, ingest, reextract, extract, check, openapi):
    module.register(app)


def main() -> None:
    app()
