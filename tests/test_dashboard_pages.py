"""The dashboard's HTML, page by page, through TestClient (no browser): seeded from the gold claims."""
import html
import re

import pytest
from fastapi.testclient import TestClient

from schemas import ArticleCreate, Claim, Rejected
from service.app import create_app
from service.dashboard import routes
from service.store.articles import save_article
from tests.conftest import TEST_KEY
from tests.gold_store import load_gold

TROOPS = "dprk-troops-in-russia"


@pytest.fixture
def gold(settings):
    app = create_app(settings)
    ids = load_gold(app.state.sessionmaker)
    with TestClient(app) as c:
        yield c, ids


def _items(response) -> list[dict]:
    body = response.json()
    return body["items"] if isinstance(body, dict) else body


def _interval_chart(page: str) -> str:
    return re.search(r'<svg[^>]*class="chart interval-chart".*?</svg>', page, re.S).group(0)


def test_topic_list_shows_every_topic_sorted_by_disagreements(gold):
    client, _ = gold
    r = client.get("/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    topics = _items(client.get("/v1/topics", params={"limit": 1000}))
    assert topics and all(html.escape(t["label"] or t["key"]) in r.text for t in topics)
    shown = re.findall(r'<a href="/topics/([^"]+)">', r.text)
    assert sorted(shown) == sorted(t["key"] for t in topics)
    n_dis = {t["key"]: t["n_disagreements"] for t in topics}
    assert [n_dis[k] for k in shown] == sorted(n_dis.values(), reverse=True)
    assert r.text.count('class="sparkline"') == len(topics)
    assert "North Korean troops in Russia" in r.text


def test_topic_list_search_and_kind_filter_run_on_the_server(gold):
    client, _ = gold
    assert f"/topics/{TROOPS}" in client.get("/", params={"q": "korean TROOPS"}).text
    none = client.get("/", params={"q": "no such topic <b>"})
    assert "/topics/" not in none.text and "no such topic &lt;b&gt;" in none.text
    durations = client.get("/", params={"kind": "duration"}).text
    assert "/topics/dprk-528th-regiment-deployment-duration" in durations and f"/topics/{TROOPS}" not in durations
    assert client.get("/", params={"kind": "bogus", "sort": "bogus"}).status_code == 200


def test_topic_page_draws_each_claim_and_explains_disagreements(gold):
    client, _ = gold
    view = client.get(f"/v1/topics/{TROOPS}").json()
    r = client.get(f"/topics/{TROOPS}")
    assert r.status_code == 200
    assert "<h1>North Korean troops in Russia</h1>" in r.text
    chart = _interval_chart(r.text)
    assert chart.count('class="claim-mark"') == view["n_claims"] == 8
    assert 'role="img"' in chart and "aria-label=" in chart
    assert view["disagreements"]
    for d in view["disagreements"]:
        assert html.escape(d["explanation"], quote=False) in r.text
    assert "<mark>over 10,000 troops</mark>" in r.text
    for s in view["sources"]:
        for c in s["claims"]:
            assert f'href="/articles/{c["article_id"]}#claim-{c["id"]}"' in r.text


def test_article_page_marks_every_figure_with_its_record(gold):
    client, ids = gold
    aid = ids["002_254bc3f29cc2233b.txt"]
    claims = _items(client.get(f"/v1/articles/{aid}/claims", params={"limit": 1000}))
    r = client.get(f"/articles/{aid}")
    assert r.status_code == 200
    for c in claims:
        mark = re.search(rf'<mark class="claim" id="claim-{c["id"]}" tabindex="0"[^>]*>(.*?)<span', r.text)
        assert mark and mark.group(1) == html.escape(c["quote"])
    assert "?rejected=1" in r.text
    shown = client.get(f"/articles/{aid}", params={"rejected": 1})
    assert shown.status_code == 200 and "refused as not a figure" in shown.text


def test_article_text_and_claims_are_escaped(settings):
    app = create_app(settings)
    text = "<script>alert('x')</script> Officials said 5,000 <b>troops</b> were sent."
    start = text.index("5,000")
    claim = Claim(kind="personnel", value=5000, low=5000, high=5000, unit="person", topic="t-<b>x",
                  topic_label="<script>label</script>", span=[start, start + 5], quote="5,000",
                  sentence="Officials said 5,000 <b>troops</b> were sent.", attribution="<img src=x onerror=alert(1)>")
    with app.state.sessionmaker.begin() as session:
        aid = save_article(session, article=ArticleCreate(text=text, title="<script>t</script>"), claims=[claim],
                           extractor_version="test").id
    with TestClient(app) as client:
        pages = [client.get(f"/articles/{aid}").text, client.get("/topics/t-<b>x").text, client.get("/").text]
    for page in pages:
        assert "<script>" not in page and "<img" not in page and "<b>" not in page
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in pages[0]
    assert "&lt;script&gt;label&lt;/script&gt;" in pages[1]


def test_unknown_topic_and_article_are_html_404s(gold):
    client, _ = gold
    for path in ("/topics/no-such-topic", "/articles/ffffffffffffffff"):
        r = client.get(path)
        assert r.status_code == 404 and r.headers["content-type"].startswith("text/html")


def test_css_is_served_from_the_package_and_pages_load_nothing_else(gold):
    client, ids = gold
    css = client.get("/dashboard/static/dashboard.css")
    assert css.status_code == 200 and css.headers["content-type"].startswith("text/css")
    assert client.get("/dashboard/static/..%2Fsettings.py").status_code == 404
    for path in ("/", f"/topics/{TROOPS}", f"/articles/{ids['000_94517475be3abf79.txt']}"):
        page = client.get(path).text
        assert "<script" not in page
        assert re.findall(r'<link[^>]+href="([^"]+)"', page) == ["/dashboard/static/dashboard.css"]
        assert 'class="skip-link" href="#main"' in page and '<main id="main"' in page


def test_dashboard_is_not_in_the_openapi_schema(gold):
    client, _ = gold
    paths = client.get("/openapi.json").json()["paths"]
    assert not {"/", "/topics/{key}", "/articles/{article_id}", "/dashboard/static/{name}"} & set(paths)


def test_rejected_numbers_are_shown_on_request_with_their_reason(gold, monkeypatch):
    client, ids = gold
    aid = ids["002_254bc3f29cc2233b.txt"]
    text = client.get(f"/v1/articles/{aid}").json()["text"]
    start = text.index("April 26, 2025")
    refused = [Rejected(span=[start, start + 14], quote="April 26, 2025", reason="date")]
    monkeypatch.setattr(routes, "extract_with_rejections", lambda t, published=None: ([], refused))
    assert "mark class=\"rejected\"" not in client.get(f"/articles/{aid}").text
    page = client.get(f"/articles/{aid}", params={"rejected": "1"}).text
    assert re.search(r'<mark class="rejected" id="rejected-0" tabindex="0"[^>]*>April 26, 2025<span[^>]*>'
                     r'not a figure: date</span></mark>', page)


def test_pages_are_closed_when_reads_need_a_key(settings):
    closed = settings.model_copy(update={"read_requires_key": True})
    with TestClient(create_app(closed)) as client:
        assert client.get("/").status_code == 401
        assert client.get("/", headers={"X-API-Key": TEST_KEY}).status_code == 200
        assert client.get("/dashboard/static/dashboard.css").status_code == 200
