"""Queue of topics whose summaries wait to be recomputed: bulk ingest marks a topic in the article's
transaction and recomputes each marked topic once per batch, instead of once per article.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01
"""
import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("topic_refresh", sa.Column("key", sa.String(200), primary_key=True))


def downgrade() -> None:
    op.drop_table("topic_refresh")
