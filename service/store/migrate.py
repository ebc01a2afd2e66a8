"""Alembic, configured in code: `make_engine` upgrades every store it opens to the head revision."""
import sys
from functools import lru_cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, inspect, text

MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"
FIRST_REVISION = "0001"
# Key of the PostgreSQL advisory lock that serialises processes upgrading the same database.
PG_LOCK_KEY = 0x7A11_0001


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


@lru_cache(maxsize=1)
def head_revision() -> str:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Upgrade in one transaction that holds the database's write lock, so concurrent openers wait, then no-op.

    A store made by the skeleton's `create_all` (tables but no `alembic_version`) is the first revision.
    """
    with engine.connect() as conn:
        if revision == "head" and current_revision(conn) == head_revision():
            return
        conn.rollback()
        if conn.dialect.name == "sqlite":
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": PG_LOCK_KEY})
        if current_revision(conn) is None and inspect(conn).has_table("articles"):
            command.stamp(alembic_config(conn), FIRST_REVISION)
        command.upgrade(alembic_config(conn), revision)
        conn.commit()


def downgrade(engine: Engine, revision: str) -> None:
    with engine.begin() as conn:
        command.downgrade(alembic_config(conn), revision)


def main(argv: list[str]) -> None:
    """`python -m service.store.migrate revision -m MESSAGE`: a new, empty revision file to fill in by hand."""
    if argv[:1] != ["revision"] or len(argv) != 3 or argv[1] != "-m":
        raise SystemExit("usage: python -m service.store.migrate revision -m MESSAGE")
    script = ScriptDirectory.from_config(alembic_config())
    number = f"{int(script.get_current_head()) + 1:04d}"
    command.revision(alembic_config(), message=argv[2], rev_id=number)


if __name__ == "__main__":
    main(sys.argv[1:])
