"""The FastAPI application, built from settings; the engine lives on app.state, not in a module global."""
from fastapi import FastAPI

from service.errors import install_error_handlers
from service.routers import ROUTERS
from service.settings import Settings
from service.store import make_engine, make_sessionmaker

API_DESCRIPTION = (
    "Tally reads news articles, turns every figure into a typed claim record, groups the records into topics "
    "and serves, per topic, the range of what was reported, the consensus, the timeline and the disagreements."
)


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()
    app = FastAPI(title="Tally", version="0.1.0", description=API_DESCRIPTION)
    app.state.settings = settings
    app.state.engine = make_engine(settings.database_url)
    app.state.sessionmaker = make_sessionmaker(app.state.engine)
    install_error_handlers(app)
    for router in ROUTERS:
        app.include_router(router)
    return app
