"""The response cache: repeated GETs are answered from memory while the store is unchanged, and only then."""
import asyncio
import time
from dataclasses import replace

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from schemas import ArticleCreate
from service.app import create_app
from service.cache import ByteBoundedLRU, TopicChanges
from service.ingest import prepare, store_prepared
from service.store import make_engine, make_sessionmaker
from service.store.tables import TopicChangeRow
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


def _break_topic_views(monkeypatch) -> list[str]:
    """Make topic views count and fail their store reads, so that only a cache hit can answer."""
    calls = []

    def broken(session, *, key):
        calls.append(key)
        raise RuntimeError("the store was asked")

    monkeypatch.setattr("service.routers.topics.topic_version", broken)
    return calls


def _write_elsewhere(settings, article: dict) -> None:
    """Store an article through a connection of its own, as another worker or `tally ingest` would."""
    engine = make_engine(settings.database_url)
    store_prepared(make_sessionmaker(engine), prepare(ArticleCreate(**article)))
    engine.dispose()


@pytest.mark.parametrize("writer", ["api", "another connection"])
def test_a_write_recomputes_only_the_topics_it_touched(client, settings, monkeypatch, writer):
    first, second = seed_articles()[:2]
    client.post("/v1/articles", json=first)
    keys = [t["key"] for t in client.get("/v1/topics", params={"limit": 100}).json()["items"]]
    views = {k: client.get(f"/v1/topics/{k}").content for k in keys}
    if writer == "api":
        assert client.post("/v1/articles", json=second).status_code == 201
    else:
        _write_elsewhere(settings, second)
    second_id = client.get("/v1/articles").json()["items"][0]["id"]
    touched = {c["topic"] for c in client.get(f"/v1/articles/{second_id}/claims", params={"limit": 200}).json()["items"]}
    kept = [k for k in keys if k not in touched]
    assert kept and touched & set(keys), "the seeds must share some topics and not others"
    calls = _break_topic_views(monkeypatch)
    for k in kept:
        assert client.get(f"/v1/topics/{k}").content == views[k]
    assert calls == []
    for k in touched & set(keys):
        assert_problem(client.get(f"/v1/topics/{k}"), 500)
    assert sorted(calls) == sorted(touched & set(keys))


class FakeLog:
    """A data version and change log held in memory."""

    def __init__(self, rows=()):
        self.version, self.rows = 1, list(rows)

    def current(self):
        return self.version

    def newest_change(self):
        return self.rows[-1][0] if self.rows else 0

    def topic_changes(self, *, after):
        return [r for r in self.rows if r[0] > after]

    def write(self, *topics, keep=None):
        seq = self.newest_change()
        self.rows += [(seq + i + 1, t) for i, t in enumerate(topics)]
        self.rows = self.rows[-keep:] if keep else self.rows
        self.version += 1


@pytest.mark.parametrize("writes, keep, fresh", [
    ([], None, {"a": True, "b": True}),
    ([("a",)], None, {"a": False, "b": True}),
    ([("a", "b")], None, {"a": False, "b": False}),
    ([("c",), ("c",)], None, {"a": True, "b": True}),
    ([("c",), ("c",), ("c",)], 2, {"a": False, "b": False}),  # pruned past what was seen: nothing is known
])
def test_topic_changes_tell_which_stamped_answers_are_fresh(writes, keep, fresh):
    log = FakeLog([(1, "a"), (2, "b")])
    changes = TopicChanges(log)
    assert changes.sync() == 1
    stamp = changes.seq
    changes.sync()
    for topics in writes:
        log.write(*topics, keep=keep)
    changes.sync()
    assert {t: changes.fresh(t, stamp) for t in fresh} == fresh
    assert all(changes.fresh(t, changes.seq) for t in fresh)  # an answer computed now is fresh


def test_the_change_log_keeps_its_newest_rows_and_logs_metadata_changes(settings, monkeypatch):
    monkeypatch.setattr("service.store.topics.CHANGE_LOG_ROWS", 3)
    engine = make_engine(settings.database_url)
    factory = make_sessionmaker(engine)
    article = seed_articles()[0]
    prepared = prepare(ArticleCreate(**article))
    topics = sorted({c.topic for c in prepared.claims})
    for outlet in ("First Outlet", "Second Outlet"):  # the second save only changes metadata
        store_prepared(factory, replace(prepared, article=ArticleCreate(**{**article, "outlet": outlet})))
    with factory() as session:
        rows = session.execute(select(TopicChangeRow.seq, TopicChangeRow.topic).order_by(TopicChangeRow.seq)).all()
    engine.dispose()
    assert len(topics) > 3
    assert [seq for seq, _ in rows] == [2 * len(topics) - 2, 2 * len(topics) - 1, 2 * len(topics)]
    assert [t for _, t in rows] == topics[-3:]


def test_concurrent_misses_of_one_answer_ask_the_store_once(settings, monkeypatch):
    calls = []

    def slow(session, **kwargs):
        calls.append(1)
        time.sleep(0.2)
        return [], None

    async def ten_at_once(app):
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as c:
            return await asyncio.gather(*(c.get("/v1/sources") for _ in range(10)))

    app = create_app(settings)
    monkeypatch.setattr("service.routers.sources.list_sources", slow)
    answers = asyncio.run(ten_at_once(app))
    assert [a.status_code for a in answers] == [200] * 10
    assert {a.content for a in answers} == {b'{"items":[],"next_cursor":null}'}
    assert calls == [1]
