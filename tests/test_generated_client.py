"""A client generated from the committed spec talks to a real server: the spec is usable, not just valid."""
import importlib
import subprocess
import sys
from pathlib import Path

import pytest

from tests.api_helpers import live_server
from tests.conftest import ROOT, TEST_KEY, seed_articles

GENERATOR = Path(sys.executable).parent / "openapi-python-client"


@pytest.fixture
def tally_client(tmp_path, monkeypatch):
    """The generated package, importable as `tally_client`; the generator must not warn."""
    config = tmp_path / "generator.yaml"
    config.write_text("post_hooks: []\n")  # no ruff formatting pass: the code is only imported
    run = subprocess.run([str(GENERATOR), "generate", "--path", str(ROOT / "openapi" / "openapi.json"), "--meta", "none",
                          "--output-path", str(tmp_path / "tally_client"), "--config", str(config)],
                         capture_output=True, text=True, timeout=120)
    output = run.stdout + run.stderr
    assert run.returncode == 0, output
    assert "warning" not in output.lower() and "error" not in output.lower(), output
    monkeypatch.syspath_prepend(str(tmp_path))
    yield importlib.import_module("tally_client")
    for name in [m for m in sys.modules if m == "tally_client" or m.startswith("tally_client.")]:
        del sys.modules[name]


def test_generated_client_posts_a_seed_article_and_reads_its_topic(tally_client, settings):
    from tally_client import AuthenticatedClient, Client
    from tally_client.api.articles import articles_claims, articles_create
    from tally_client.api.health import health_ready
    from tally_client.api.topics import topics_get
    from tally_client.models import ArticleCreate, ArticleIngestResult, Problem, TopicView

    seed = seed_articles()[3]
    with live_server(settings) as base_url:
        anonymous = Client(base_url=base_url)
        assert health_ready.sync(client=anonymous).status == "ok"
        refused = articles_create.sync_detailed(client=AuthenticatedClient(base_url=base_url, token="wrong"),
                                                body=ArticleCreate(text=seed["text"]))
        assert refused.status_code == 401 and isinstance(refused.parsed, Problem)

        client = AuthenticatedClient(base_url=base_url, token=TEST_KEY)
        created = articles_create.sync_detailed(client=client, body=ArticleCreate.from_dict(
            {k: v for k, v in seed.items() if v is not None}))
        assert created.status_code == 201
        article = created.parsed
        assert isinstance(article, ArticleIngestResult) and article.status == "new" and article.n_claims > 0

        claims = articles_claims.sync(client=anonymous, article_id=article.id).items
        assert len(claims) == article.n_claims
        key = claims[0].topic
        view = topics_get.sync(client=anonymous, key=key)
        assert isinstance(view, TopicView)
        assert view.key == key and view.n_articles == 1
        assert {c.id for s in view.sources for c in s.claims} == {c.id for c in claims if c.topic == key}

        again = articles_create.sync_detailed(client=client, body=ArticleCreate(text=seed["text"]))
        assert again.status_code == 200 and again.parsed.status == "unchanged" and again.parsed.id == article.id
