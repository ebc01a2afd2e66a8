import typer

from service.settings import Settings


def serve(
    host: str = typer.Option(None, help="Address to bind (default TALLY_HOST, 127.0.0.1)."),
    port: int = typer.Option(None, help="Port (default TALLY_PORT, 8000)."),
    workers: int = typer.Option(1, min=1, max=64, help="Server processes; each builds the app from TALLY_* settings."),
) -> None:
    """Serve the API and the dashboard.

    Example: tally serve --port 8000 --workers 2
    """
    import uvicorn

    settings = Settings()
    # The app logs every request itself (with its request id), so uvicorn's access log would only repeat it.
    options = dict(host=host or settings.host, port=port or settings.port, log_level="info", access_log=False)
    if workers > 1:
        uvicorn.run("service.app:create_app", factory=True, workers=workers, **options)
    else:
        from service.app import create_app

        uvicorn.run(create_app(settings), **options)


def register(app: typer.Typer) -> None:
    app.command()(serve)
