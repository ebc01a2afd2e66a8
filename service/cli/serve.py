import typer

from service.settings import Settings


def serve(
    host: str = typer.Option(None, help="Address to bind (default TALLY_HOST, 127.0.0.1)."),
    port: int = typer.Option(None, help="Port (default TALLY_PORT, 8000)."),
) -> None:
    """Serve the API and the dashboard.

    Example: tally serve --port 8000
    """
    import uvicorn

    from service.app import create_app

    settings = Settings()
    uvicorn.run(create_app(settings), host=host or settings.host, port=port or settings.port, log_level="info")


def register(app: typer.Typer) -> None:
    app.command()(serve)
