"""Readers: every supported format gives the article it should, and every bad file gives one clear reason."""
import json
from pathlib import Path

import pytest

from schemas import ArticleCreate
from service.ingest.readers import read_paths
from tests.conftest import DEV, SEEDS

PAGE = """<html lang="en"><head><title>Quake kills 300 | Meridian Wire</title>
<meta property="og:site_name" content="Meridian Wire"><meta name="date" content="2025-03-03">
<link rel="canonical" href="https://example.org/quake"></head><body><nav>Home | World | Sport | Weather</nav>
<article><h1>Quake kills at least 300</h1>
<p>At least 300 people were killed when an earthquake struck Tavrin on Monday, the Health Ministry said.
Rescuers were digging through rubble in 40 villages.</p>
<p>The ministry said 1,200 people were injured and about 15,000 were left homeless.</p></article>
<footer>Copyright 2025 Meridian Wire. All rights reserved.</footer></body></html>"""


def read(*paths: Path, **kw) -> list[tuple[str, ArticleCreate | Exception]]:
    return list(read_paths(list(paths), **kw))


def only(path: Path, **kw) -> ArticleCreate | Exception:
    [(name, result)] = read(path, **kw)
    assert name.startswith(str(path))
    return result


def test_seed_folder_reads_five_articles_with_their_metadata_and_skips_gold():
    docs = read(SEEDS)
    assert [Path(n).name for n, _ in docs] == sorted(p.name for p in SEEDS.glob("*.txt"))
    meta = {json.loads(line)["id"]: json.loads(line) for line in (SEEDS / "articles.jsonl").read_text().splitlines()}
    for name, art in docs:
        m = meta[Path(name).name]
        text = (SEEDS / m["id"]).read_text(encoding="utf-8")
        title = m["title"] or text.strip().split("\n", 1)[0][:1000]
        assert (art.source_id, art.title, art.outlet, art.published) == (m["id"], title, m["outlet"], m["published"])
        assert art.text == text


def test_dev_metadata_is_matched_by_file_stem():
    docs = dict(read(DEV))
    art = docs[str(DEV / "dev-001.txt")]
    assert (art.source_id, art.outlet, art.published) == ("dev-001", "Meridian Wire", "2025-03-03")


def test_txt_title_is_the_first_line(tmp_path):
    (tmp_path / "a.txt").write_text("\n  Floods displace 2,000  \nBody with 2,000 families.\n")
    art = only(tmp_path / "a.txt")
    assert (art.title, art.source_id, art.published) == ("Floods displace 2,000", "a.txt", None)


def test_markdown_front_matter_sets_metadata_and_is_not_text(tmp_path):
    path = tmp_path / "story.md"
    path.write_text("---\ntitle: Budget 2026\npublished: 2025-10-02\noutlet: Harbour Times\n"
                    "url: https://example.org/b\nauthor: ignored\n---\n# Spending plans\n\nThe plan costs $40 million.\n")
    art = only(path)
    assert (art.title, art.published, art.outlet, art.url) == ("Budget 2026", "2025-10-02", "Harbour Times",
                                                               "https://example.org/b")
    assert art.text == "# Spending plans\n\nThe plan costs $40 million.\n"


def test_markdown_title_without_front_matter_drops_the_hashes(tmp_path):
    (tmp_path / "s.md").write_text("## Strike at Velm port\n\n3,000 workers walked out.")
    assert only(tmp_path / "s.md").title == "Strike at Velm port"


def test_partial_dates_in_front_matter_are_kept_as_written(tmp_path):
    (tmp_path / "p.txt").write_text("---\npublished: 2024-10\n---\nTitle\n10 troops.")
    (tmp_path / "y.txt").write_text("---\npublished: 2024\n---\nTitle\n11 troops.")
    assert [a.published for _, a in read(tmp_path / "p.txt", tmp_path / "y.txt")] == ["2024-10", "2024"]


def test_html_main_text_and_metadata_come_from_trafilatura(tmp_path):
    (tmp_path / "quake.html").write_text(PAGE)
    art = only(tmp_path / "quake.html")
    assert "At least 300 people were killed" in art.text and "1,200 people were injured" in art.text
    assert "Home | World" not in art.text and "All rights reserved" not in art.text
    assert (art.title, art.outlet, art.published, art.url) == ("Quake kills at least 300", "Meridian Wire",
                                                               "2025-03-03", "https://example.org/quake")


def test_jsonl_records_one_article_a_line_with_their_fields(tmp_path):
    rec = {"id": "r1", "url": "https://e.org/1", "title": "T1", "outlet": "O", "published": "2025-01-02",
           "language": "fr", "text": "Il y a 12 blessés.", "genre": "news"}
    path = tmp_path / "dump.jsonl"
    path.write_text(json.dumps(rec) + "\n\n" + json.dumps({**rec, "id": "r2", "text": "Second, 13."}) + "\n")
    docs = read(path)
    assert [n for n, _ in docs] == [f"{path}:1", f"{path}:3"]
    first = docs[0][1]
    assert (first.source_id, first.url, first.title, first.outlet, first.published, first.language, first.text) == (
        "r1", "https://e.org/1", "T1", "O", "2025-01-02", "fr", "Il y a 12 blessés.")


