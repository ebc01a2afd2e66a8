"""Verdicts of `check` (reconciliation.md §4) against a store loaded from the hand-checked seed claims.

Independent of the extractor: the checked figures are hand-built claim records (FIGURES), and
`fake_extract` stands in for `extractors.extract` where a command or route extracts.
"""
import shutil
from pathlib import Path
from typing import NamedTuple

import httpx
import pytest
from fastapi.testclient import TestClient

from schemas import Claim, Verdict
from service.app import create_app
from service.check import CheckInputError, check_claims, views_for
from service.check.views import ApiViews, StoreViews
from service.settings import Settings
from service.store import make_engine, make_sessionmaker
from tests.gold_store import load_gold

TROOPS = "dprk-troops-in-russia"


class Figure(NamedTuple):
    sentence: str
    quote: str
    fields: dict
    verdict: Verdict

    def claim(self, offset: int = 0) -> Claim:
        start = offset + self.sentence.index(self.quote)
        fields = {"kind": "personnel", "unit": "person", "subject": "North Korean troops", "topic": TROOPS,
                  **self.fields}
        return Claim(span=[start, start + len(self.quote)], quote=self.quote, sentence=self.sentence, **fields)


FIGURES = {
    "sourced-2000-is-outlier": Figure(
        "Moscow has only 2,000 North Korean troops in Kursk, the Russian defence ministry said.", "2,000",
        {"value": 2000, "low": 2000, "high": 2000, "attribution": "Russian defence ministry"}, Verdict.outlier),
    "around-11000-per-seoul-is-consistent": Figure(
        "North Korea sent around 11,000 troops, according to South Korean intelligence.", "around 11,000",
        {"value": 11000, "low": 9900, "high": 12100, "qualifier": "approximately",
         "attribution": "South Korean intelligence"}, Verdict.consistent),
    "unsourced-11000-is-unattributed": Figure(
        "North Korea has sent 11,000 troops to Russia.", "11,000",
        {"value": 11000, "low": 11000, "high": 11000}, Verdict.unattributed),
    "new-topic-is-novel": Figure(
        "North Korea has also sent 50 tanks to Russia, the Pentagon said.", "50",
        {"kind": "count", "unit": "tank", "subject": "North Korean tanks", "value": 50, "low": 50, "high": 50,
         "attribution": "Pentagon", "topic": "dprk-tanks-in-russia"}, Verdict.novel),
}


def fake_extract(text: str, *, published: str | None = None) -> list[Claim]:
    """The table's figures wherever their sentence occurs in `text`."""
    found = [(text.find(f.sentence), f) for f in FIGURES.values()]
    return [f.claim(offset=i) for i, f in sorted(found, key=lambda pair: pair[0]) if i >= 0]


@pytest.fixture(scope="session")
def gold_template(tmp_path_factory) -> Path:
    """The seed articles with their gold claims, stored once and checkpointed into one file."""
    path = tmp_path_factory.mktemp("gold") / "gold.db"
    engine = make_engine(f"sqlite:///{path}")
    load_gold(make_sessionmaker(engine))
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    return path


@pytest.fixture
def gold_url(gold_template, tmp_path) -> str:
    """A copy of the gold store per test, since some tests ingest into it."""
    shutil.copy(gold_template, tmp_path / "gold.db")
    return f"sqlite:///{tmp_path / 'gold.db'}"


@pytest.fixture
def store_views(gold_url):
    with make_sessionmaker(make_engine(gold_url))() as session:
        yield StoreViews(session)


@pytest.mark.parametrize("figure", FIGURES.values(), ids=FIGURES.keys())
def test_figure_gets_its_verdict_against_the_seed_topics(store_views, figure):
    claims = [figure.claim()]
    [result] = check_claims(claims, views_for(claims, store_views)).figures
    assert (result.verdict, result.topic) == (figure.verdict, figure.claim().topic)
    assert result.reason


