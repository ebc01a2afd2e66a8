"""The dashboard in a real browser: uvicorn on a free port, the gold seeds loaded, headless Chromium.

Needs Debian's chromium (`apt-get install chromium chromium-driver`, or `scripts/install-system-deps.sh`)
and Playwright for Python (dev extra); never `playwright install`: the system browser is used as is.
"""
import socket
import threading
import time
from pathlib import Path

import pytest

from service.app import create_app
from service.settings import Settings
from tests.gold_store import load_gold

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
TROOPS = "dprk-troops-in-russia"

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.timeout(60)]
sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright missing: pip install -e '.[dev]'")
if not CHROMIUM.exists():
    pytest.skip("Chromium missing: apt-get install chromium chromium-driver (or run scripts/install-system-deps.sh)",
                allow_module_level=True)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server(tmp_path):
    """The app under uvicorn in a thread, on a throwaway SQLite store holding the gold claims."""
    import uvicorn

    app = create_app(Settings(database_url=f"sqlite:///{tmp_path / 'tally.db'}"))
    ids = load_gold(app.state.sessionmaker)
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not srv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert srv.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}", ids
    srv.should_exit = True
    thread.join(5)


@pytest.fixture
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield b
        b.close()


def test_topic_list_and_troop_topic_in_chromium(server, browser, tmp_path):
    base, ids = server
    import httpx

    view = httpx.get(f"{base}/v1/topics/{TROOPS}").json()
    page = browser.new_page(reduced_motion="reduce", viewport={"width": 1200, "height": 900})
    page.goto(f"{base}/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    link = page.get_by_role("link", name="North Korean troops in Russia")
    assert link.is_visible()
    page.screenshot(path=tmp_path / "topics.png", full_page=True)

    link.click()
    page.wait_for_url(f"{base}/topics/{TROOPS}")
    marks = page.locator("svg.interval-chart a.claim-mark")
    assert marks.count() == view["n_claims"] == 8
    assert page.locator("svg.interval-chart").get_attribute("aria-label")
    rows = page.locator("table.disagreements tbody tr")
    assert rows.count() == len(view["disagreements"]) >= 1
    assert view["disagreements"][0]["explanation"] in rows.first.inner_text()
    assert page.locator("mark", has_text="over 10,000 troops").first.is_visible()
    page.screenshot(path=tmp_path / "topic.png", full_page=True)

    marks.first.focus()
    assert page.evaluate("document.activeElement.getAttribute('class')") == "claim-mark"
    phone = browser.new_page(reduced_motion="reduce", viewport={"width": 375, "height": 812}, device_scale_factor=2)
    phone.goto(f"{base}/topics/{TROOPS}")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
    phone.screenshot(path=tmp_path / "topic-phone.png", full_page=True)


def test_article_marks_show_their_record_on_focus(server, browser, tmp_path):
    base, ids = server
    page = browser.new_page(reduced_motion="reduce", viewport={"width": 1000, "height": 800})
    page.goto(f"{base}/articles/{ids['002_254bc3f29cc2233b.txt']}")
    mark = page.locator(".article-text mark.claim").first
    tip = mark.locator(".tip")
    assert not tip.is_visible()
    mark.focus()
    assert tip.is_visible() and "personnel" in tip.inner_text()
    page.screenshot(path=tmp_path / "article.png", full_page=True)

    phone = browser.new_page(reduced_motion="reduce", viewport={"width": 375, "height": 812})
    phone.goto(f"{base}/articles/{ids['002_254bc3f29cc2233b.txt']}?rejected=1")
    phone.locator(".article-text mark.claim").last.focus()
    box = phone.locator(".article-text mark.claim").last.locator(".tip").bounding_box()
    assert box and 0 <= box["x"] and box["x"] + box["width"] <= 375
    phone.screenshot(path=tmp_path / "article-phone.png")
