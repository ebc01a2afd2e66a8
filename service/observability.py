"""Structured logs that carry the request id, and Prometheus metrics on a per-app registry."""
import json
import logging
import sys
from contextvars import ContextVar
from datetime import datetime, timezone

from prometheus_client import CollectorRegistry, Counter, Histogram

from service.settings import Settings

request_id_var: ContextVar[str] = ContextVar("request_id", default="-")
LOGGER = "tally"
# Fields a log call may pass in `extra`; the JSON formatter copies exactly these, so nothing else leaks in.
LOG_FIELDS = ("method", "path", "route", "status", "duration_ms", "client")


class RequestIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id_var.get()
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {"ts": datetime.fromtimestamp(record.created, timezone.utc).isoformat(timespec="milliseconds"),
                 "level": record.levelname.lower(), "logger": record.name, "msg": record.getMessage(),
                 "request_id": getattr(record, "request_id", request_id_var.get())}
        entry.update({f: getattr(record, f) for f in LOG_FIELDS if hasattr(record, f)})
        if record.exc_info:
            entry["exc"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


def configure_logging(settings: Settings) -> None:
    """Give the `tally` loggers one handler (replacing the one an earlier app set up)."""
    logger = logging.getLogger(LOGGER)
    for old in [h for h in logger.handlers if getattr(h, "tally", False)]:
        logger.removeHandler(old)
    handler = logging.StreamHandler(sys.stderr)
    handler.tally = True
    handler.addFilter(RequestIdFilter())
    handler.setFormatter(JsonFormatter() if settings.log_json else
                         logging.Formatter("%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)


class Metrics:
    """Request counts and latencies by route template (never the raw path, so label sets stay bounded)."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.requests = Counter("tally_http_requests", "HTTP requests answered.", ["method", "route", "status"],
                                registry=self.registry)
        self.latency = Histogram("tally_http_request_duration_seconds", "Time to answer a request.",
                                 ["method", "route"], registry=self.registry,
                                 buckets=(.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10))

    def observe(self, *, method: str, route: str, status: int, seconds: float) -> None:
        self.requests.labels(method, route, str(status)).inc()
        self.latency.labels(method, route).observe(seconds)
