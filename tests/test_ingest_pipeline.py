"""Ingest end to end on SQLite and PostgreSQL: idempotent, metadata updates without duplicate claims,
re-extraction by version, and a CLI that reports each failure and goes on.

The extractor is replaced by `count_numbers` (one count claim per number), so counts are exact and the store
is tested apart from the extractor's rules.
"""
import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

import extractors
from schemas import ArticleCreate
from service.cli import app
from service.ingest import ingest_articles
from service.ingest.readers import read_paths
from service.ingest.synthetic import count_numbers
from service.store import make_engine, make_sessionmaker
from service.store.articles import article_id_of, claim_id_of
from service.store.reads import claims_of_article, get_article
from service.store.tables import ArticleRow, ClaimRow, TopicRow
from tests.conftest import DEV, SEEDS

@pytest.fixture
def fake_extractor(monkeypatch):
    monkeypatch.setattr(extractors, "extract", count_numbers)
    monkeypatch.setattr(extractors, "EXTRACTOR_VERSION", "9.0.0")


@pytest.fixture
def factory(store_url, fake_extractor):
    return make_sessionmaker(make_engine(store_url))


def stored(factory) -> dict:
    """Everything ingest writes, comparable across runs: articles, claims with their records, topics."""
    with factory() as s:
        articles = {r.id: (r.source_id, r.title, r.outlet, r.published, r.n_claims, r.extractor_version)
                    for r in s.scalars(select(ArticleRow))}
        claims = {r.id: (r.article_id, r.ordinal, r.topic, r.extractor_version, r.record)
                  for r in s.scalars(select(ClaimRow))}
        topics = {r.key: r.n_claims for r in s.scalars(select(TopicRow))}
    return {"articles": articles, "claims": claims, "topics": topics}


def test_ingesting_seeds_and_dev_stores_every_claim_once_and_again_changes_nothing(factory):
    paths = [SEEDS, *sorted(DEV.glob("*.txt"))[:15]]
    first = ingest_articles(factory, read_paths(paths))
    files = [*SEEDS.glob("*.txt"), *paths[1:]]
    n_docs = len(files)
    expected_claims = sum(len(count_numbers(p.read_text(encoding="utf-8").strip())) for p in files)
    assert (first.new, first.updated, first.unchanged, first.failed) == (n_docs, 0, 0, 0)
    assert first.claims == expected_claims > 100
    before = stored(factory)
    assert len(before["articles"]) == n_docs and len(before["claims"]) == expected_claims
    assert sum(before["topics"].values()) == expected_claims

    again = ingest_articles(factory, read_paths(paths))
    assert (again.new, again.updated, again.unchanged, again.claims) == (0, 0, n_docs, 0)
    assert stored(factory) == before


def test_ids_come_from_the_normalised_text(factory):
    text = "Title\r\n\r\nAbout 300 people died.   \r\n"
    ingest_articles(factory, [("x", ArticleCreate(text=text))])
    aid = article_id_of("Title\n\nAbout 300 people died.")
    with factory() as s:
        row = get_article(s, article_id=aid)
        assert row.text == "Title\n\nAbout 300 people died."
        [claim] = claims_of_article(s, article_id=aid)
    assert claim.id == claim_id_of(aid, claim) and row.text[claim.span[0]:claim.span[1]] == "300"


def test_new_metadata_for_a_known_text_updates_the_article_not_its_claims(factory):
    art = ArticleCreate(text="Floods: 2,000 families displaced, 40 villages cut off.", title="Old", source_id="f1")
    ingest_articles(factory, [("a", art)])
    before = stored(factory)
    summary = ingest_articles(factory, [("a", art.model_copy(update={"title": "New", "outlet": "Daily Courier"}))])
    assert (summary.new, summary.updated, summary.claims) == (0, 1, 0)
    after = stored(factory)
    [aid] = after["articles"]
    assert after["articles"][aid][1:3] == ("New", "Daily Courier")
    assert after["claims"] == before["claims"] and len(after["claims"]) == 2


def test_a_new_publication_date_rereads_relative_dates_keeping_claim_ids(factory):
    art = ArticleCreate(text="On Monday 300 people died.", published="2025-03-03")
    ingest_articles(factory, [("a", art)])
    before = stored(factory)["claims"]
    ingest_articles(factory, [("a", art.model_copy(update={"published": "2025-03-10"}))])
    after = stored(factory)["claims"]
    assert after.keys() == before.keys() and len(after) == 1
    assert [c[4]["as_of"] for c in after.values()] == ["2025-03-10"]


