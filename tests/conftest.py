"""Shared fixtures: an app on a throwaway SQLite store, and the seed articles."""
import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from service.app import create_app
from service.settings import Settings

pytest_plugins = ["tests.pg"]

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DEV = Path(__file__).resolve().parent / "data" / "dev"
TEST_KEY = "test-key-0123456789"


def seed_articles() -> list[dict]:
    """The seed articles as POST bodies (text + metadata from seeds/articles.jsonl)."""
    meta = [json.loads(line) for line in (SEEDS / "articles.jsonl").read_text().splitlines() if line.strip()]
    return [{"text": (SEEDS / m["id"]).read_text(encoding="utf-8"), "source_id": m["id"], "title": m.get("title"),
             "outlet": m.get("outlet"), "published": m.get("published"), "language": m.get("language", "en")}
            for m in meta]


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings(database_url=f"sqlite:///{tmp_path / 'tally.db'}", api_keys=TEST_KEY)


@pytest.fixture
def client(settings) -> TestClient:
    with TestClient(create_app(settings)) as c:
        c.headers["X-API-Key"] = TEST_KEY
        yield c
