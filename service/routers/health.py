from fastapi import APIRouter, HTTPException, Request, Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from sqlalchemy import text

from schemas import Health
from service.errors import STORE_DOWN, problem_responses

router = APIRouter(tags=["health"])


@router.get("/healthz", response_model=Health, operation_id="health-live", summary="Liveness")
def healthz() -> Health:
    """The process is up (it does not touch the store)."""
    return Health(status="ok")


@router.get("/readyz", response_model=Health, operation_id="health-ready",
            summary="Readiness", responses=problem_responses(503))
def readyz(request: Request) -> Health:
    """The store answers a query: ready for traffic."""
    try:
        with request.app.state.engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception as exc:  # noqa: BLE001 - any failure to reach the store means not ready
        raise HTTPException(503, STORE_DOWN, headers={"Retry-After": "5"}) from exc
    return Health(status="ok")


@router.get("/metrics", operation_id="health-metrics", summary="Prometheus metrics", response_class=Response,
            responses={200: {"description": "Prometheus text exposition.",
                             "content": {CONTENT_TYPE_LATEST.split(";")[0]: {"schema": {"type": "string"}}}}})
def metrics(request: Request) -> Response:
    """Request counts and latencies per route, for Prometheus to scrape."""
    return Response(generate_latest(request.app.state.metrics.registry), media_type=CONTENT_TYPE_LATEST)
