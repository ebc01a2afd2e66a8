"""Request dependencies as Annotated aliases, so handler signatures read as plain parameters."""
import base64
import binascii
import json
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute
from sqlalchemy.orm import Session

from service.settings import Settings

DEFAULT_LIMIT = 50
MAX_LIMIT = 1000


# The dependencies are `async def` though they never await: FastAPI runs a plain `def` dependency in the
# thread pool, one hop per dependency per request, which costs more than the work they do.

async def get_settings(request: Request) -> Settings:
    return request.app.state.settings


async def get_session(request: Request) -> AsyncIterator[Session]:
    """A session that connects on first use (in the handler's thread) and is closed after the response."""
    with request.app.state.sessionmaker() as session:
        yield session


SettingsDep = Annotated[Settings, Depends(get_settings)]
SessionDep = Annotated[Session, Depends(get_session)]


def invalid_query(name: str, msg: str, value: object) -> RequestValidationError:
    """A 422 about one query parameter, shaped like FastAPI's own validation errors."""
    return RequestValidationError([{"type": "value_error", "loc": ("query", name), "msg": msg, "input": value}])


def encode_cursor(scope: str, *values: object) -> str:
    """Opaque to clients: the last item's sort key, tagged with the list it belongs to."""
    raw = json.dumps([scope, *values], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


@dataclass(frozen=True)
class PageParams:
    limit: int
    cursor: str | None

    def after(self, scope: str, *types: type) -> tuple | None:
        """The sort key the cursor carries, checked against the list (`scope`) and the key's types."""
        if self.cursor is None:
            return None
        try:
            decoded = json.loads(base64.urlsafe_b64decode(self.cursor + "=" * (-len(self.cursor) % 4)))
        except (binascii.Error, ValueError):
            decoded = None
        if (not isinstance(decoded, list) or len(decoded) != len(types) + 1 or decoded[0] != scope
                or not all(isinstance(v, t) and not (t is int and isinstance(v, bool))
                           for v, t in zip(decoded[1:], types))):
            raise invalid_query("cursor", "not a cursor of this list; pass back a `next_cursor` it returned, "
                                          "or leave `cursor` out to start from the first page", self.cursor)
        return tuple(decoded[1:])


async def page_params(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Items per page, at most {MAX_LIMIT}.")] = DEFAULT_LIMIT,
    cursor: Annotated[str | None, Query(max_length=1000, description="The `next_cursor` of the previous page.")] = None,
) -> PageParams:
    return PageParams(limit=limit, cursor=cursor)


PageDep = Annotated[PageParams, Depends(page_params)]


def _query_names(route: APIRoute) -> frozenset[str]:
    names, pending = set(), [route.dependant]
    while pending:
        dependant = pending.pop()
        names.update(p.alias for p in dependant.query_params)
        pending.extend(dependant.dependencies)
    return frozenset(names)


async def reject_unknown_query(request: Request) -> None:
    """A misspelt filter (`?knid=money`) would otherwise be ignored silently and return everything."""
    route = request.scope.get("route")
    if not isinstance(route, APIRoute) or not request.url.path.startswith("/v1"):
        return
    allowed = _query_names(route)
    for name in request.query_params:
        if name not in allowed:
            expected = ", ".join(sorted(allowed)) or "none"
            raise invalid_query(name, f"unknown query parameter; this endpoint accepts: {expected}",
                                request.query_params[name])
