"""50 clients write and read at once against a real server on SQLite: no write is lost, no answer is a 5xx."""
import threading
import time
from collections import Counter

import httpx
import pytest

from tests.api_helpers import live_server
from tests.conftest import TEST_KEY

CLIENTS = 50
SECONDS = 3
SAYS = ["officials said {x} soldiers were deployed to the front", "Ukraine said {x} drones were shot down",
        "the UN said {x} refugees crossed into Poland", "Russia said {x} tanks were destroyed",
        "NATO said the exercise lasted {d} days", "the ministry said aid of ${x} million was approved"]
SHARED = {"text": "All clients post this: the ministry said 2,500 troops crossed the border on 3 March 2024."}


@pytest.mark.slow
def test_fifty_concurrent_clients_lose_no_write_and_see_no_5xx(settings):
    statuses: Counter = Counter()
    created: dict[str, str] = {}  # id -> text of every 201
    shared_ids: set[str] = set()
    lock = threading.Lock()
    start = threading.Barrier(CLIENTS)

    def client(n: int, base_url: str) -> None:
        with httpx.Client(base_url=base_url, headers={"X-API-Key": TEST_KEY}, timeout=60) as http:
            start.wait()
            r = http.post("/v1/articles", json=SHARED)  # the same text from everyone, at the same moment
            with lock:
                statuses[r.status_code] += 1
                shared_ids.add(r.json().get("id"))
            deadline, i = time.monotonic() + SECONDS, 0
            while time.monotonic() < deadline:
                i += 1
                says = SAYS[(n + i) % len(SAYS)].format(x=1000 + n * 100 + i, d=i % 30 + 2)
                body = {"text": f"On Tuesday {says}, according to report number {n}-{i}."}
                answers = [http.post("/v1/articles", json=body)]
                if answers[0].status_code == 201:
                    with lock:
                        created[answers[0].json()["id"]] = body["text"]
                    answers.append(http.get(f"/v1/articles/{answers[0].json()['id']}"))
                answers += [http.get("/v1/topics", params={"limit": 5}), http.get("/v1/claims", params={"limit": 5})]
                with lock:
                    statuses.update(a.status_code for a in answers)

    with live_server(settings) as base_url:
        threads = [threading.Thread(target=client, args=(n, base_url)) for n in range(CLIENTS)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(120)
        with httpx.Client(base_url=base_url, timeout=60) as http:
            stored, cursor = set(), None
            while True:
                page = http.get("/v1/articles", params={"limit": 1000, **({"cursor": cursor} if cursor else {})}).json()
                stored |= {a["id"] for a in page["items"]}
                if not (cursor := page["next_cursor"]):
                    break
            texts = {aid: http.get(f"/v1/articles/{aid}").json()["text"] for aid in created}

    assert not [s for s in statuses if s >= 500], statuses
    assert set(statuses) <= {200, 201}, statuses
    assert len(shared_ids) == 1 and statuses[201] == len(created) + 1
    assert len(created) >= CLIENTS, "every client got at least one write through"
    assert set(stored) == set(created) | shared_ids
    assert texts == created
