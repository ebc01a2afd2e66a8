"""The REST contract: envelopes and cursors, filters, problem+json for every error, ETags, request ids."""
import re

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import sessionmaker

from service.app import create_app
from service.cli.openapi import openapi_spec
from service.store import make_engine
from tests.api_helpers import assert_problem
from tests.conftest import TEST_KEY, seed_articles

@pytest.fixture
def seeded(client) -> TestClient:
    for article in seed_articles():
        assert client.post("/v1/articles", json=article).status_code == 201
    return client


def walk(client, url: str, limit: int, **params) -> list[dict]:
    """All items of a list, page by page, checking that every page but the last is full."""
    items, cursor = [], None
    while True:
        r = client.get(url, params={**params, "limit": limit, **({"cursor": cursor} if cursor else {})})
        assert r.status_code == 200, r.text
        page = r.json()
        assert set(page) == {"items", "next_cursor"}
        items += page["items"]
        cursor = page["next_cursor"]
        if cursor is None:
            return items
        assert len(page["items"]) == limit


def _lists(client) -> list[tuple[str, dict]]:
    article = client.get("/v1/articles").json()["items"][0]["id"]
    busiest = client.get("/v1/topics", params={"sort": "disagreements"}).json()["items"][0]["key"]
    return [("/v1/articles", {}), ("/v1/claims", {}), ("/v1/claims", {"kind": "personnel"}),
            ("/v1/topics", {}), ("/v1/topics", {"sort": "disagreements"}), ("/v1/topics", {"sort": "latest"}),
            ("/v1/sources", {}), (f"/v1/articles/{article}/claims", {}), (f"/v1/topics/{busiest}/disagreements", {})]


def test_every_list_pages_through_all_its_items_once_in_a_stable_order(seeded):
    for url, params in _lists(seeded):
        whole = seeded.get(url, params={**params, "limit": 1000}).json()
        assert whole["next_cursor"] is None
        assert len(whole["items"]) >= 2, url
        assert walk(seeded, url, 1, **params) == whole["items"], url
        assert walk(seeded, url, 2, **params) == whole["items"], url


def test_a_cursor_from_another_list_or_forged_is_a_422(seeded):
    claims_cursor = seeded.get("/v1/claims", params={"limit": 1}).json()["next_cursor"]
    topics_cursor = seeded.get("/v1/topics", params={"limit": 1}).json()["next_cursor"]
    for url, params in [("/v1/topics", {"cursor": claims_cursor}), ("/v1/claims", {"cursor": topics_cursor}),
                        ("/v1/topics", {"sort": "latest", "cursor": topics_cursor}),
                        ("/v1/articles", {"cursor": "not-base64!"}), ("/v1/sources", {"cursor": "WyJzb3VyY2VzIl0"}),
                        ("/v1/claims", {"cursor": "e30"}), ("/v1/articles", {"cursor": ""})]:
        body = assert_problem(seeded.get(url, params=params), 422, "cursor")
        assert body["errors"][0]["loc"] == ["query", "cursor"]


@pytest.mark.parametrize("limit", ["0", "1001", "-5", "ten", "1e3"])
def test_limit_out_of_range_or_not_a_number_is_a_422(client, limit):
    for url in ("/v1/articles", "/v1/claims", "/v1/topics", "/v1/sources"):
        assert_problem(client.get(url, params={"limit": limit}), 422, "limit")
    assert client.get("/v1/topics", params={"limit": 1000}).status_code == 200


def test_claim_filters_select_what_they_name(seeded):
    every = walk(seeded, "/v1/claims", 1000)
    some = every[0]
    for name, field in [("topic", "topic"), ("kind", "kind"), ("source", "attribution"), ("article", "article_id")]:
        got = walk(seeded, "/v1/claims", 1000, **{name: some[field]})
        assert got == [c for c in every if c[field] == some[field]], name
    for hedged in (True, False):
        got = walk(seeded, "/v1/claims", 1000, hedged=str(hedged).lower())
        assert got == [c for c in every if c["hedged"] is hedged]
    got = walk(seeded, "/v1/claims", 1000, since="2024-10-01", until="2024-12-31")
    assert got == [c for c in every if c["as_of"] and "2024-10-01" <= c["as_of"] <= "2024-12-31"]
    assert_problem(seeded.get("/v1/claims", params={"since": "last week"}), 422, "since")
    assert_problem(seeded.get("/v1/claims", params={"kind": "vibes"}), 422, "kind")


