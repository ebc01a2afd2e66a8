"""Each report format parsed back: one hand-built report, one figure per verdict, nothing else needed.

SARIF is validated against tests/data/sarif-2.1.0-trimmed.schema.json: the OASIS 2.1.0 definitions of the
objects Tally writes, vendored because tests cannot download the full schema.
"""
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from schemas import CheckResult, Claim, Consensus, FigureVerdict, Verdict
from service.check import FileReport
from service.check.formats import RENDERERS, github, text
from service.check.locate import position

SARIF_SCHEMA = Path(__file__).parent / "data" / "sarif-2.1.0-trimmed.schema.json"
RAW = """---
title: Troops
---
# Troops

Moscow has only 2,000 North Korean troops there, a Russian official said.
North Korea sent around 11,000 troops, according to South Korean intelligence.
Others say 11,000 troops went. It also sent 50 tanks.
"""
BODY = RAW.split("---\n", 2)[2]
CONSENSUS = Consensus(value=10750, low=10000, high=11875, n_sources=6)
# quote, occurrence in BODY, verdict, (line, col) in RAW, disagrees with
ROWS = [
    ("2,000", 0, Verdict.outlier, (6, 17), ["Pentagon", "international intelligence agencies"]),
    ("around 11,000", 0, Verdict.consistent, (7, 18), []),
    ("11,000", 1, Verdict.unattributed, (8, 12), []),
    ("50", 0, Verdict.novel, (8, 45), []),
]


def _figure(quote: str, nth: int, verdict: Verdict, disagrees_with: list[str]) -> FigureVerdict:
    start = -1
    for _ in range(nth + 1):
        start = BODY.index(quote, start + 1)
    claim = Claim(kind="personnel", unit="person", value=1, low=1, high=1, span=[start, start + len(quote)],
                  quote=quote, topic="dprk-troops-in-russia" if verdict is not Verdict.novel else "dprk-tanks-in-russia")
    return FigureVerdict(claim=claim, verdict=verdict, topic=claim.topic, disagrees_with=disagrees_with,
                         consensus=None if verdict is Verdict.novel else CONSENSUS, reason=f"because {verdict.value}")


@pytest.fixture
def reports() -> list[FileReport]:
    figures = [_figure(q, n, v, d) for q, n, v, _, d in ROWS]
    result = CheckResult(figures=figures, counts={v.value: 1 for v in Verdict})
    return [FileReport(path="news/troops.md", result=result,
                       positions=[position(RAW, BODY, f.claim.span) for f in figures])]


def test_positions_are_lines_and_columns_of_the_file_as_written(reports):
    assert [(p.line, p.col) for p in reports[0].positions] == [pos for _, _, _, pos, _ in ROWS]
    assert all(RAW.splitlines()[p.line - 1][p.col - 1:p.end_col - 1] == f.claim.quote
               for f, p in reports[0].located())


@pytest.mark.parametrize("raw, text, quote, expected", [
    ("a 5 b\n", "a 5 b\n", "5", (1, 3)),
    ("---\nn: 5\n---\nx 5\n", "x 5\n", "5", (4, 3)),
    ("<p>x</p>\n<p>nine men</p>", "x\nnine men", "nine", (2, 4)),
    ("5 and 5\n", "5 and 5", "5", (1, 1)),
    ("nothing here", "it says 7", "7", (1, 1)),
], ids=["plain", "front-matter", "html", "first-of-two", "lost"])
def test_position_maps_a_text_span_into_the_file(raw, text, quote, expected):
    start = text.index(quote)
    assert position(raw, text, [start, start + len(quote)])[:2] == expected


ANNOTATION = re.compile(r"^::(?P<cmd>error|warning|notice) file=(?P<file>[^,]+),line=(?P<line>\d+),col=(?P<col>\d+),"
                        r"endLine=\d+,endColumn=\d+,title=(?P<title>[^:]+)::(?P<msg>.*)$")


@pytest.mark.parametrize("fail_on, expected", [
    ({Verdict.outlier}, [("error", 6, 17, "outlier"), ("warning", 8, 12, "unattributed"), ("notice", 8, 45, "novel")]),
    ({Verdict.outlier, Verdict.unattributed},
     [("error", 6, 17, "outlier"), ("error", 8, 12, "unattributed"), ("notice", 8, 45, "novel")]),
    ({Verdict.novel}, [("error", 8, 45, "novel"), ("warning", 6, 17, "outlier"), ("warning", 8, 12, "unattributed")]),
], ids=["default", "outlier+unattributed", "novel"])
def test_github_annotations_failures_first_with_file_line_col(reports, fail_on, expected):
    lines = github.render(reports, frozenset(fail_on)).splitlines()
    found = [ANNOTATION.match(line) for line in lines[:-1]]
    assert [(m["cmd"], int(m["line"]), int(m["col"]), m["title"]) for m in found] == [
        (cmd, line, col, f"tally/{v}") for cmd, line, col, v in expected]
    assert {m["file"] for m in found} == {"news/troops.md"}
    assert lines[-1].startswith("tally check: 4 figures in 1 file")


