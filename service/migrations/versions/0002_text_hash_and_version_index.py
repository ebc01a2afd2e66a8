"""Full SHA-256 of each article's text (the 16-hex id alone cannot tell a collision from a repeat), and
indexes for `tally reextract` (articles by extractor version) and for listing by publication date.

The column is added nullable and backfilled, so SQLite needs no table rebuild (a rebuild would drop
`articles` and, with foreign keys on, cascade into `claims`).

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01
"""
import hashlib

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

BATCH = 500


def upgrade() -> None:
    op.add_column("articles", sa.Column("text_sha256", sa.String(64), nullable=True))
    articles = sa.table("articles", sa.column("id", sa.String), sa.column("text", sa.Text),
                        sa.column("text_sha256", sa.String))
    bind = op.get_bind()
    last = ""
    while True:
        rows = bind.execute(sa.select(articles.c.id, articles.c.text).where(articles.c.id > last)
                            .order_by(articles.c.id).limit(BATCH)).all()
        if not rows:
            break
        bind.execute(articles.update().where(articles.c.id == sa.bindparam("aid"))
                     .values(text_sha256=sa.bindparam("sha")),
                     [{"aid": r.id, "sha": hashlib.sha256(r.text.encode("utf-8")).hexdigest()} for r in rows])
        last = rows[-1].id
    op.create_index("ix_articles_extractor_version", "articles", ["extractor_version"])
    op.create_index("ix_articles_published", "articles", ["published"])


def downgrade() -> None:
    op.drop_index("ix_articles_published", "articles")
    op.drop_index("ix_articles_extractor_version", "articles")
    op.drop_column("articles", "text_sha256")
