"""The response cache: repeated GETs are answered from memory while the store is unchanged, and only then."""
import pytest
from fastapi.testclient import TestClient

from service.app import create_app
from service.cache import ByteBoundedLRU
from tests.api_helpers import assert_problem
from tests.conftest import TEST_KEY, seed_articles


@pytest.mark.parametrize("puts, budget, kept", [
    ([("a", 4), ("b", 4)], 10, ["a", "b"]),
    ([("a", 4), ("b", 4), ("c", 4)], 10, ["b", "c"]),           # the oldest goes first
    ([("a", 4), ("b", 4), ("a", 4), ("c", 4)], 10, ["a", "c"]),  # a put refreshes, so b is the oldest
    ([("a", 4), ("big", 11)], 10, ["a"]),                        # larger than the budget: not kept
    ([("a", 4), ("a", 9)], 10, ["a"]),                           # a replaced value is counted once
    ([("a", 1)], 0, []),
])
def test_the_lru_holds_at_most_its_budget_dropping_the_least_recent(puts, budget, kept):
    cache = ByteBoundedLRU(budget)
    for key, size in puts:
        cache.put(key, key.upper(), size)
    assert [k for k in ("a", "b", "c", "big") if cache.get(k) is not None] == kept
    assert cache.bytes == sum(size for key, size in dict(puts).items() if key in kept) <= budget


def test_a_get_refreshes_recency():
    cache = ByteBoundedLRU(8)
    cache.put("a", 1, 4), cache.put("b", 2, 4)
    assert cache.get("a") == 1
    cache.put("c", 3, 4)
    assert (cache.get("a"), cache.get("b"), cache.get("c")) == (1, None, 3)


def _break_sources(monkeypatch) -> list[int]:
    """Make the sources endpoint's query count its calls and fail, so that only a cache hit can answer."""
    calls = []

    def broken(*args, **kwargs):
        calls.append(1)
        raise RuntimeError("the store was asked")

    monkeypatch.setattr("service.routers.sources.list_sources", broken)
    return calls


def test_a_repeated_get_is_answered_without_the_store_until_a_write(client, monkeypatch):
    client.post("/v1/articles", json=seed_articles()[0])
    first = client.get("/v1/sources", params={"limit": 3})
    assert first.status_code == 200 and first.json()["items"]
    calls = _break_sources(monkeypatch)
    again = client.get("/v1/sources", params={"limit": 3})
    assert (again.status_code, again.content, again.headers["etag"]) == (200, first.content, first.headers["etag"])
    assert again.headers["x-request-id"] != first.headers["x-request-id"]
    assert calls == []
    assert client.get("/v1/sources", params={"limit": 3}, headers={"If-None-Match": first.headers["etag"]}).status_code == 304
    assert_problem(client.get("/v1/sources", params={"limit": 4}), 500)  # another query string is another answer
    assert client.post("/v1/articles", json=seed_articles()[1]).status_code == 201
    assert_problem(client.get("/v1/sources", params={"limit": 3}), 500)  # the write moved the data version
    assert len(calls) == 2


def test_hits_are_counted_under_their_route_in_the_metrics(client):
    for _ in range(3):
        assert client.get("/v1/sources").status_code == 200
    assert 'tally_http_requests_total{method="GET",route="/v1/sources",status="200"} 3.0' in client.get("/metrics").text


def test_errors_are_not_kept(client):
    assert_problem(client.get("/v1/topics/not-yet"), 404)
    client.post("/v1/articles", json=seed_articles()[0])
    key = client.get("/v1/topics").json()["items"][0]["key"]
    assert_problem(client.get(f"/v1/topics/{key}x"), 404)
    assert client.get(f"/v1/topics/{key}").status_code == 200


def test_closed_reads_stay_closed_for_a_cached_answer(settings):
    with TestClient(create_app(settings.model_copy(update={"read_requires_key": True}))) as c:
        good = {"Authorization": f"Bearer {TEST_KEY}"}
        assert c.get("/v1/sources", headers=good).status_code == 200
        assert c.get("/v1/sources", headers=good).status_code == 200  # now cached
        assert_problem(c.get("/v1/sources"), 401)
        assert_problem(c.get("/v1/sources", headers={"X-API-Key": "wrong"}), 401)
        assert_problem(c.get("/v1/sources", headers={**good, "X-API-Key": "wrong"}), 401)


def test_a_zero_budget_turns_the_cache_off(settings, monkeypatch):
    with TestClient(create_app(settings.model_copy(update={"response_cache_bytes": 0}))) as c:
        assert c.get("/v1/sources").status_code == 200
        calls = _break_sources(monkeypatch)
        assert_problem(c.get("/v1/sources"), 500)
        assert calls == [1]
