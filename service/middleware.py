"""Pure ASGI middleware: request context (id, log line, metrics, last-resort 500), body limit, ETags and
the response cache.

Pure ASGI rather than BaseHTTPMiddleware: no extra task per request, and the body limit can refuse a
request before any of it is parsed.
"""
import asyncio
import hashlib
import logging
import re
import time
import uuid
from typing import Any, NamedTuple

from starlette.requests import Request

from service.cache import ByteBoundedLRU, TopicChanges
from service.errors import send_problem
from service.observability import LOGGER, Metrics, request_id_var
from service.security import may_read
from service.settings import Settings
from service.store.queries import DataVersion

log = logging.getLogger(LOGGER + ".http")
_CLIENT_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")
_BODY_METHODS = {"POST", "PUT", "PATCH", "DELETE"}


def _header(scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", ()):
        if key == name:
            return value.decode("latin-1")
    return None


class RequestContext:
    """Outermost: every response carries `X-Request-ID`, every request gives one log line and one metric,
    and an unhandled exception becomes a 500 problem that names the request id, never the traceback."""

    def __init__(self, app, *, metrics: Metrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        given = _header(scope, b"x-request-id")
        request_id = given if given and _CLIENT_ID.match(given) else uuid.uuid4().hex
        token = request_id_var.set(request_id)
        started = time.perf_counter()
        status = 500
        response_started = False

        async def send_with_id(message) -> None:
            nonlocal status, response_started
            if message["type"] == "http.response.start":
                status, response_started = message["status"], True
                message["headers"] = [*message.get("headers", ()), (b"x-request-id", request_id.encode())]
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        except Exception:  # noqa: BLE001 - the last resort: log it whole, answer a problem without it
            log.exception("unhandled error")
            if not response_started:
                await send_problem(send_with_id, 500, f"An unexpected error occurred; report request id "
                                                      f"{request_id} to the operators.")
        finally:
            elapsed = time.perf_counter() - started
            route = getattr(scope.get("route"), "path", "unmatched")
            self.metrics.observe(method=scope["method"], route=route, status=status, seconds=elapsed)
            log.info("%s %s %d %.1fms", scope["method"], scope["path"], status, elapsed * 1000,
                     extra={"method": scope["method"], "path": scope["path"], "route": route, "status": status,
                            "duration_ms": round(elapsed * 1000, 2)})
            request_id_var.reset(token)


class BodyLimit:
    """413 for a body over `max_bytes`: by Content-Length up front, else by counting the streamed chunks.

    A body is read whole here (it would be anyway, to parse JSON) and replayed to the app.
    """

    def __init__(self, app, *, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def _too_large(self, send) -> None:
        await send_problem(send, 413, f"The body is larger than {self.max_bytes} bytes, the limit this server "
                                      f"accepts (TALLY_MAX_BODY_BYTES); send a smaller article.",
                           headers=[(b"connection", b"close")])

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = _header(scope, b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_bytes):
            await self._too_large(send)
            return
        if scope["method"] not in _BODY_METHODS:
            await self.app(scope, receive, send)
            return
        chunks, size = [], 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                break
            size += len(message.get("body", b""))
            if size > self.max_bytes:
                await self._too_large(send)
                return
            chunks.append(message.get("body", b""))
            if not message.get("more_body", False):
                break
        replayed = False

        async def replay():
            nonlocal replayed
            if replayed:
                return await receive()
            replayed = True
            return {"type": "http.request", "body": b"".join(chunks), "more_body": False}

        await self.app(scope, replay, send)


def _matches(if_none_match: str, etag: str) -> bool:
    tags = {t.strip().removeprefix("W/") for t in if_none_match.split(",")}
    return "*" in tags or etag in tags


class ETag:
    """GET answers with 200 get an ETag (a hash of the body); a matching `If-None-Match` gets 304."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET":
            await self.app(scope, receive, send)
            return
        start = None
        body = []

        async def buffer(message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                if message["status"] != 200:
                    start = False
                    await send(message)
                else:
                    start = message
                return
            if start is False or message["type"] != "http.response.body":
                await send(message)
                return
            body.append(message.get("body", b""))
            if message.get("more_body", False):
                return
            content = b"".join(body)
            etag = '"' + hashlib.blake2b(content, digest_size=16).hexdigest() + '"'
            inm = _header(scope, b"if-none-match")
            if inm is not None and _matches(inm, etag):
                headers = [(k, v) for k, v in start["headers"] if k in (b"cache-control", b"vary")]
                await send({"type": "http.response.start", "status": 304, "headers": [*headers, (b"etag", etag.encode())]})
                await send({"type": "http.response.body", "body": b""})
                return
            await send({**start, "headers": [*start["headers"], (b"etag", etag.encode())]})
            await send({"type": "http.response.body", "body": content})

        await self.app(scope, receive, buffer)


class _Answer(NamedTuple):
    """A kept answer, stamped with the data version and change log position read before it was computed;
    `topic` is set for the answers about one topic."""

    version: int
    seq: int
    topic: str | None
    route: Any
    headers: list
    body: bytes


class ResponseCache:
    """A GET under /v1 that answered 200 is answered again from memory, without routing, dependencies or
    a query, while what it was computed from is unchanged. A topic's view and disagreements stay while the
    topic change log names no later write of that topic; any other answer (lists, claims, sources) stays
    while the store's data version has not moved (any commit, by this process or another, moves it). Only
    SQLite files have such a version; on other stores every request goes through.

    The version and log are read before the answer is computed, so an answer is never filed as newer than
    what it saw. Requests that miss while the same answer is being computed at the same stamp wait for it
    instead of asking the store again (after a write, every reader of a list would otherwise queue for
    connections at once). A hit still honours closed reads (`read_requires_key`); the ETag is added outside.
    """

    TOPIC_ROUTES = frozenset({"/v1/topics/{key}", "/v1/topics/{key}/disagreements"})

    def __init__(self, app, *, settings: Settings, data_version: DataVersion) -> None:
        self.app = app
        self.settings = settings
        self.changes = TopicChanges(data_version)
        self.entries = ByteBoundedLRU(settings.response_cache_bytes)
        self.flights: dict[tuple, tuple[tuple[int, int], asyncio.Future[_Answer | None]]] = {}

    def _fresh(self, answer: _Answer, version: int) -> bool:
        return answer.version == version if answer.topic is None else self.changes.fresh(answer.topic, answer.seq)

    async def __call__(self, scope, receive, send) -> None:
        if (scope["type"] != "http" or scope["method"] != "GET" or not scope["path"].startswith("/v1/")
                or not self.settings.response_cache_bytes):
            await self.app(scope, receive, send)
            return
        version = self.changes.sync()
        if version is None:
            await self.app(scope, receive, send)
            return
        seq = self.changes.seq
        key = (scope["path"], scope.get("query_string", b""))
        hit = self.entries.get(key)
        if hit is None or not self._fresh(hit, version):
            flight = self.flights.get(key)
            hit = await asyncio.shield(flight[1]) if flight is not None and flight[0] == (version, seq) else None
        if hit is not None and may_read(self.settings, Request(scope)):
            scope["route"] = hit.route  # the request is counted under its route, as if it had been routed
            await send({"type": "http.response.start", "status": 200, "headers": hit.headers})
            await send({"type": "http.response.body", "body": hit.body})
            return
        start, chunks, kept = None, [], None
        done = asyncio.get_running_loop().create_future()
        self.flights[key] = ((version, seq), done)

        async def keep(message) -> None:
            nonlocal start, kept
            if message["type"] == "http.response.start":
                cacheable = message["status"] == 200 and (b"content-type", b"application/json") in message["headers"]
                start = message if cacheable else None
            elif start is not None and message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
                if not message.get("more_body", False):
                    body = chunks[0] if len(chunks) == 1 else b"".join(chunks)
                    route = scope.get("route")
                    topic = scope["path_params"]["key"] if getattr(route, "path", None) in self.TOPIC_ROUTES else None
                    kept = _Answer(version, seq, topic, route, list(start["headers"]), body)
                    self.entries.put(key, kept, len(body))
            await send(message)

        try:
            await self.app(scope, receive, keep)
        finally:  # waiters get the answer, or None (not cacheable, or this request failed) and compute their own
            if self.flights.get(key, (None, None))[1] is done:
                del self.flights[key]
            done.set_result(kept)
