"""Store writes on SQLite and PostgreSQL: an article and its claims go in together, topics follow the claims
(at once, or queued for bulk writes), and a PostgreSQL restart costs the service nothing but the outage."""
import threading
import time

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError

from schemas import ArticleCreate
from service.ingest import Prepared, ingest_articles, prepare, store_prepared
from service.ingest.synthetic import count_numbers
from service.store import make_engine, make_sessionmaker
from service.store.articles import (ArticleIdCollision, article_id_of, delete_article, replace_claims,
                                    save_article)
from service.store.reads import claims_of_article, stale_articles, version_key
from service.store.tables import ArticleRow, ClaimRow, TopicRefreshRow, TopicRow
from service.store.topics import mark_topics, refresh_pending

TEXT = "Officials said 300 people died and 40 villages were cut off. Later, 310 people were counted."


@pytest.fixture
def factory(store_url):
    return make_sessionmaker(make_engine(store_url))


def save(factory, text=TEXT, *, version="1.0.0", defer=False, **meta):
    article = ArticleCreate(text=text, **meta)
    with factory.begin() as s:
        return save_article(s, article=article, claims=count_numbers(text, published=article.published),
                            extractor_version=version, defer_topics=defer)


def topics(factory) -> dict[str, int]:
    with factory() as s:
        return dict(s.execute(select(TopicRow.key, TopicRow.n_claims)).all())


def test_save_stores_the_article_its_claims_and_their_topics_at_once(factory):
    result = save(factory, title="Toll rises")
    assert (result.status, result.id, result.n_claims, result.title) == ("new", article_id_of(TEXT), 3, "Toll rises")
    with factory() as s:
        claims = claims_of_article(s, article_id=result.id)
        row = s.get(ArticleRow, result.id)
    assert [c.quote for c in claims] == ["300", "40", "310"]
    assert {c.extractor_version for c in claims} == {"1.0.0"} and row.text_sha256 and len(row.text_sha256) == 64
    assert topics(factory) == {"count-people": 2, "count-villages": 1}


def test_deferred_topics_are_queued_once_and_refreshed_by_refresh_pending(factory):
    save(factory, defer=True)
    save(factory, TEXT + " Also 5 people fled.", defer=True)
    assert topics(factory) == {}
    with factory() as s:
        assert sorted(s.scalars(select(TopicRefreshRow.key))) == ["count-people", "count-villages"]
    assert refresh_pending(factory) == 2
    assert topics(factory) == {"count-people": 5, "count-villages": 2}
    assert refresh_pending(factory) == 0


def test_marking_a_topic_twice_in_two_transactions_keeps_one_mark(factory):
    for _ in range(2):
        with factory.begin() as s:
            mark_topics(s, keys=["a", "a", "b"])
    with factory() as s:
        assert s.scalar(select(func.count()).select_from(TopicRefreshRow)) == 2


def test_replace_claims_swaps_them_and_drops_topics_left_empty(factory):
    aid = save(factory).id
    with factory.begin() as s:
        replace_claims(s, article_id=aid, claims=count_numbers("We saw 12 boats."), extractor_version="2.0.0")
    with factory() as s:
        row = s.get(ArticleRow, aid)
        assert (row.n_claims, row.extractor_version) == (1, "2.0.0")
    assert topics(factory) == {"count-boats": 1}


def test_delete_article_removes_its_claims_and_their_topics(factory):
    keep = save(factory, "Elsewhere 7 people died.").id
    gone = save(factory).id
    with factory.begin() as s:
        assert delete_article(s, article_id=gone) is True
        assert delete_article(s, article_id="0000000000000000") is False
    with factory() as s:
        assert s.scalar(select(func.count()).select_from(ClaimRow)) == 1
        assert [r.id for r in s.scalars(select(ArticleRow))] == [keep]
    assert topics(factory) == {"count-people": 1}


def test_a_failed_transaction_leaves_no_part_of_the_article(factory):
    article = ArticleCreate(text=TEXT)
    with pytest.raises(RuntimeError), factory.begin() as s:
        save_article(s, article=article, claims=count_numbers(TEXT), extractor_version="1")
        raise RuntimeError("killed between claims and commit")
    with factory() as s:
        assert s.scalar(select(func.count()).select_from(ArticleRow)) == 0
        assert s.scalar(select(func.count()).select_from(ClaimRow)) == 0


def test_an_id_taken_by_a_different_text_is_refused_not_overwritten(factory):
    aid = save(factory).id
    with factory.begin() as s:
        s.get(ArticleRow, aid).text_sha256 = "0" * 64  # as if another text hashed to the same 64 bits
    with pytest.raises(ArticleIdCollision, match=aid):
        save(factory, title="other")
    with factory() as s:
        assert s.get(ArticleRow, aid).title is None


def test_stale_articles_compare_versions_by_number(factory):
    old = save(factory, "1 a.", version="0.9.0").id
    save(factory, "2 b.", version="0.10.0")
    with factory() as s:
        assert [aid for aid, _ in stale_articles(s, current="0.10.0")] == [old]
        assert len(stale_articles(s, current="0.10.0", everything=True)) == 2
    assert version_key("0.10.0") > version_key("0.9.1") > version_key("") == ()


def test_prepare_extracts_from_the_normalised_text(monkeypatch):
    import extractors

    monkeypatch.setattr(extractors, "extract", count_numbers)
    prepared = prepare(ArticleCreate(text="  Title\r\n5 ships.  \r\n"))
    assert prepared.article.text == "Title\n5 ships."
    assert [prepared.article.text[slice(*c.span)] for c in prepared.claims] == ["5"]


@pytest.mark.postgres
def test_service_engine_recovers_when_postgresql_comes_back(pg_control, pg_url):
    factory = make_sessionmaker(make_engine(pg_url))
    save(factory)
    pg_control.stop()
    with pytest.raises(OperationalError):
        save(factory, "During the outage 9 people waited.")
    down = ingest_articles(factory, [("late", ArticleCreate(text="Late, 9 people waited."))])
    assert down.failed == 1 and down.failures[0][1].startswith("OperationalError: connection")
    assert "\n" not in down.failures[0][1] and "[SQL" not in down.failures[0][1]
    assert down.refresh_error.startswith("OperationalError: connection")
    pg_control.start()
    assert save(factory, "After it 11 people left.").status == "new"
    with factory() as s:
        assert s.scalar(select(func.count()).select_from(ArticleRow)) == 2


def test_two_writers_of_one_text_store_it_once(factory):
    """The second writer blocks on the first's uncommitted row, fails on the key, retries, finds it known."""
    prepared = Prepared(article=ArticleCreate(text=TEXT), claims=count_numbers(TEXT), extractor_version="1")
    results = []
    with factory.begin() as first:
        save_article(first, article=prepared.article, claims=prepared.claims, extractor_version="1",
                     defer_topics=True)
        second = threading.Thread(target=lambda: results.append(store_prepared(factory, prepared,
                                                                               defer_topics=True)))
        second.start()
        time.sleep(0.5)
    second.join(timeout=30)
    assert [r.status for r in results] == ["unchanged"]
    with factory() as s:
        assert s.scalar(select(func.count()).select_from(ClaimRow)) == 3
