"""Engines for the embedded SQLite store and for PostgreSQL; opening a store upgrades its schema to head."""
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, make_url
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import StaticPool

from service.store.migrate import upgrade
from service.store.tables import Base


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    """WAL lets readers run beside one writer; the busy timeout makes concurrent writers wait, not fail."""
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


def make_engine(url: str, *, create: bool = True) -> Engine:
    """An engine for `url`; with `create`, the schema is migrated to head (a SQLite file's folder is made).

    An in-memory SQLite store (`tally openapi`, throwaway tests) lives as long as its one connection and
    has no history to migrate: it gets the tables of head directly.
    """
    parsed = make_url(url)
    sqlite = parsed.get_backend_name() == "sqlite"
    memory = sqlite and parsed.database in (None, "", ":memory:")
    if sqlite:
        if not memory and not parsed.database.startswith("file:"):  # a URI filename names an existing file
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30},
                               **({"poolclass": StaticPool} if memory else {}))
        event.listen(engine, "connect", _sqlite_pragmas)
    else:
        if parsed.drivername == "postgresql":  # SQLAlchemy's default driver is psycopg2; Tally ships psycopg 3
            parsed = parsed.set(drivername="postgresql+psycopg")
        engine = create_engine(parsed, pool_pre_ping=True)
    if create and memory:
        Base.metadata.create_all(engine)
    elif create:
        upgrade(engine)
    return engine


def make_sessionmaker(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)
