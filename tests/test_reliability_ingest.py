"""Bad input and concurrent writers lose nothing (issue 9, items 4 and 5, ingest side).

- Two `tally ingest` processes on one SQLite file and one folder end with each article stored
  exactly once and each claim once.
- A folder mixing a good article with binary junk, an empty file, a 50 MB file, non-UTF-8 text
  and a malformed date: exit code 1, every reason printed against its file, the good one stored,
  what was stored before untouched.
The API side of bad input (malformed JSON, oversized bodies, wrong keys) is in tests/test_api_*.py.
"""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_reliability_store import DEV, ROOT, copy_dev, flat, snapshot, tally

N_DEV = 20


def start_ingest(folder: Path, db: Path, log: Path) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TALLY_DATABASE_URL": f"sqlite:///{db}", "COLUMNS": "200"}
    return subprocess.Popen([sys.executable, "-m", "service.cli", "ingest", str(folder)], cwd=log.parent, env=env,
                            stdout=log.open("w"), stderr=subprocess.STDOUT)


@pytest.fixture(scope="module")
def raced(tmp_path_factory):
    """Two processes ingest 20 dev articles into one fresh store at the same moment; run once."""
    tmp = tmp_path_factory.mktemp("race")
    folder = copy_dev(tmp / "dev", [f"dev-{i:03d}.txt" for i in range(1, N_DEV + 1)] + ["articles.jsonl"])
    db = tmp / "store" / "tally.db"
    db.parent.mkdir()
    procs = [start_ingest(folder, db, tmp / f"p{i}.log") for i in (1, 2)]
    codes = [p.wait(timeout=120) for p in procs]
    logs = [(tmp / f"p{i}.log").read_text() for i in (1, 2)]
    return {"codes": codes, "logs": logs, "db": db, "folder": folder}


def test_concurrent_ingest_stores_each_article_and_claim_once(raced):
    """Whatever each process printed, the store ends with the 20 articles once each, no half-stored article,
    claims equal to the per-article counts, and the same content a single process would have stored."""
    snap = snapshot(raced["db"])
    assert len(snap["articles"]) == N_DEV, raced["logs"]
    assert snap["partial"] == [] and snap["integrity"] == "ok"
    assert len(snap["claims"]) == len(set(snap["claims"])) == sum(n for _, n in snap["articles"].values())
    news = [int(flat(log).split("articles: ")[-1].split(" new")[0]) for log in raced["logs"]
            if "articles: " in log]
    assert sum(news) == N_DEV, raced["logs"]


def test_concurrent_ingest_matches_a_single_run(raced, tmp_path):
    """The race changes nothing in the content: same article ids, claim ids and topics as one serial run."""
    db = tmp_path / "serial.db"
    assert tally("ingest", str(raced["folder"]), cwd=tmp_path, db=f"sqlite:///{db}").returncode == 0
    serial, racy = snapshot(db), snapshot(raced["db"])
    assert (racy["articles"], racy["claims"], racy["topics"]) == (serial["articles"], serial["claims"],
                                                                   serial["topics"])


def test_concurrent_ingest_both_processes_succeed(raced):
    """Losing the race for an article is not a failure: that process finds it `unchanged` (was: IntegrityError)."""
    assert raced["codes"] == [0, 0], raced["logs"]


def test_losing_the_insert_race_counts_as_unchanged(tmp_path):
    """Deterministic form of the race: another writer stores the article between our lookup and our insert."""
    from sqlalchemy.orm import sessionmaker

    from service.ingest import prepare, store_prepared
    from service.ingest.readers import read_paths
    from service.store import make_engine, make_sessionmaker

    engine = make_engine(f"sqlite:///{tmp_path / 'tally.db'}")
    factory = make_sessionmaker(engine)
    (_, article), = read_paths([DEV / "dev-001.txt"])
    prepared = prepare(article)
    assert store_prepared(factory, prepared).status == "new"

    class LateSession(factory.class_):
        """A session that does not yet see the row on its first lookup, as if the other commit came after it."""
        missed = False

        def get(self, *a, **kw):
            if not LateSession.missed:
                LateSession.missed = True
                return None
            return super().get(*a, **kw)

    late = sessionmaker(engine, class_=LateSession, expire_on_commit=False)
    try:
        assert store_prepared(late, prepared).status == "unchanged"
    finally:
        engine.dispose()


