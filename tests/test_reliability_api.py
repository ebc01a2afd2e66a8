"""Bad input to the API loses nothing (issue 9, item 5): only what tests/test_api_*.py does not cover.

Those cover malformed JSON, wrong types, unknown fields, small-limit 413s, wrong keys, forged cursors and
SQL metacharacters. Here: an empty or blank text, binary junk as the body, text with NUL and control
characters, a malformed publication date, and a real 50 MB body against the default limit. Each must be a
problem+json 4xx, and the store must hold exactly what it held before.
"""
import pytest

from tests.conftest import seed_articles
from tests.test_reliability_store import snapshot


@pytest.fixture
def stored(client, settings):
    """A store holding the shortest seed article (keeps each test fast), and its snapshot."""
    article = min(seed_articles(), key=lambda a: len(a["text"]))
    assert client.post("/v1/articles", json=article).status_code == 201
    db = settings.database_url.removeprefix("sqlite:///")
    return client, db, snapshot(db)


def assert_problem(r, status: int, *words: str) -> dict:
    assert r.status_code == status, (r.status_code, r.text[:500])
    assert r.headers["content-type"].startswith("application/problem+json"), r.headers
    body = r.json()
    assert body["status"] == status and body["detail"]
    text = r.text.lower()
    for w in words:
        assert w.lower() in text, (w, r.text[:500])
    return body


JSON = {"content-type": "application/json"}


@pytest.mark.parametrize("body, where", [
    ({"text": ""}, "text"),
    ({"text": "   \n\t  "}, "text"),
    ({"text": "About 3,000 troops.", "published": "2024-13-45"}, "published"),
    ({"text": "About 3,000 troops.", "published": "28/10/2024"}, "published"),
    ({"text": "About 3,000 troops.", "published": "2024-02-30x"}, "published"),
], ids=["empty", "blank", "month-13", "dmy", "trailing-junk"])
def test_bad_article_is_a_422_and_stores_nothing(stored, body, where):
    client, db, before = stored
    assert_problem(client.post("/v1/articles", json=body), 422, where)
    assert snapshot(db) == before


@pytest.mark.parametrize("raw", [
    bytes(range(256)),
    b"\xff\xfe" + "about 10,000 troops".encode("utf-16-le"),
    b'{"text": "\xc3\x28 invalid utf-8"}',
    b"\x1f\x8b\x08\x00" + b"\x00" * 64,  # a gzip header, sent as if it were JSON
], ids=["all-bytes", "utf16", "bad-utf8-in-json", "gzip"])
def test_binary_junk_body_is_a_4xx_problem_and_stores_nothing(stored, raw):
    client, db, before = stored
    r = client.post("/v1/articles", content=raw, headers=JSON)
    assert 400 <= r.status_code < 500, (r.status_code, r.text[:300])
    assert_problem(r, r.status_code)
    assert snapshot(db) == before


def test_text_with_nul_and_control_characters_is_stored_whole_or_refused(stored):
    """JSON can carry U+0000: the article is either refused with a 422 or stored with its spans still
    indexing the stored text; never a 500, never a half-stored article."""
    client, db, before = stored
    text = "Officials said\u0000 about 10,000\u0007 troops\u001b[31m were sent.\u2028Next line."
    r = client.post("/v1/articles", json={"text": text})
    assert r.status_code in (201, 422), (r.status_code, r.text[:300])
    after = snapshot(db)
    assert after["partial"] == []
    if r.status_code == 422:
        assert after == before
        return
    aid = r.json()["id"]
    stored_text = client.get(f"/v1/articles/{aid}").json()["text"]
    claims = client.get(f"/v1/articles/{aid}/claims").json()
    for c in claims["items"] if isinstance(claims, dict) else claims:
        s, e = c["span"]
        assert stored_text[s:e] == c["quote"]


def test_a_50_mb_body_is_a_413_and_stores_nothing(stored):
    """The default limit (TALLY_MAX_BODY_BYTES, 2 MB) refuses a real 50 MB article before parsing it."""
    client, db, before = stored
    body = b'{"text": "' + b"About 10,000 troops were sent. " * (50 * 1024 * 1024 // 31) + b'"}'
    assert len(body) > 50_000_000
    assert_problem(client.post("/v1/articles", content=body, headers=JSON), 413)
    assert snapshot(db) == before


def test_a_wrong_key_on_delete_keeps_the_article(stored):
    """Deleting needs a valid key: a wrong one is a 401 and the article and its claims stay."""
    client, db, before = stored
    aid = next(iter(before["articles"]))
    r = client.delete(f"/v1/articles/{aid}", headers={"X-API-Key": "wrong-key-0000000000"})
    assert_problem(r, 401)
    assert snapshot(db) == before
