"""Every error is application/problem+json (RFC 9457), with a detail that says what to do about it."""
import json
import logging
from http import HTTPStatus

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeoutError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

from schemas import Problem, ProblemItem

log = logging.getLogger("tally.store")
PROBLEM_JSON = "application/problem+json"
STORE_DOWN = "The store did not answer; retry in a few seconds. If it persists, check TALLY_DATABASE_URL and /readyz."

_DESCRIPTIONS = {
    400: "The request cannot be read.",
    401: "No API key, or an unknown one.",
    403: "Writes are disabled: no API key is configured on the server.",
    404: "No such resource.",
    409: "The article id is taken by a different text.",
    413: "The body is larger than the server accepts.",
    422: "A parameter or the body is invalid: wrong type, unknown field, bad cursor, limit out of range.",
    500: "An unexpected error; the detail carries the request id to report.",
    503: "The store is unreachable.",
}


def problem(status: int, detail: str, *, title: str | None = None,
            errors: list[ProblemItem] | None = None) -> Problem:
    return Problem(title=title or HTTPStatus(status).phrase, status=status, detail=detail, errors=errors)


def problem_response(status: int, detail: str, *, title: str | None = None,
                     errors: list[ProblemItem] | None = None, headers: dict | None = None) -> JSONResponse:
    body = problem(status, detail, title=title, errors=errors)
    return JSONResponse(body.model_dump(exclude_none=True), status_code=status, media_type=PROBLEM_JSON,
                        headers=headers)


async def send_problem(send, status: int, detail: str, *, headers: list[tuple[bytes, bytes]] = ()) -> None:
    """The same body from a pure ASGI middleware, which has no Response class to hand."""
    body = json.dumps(problem(status, detail).model_dump(exclude_none=True)).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", PROBLEM_JSON.encode()), (b"content-length", str(len(body)).encode()),
                            *headers]})
    await send({"type": "http.response.body", "body": body})


def problem_responses(*statuses: int) -> dict[int, dict]:
    """OpenAPI entries for error statuses (the app's spec hook moves them to problem+json)."""
    return {s: {"model": Problem, "description": _DESCRIPTIONS[s]} for s in statuses}


def _allowed_methods(request: Request) -> str:
    """Starlette's Allow names one route's methods; GET and POST /v1/articles are two routes, so ask each."""
    def answers(method: str) -> bool:
        scope = {**request.scope, "method": method}
        return any(route.matches(scope)[0] is Match.FULL for route in request.app.router.routes)

    return ", ".join(m for m in ("GET", "POST", "PUT", "PATCH", "DELETE") if answers(m))


async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    """Starlette's own 404/405 say only the phrase; say what was asked and where to look instead."""
    detail, headers = str(exc.detail), dict(exc.headers or {})
    if exc.status_code == 404 and detail == "Not Found":
        detail = f"Nothing at {request.url.path}; the endpoints are listed at /docs and /openapi.json."
    elif exc.status_code == 405 and detail == "Method Not Allowed":
        headers["Allow"] = _allowed_methods(request)
        detail = f"{request.method} is not allowed on {request.url.path}; allowed: {headers['Allow']}."
    return problem_response(exc.status_code, detail, headers=headers or None)


def _message(error: dict) -> str:
    if error.get("type") == "json_invalid":
        return f"the body is not valid JSON ({error.get('ctx', {}).get('error', 'decode error')})"
    if error.get("type") == "extra_forbidden":
        return "unknown field; remove it (the schema at /docs lists the accepted ones)"
    return error.get("msg", "invalid")


async def _validation_error(_request: Request, exc: RequestValidationError) -> JSONResponse:
    items = [ProblemItem(loc=[str(p) for p in e.get("loc", ())], msg=_message(e)) for e in exc.errors()]
    detail = "; ".join(f"{'.'.join(map(str, i.loc))}: {i.msg}" for i in items[:5]) or "invalid request"
    return problem_response(422, detail, title="Invalid request", errors=items)


async def _store_down(_request: Request, exc: Exception) -> JSONResponse:
    reason = getattr(exc, "orig", None) or exc  # the driver's message, without the statement and its parameters
    log.warning("store unavailable: %s: %s", type(reason).__name__, str(reason).splitlines()[0][:200])
    return problem_response(503, STORE_DOWN, title="Store unavailable", headers={"Retry-After": "5"})


def install_error_handlers(app: FastAPI) -> None:
    """Unhandled exceptions become a 500 problem in `service.middleware.RequestContext`, which sees them first."""
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    for exc in (OperationalError, PoolTimeoutError):
        app.add_exception_handler(exc, _store_down)


def document_problems(spec: dict) -> dict:
    """Document what the handlers guarantee for every operation, whichever router it is in.

    Every error is a Problem sent as problem+json (FastAPI would document its own validation shape); every
    /v1 operation may answer 422, 500 and 503, and one with a body 400 (unreadable) and 413 (too large).
    """
    ref = {"$ref": "#/components/schemas/Problem"}
    for path, operations in spec.get("paths", {}).items():
        for operation in operations.values():
            responses = operation.setdefault("responses", {})
            standard = ((422, 500, 503) if path.startswith("/v1") else ()) + \
                       ((400, 413) if "requestBody" in operation else ())
            for status in standard:
                responses.setdefault(str(status), {"description": _DESCRIPTIONS[status]})
            for status, response in responses.items():
                if status[0] in "45":
                    if response.get("description") == "Validation Error":
                        response["description"] = _DESCRIPTIONS[422]
                    response["content"] = {PROBLEM_JSON: {"schema": ref}}
    schemas = spec.get("components", {}).get("schemas", {})
    for unused in ("HTTPValidationError", "ValidationError"):
        if unused in schemas and f"#/components/schemas/{unused}" not in json.dumps(spec["paths"]):
            del schemas[unused]
    return spec
