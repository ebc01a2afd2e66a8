"""Initial schema: articles, claims, topics (the skeleton's tables, as `create_all` made them).

Revision ID: 0001
Revises:
Create Date: 2026-12-01
"""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("source_id", sa.String(500)),
        sa.Column("url", sa.String(2000)),
        sa.Column("title", sa.String(1000)),
        sa.Column("outlet", sa.String(500)),
        sa.Column("published", sa.String(16)),
        sa.Column("language", sa.String(16), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("n_claims", sa.Integer, nullable=False),
        sa.Column("extractor_version", sa.String(32), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_articles_source_id", "articles", ["source_id"])
    op.create_table(
        "claims",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("article_id", sa.String(32), sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
        sa.Column("ordinal", sa.Integer, nullable=False),
        sa.Column("topic", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("attribution", sa.String(500), nullable=False),
        sa.Column("as_of", sa.String(16)),
        sa.Column("hedged", sa.Boolean, nullable=False),
        sa.Column("extractor_version", sa.String(32), nullable=False),
        sa.Column("record", sa.JSON, nullable=False),
    )
    for column in ("article_id", "topic", "kind", "attribution"):
        op.create_index(f"ix_claims_{column}", "claims", [column])
    op.create_index("ix_claims_topic_as_of", "claims", ["topic", "as_of"])
    op.create_table(
        "topics",
        sa.Column("key", sa.String(200), primary_key=True),
        sa.Column("label", sa.String(500), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("n_claims", sa.Integer, nullable=False),
        sa.Column("n_sources", sa.Integer, nullable=False),
        sa.Column("n_articles", sa.Integer, nullable=False),
        sa.Column("n_disagreements", sa.Integer, nullable=False),
        sa.Column("latest_as_of", sa.String(16)),
        sa.Column("summary", sa.JSON, nullable=False),
    )
    for column in ("kind", "n_claims", "n_disagreements", "latest_as_of"):
        op.create_index(f"ix_topics_{column}", "topics", [column])


def downgrade() -> None:
    op.drop_table("topics")
    op.drop_table("claims")
    op.drop_table("articles")
