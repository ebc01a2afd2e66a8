"""Alembic migrations of the store, shipped in the package so that an installed `tally` can upgrade a database.

Run through `service.store.migrate` (programmatic config, no alembic.ini). A new revision:
`python -m service.store.migrate revision -m "what changes"`, then edit the generated file by hand. Keep revisions additive on SQLite: a table rebuild (batch mode) drops
`articles`, and with foreign keys on that cascades into `claims`.
"""
