"""A real `tally ingest` process killed with SIGKILL mid-batch leaves only whole articles, and the store opens
cleanly and resumes: the next run refreshes the topics the killed one had queued and skips what is stored."""
import json
import os
import signal
import subprocess
import sys
import time
from itertools import islice

from sqlalchemy import func, select, text

from service.ingest import ingest_articles
from service.ingest.readers import read_paths
from service.ingest.synthetic import count_numbers, generate_articles
from service.store import make_engine, make_sessionmaker
from service.store.migrate import current_revision, head_revision
from service.store.tables import ArticleRow, ClaimRow, TopicRefreshRow, TopicRow
from tests.conftest import ROOT
from tests.test_ingest_pipeline import fake_extractor  # noqa: F401 - the fixture, shared

N_ARTICLES = 600
KILL_AFTER = 25

CHILD = """
import sys
from pathlib import Path
import extractors
from service.ingest.synthetic import count_numbers
extractors.extract = count_numbers
from service.cli.ingest import Engine, ingest
ingest(paths=[Path(sys.argv[2])], db=sys.argv[1], engine=Engine.serial, scheduler=None, workers=1,
       max_bytes=10_000_000)
"""


def _count(engine) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(ArticleRow)).scalar()


def test_sigkill_mid_batch_leaves_whole_articles_and_the_store_resumes(store_url, tmp_path, fake_extractor):
    corpus = tmp_path / "corpus.jsonl"
    arts = generate_articles(N_ARTICLES, seed=7)
    corpus.write_text("".join(json.dumps(a.model_dump(exclude_none=True)) + "\n" for a in arts))
    engine = make_engine(store_url)
    child = subprocess.Popen([sys.executable, "-c", CHILD, store_url, str(corpus)], cwd=ROOT,
                             env={**os.environ, "PYTHONPATH": str(ROOT)},
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while _count(engine) < KILL_AFTER:
            assert child.poll() is None, child.stderr.read().decode()
            assert time.monotonic() < deadline, "the child stored nothing within a minute"
            time.sleep(0.01)
        child.send_signal(signal.SIGKILL)
    finally:
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL

    engine = make_engine(store_url)  # opens cleanly: nothing to recover by hand
    with engine.connect() as conn:
        assert current_revision(conn) == head_revision()
        if conn.dialect.name == "sqlite":
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    factory = make_sessionmaker(engine)
    with factory() as s:
        articles = s.execute(select(ArticleRow.id, ArticleRow.text, ArticleRow.n_claims)).all()
        per_article = dict(s.execute(select(ClaimRow.article_id, func.count()).group_by(ClaimRow.article_id)).all())
        n_stored = len(articles)
    assert KILL_AFTER <= n_stored < N_ARTICLES, "killed after some articles were in, before the end"
    for aid, body, n_claims in articles:
        assert n_claims == per_article.get(aid, 0) == len(count_numbers(body)) > 0

    # The next run over the corpus skips what is stored (its first part here, to keep the topics small).
    resumed = ingest_articles(factory, islice(read_paths([corpus]), n_stored + 10))
    assert (resumed.unchanged, resumed.new, resumed.failed) == (n_stored, 10, 0)
    with factory() as s:
        assert s.scalar(select(func.count()).select_from(TopicRefreshRow)) == 0
        topics = dict(s.execute(select(TopicRow.key, TopicRow.n_claims)).all())
        claims = dict(s.execute(select(ClaimRow.topic, func.count()).group_by(ClaimRow.topic)).all())
        assert s.execute(text("SELECT count(*) FROM articles")).scalar() == n_stored + 10
    assert topics == claims
