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
    if not key:
        return False
    given = key.encode()
    return sum(hmac.compare_digest(given, k.encode()) for k in settings.api_key_list) > 0


def _check(settings: Settings, key: str | None) -> None:
    if not settings.api_key_list:
        raise HTTPException(403, NO_KEYS)
    if not key_is_valid(settings, key):
        raise HTTPException(401, ("The API key is not valid. " if key else "No API key was sent. ") + BAD_KEY,
                            headers=CHALLENGE)


def require_key(settings: SettingsDep,
                bearer: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer_scheme)],
                api_key: Annotated[str | None, Depends(api_key_scheme)]) -> None:
    """For writes: declared in OpenAPI through the two security schemes."""
    _check(settings, api_key or (bearer.credentials if bearer else None))


def require_read_key(request: Request, settings: SettingsDep) -> None:
    """For reads: open unless `Settings.read_requires_key`; reads headers itself so the spec marks reads open."""
    if not settings.read_requires_key:
        return
    auth = request.headers.get("authorization", "")
    scheme, _, token = auth.partition(" ")
    _check(settings, request.headers.get("x-api-key") or (token.strip() if scheme.lower() == "bearer" else None))


WriteKey = Depends(require_key)
ReadKey = Depends(require_read_key)