def test_topics_filter_by_kind_and_label_text_and_sort_as_asked(seeded):
    every = walk(seeded, "/v1/topics", 1000)
    assert [(-t["n_claims"], t["key"]) for t in every] == sorted((-t["n_claims"], t["key"]) for t in every)
    by_dis = walk(seeded, "/v1/topics", 1000, sort="disagreements")
    assert [t["n_disagreements"] for t in by_dis] == sorted((t["n_disagreements"] for t in by_dis), reverse=True)
    latest = walk(seeded, "/v1/topics", 1000, sort="latest")
    dates = [(t["latest"] or {}).get("as_of") or "" for t in latest]
    assert dates == sorted(dates, reverse=True)
    kind = every[0]["kind"]
    assert walk(seeded, "/v1/topics", 1000, kind=kind) == [t for t in every if t["kind"] == kind]
    word = every[0]["label"].split()[0]
    found = walk(seeded, "/v1/topics", 1000, q=word.upper())
    assert every[0] in found and all(word.lower() in (t["label"] + t["key"]).lower() for t in found)


def test_sources_count_their_claims(seeded):
    claims = walk(seeded, "/v1/claims", 1000)
    for source in walk(seeded, "/v1/sources", 1000):
        own = [c for c in claims if c["attribution"] == source["name"]]
        assert source["n_claims"] == len(own)
        assert source["n_articles"] == len({c["article_id"] for c in own})
        assert source["n_topics"] == len({c["topic"] for c in own})


def test_topic_view_follows_writes_and_deletes(client):
    a, b = seed_articles()[3], seed_articles()[4]
    first = client.post("/v1/articles", json=a).json()
    key = client.get("/v1/claims", params={"article": first["id"]}).json()["items"][0]["topic"]
    before = client.get(f"/v1/topics/{key}").json()
    assert before["key"] == key and before["n_articles"] == 1
    second = client.post("/v1/articles", json=b).json()
    in_b = [c for c in client.get(f"/v1/articles/{second['id']}/claims").json()["items"] if c["topic"] == key]
    after = client.get(f"/v1/topics/{key}").json()
    assert after["n_claims"] == before["n_claims"] + len(in_b)
    gone = client.delete(f"/v1/articles/{first['id']}")
    assert gone.status_code == 200 and gone.json()["id"] == first["id"]
    assert_problem(client.get(f"/v1/articles/{first['id']}"), 404, first["id"])
    assert_problem(client.delete(f"/v1/articles/{first['id']}"), 404)
    assert client.get("/v1/claims", params={"article": first["id"]}).json()["items"] == []
    r = client.get(f"/v1/topics/{key}")
    assert (r.status_code, r.json().get("n_claims")) == ((200, len(in_b)) if in_b else (404, None))
    assert_problem(client.get("/v1/topics/no-such-topic"), 404, "no-such-topic")


def test_extract_answers_records_for_the_text_as_sent_and_stores_nothing(client):
    text = "On Monday the Pentagon said approximately 10,000 North Korean troops had been sent to Russia."
    r = client.post("/v1/extract", json={"text": text, "published": "2024-10-28"}, headers={"X-API-Key": ""})
    assert r.status_code == 200
    claims = r.json()["claims"]
    assert claims and all(text[c["span"][0]:c["span"][1]] == c["quote"] for c in claims)
    assert client.get("/v1/articles").json()["items"] == []


@pytest.mark.parametrize("url", ["/v1/articles", "/v1/extract", "/v1/check"])
@pytest.mark.parametrize("body, where", [
    (b'{"text": "unterminated', "JSON"),
    (b"[1, 2, 3]", "body"),
    (b'{"text": 42}', "text"),
    (b'{"text": "ok", "published": ["2024"]}', "published"),
    (b'{"text": "ok", "sneaky": true}', "sneaky"),
    (b"", "body"),
])
def test_every_post_rejects_a_bad_body_with_a_readable_problem(client, url, body, where):
    r = client.post(url, content=body, headers={"content-type": "application/json"})
    problem = assert_problem(r, 422, where)
    assert problem["errors"]