def test_reextract_replaces_only_claims_of_older_extractors(factory, store_url):
    arts = [ArticleCreate(text=f"Report {i}: {i * 10} troops and {i} tanks.") for i in range(1, 4)]
    ingest_articles(factory, [(str(i), a) for i, a in enumerate(arts)])
    with factory.begin() as s:  # the first article was read by an old extractor, which found nothing
        row = s.get(ArticleRow, article_id_of(arts[0].text))
        for claim in list(row.claims):
            s.delete(claim)
        row.n_claims, row.extractor_version = 0, "8.9.10"
    runner = CliRunner()
    result = runner.invoke(app, ["reextract", "--db", store_url])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "re-extracted 1 articles with extractor 9.0.0: claims 0 -> 3; 0 failed"
    data = stored(factory)
    assert {a[4] for a in data["articles"].values()} == {3} and len(data["claims"]) == 9
    assert {c[3] for c in data["claims"].values()} == {"9.0.0"}
    result = runner.invoke(app, ["reextract", "--db", store_url, "--all"])
    assert "re-extracted 3 articles" in result.output and stored(factory) == data


def test_cli_ingest_reports_failures_goes_on_and_exits_non_zero(store_url, fake_extractor, tmp_path):
    (tmp_path / "good.txt").write_text("Good\n12 boats sank.")
    (tmp_path / "junk.txt").write_bytes(b"\x00\x01\x02")
    (tmp_path / "late.md").write_text("---\npublished: last Tuesday\n---\nLate\n7 ships.")
    (tmp_path / "zz.txt").write_text("Also good\n8 boats and 9 ships.")
    result = CliRunner().invoke(app, ["ingest", "--db", store_url, str(tmp_path)])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert f"failed {tmp_path / 'junk.txt'}: binary file (contains NUL bytes), not text" in lines
    assert any(line.startswith(f"failed {tmp_path / 'late.md'}: published: 'last Tuesday'") for line in lines)
    assert lines[-1].startswith("articles: 2 new, 0 updated, 0 unchanged, 2 failed; claims stored: 3 (")
    assert "ingesting" not in result.output  # no progress bar without a terminal
    with make_sessionmaker(make_engine(store_url))() as s:
        assert s.scalar(select(func.count()).select_from(ArticleRow)) == 2


def test_cli_ingest_all_good_exits_zero(store_url, fake_extractor):
    result = CliRunner().invoke(app, ["ingest", "--db", store_url, str(SEEDS)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("articles: 5 new, 0 updated, 0 unchanged, 0 failed; claims stored: ")


def test_a_store_failure_fails_that_article_and_keeps_the_others(factory, monkeypatch):
    import service.store.articles as writes

    real = writes.mark_topics

    def mark(session, *, keys):
        if "count-poison" in set(keys):
            raise RuntimeError("topic mark failed")
        real(session, keys=keys)

    monkeypatch.setattr(writes, "mark_topics", mark)
    docs = [("a", ArticleCreate(text="1 apple.")), ("b", ArticleCreate(text="2 poison.")),
            ("c", ArticleCreate(text="3 pears."))]
    summary = ingest_articles(factory, docs)
    assert (summary.new, summary.failed) == (2, 1)
    assert summary.failures == [("b", "RuntimeError: topic mark failed")]
    data = stored(factory)
    assert len(data["articles"]) == 2 and len(data["claims"]) == 2  # nothing of "b" half-written


def test_progress_bar_only_on_a_terminal(monkeypatch):
    import io
    import sys

    from rich.console import Console

    from service.cli.ingest import _progress

    out = io.StringIO()
    console = Console(file=out, force_terminal=True, width=100)
    with _progress(console) as advance:
        assert advance is None  # pytest captures stdout: not a terminal
    for stream in (sys.stdout, sys.stderr):
        monkeypatch.setattr(stream, "isatty", lambda: True, raising=False)
    with _progress(console) as advance:
        advance("corpus/a.txt")
        advance("corpus/b.txt")
    assert "ingesting" in out.getvalue() and "2/?" in out.getvalue() and "b.txt" in out.getvalue()


def test_a_failed_topic_refresh_keeps_the_articles_and_the_queue(factory, monkeypatch):
    import service.ingest.pipeline as pipeline
    from service.store.tables import TopicRefreshRow

    def down(_factory):
        raise RuntimeError("database went away")

    monkeypatch.setattr(pipeline, "refresh_pending", down)
    summary = ingest_articles(factory, [("a", ArticleCreate(text="4 ferries and 5 ferries."))])
    assert (summary.new, summary.failed, summary.refresh_error) == (1, 0, "RuntimeError: database went away")
    with factory() as s:
        assert list(s.scalars(select(TopicRefreshRow.key))) == ["count-ferries"]
        assert s.scalar(select(func.count()).select_from(TopicRow)) == 0
