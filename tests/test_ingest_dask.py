"""`--engine dask` stores exactly what a serial ingest stores: same article ids, claim ids and claim records,
on SQLite and on PostgreSQL, with failures reported per document as serially."""
import json
import pickle

import pytest
from typer.testing import CliRunner

from service.cli import app
from service.ingest import ingest_articles, prepare
from service.ingest.pipeline import store_all
from service.ingest.readers import read_paths
from service.ingest.scale import dask_client, prepare_on_dask
from service.ingest.synthetic import generate_articles
from service.store import make_engine, make_sessionmaker
from tests.conftest import SEEDS
from tests.test_ingest_pipeline import fake_extractor, stored  # noqa: F401 - the fixture, shared


@pytest.fixture
def corpus(tmp_path):
    """Synthetic articles (one repeated with new metadata, one unreadable line), and a seed file."""
    arts = generate_articles(29, seed=3)
    lines = [json.dumps(a.model_dump(exclude_none=True)) for a in arts]
    lines.insert(20, "not json")
    lines.append(json.dumps({**arts[0].model_dump(exclude_none=True), "title": "Retitled"}))
    (tmp_path / "corpus.jsonl").write_text("\n".join(lines) + "\n")
    return [tmp_path / "corpus.jsonl", sorted(SEEDS.glob("*.txt"))[3]]


@pytest.fixture(scope="module")
def client():
    with dask_client(workers=2, processes=False) as c:
        yield c


def test_dask_ingest_stores_what_a_serial_ingest_stores(store_url, tmp_path, corpus, client, fake_extractor):
    serial = make_sessionmaker(make_engine(f"sqlite:///{tmp_path / 'serial.db'}"))
    expected = ingest_articles(serial, read_paths(corpus))
    on_dask = make_sessionmaker(make_engine(store_url))
    got = store_all(on_dask, prepare_on_dask(client, read_paths(corpus), batch=4, in_flight=3))
    assert (got.new, got.updated, got.unchanged, got.failed, got.claims) == (
        expected.new, expected.updated, expected.unchanged, expected.failed, expected.claims) == (
        30, 1, 0, 1, expected.claims)
    assert got.failures == expected.failures
    reference, result = stored(serial), stored(on_dask)
    assert result["articles"] == reference["articles"]
    assert result["claims"] == reference["claims"] and len(result["claims"]) == expected.claims > 200
    assert result["topics"] == reference["topics"]


def test_prepared_results_survive_pickling_to_and_from_workers():
    """Process workers pickle what they return; `processes=False` above does not, so check it here."""
    prepared = prepare(generate_articles(1, seed=5)[0])
    assert pickle.loads(pickle.dumps(prepared)) == prepared


def test_cli_dask_engine_on_a_scheduler_address(tmp_path, corpus, fake_extractor):
    from distributed import LocalCluster

    url = f"sqlite:///{tmp_path / 'cli.db'}"
    with LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None) as cluster:
        result = CliRunner().invoke(app, ["ingest", "--db", url, "--engine", "dask", "--scheduler",
                                          cluster.scheduler_address, *map(str, corpus)])
    assert result.exit_code == 1  # the unreadable line
    assert result.output.splitlines()[-1].startswith("articles: 30 new, 1 updated, 0 unchanged, 1 failed;")
