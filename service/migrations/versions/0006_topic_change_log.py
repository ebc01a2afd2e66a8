"""The topic change log: which topics each write touched, so a write invalidates the cached answers of
those topics only, not of every topic.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02
"""
import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("topic_changes",
                    sa.Column("seq", sa.Integer(), primary_key=True),
                    sa.Column("topic", sa.String(200), nullable=False))


def downgrade() -> None:
    op.drop_table("topic_changes")
