"""Indexes for the topic list's sorts (count descending, then key), so a page is read without a scan.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01
"""
import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_topics_n_claims_key", "topics", [sa.desc("n_claims"), "key"])
    op.create_index("ix_topics_n_disagreements_key", "topics", [sa.desc("n_disagreements"), "key"])


def downgrade() -> None:
    op.drop_index("ix_topics_n_disagreements_key", "topics")
    op.drop_index("ix_topics_n_claims_key", "topics")
