"""`tally check` as a CI step runs it: files in, a report out, exit 0/1/2, the store untouched.

In process with typer's CliRunner, the extractor replaced by the hand-built figures of
tests/test_check_verdicts.py; once as a subprocess; and end to end with the real extractor over the
ingested seeds.
"""
import json
import subprocess
import sys
import threading
import time

import pytest
import typer
import uvicorn
from typer.testing import CliRunner

import extractors
from schemas import CheckResult, Verdict
from service.app import create_app
from service.cli import app
from service.settings import Settings
from service.store import make_engine, make_sessionmaker
from service.store.reads import count_articles, topic_keys
from tests import test_check_verdicts
from tests.conftest import ROOT, SEEDS, TEST_KEY
from tests.test_check_verdicts import FIGURES, fake_extract

ARTICLES = {
    "outlier.md": "---\ntitle: Kursk\npublished: 2025-05-01\n---\n# Kursk\n\n{s}\n",
    "consistent.txt": "Seoul\n\n{s}\n",
    "unattributed.txt": "Troops\n\n{s}\n",
    "novel.html": "<html><head><title>Tanks</title></head><body><article><h1>Tanks</h1>\n<p>{s}</p>\n</article></body></html>",
}
SENTENCE = {"outlier.md": "sourced-2000-is-outlier", "consistent.txt": "around-11000-per-seoul-is-consistent",
            "unattributed.txt": "unsourced-11000-is-unattributed", "novel.html": "new-topic-is-novel"}
EXPECTED = {name: FIGURES[key].verdict for name, key in SENTENCE.items()}
gold_template, gold_url = test_check_verdicts.gold_template, test_check_verdicts.gold_url  # the gold store fixtures