@pytest.fixture
def small(settings) -> TestClient:
    with TestClient(create_app(settings.model_copy(update={"max_body_bytes": 1000}))) as c:
        c.headers["X-API-Key"] = TEST_KEY
        yield c


@pytest.mark.parametrize("url", ["/v1/articles", "/v1/extract", "/v1/check"])
def test_a_body_over_the_limit_is_a_413_by_length_or_by_counting(small, url):
    big = b'{"text": "' + b"9" * 2000 + b'"}'
    assert_problem(small.post(url, content=big, headers={"content-type": "application/json"}), 413, "1000 bytes")
    streamed = small.post(url, content=iter([big[:600], big[600:]]), headers={"content-type": "application/json"})
    assert_problem(streamed, 413, "TALLY_MAX_BODY_BYTES")
    assert small.post(url, content=b'{"text": "9"}', headers={"content-type": "application/json"}).status_code < 300


def test_unknown_routes_methods_and_query_parameters_are_problems(client):
    assert_problem(client.get("/v2/nothing"), 404, "/v2/nothing")
    r = client.patch("/v1/articles")
    assert_problem(r, 405, "PATCH")
    assert r.headers["allow"] == "GET, POST"
    body = assert_problem(client.get("/v1/claims", params={"knid": "money"}), 422, "knid", "kind")
    assert body["errors"][0]["loc"] == ["query", "knid"]


def test_an_unhandled_error_is_a_500_problem_naming_the_request_not_the_traceback(settings):
    app = create_app(settings)

    def boom():
        raise RuntimeError("secret internals at /srv/tally/service.py line 42")

    app.add_api_route("/v1/boom", boom)
    with TestClient(app, raise_server_exceptions=False) as c:
        r = c.get("/v1/boom", headers={"X-Request-ID": "req-500"})
    body = assert_problem(r, 500, "req-500")
    assert r.headers["x-request-id"] == "req-500"
    assert "secret" not in r.text and "Traceback" not in r.text and "line 42" not in r.text


def test_a_store_that_is_down_is_a_503_problem_and_not_ready(settings, tmp_path):
    app = create_app(settings)
    dead = make_engine(f"sqlite:///{tmp_path}", create=False)  # a folder: SQLite cannot open it
    app.state.engine, app.state.sessionmaker = dead, sessionmaker(dead)
    with TestClient(app, raise_server_exceptions=False) as c:
        assert c.get("/healthz").status_code == 200
        ready = assert_problem(c.get("/readyz"), 503, "TALLY_DATABASE_URL")
        assert ready["title"] == "Service Unavailable"
        for url in ("/v1/topics", "/v1/claims", "/v1/topics/anything", "/v1/articles/abc"):
            r = c.get(url)
            assert_problem(r, 503, "retry")
            assert r.headers["retry-after"] == "5"
        assert_problem(c.post("/v1/articles", json={"text": "10,000 troops"}, headers={"X-API-Key": TEST_KEY}), 503)


def test_get_answers_carry_an_etag_and_honour_if_none_match(seeded):
    key = seeded.get("/v1/topics").json()["items"][0]["key"]
    for url in ("/v1/topics", f"/v1/topics/{key}", "/v1/claims", "/healthz"):
        first = seeded.get(url)
        etag = first.headers["etag"]
        assert re.fullmatch(r'"[0-9a-f]{32}"', etag)
        assert seeded.get(url).headers["etag"] == etag
        cached = seeded.get(url, headers={"If-None-Match": f'W/"other", {etag}'})
        assert (cached.status_code, cached.content, cached.headers["etag"]) == (304, b"", etag)
        assert seeded.get(url, headers={"If-None-Match": '"other"'}).status_code == 200
    before = seeded.get("/v1/articles").headers["etag"]
    seeded.post("/v1/articles", json={"text": "Officials said 3,000 troops arrived on Friday."})
    assert seeded.get("/v1/articles", headers={"If-None-Match": before}).status_code == 200


def test_every_answer_carries_a_request_id_kept_from_the_client_when_sane(client):
    generated = client.get("/v1/topics").headers["x-request-id"]
    assert re.fullmatch(r"[0-9a-f]{32}", generated)
    assert client.get("/nope", headers={"X-Request-ID": "abc-123"}).headers["x-request-id"] == "abc-123"
    assert client.get("/healthz", headers={"X-Request-ID": "bad id\x7f" * 20}).headers["x-request-id"] != "bad id"


