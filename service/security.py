"""API keys: writes need one, reads may; keys are compared in constant time and never logged."""
import hmac
from typing import Annotated

from fastapi import Depends, HTTPException, Request
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer

from service.deps import SettingsDep
from service.settings import Settings

NO_KEYS = ("Writes are disabled because the server has no API key configured. Start it with "
           "TALLY_API_KEYS=<key>[,<key>...] (`make demo` sets a demo key and prints it), then send the key as "
           "`Authorization: Bearer <key>` or `X-API-Key: <key>`.")
BAD_KEY = "Send a valid API key as `Authorization: Bearer <key>` or `X-API-Key: <key>`."
CHALLENGE = {"WWW-Authenticate": 'Bearer realm="tally"'}

bearer_scheme = HTTPBearer(auto_error=False, scheme_name="Bearer", description="`Authorization: Bearer <key>`.")
api_key_scheme = APIKeyHeader(name="X-API-Key", auto_error=False, scheme_name="ApiKey",
                              description="`X-API-Key: <key>`; the same keys as Bearer.")


def key_is_valid(settings: Settings, key: str | None) -> bool:
    """Compare with every configured key, without stopping early, so timing says nothing about them."""
    if not key:  # an empty header is no key
        return False
    given = key.encode()
    return sum(hmac.compare_digest(given, k.encode()) for k in settings.api_key_list) > 0


def _presented(request: Request) -> list[str]:
    """The keys a request carries; a header present but unusable (`Basic ...`, an empty value) counts as a
    wrong key, so that nothing malformed is ever ignored."""
    keys = []
    if "x-api-key" in request.headers:
        keys.append(request.headers["x-api-key"].strip())
    if "authorization" in request.headers:
        scheme, _, token = request.headers["authorization"].partition(" ")
        keys.append(token.strip() if scheme.lower() == "bearer" else "")
    return keys


def _all_valid(settings: Settings, presented: list[str]) -> bool:
    """Every key presented must be valid (a wrong one is never outvoted by a right one), and one must be."""
    return bool(presented) and all([key_is_valid(settings, k) for k in presented])


def may_read(settings: Settings, request: Request) -> bool:
    """What `require_read_key` lets through, as a yes or no (for the response cache, which answers before
    any dependency runs)."""
    return not settings.read_requires_key or _all_valid(settings, _presented(request))


def _check(settings: Settings, request: Request) -> None:
    if not settings.api_key_list:
        raise HTTPException(403, NO_KEYS)
    presented = _presented(request)
    if not _all_valid(settings, presented):
        raise HTTPException(401, ("The API key is not valid. " if presented else "No API key was sent. ") + BAD_KEY,
                            headers=CHALLENGE)


async def require_key(request: Request, settings: SettingsDep,
                _bearer: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer_scheme)],
                _api_key: Annotated[str | None, Depends(api_key_scheme)]) -> None:
    """For writes. The two schemes declare the headers in OpenAPI; the check reads the raw headers."""
    _check(settings, request)


async def require_read_key(request: Request, settings: SettingsDep) -> None:
    """For reads: open unless `Settings.read_requires_key`; declares no scheme, so the spec marks reads open."""
    if settings.read_requires_key:
        _check(settings, request)


WriteKey = Depends(require_key)
ReadKey = Depends(require_read_key)