# --- bad input on the command line ------------------------------------------------------------------------------

BAD = {
    "binary.txt": bytes(range(256)) * 64,
    "empty.txt": b"",
    "blank.txt": b"  \n\t\n  ",
    "latin1.txt": "Officials said about 3\xa0000 troops were sent to G\xf6teborg.".encode("latin-1"),
    "baddate.txt": b"Bad date\nAbout 2,000 troops were sent on Monday.",
}
FIFTY_MB = 50 * 1024 * 1024


@pytest.fixture
def mixed_folder(tmp_path):
    folder = copy_dev(tmp_path / "mixed", ["dev-010.txt"])
    for name, data in BAD.items():
        (folder / name).write_bytes(data)
    with open(folder / "huge.txt", "wb") as fh:  # 50 MB of plausible text, not a sparse file
        block = (DEV / "dev-011.txt").read_bytes() + b"\n"
        fh.write(block * (FIFTY_MB // len(block) + 1))
    (folder / "articles.jsonl").write_text(json.dumps({"id": "baddate.txt", "published": "2024-13-45"}) + "\n")
    return folder


def test_ingest_of_a_mixed_folder_stores_the_good_and_names_the_bad(mixed_folder, tmp_path):
    """One good, one binary, one empty, one blank, one 50 MB, one Latin-1, one with a month 13: exit 1, each bad
    file named with its reason, the good one stored, the store's earlier articles untouched."""
    db = tmp_path / "tally.db"
    url = f"sqlite:///{db}"
    assert tally("ingest", str(copy_dev(tmp_path / "before", ["dev-001.txt", "dev-002.txt"])), cwd=tmp_path,
                 db=url).returncode == 0
    before = snapshot(db)

    run = tally("ingest", str(mixed_folder), cwd=tmp_path, db=url)
    out = flat(run.stdout + run.stderr)
    assert run.returncode == 1, out[:3000]
    assert "Traceback" not in out, out[:3000]
    assert "1 new" in out and "6 failed" in out, out[:3000]
    reasons = {name: out.split(name, 1)[1][:200] for name in [*BAD, "huge.txt"] if name in out}
    assert set(reasons) == {*BAD, "huge.txt"}, out[:3000]
    assert "binary" in reasons["binary.txt"] or "UTF-8" in reasons["binary.txt"], reasons["binary.txt"]
    assert "empty" in reasons["empty.txt"], reasons["empty.txt"]
    assert "empty" in reasons["blank.txt"], reasons["blank.txt"]
    assert "MB" in reasons["huge.txt"] or "at most" in reasons["huge.txt"], reasons["huge.txt"]
    assert "UTF-8" in reasons["latin1.txt"] or "utf-8" in reasons["latin1.txt"], reasons["latin1.txt"]
    assert "published" in reasons["baddate.txt"] and "2024-13-45" in reasons["baddate.txt"], reasons["baddate.txt"]
    assert len(out) < 5000, "a reason should be a line, not a dump of the file"

    after = snapshot(db)
    assert after["partial"] == [] and after["integrity"] == "ok"
    assert {k: after["articles"][k] for k in before["articles"]} == before["articles"]
    new = set(after["articles"]) - set(before["articles"])
    assert len(new) == 1
    assert after["articles"][new.pop()][0].startswith((DEV / "dev-010.txt").read_text(encoding="utf-8").strip()[:40])


def test_reingesting_the_same_folder_changes_nothing(tmp_path):
    """Idempotence: a second ingest of the same folder stores nothing new and reports every article unchanged."""
    folder = copy_dev(tmp_path / "dev", [f"dev-{i:03d}.txt" for i in range(1, 11)])
    db = tmp_path / "tally.db"
    assert tally("ingest", str(folder), cwd=tmp_path, db=f"sqlite:///{db}").returncode == 0
    first = snapshot(db)
    again = tally("ingest", str(folder), cwd=tmp_path, db=f"sqlite:///{db}")
    assert again.returncode == 0 and "0 new" in flat(again.stdout) and "10 unchanged" in flat(again.stdout)
    assert snapshot(db) == first
