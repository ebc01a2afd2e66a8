import json

import typer


def openapi_spec() -> dict:
    """The app's OpenAPI document, built without touching a real store."""
    from service.app import create_app
    from service.settings import Settings

    return create_app(Settings(database_url="sqlite:///:memory:")).openapi()


def openapi() -> None:
    """Print the OpenAPI spec (committed as openapi/openapi.json).

    Example: tally openapi > openapi/openapi.json
    """
    typer.echo(json.dumps(openapi_spec(), indent=2, ensure_ascii=False))


def register(app: typer.Typer) -> None:
    app.command()(openapi)
