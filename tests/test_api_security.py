"""Keys guard writes (and reads when asked), filters cannot inject SQL, and logs hold no secret."""
import json
import logging

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text

from service.app import create_app
from tests.api_helpers import assert_problem
from tests.conftest import TEST_KEY, seed_articles

ARTICLE = {"text": "The Pentagon said on Monday that approximately 10,000 North Korean troops were in Russia."}


def _snapshot(app) -> dict:
    with app.state.engine.connect() as conn:
        return {t: conn.execute(text(f"SELECT * FROM {t} ORDER BY 1")).all() for t in ("articles", "claims", "topics")}


@pytest.fixture
def anonymous(settings):
    app = create_app(settings)
    with TestClient(app) as c:
        c.post("/v1/articles", json=seed_articles()[3], headers={"X-API-Key": TEST_KEY})
        yield app, c


def test_writes_without_a_valid_key_are_refused_and_change_nothing(anonymous):
    app, c = anonymous
    before = _snapshot(app)
    article_id = c.get("/v1/articles").json()["items"][0]["id"]
    for headers, words in [({}, "No API key"), ({"X-API-Key": "wrong"}, "not valid"),
                           ({"Authorization": "Bearer wrong"}, "not valid"), ({"Authorization": "Basic " + TEST_KEY}, "not valid"),
                           ({"X-API-Key": TEST_KEY, "Authorization": "Bearer wrong"}, "not valid"), ({"X-API-Key": ""}, "not valid"),
                           ({"X-API-Key": TEST_KEY[:-1]}, "not valid"), ({"X-API-Key": TEST_KEY + "x"}, "not valid")]:
        for r in (c.post("/v1/articles", json=ARTICLE, headers=headers), c.delete(f"/v1/articles/{article_id}", headers=headers)):
            assert_problem(r, 401, words, "X-API-Key")
            assert r.headers["www-authenticate"] == 'Bearer realm="tally"'
    assert _snapshot(app) == before


def test_both_key_headers_are_accepted(anonymous):
    _, c = anonymous
    assert c.post("/v1/articles", json=ARTICLE, headers={"Authorization": f"Bearer {TEST_KEY}"}).status_code == 201
    assert c.post("/v1/articles", json=ARTICLE, headers={"X-API-Key": TEST_KEY}).status_code == 200


def test_with_no_key_configured_writes_are_forbidden_with_a_way_out(settings):
    app = create_app(settings.model_copy(update={"api_keys": ""}))
    with TestClient(app) as c:
        for r in (c.post("/v1/articles", json=ARTICLE, headers={"X-API-Key": "anything"}),
                  c.delete("/v1/articles/abc")):
            assert_problem(r, 403, "TALLY_API_KEYS", "make demo")
        assert c.get("/v1/articles").json()["items"] == []
        assert c.post("/v1/extract", json=ARTICLE).status_code == 200


def test_reads_can_be_closed_with_read_requires_key(settings):
    with TestClient(create_app(settings.model_copy(update={"read_requires_key": True}))) as c:
        for url in ("/v1/articles", "/v1/claims", "/v1/topics", "/v1/sources", "/v1/topics/x", "/v1/articles/x"):
            assert_problem(c.get(url), 401)
            assert c.get(url, headers={"Authorization": f"Bearer {TEST_KEY}"}).status_code in (200, 404)
        assert c.get("/healthz").status_code == 200


NASTY = ["' OR '1'='1", "'; DROP TABLE claims; --", '" OR ""="', "%", "_", "\\", "x' UNION SELECT * FROM articles --",
         "1; DELETE FROM topics", "%' OR 1=1 --", "\u0000"]


def test_sql_metacharacters_in_every_filter_match_nothing_and_change_nothing(anonymous):
    app, c = anonymous
    before = _snapshot(app)
    some_topic = c.get("/v1/topics").json()["items"][0]
    filters = {"/v1/claims": ["topic", "source", "article", "since", "until"], "/v1/topics": ["q"]}
    for url, names in filters.items():
        for name in names:
            for value in NASTY:
                r = c.get(url, params={name: value})
                if name in ("since", "until") or (name, value) == ("q", "\u0000"):  # refused before any query
                    assert_problem(r, 422, name)
                else:
                    assert r.status_code == 200 and r.json()["items"] == [], (url, name, value)
    for value in NASTY[:-1]:  # httpx refuses to put a NUL in a path
        for url in (f"/v1/topics/{value}", f"/v1/articles/{value}", f"/v1/articles/{value}/claims"):
            assert c.get(url).status_code == 404
    assert c.get("/v1/topics", params={"q": some_topic["label"][:4]}).json()["items"]
    assert _snapshot(app) == before


def test_api_keys_never_reach_the_logs(settings, caplog, capfd):
    caplog.set_level(logging.DEBUG)
    app = create_app(settings.model_copy(update={"log_json": True}))
    with TestClient(app, raise_server_exceptions=False) as c:
        c.post("/v1/articles", json=ARTICLE, headers={"X-API-Key": TEST_KEY})
        c.post("/v1/articles", json=ARTICLE, headers={"Authorization": "Bearer not-the-key-SECRETVALUE"})
        c.get("/v1/topics", headers={"X-API-Key": TEST_KEY})
    out, err = capfd.readouterr()
    for secret in (TEST_KEY, "SECRETVALUE"):
        assert secret not in caplog.text and secret not in out and secret not in err
    assert len([r for r in caplog.records if r.name == "tally.http"]) == 3


def test_logs_are_json_lines_carrying_the_request_id_of_the_answer(settings, capfd):
    app = create_app(settings.model_copy(update={"log_json": True}))
    with TestClient(app) as c:
        r = c.get("/v1/topics", params={"limit": 5}, headers={"X-Request-ID": "trace-42"})
        generated = c.get("/v1/claims").headers["x-request-id"]
    lines = [json.loads(line) for line in capfd.readouterr().err.splitlines() if line.startswith("{")]
    mine = [e for e in lines if e["request_id"] == "trace-42"]
    assert r.headers["x-request-id"] == "trace-42"
    assert mine and mine[-1] | {"ts": None} == {"ts": None, "level": "info", "logger": "tally.http",
                                                 "msg": mine[-1]["msg"], "request_id": "trace-42", "method": "GET",
                                                 "path": "/v1/topics", "route": "/v1/topics", "status": 200,
                                                 "duration_ms": mine[-1]["duration_ms"]}
    assert any(e["request_id"] == generated and e["path"] == "/v1/claims" for e in lines)