def test_cors_allows_only_configured_origins(settings):
    with TestClient(create_app(settings.model_copy(update={"cors_origins": "https://news.example"}))) as c:
        pre = c.options("/v1/articles", headers={"Origin": "https://news.example", "Access-Control-Request-Method": "POST",
                                                 "Access-Control-Request-Headers": "X-API-Key"})
        assert pre.status_code == 200 and pre.headers["access-control-allow-origin"] == "https://news.example"
        r = c.get("/v1/topics", headers={"Origin": "https://news.example"})
        assert "etag" in r.headers["access-control-expose-headers"].lower()
        assert "access-control-allow-origin" not in c.get("/v1/topics", headers={"Origin": "https://evil.example"}).headers
    with TestClient(create_app(settings)) as c:
        assert "access-control-allow-origin" not in c.get("/v1/topics", headers={"Origin": "https://news.example"}).headers


def test_metrics_count_requests_by_route_template(seeded):
    key = seeded.get("/v1/topics").json()["items"][0]["key"]
    seeded.get(f"/v1/topics/{key}")
    seeded.get("/v1/nothing-here")
    text = seeded.get("/metrics").text
    assert 'tally_http_requests_total{method="POST",route="/v1/articles",status="201"} 5.0' in text
    assert 'route="/v1/topics/{key}"' in text and key not in text
    assert 'route="unmatched",status="404"' in text
    assert "tally_http_request_duration_seconds_bucket" in text


def test_the_spec_names_operations_stably_and_describes_every_field_and_parameter():
    spec = openapi_spec()
    operations = [(m, p, o) for p, ops in spec["paths"].items() for m, o in ops.items()]
    ids = [o["operationId"] for _, _, o in operations]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z]+-[a-z]+", i) and i.split("-")[0] in o["tags"] for i, (_, _, o) in zip(ids, operations))
    undescribed = [f"{name}.{field}" for name, schema in spec["components"]["schemas"].items()
                   for field, prop in schema.get("properties", {}).items() if "description" not in prop]
    undescribed += [f"{m} {p} ?{prm['name']}" for m, p, o in operations for prm in o.get("parameters", [])
                    if "description" not in prm]
    assert undescribed == []
    for m, p, o in operations:
        for status, response in o["responses"].items():
            if status[0] in "45":
                assert response["content"] == {"application/problem+json": {
                    "schema": {"$ref": "#/components/schemas/Problem"}}}, (m, p, status)
    assert set(spec["components"]["securitySchemes"]) == {"Bearer", "ApiKey"}
    assert spec["paths"]["/v1/articles"]["post"]["security"] == [{"Bearer": []}, {"ApiKey": []}]
    assert "security" not in spec["paths"]["/v1/articles"]["get"]


def test_a_cached_topic_view_sees_a_write_made_outside_the_server(client, settings):
    """Another process (`tally ingest`) writing the same store invalidates what the server cached."""
    from schemas import ArticleCreate
    from service.ingest import prepare, store_prepared
    from service.store import make_sessionmaker
    from service.store.articles import delete_article

    a, b = seed_articles()[3], seed_articles()[4]
    first = client.post("/v1/articles", json=a).json()
    key = client.get("/v1/claims", params={"article": first["id"]}).json()["items"][0]["topic"]
    before = client.get(f"/v1/topics/{key}").json()
    assert client.get(f"/v1/topics/{key}").json() == before  # served from the cache
    outside = make_sessionmaker(make_engine(settings.database_url))
    second = store_prepared(outside, prepare(ArticleCreate(**{k: v for k, v in b.items() if v is not None})))
    in_b = [c for c in client.get(f"/v1/articles/{second.id}/claims").json()["items"] if c["topic"] == key]
    assert in_b, "the two seeds share a topic"
    assert client.get(f"/v1/topics/{key}").json()["n_claims"] == before["n_claims"] + len(in_b)
    with outside.begin() as session:
        delete_article(session, article_id=first["id"])
    assert client.get(f"/v1/topics/{key}").json()["n_claims"] == len(in_b)
