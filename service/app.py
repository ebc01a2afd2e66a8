"""The FastAPI application, built from settings; the engine lives on app.state, not in a module global."""
import threading
from contextlib import nullcontext

from fastapi import Depends, FastAPI
from fastapi.middleware.cors import CORSMiddleware

from service.deps import reject_unknown_query
from service.errors import install_error_handlers, document_problems
from service.middleware import BodyLimit, ETag, RequestContext, ResponseCache
from service.observability import Metrics, configure_logging
from service.routers import ROUTERS
from service.routers.topics import ViewCache
from service.settings import Settings
from service.store import make_engine, make_sessionmaker
from service.store.queries import DataVersion

API_DESCRIPTION = (
    "Tally reads news articles, turns every figure into a typed claim record, groups the records into topics "
    "and serves, per topic, the range of what was reported, the consensus, the timeline and the disagreements.\n\n"
    "Lists answer `{\"items\": [...], \"next_cursor\": ...}`: pass `next_cursor` back as `cursor` for the next "
    "page. Errors are `application/problem+json` (RFC 9457). Writes need an API key (`Authorization: Bearer "
    "<key>` or `X-API-Key`); GET answers carry an `ETag` and honour `If-None-Match`; every answer carries "
    "`X-Request-ID`."
)
OPENAPI_TAGS = [
    {"name": "articles", "description": "Ingest, read and delete articles; each article's claims."},
    {"name": "claims", "description": "Claim records across articles, filtered."},
    {"name": "extract", "description": "Claim records of a text, without storing anything."},
    {"name": "topics", "description": "Topics: what the sources say about one quantity, and where they disagree."},
    {"name": "sources", "description": "Who asserts figures."},
    {"name": "check", "description": "Check a new article's figures against what is known."},
    {"name": "health", "description": "Liveness, readiness and metrics."},
]


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()
    configure_logging(settings)
    app = FastAPI(title="Tally", version="0.1.0", description=API_DESCRIPTION, openapi_tags=OPENAPI_TAGS,
                  dependencies=[Depends(reject_unknown_query)])
    app.state.settings = settings
    app.state.engine = make_engine(settings.database_url)
    app.state.sessionmaker = make_sessionmaker(app.state.engine)
    app.state.write_lock = threading.Lock() if app.state.engine.dialect.name == "sqlite" else nullcontext()
    app.state.metrics = Metrics()
    app.state.topic_views = ViewCache(settings.view_cache_bytes)
    app.state.data_version = DataVersion(app.state.engine)
    install_error_handlers(app)
    for router in ROUTERS:
        app.include_router(router)
    # Added innermost first: a request meets RequestContext, CORS, BodyLimit, ETag, ResponseCache, the routes.
    app.add_middleware(ResponseCache, settings=settings, data_version=app.state.data_version)
    app.add_middleware(ETag)
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)
    if settings.cors_origin_list:
        app.add_middleware(CORSMiddleware, allow_origins=list(settings.cors_origin_list),
                           allow_methods=["GET", "POST", "DELETE"],
                           allow_headers=["Authorization", "X-API-Key", "Content-Type", "If-None-Match",
                                          "X-Request-ID"],
                           expose_headers=["ETag", "X-Request-ID"])
    app.add_middleware(RequestContext, metrics=app.state.metrics)

    def openapi() -> dict:
        if app.openapi_schema is None:
            app.openapi_schema = document_problems(FastAPI.openapi(app))
        return app.openapi_schema

    app.openapi = openapi
    return app