def test_github_messages_are_escaped_onto_one_line(reports):
    f = reports[0].result.figures[0]
    reports[0].result.figures[0] = f.model_copy(update={"reason": "50% off\nthe consensus"})
    [first] = [line for line in github.render(reports, frozenset({Verdict.outlier})).splitlines() if "::error" in line]
    assert first.endswith('::"2,000" is outlier: 50%25 off%0Athe consensus '
                          '(topic dprk-troops-in-russia; consensus 10,750 (10,000–11,875, 6 sources))')


def test_github_step_summary_is_a_markdown_table_of_every_figure(reports):
    md = github.summary(reports, frozenset({Verdict.outlier}))
    rows = [[c.strip() for c in line.strip("|").split(" | ")] for line in md.splitlines() if line.startswith("| news/")]
    assert [(r[0], r[1], r[2], r[3]) for r in rows] == [
        ("news/troops.md", "6", "2,000", "**outlier**"), ("news/troops.md", "7", "around 11,000", "consistent"),
        ("news/troops.md", "8", "11,000", "unattributed"), ("news/troops.md", "8", "50", "novel")]
    assert rows[0][5] == "10,750 (10,000–11,875, 6 sources)"


@pytest.mark.parametrize("fail_on, failing", [
    ({Verdict.outlier}, ["outlier"]),
    ({Verdict.outlier, Verdict.unattributed}, ["outlier", "unattributed"]),
    (set(), []),
], ids=["default", "outlier+unattributed", "nothing"])
def test_junit_has_one_testcase_per_figure_and_a_failure_per_failing_verdict(reports, fail_on, failing):
    root = ET.fromstring(junit_xml := RENDERERS["junit"](reports, frozenset(fail_on)))
    assert junit_xml.startswith("<?xml")
    assert root.tag == "testsuites" and (root.get("tests"), root.get("failures")) == ("4", str(len(failing)))
    [suite] = root.findall("testsuite")
    assert (suite.get("name"), suite.get("tests"), suite.get("failures")) == ("news/troops.md", "4", str(len(failing)))
    cases = suite.findall("testcase")
    assert [c.get("line") for c in cases] == ["6", "7", "8", "8"]
    assert [c.find("failure").get("type") for c in cases if c.find("failure") is not None] == failing
    assert all((c.find("failure") is None) == (c.find("system-out") is not None) for c in cases)
    details = [el.text for case in cases for el in case if el.tag in ("failure", "system-out")]
    assert details[0].endswith("\nDisagrees with: Pentagon, international intelligence agencies")
    assert "Disagrees with" not in details[1]


def test_sarif_is_valid_2_1_0_with_a_stable_rule_per_verdict(reports):
    log = json.loads(RENDERERS["sarif"](reports, frozenset({Verdict.outlier})))
    jsonschema.validate(log, json.loads(SARIF_SCHEMA.read_text()))
    [run] = log["runs"]
    rules = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert rules == ["tally/outlier", "tally/unattributed", "tally/novel"]
    got = [(r["ruleId"], rules[r["ruleIndex"]], r["level"], r["locations"][0]["physicalLocation"]["region"]["startLine"],
            r["locations"][0]["physicalLocation"]["region"]["startColumn"],
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]) for r in run["results"]]
    assert got == [("tally/outlier", "tally/outlier", "error", 6, 17, "news/troops.md"),
                   ("tally/unattributed", "tally/unattributed", "warning", 8, 12, "news/troops.md"),
                   ("tally/novel", "tally/novel", "note", 8, 45, "news/troops.md")]


def test_sarif_rejects_what_the_schema_forbids():
    """The vendored schema is strict enough to catch a bad region."""
    bad = {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "tally"}}, "results": [
        {"message": {"text": "x"}, "locations": [{"physicalLocation": {
            "artifactLocation": {"uri": "a.md"}, "region": {"startLine": 0}}}]}]}]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, json.loads(SARIF_SCHEMA.read_text()))


def test_json_is_the_check_result_per_file(reports):
    parsed = json.loads(RENDERERS["json"](reports, frozenset({Verdict.outlier})))
    assert list(parsed) == ["news/troops.md"]
    assert CheckResult.model_validate(parsed["news/troops.md"]) == reports[0].result


@pytest.mark.parametrize("color", [False, True])
def test_text_is_a_table_with_colour_only_when_asked(reports, color):
    out = text.render(reports, frozenset({Verdict.outlier}), color=color)
    assert ("\x1b[" in out) is color
    for quote, _, verdict, (line, col), _ in ROWS:
        assert re.search(rf"news/troops\.md:{line}:{col}\s.*{re.escape(quote)}.*{verdict.value}",
                         re.sub(r"\x1b\[[0-9;]*m", "", out))
    assert "4 figures in 1 file: 1 consistent, 1 outlier, 1 novel, 1 unattributed; failed (fails on outlier)" in out