@pytest.fixture
def articles(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    for name, template in ARTICLES.items():
        (folder / name).write_text(template.format(s=FIGURES[SENTENCE[name]].sentence), encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x00\x01")
    return folder


@pytest.fixture
def fake_extractor(monkeypatch):
    monkeypatch.setattr(extractors, "extract", fake_extract)


def run(*args: str):
    return CliRunner().invoke(app, ["check", *args])


def _store_counts(url: str) -> tuple[int, list[str]]:
    with make_sessionmaker(make_engine(url))() as session:
        return count_articles(session), topic_keys(session)


@pytest.mark.parametrize("files, options, code, stderr", [
    (["consistent.txt"], [], 0, ""),
    (["outlier.md"], [], 1, ""),
    (["unattributed.txt"], [], 0, ""),
    (["unattributed.txt"], ["--fail-on", "outlier,unattributed"], 1, ""),
    (["novel.html", "consistent.txt"], ["--fail-on", "novel"], 1, ""),
    (["consistent.txt", "unattributed.txt", "novel.html"], [], 0, ""),
    (["consistent.txt"], ["--fail-on", "outlier,bogus"], 2, "unknown verdict bogus"),
    (["missing.txt"], [], 2, "does not exist"),
    (["consistent.txt", "binary.txt"], [], 2, "cannot read"),
    (["consistent.txt"], ["--api", "http://127.0.0.1:9"], 2, "cannot reach"),
    (["consistent.txt"], ["--db", "sqlite:///nowhere/tally.db"], 2, "no store at"),
    (["consistent.txt"], ["--api", "http://127.0.0.1:9", "--db", "sqlite:///x.db"], 2, "not both"),
], ids=["consistent", "outlier", "unattributed-passes-by-default", "unattributed-fails-when-named",
        "novel-fails-when-named", "only-passing-verdicts", "unknown-verdict", "missing-file", "unreadable-file",
        "unreachable-server", "no-store", "db-and-api"])
def test_exit_code(articles, gold_url, fake_extractor, files, options, code, stderr):
    db = [] if "--db" in options or "--api" in options else ["--db", gold_url]
    result = run(*db, *options, *[str(articles / f) for f in files])
    assert result.exit_code == code, result.output
    assert stderr in result.stderr
    assert (result.stderr != "") is (code == 2)


def test_each_file_gets_the_verdicts_of_its_figures(articles, gold_url, fake_extractor):
    result = run("--db", gold_url, "--format", "json", *[str(articles / n) for n in ARTICLES])
    report = {name.rsplit("/", 1)[-1]: CheckResult.model_validate(r) for name, r in json.loads(result.stdout).items()}
    assert {name: [f.verdict for f in r.figures] for name, r in report.items()} == {
        name: [verdict] for name, verdict in EXPECTED.items()}
    outlier = report["outlier.md"].figures[0]
    assert outlier.consensus is not None and "Pentagon" in outlier.disagrees_with


def test_the_check_writes_nothing_unless_asked_to_ingest(articles, gold_url, fake_extractor):
    before = _store_counts(gold_url)
    files = [str(articles / n) for n in ARTICLES]
    assert run("--db", gold_url, *files).exit_code == 1
    assert _store_counts(gold_url) == before
    assert run("--db", gold_url, "--ingest", *files).exit_code == 1
    n_articles, topics = _store_counts(gold_url)
    assert n_articles == before[0] + len(ARTICLES) and "dprk-tanks-in-russia" in topics


@pytest.fixture
def server(gold_url):
    """A real server on a free port, in a thread, over the gold store."""
    config = uvicorn.Config(create_app(Settings(database_url=gold_url, api_keys=TEST_KEY)), host="127.0.0.1",
                            port=0, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not srv.started and time.monotonic() < deadline:
        time.sleep(0.02)
    yield f"http://127.0.0.1:{srv.servers[0].sockets[0].getsockname()[1]}"
    srv.should_exit = True
    thread.join(10)


def test_a_running_server_gives_the_same_report_and_ingests_with_a_key(articles, gold_url, server, fake_extractor):
    files = [str(articles / n) for n in ARTICLES]
    local = run("--db", gold_url, "--format", "json", *files)
    remote = run("--api", server, "--format", "json", *files)
    assert (remote.exit_code, json.loads(remote.stdout)) == (local.exit_code, json.loads(local.stdout))
    refused = run("--api", server, "--ingest", *files)
    assert refused.exit_code == 2 and "answered 401" in refused.stderr
    assert run("--api", server, "--api-key", TEST_KEY, "--ingest", *files).exit_code == 1
    assert _store_counts(gold_url)[0] == 5 + len(ARTICLES)


def test_github_format_annotates_the_file_lines_and_writes_the_step_summary(articles, gold_url, fake_extractor,
                                                                            tmp_path, monkeypatch):
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    path = articles / "outlier.md"
    result = run("--db", gold_url, "--format", "github", str(path), str(articles / "consistent.txt"))
    assert result.exit_code == 1
    [error] = [line for line in result.stdout.splitlines() if line.startswith("::error ")]
    line_no = next(i for i, line in enumerate(path.read_text().splitlines(), 1) if "2,000" in line)
    col = path.read_text().splitlines()[line_no - 1].index("2,000") + 1
    assert error.startswith(f"::error file={path},line={line_no},col={col},")
    written = summary.read_text()
    assert written.startswith("## tally check") and written.count(f"| {articles}/") == 2


def test_text_format_has_no_colour_when_not_a_terminal(articles, gold_url, fake_extractor):
    result = run("--db", gold_url, str(articles / "outlier.md"))
    assert "\x1b[" not in result.stdout and "outlier" in result.stdout and "2,000" in result.stdout


def test_as_a_subprocess_a_usage_error_exits_2_with_a_message(articles):
    proc = subprocess.run([sys.executable, "-m", "service.cli", "check", "--fail-on", "wrong",
                           str(articles / "consistent.txt")],
                          capture_output=True, text=True, cwd=ROOT, timeout=60, check=False)
    assert proc.returncode == 2 and "unknown verdict wrong" in proc.stderr and proc.stdout == ""


@pytest.fixture(scope="module")
def seeded(tmp_path_factory) -> str:
    """The seeds ingested with the real extractor; the checks only read it."""
    url = f"sqlite:///{tmp_path_factory.mktemp('seeded') / 'seeded.db'}"
    assert CliRunner().invoke(app, ["ingest", "--db", url, str(SEEDS)]).exit_code == 0
    return url


def test_end_to_end_with_the_real_extractor(articles, seeded):
    (articles / "unsourced.txt").write_text("Kursk\n\nOnly 2,000 North Korean troops are in Kursk.\n")
    expected = {**{name: (FIGURES[key].quote.split()[-1], EXPECTED[name]) for name, key in SENTENCE.items()},
                "unsourced.txt": ("2,000", Verdict.outlier)}
    result = CliRunner().invoke(app, ["check", "--db", seeded, "--format", "json", *[str(articles / n) for n in expected]])
    report = {name.rsplit("/", 1)[-1]: CheckResult.model_validate(r) for name, r in json.loads(result.stdout).items()}
    for name, (number, verdict) in expected.items():
        assert [f.verdict for f in report[name].figures if number in f.claim.quote] == [verdict], name
    assert result.exit_code == 1


def test_naming_every_verdict_fails_every_figure(articles, gold_url, fake_extractor):
    result = run("--db", gold_url, "--format", "junit", "--fail-on", ",".join(v.value for v in Verdict),
                 *[str(articles / n) for n in ARTICLES])
    assert result.exit_code == 1 and 'failures="4"' in result.stdout


def test_docs_job_is_valid_yaml_that_checks_the_changed_articles():
    import yaml

    doc = (ROOT / "docs" / "check.md").read_text(encoding="utf-8")
    workflow = yaml.safe_load(doc.split("```yaml\n", 1)[1].split("```", 1)[0])
    steps = workflow["jobs"]["tally-check"]["steps"]
    assert steps[0] == {"uses": "actions/checkout@v4", "with": {"fetch-depth": 0}}
    script = " ".join(steps[-1]["run"].replace("\\\n", " ").split())
    assert "git diff --name-only --diff-filter=d origin/${{ github.base_ref }}... -- '*.md' '*.txt' '*.html'" in script
    assert ('tally check --format github --api "$TALLY_API" --api-key "$TALLY_KEY" --fail-on outlier,unattributed '
            '$files') in script


def test_docs_table_lists_every_option_of_the_command():
    doc = (ROOT / "docs" / "check.md").read_text(encoding="utf-8")
    options = [o for p in typer.main.get_command(app).commands["check"].params for o in p.opts if o.startswith("--")]
    assert options and [o for o in options if f"| `{o}" not in doc] == []