def test_an_unsourced_contradiction_is_an_outlier_not_merely_unattributed(store_views):
    """So that the default gate (`--fail-on outlier`) stops it."""
    claim = Figure("Only 2,000 North Korean troops are in Kursk.", "2,000",
                   {"value": 2000, "low": 2000, "high": 2000}, Verdict.outlier).claim()
    [result] = check_claims([claim], views_for([claim], store_views)).figures
    assert result.verdict is Verdict.outlier


def test_outlier_carries_the_topic_consensus_and_the_sources_it_disagrees_with(store_views):
    claim = FIGURES["sourced-2000-is-outlier"].claim()
    view = store_views.view(TROOPS)
    [result] = check_claims([claim], {TROOPS: view}).figures
    assert result.consensus == view.consensus and result.consensus.n_sources >= 2
    assert {"Pentagon", "international intelligence agencies"} <= set(result.disagrees_with)
    assert set(result.disagrees_with) <= {s.name for s in view.sources}


def test_counts_cover_every_verdict(store_views):
    claims = [f.claim() for f in FIGURES.values()]
    result = check_claims(claims, views_for(claims, store_views))
    assert result.counts == {"consistent": 1, "outlier": 1, "novel": 1, "unattributed": 1}


def test_a_figure_without_topic_is_novel_and_is_not_looked_up():
    claim = FIGURES["unsourced-11000-is-unattributed"].claim().model_copy(update={"topic": ""})

    class Refuses:
        def view(self, key):
            raise AssertionError(f"looked up {key!r}")

    assert [f.verdict for f in check_claims([claim], views_for([claim], Refuses())).figures] == [Verdict.novel]


@pytest.fixture
def api(gold_url):
    with TestClient(create_app(Settings(database_url=gold_url))) as client:
        yield client


def test_server_views_give_the_same_verdicts_as_the_store(api, store_views):
    claims = [f.claim() for f in FIGURES.values()]
    assert check_claims(claims, views_for(claims, ApiViews(api))) == check_claims(claims, views_for(claims, store_views))


@pytest.mark.parametrize("transport, message", [
    (httpx.MockTransport(lambda request: httpx.Response(401, text="missing key")), "answered 401: missing key"),
    (httpx.MockTransport(lambda request: httpx.Response(503)), "answered 503"),
    (httpx.MockTransport(lambda request: (_ for _ in ()).throw(httpx.ConnectError("refused"))), "cannot reach"),
], ids=["unauthorised", "unavailable", "unreachable"])
def test_server_errors_are_input_errors_not_verdicts(transport, message):
    with httpx.Client(transport=transport, base_url="http://tally.test") as client, \
            pytest.raises(CheckInputError, match=message):
        ApiViews(client).view(TROOPS)


def test_check_endpoint_answers_verdicts_and_stores_nothing(api, monkeypatch):
    import extractors

    monkeypatch.setattr(extractors, "extract", fake_extract)
    before = api.get(f"/v1/topics/{TROOPS}").json()["n_claims"]
    text = " ".join(f.sentence for f in FIGURES.values())
    r = api.post("/v1/check", json={"text": text, "title": "Troops", "published": "2025-05-01"})
    assert r.status_code == 200
    body = r.json()
    assert [(f["claim"]["quote"], f["verdict"]) for f in body["figures"]] == [
        (f.quote, f.verdict.value) for f in FIGURES.values()]
    assert body["counts"] == {"consistent": 1, "outlier": 1, "novel": 1, "unattributed": 1}
    assert api.get(f"/v1/topics/{TROOPS}").json()["n_claims"] == before
    assert api.get("/v1/topics/dprk-tanks-in-russia").status_code == 404


def test_check_endpoint_is_in_the_spec_as_check_run(api):
    op = api.get("/openapi.json").json()["paths"]["/v1/check"]["post"]
    assert (op["operationId"], op["tags"]) == ("check-run", ["check"])
    assert op["responses"]["200"]["content"]["application/json"]["schema"]["$ref"].endswith("/CheckResult")