def test_json_file_holds_one_record_or_a_list(tmp_path):
    (tmp_path / "one.json").write_text(json.dumps({"id": 7, "text": "Seven, 7."}))
    (tmp_path / "many.json").write_text(json.dumps([{"text": "A 1."}, {"text": "B 2."}]))
    assert only(tmp_path / "one.json").source_id == "7"
    assert [n for n, _ in read(tmp_path / "many.json")] == [f"{tmp_path / 'many.json'}[0]",
                                                             f"{tmp_path / 'many.json'}[1]"]


def test_folder_is_walked_recursively_in_order_skipping_other_files(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "z.txt").write_text("Z\n1.")
    (tmp_path / "b" / "a.txt").write_text("A\n2.")
    (tmp_path / ".hidden" / "h.txt").write_text("H\n3.")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\x00")
    (tmp_path / "notes.jsonl").write_text('{"quote": "not an article"}\n')
    assert [Path(n).relative_to(tmp_path).as_posix() for n, _ in read(tmp_path)] == ["z.txt", "b/a.txt"]


@pytest.mark.parametrize("name, content, reason", [
    ("junk.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
    ("empty.txt", b"", "empty file"),
    ("blank.md", b" \n\t\n", "empty file"),
    ("latin1.txt", "Caf\xe9 owners said 30 shops closed.".encode("latin-1"), "not UTF-8 text (byte 0xe9 at offset 3)"),
    ("date.md", b"---\npublished: last Tuesday\n---\nTitle\n40 dead.", "published: 'last Tuesday' is not an ISO date"),
    ("month.md", b"---\npublished: 2024-13-01\n---\nTitle\n40 dead.", "published: '2024-13-01' is not an ISO date"),
    ("yaml.md", b"---\ntitle: [unclosed\n---\nTitle\n40 dead.", "front matter is not valid YAML"),
    ("list.md", b"---\n- a\n- b\n---\nTitle\n40 dead.", "front matter is not a mapping"),
    ("only-front.md", b"---\ntitle: x\n---\n\n", "no text after the front matter"),
    ("page.html", b"<html><body><script>var x = 1;</script></body></html>", "no main text found in the HTML"),
    ("bad.json", b'{"text": "unterminated', "not JSON"),
    ("notext.json", b'{"title": "no text here"}', "record has no `text`"),
    ("scalar.json", b"[42]", "a record must be a JSON object"),
    ("scan.pdf", b"%PDF-1.4", "unsupported file type .pdf"),
])
def test_unreadable_file_gives_its_reason(tmp_path, name, content, reason):
    (tmp_path / name).write_bytes(content)
    result = only(tmp_path / name)
    assert isinstance(result, ValueError) and reason in str(result), result


def test_file_over_the_size_limit_is_refused_without_being_read(tmp_path, monkeypatch):
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:
        fh.truncate(50_000_000)  # sparse: 50 MB on paper
    with monkeypatch.context() as m:
        m.setattr(Path, "read_bytes", lambda self: pytest.fail("an oversized file was read"))
        result = only(path)
    assert isinstance(result, ValueError)
    assert str(result) == "file is 50.0 MB, over the 10 MB limit (--max-bytes)"
    assert str(only(DEV / "dev-001.txt", max_bytes=100)).endswith("over the 0.0001 MB limit (--max-bytes)")


def test_bad_jsonl_lines_fail_alone_and_the_rest_is_read(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(b'{"text": "One 1."}\nnot json\n{"text": "Two 2.", "published": "soon"}\n\xff\xfe\n'
                     b'{"text": "Three 3."}\n')
    results = read(path)
    assert [n.rsplit(":", 1)[1] for n, _ in results] == ["1", "2", "3", "4", "5"]
    ok = [a.text for _, a in results if isinstance(a, ArticleCreate)]
    assert ok == ["One 1.", "Three 3."]
    reasons = [str(a) for _, a in results if isinstance(a, Exception)]
    assert reasons[0].startswith("not JSON") and "'soon' is not an ISO date" in reasons[1]
    assert reasons[2].startswith("not UTF-8")


def test_broken_folder_metadata_is_reported_once_and_texts_are_still_read(tmp_path):
    (tmp_path / "articles.jsonl").write_text('{"id": "a.txt", "title": "ok"}\n{broken\n')
    (tmp_path / "a.txt").write_text("A\n1.")
    (tmp_path / "b.txt").write_text("B\n2.")
    results = read(tmp_path)
    assert [Path(n).name for n, _ in results] == ["articles.jsonl", "a.txt", "b.txt"]
    assert "articles.jsonl:2: not JSON" in str(results[0][1])
    assert [a.title for _, a in results[1:]] == ["A", "B"]


def test_metadata_line_that_is_not_an_object_is_reported(tmp_path):
    (tmp_path / "articles.jsonl").write_text('[1, 2]\n')
    (tmp_path / "a.txt").write_text("A\n1.")
    [(meta_name, meta_error), (_, art)] = read(tmp_path)
    assert str(meta_error).endswith("articles.jsonl:1: a record must be a JSON object, not list")
    assert art.title == "A"


def test_missing_path_is_a_failure_not_a_crash(tmp_path):
    assert str(only(tmp_path / "nope.txt")) == "no such file or folder"
