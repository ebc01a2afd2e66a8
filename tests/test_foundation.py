"""The walking skeleton end to end: seeds in, claims out, spans honest, errors readable."""
import json
import subprocess
import sys

import pytest

from service.cli.openapi import openapi_spec
from tests.conftest import ROOT, SEEDS, seed_articles


def test_seed_articles_ingest_into_five_and_reingest_adds_nothing(client):
    first = [client.post("/v1/articles", json=a) for a in seed_articles()]
    assert [r.status_code for r in first] == [201] * 5
    assert len({r.json()["id"] for r in first}) == 5
    again = [client.post("/v1/articles", json=a) for a in seed_articles()]
    assert [r.status_code for r in again] == [200] * 5
    assert [r.json()["status"] for r in again] == ["unchanged"] * 5
    assert [r.json()["id"] for r in again] == [r.json()["id"] for r in first]


def test_claim_spans_point_at_the_number_in_the_stored_text(client):
    ids = [client.post("/v1/articles", json=a).json()["id"] for a in seed_articles()]
    n = 0
    for aid in ids:
        text = client.get(f"/v1/articles/{aid}").json()["text"]
        for claim in client.get(f"/v1/articles/{aid}/claims").json()["items"]:
            start, end = claim["span"]
            assert text[start:end] == claim["quote"]
            assert any(ch.isdigit() for ch in claim["quote"]) or claim["quote"].strip()
            n += 1
    assert n >= 10


@pytest.mark.parametrize("body, field", [
    ({"title": "no text"}, "text"),
    ({"text": ""}, "text"),
    ({"text": "ok", "published": "last Tuesday"}, "published"),
    ({"text": "ok", "colour": "blue"}, "colour"),
])
def test_malformed_article_gets_a_readable_422(client, body, field):
    r = client.post("/v1/articles", json=body)
    assert r.status_code == 422
    assert r.headers["content-type"].startswith("application/problem+json")
    problem = r.json()
    assert problem["status"] == 422 and field in problem["detail"]
    assert any(field in [str(p) for p in e["loc"]] for e in problem["errors"])


def test_unknown_article_is_a_problem_404(client):
    r = client.get("/v1/articles/ffffffffffffffff")
    assert r.status_code == 404
    assert r.json()["title"] == "Not Found" and "ffffffffffffffff" in r.json()["detail"]


def test_committed_openapi_spec_matches_the_app():
    committed = json.loads((ROOT / "openapi" / "openapi.json").read_text())
    assert committed == openapi_spec(), "openapi/openapi.json is stale: run `make openapi` and commit it"


def test_cli_extract_jsonl_is_the_scorer_contract(tmp_path):
    seed = sorted(SEEDS.glob("*.txt"))[3]
    out = subprocess.run([sys.executable, "-m", "service.cli", "extract", "--format", "jsonl", str(seed)],
                         capture_output=True, text=True, check=True).stdout
    records = [json.loads(line) for line in out.splitlines()]
    text = seed.read_text(encoding="utf-8")
    assert records, "the Pentagon seed has troop figures"
    for r in records:
        assert r["article"] == seed.name
        assert text[r["span"][0]:r["span"][1]] == r["quote"]
        assert {"kind", "low", "high", "value", "qualifier", "unit", "attribution", "topic"} <= r.keys()
