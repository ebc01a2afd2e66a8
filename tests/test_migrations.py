"""Migrations: an empty store and a store of the first revision (with data) both reach head, on SQLite and
PostgreSQL; head is exactly what `tables.py` declares."""
import hashlib

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect, text

from service.store import make_engine
from service.store.migrate import current_revision, downgrade, head_revision, upgrade
from service.store.tables import Base

TEXTS = ["Officials said 300 people died.", "About 40 villages were cut off, the ministry said."]


def _insert_rev1_rows(engine) -> None:
    """Two articles with one claim each, written as a revision-0001 store would hold them."""
    with engine.begin() as conn:
        for i, body in enumerate(TEXTS):
            aid = f"{i:016x}"
            conn.execute(text("INSERT INTO articles (id, source_id, language, text, n_claims, extractor_version, "
                              "created_at, updated_at) VALUES (:id, :sid, 'en', :text, 1, '0.0.1', "
                              "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"), {"id": aid, "sid": f"s{i}", "text": body})
            conn.execute(text("INSERT INTO claims (id, article_id, ordinal, topic, kind, attribution, hedged, "
                              "extractor_version, record) VALUES (:id, :aid, 0, 't', 'count', 'article', false, "
                              "'0.0.1', '{}')"), {"id": f"c-{aid}", "aid": aid})


def test_empty_store_upgrades_to_head_and_matches_the_tables(store_url):
    engine = make_engine(store_url)
    with engine.connect() as conn:
        assert current_revision(conn) == head_revision() == "0006"
        diffs = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diffs == [], f"migrations and tables.py disagree: {diffs}"
    assert {"articles", "claims", "topics", "alembic_version"} <= set(inspect(engine).get_table_names())


def test_rev1_store_with_data_upgrades_keeping_rows_and_backfilling_the_hash(store_url):
    engine = make_engine(store_url, create=False)
    upgrade(engine, "0001")
    _insert_rev1_rows(engine)
    make_engine(store_url)  # what any process opening the store does
    with engine.connect() as conn:
        assert current_revision(conn) == head_revision()
        rows = conn.execute(text("SELECT id, text, text_sha256 FROM articles ORDER BY id")).all()
        n_claims = conn.execute(text("SELECT count(*) FROM claims")).scalar()
    assert [r.text for r in rows] == TEXTS
    assert [r.text_sha256 for r in rows] == [hashlib.sha256(t.encode()).hexdigest() for t in TEXTS]
    assert n_claims == 2
    assert {ix["name"] for ix in inspect(engine).get_indexes("articles")} >= {
        "ix_articles_extractor_version", "ix_articles_published"}


def test_store_made_by_create_all_before_migrations_is_adopted_as_rev1(tmp_path):
    url = f"sqlite:///{tmp_path / 'legacy.db'}"
    engine = make_engine(url, create=False)
    upgrade(engine, "0001")
    _insert_rev1_rows(engine)
    with engine.begin() as conn:
        conn.execute(text("DROP TABLE alembic_version"))
    make_engine(url)
    with engine.connect() as conn:
        assert current_revision(conn) == head_revision()
        assert conn.execute(text("SELECT count(*) FROM articles WHERE text_sha256 IS NOT NULL")).scalar() == 2


def test_downgrade_to_rev1_and_back_keeps_the_data(store_url):
    engine = make_engine(store_url, create=False)
    upgrade(engine, "0001")
    _insert_rev1_rows(engine)
    upgrade(engine)
    downgrade(engine, "0001")
    assert "text_sha256" not in {c["name"] for c in inspect(engine).get_columns("articles")}
    upgrade(engine)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM claims")).scalar() == 2


def test_opening_an_up_to_date_store_runs_no_migration(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 's.db'}"
    make_engine(url)
    monkeypatch.setattr("alembic.command.upgrade", lambda *a, **k: pytest.fail("upgrade ran on a head store"))
    make_engine(url)


def test_in_memory_store_gets_the_head_tables_without_alembic():
    engine = make_engine("sqlite:///:memory:")
    assert {"articles", "claims", "topics"} <= set(inspect(engine).get_table_names())
    assert "alembic_version" not in inspect(engine).get_table_names()


def test_sqlite_store_is_in_wal_mode(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'w.db'}")
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_migrations_ship_inside_the_package():
    import service.migrations
    from service.store.migrate import MIGRATIONS

    assert MIGRATIONS.parent == __import__("pathlib").Path(service.migrations.__file__).parent.parent
    assert (MIGRATIONS / "env.py").is_file() and len(list((MIGRATIONS / "versions").glob("0*.py"))) == int(head_revision())


def test_a_plain_postgresql_url_uses_psycopg_3(pg_url):
    engine = make_engine(pg_url.replace("postgresql+psycopg://", "postgresql://"))
    assert engine.dialect.driver == "psycopg"
    with engine.connect() as conn:
        assert current_revision(conn) == head_revision()
