"""Alembic environment: runs on the connection handed over by `service.store.migrate`, in its transaction."""
from alembic import context

from service.store.tables import Base

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata)
with context.begin_transaction():
    context.run_migrations()
