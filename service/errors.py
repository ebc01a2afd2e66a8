"""Every error is application/problem+json (RFC 9457)."""
from http import HTTPStatus

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from schemas import Problem, ProblemItem

PROBLEM_JSON = "application/problem+json"


def problem_response(status: int, detail: str, *, title: str | None = None,
                     errors: list[ProblemItem] | None = None, headers: dict | None = None) -> JSONResponse:
    body = Problem(title=title or HTTPStatus(status).phrase, status=status, detail=detail, errors=errors)
    return JSONResponse(body.model_dump(exclude_none=True), status_code=status, media_type=PROBLEM_JSON,
                        headers=headers)


async def _http_error(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
    return problem_response(exc.status_code, str(exc.detail), headers=getattr(exc, "headers", None))


async def _validation_error(_request: Request, exc: RequestValidationError) -> JSONResponse:
    items = [ProblemItem(loc=[str(p) for p in e.get("loc", ())], msg=e.get("msg", "invalid")) for e in exc.errors()]
    detail = "; ".join(f"{'.'.join(i.loc)}: {i.msg}" for i in items[:5]) or "invalid request"
    return problem_response(422, detail, title="Invalid request", errors=items)


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
