"""The dashboard's pure parts: SVG marks, date ticks, text segmentation, sentences cut around their figure."""
from datetime import date

from schemas import ClaimRead, Rejected
from service.dashboard.charts import (Mark, Point, Row, date_number, interval_chart, interval_text, month_ticks,
                                      sparkline, timeline_chart)
from service.dashboard.pages import segments, sentence_parts, text_marks


def _mark(i, low, high, value=None, vague=False):
    return Mark(claim_id=f"c{i}", low=low, high=high, value=value, title=f"claim <{i}>", href=f"#claim-c{i}",
                vague=vague)


def _claim(**kw) -> ClaimRead:
    base = dict(id="c-1", article_id="a", kind="personnel", unit="person", span=[0, 1], quote="1")
    return ClaimRead(**{**base, **kw})


def test_interval_chart_draws_points_bars_and_arrows_for_open_ends():
    rows = [Row("A <b>", "#0072B2", [_mark(1, 10, 10), _mark(2, 5, 15, 10)]),
            Row("B", "#D55E00", [_mark(3, None, 12), _mark(4, 3, None), _mark(5, 2, 9, vague=True)])]
    svg = interval_chart(rows, consensus=(8, 10, 12), unit="person", label="test chart")
    assert svg.count('class="claim-mark"') == 5
    assert svg.count("<circle") == 1 and svg.count("<rect") == 4 + 1  # four bars, one consensus band
    assert svg.count("<polygon") == 2  # one arrow per open end
    assert "A &lt;b&gt;" in svg and "claim &lt;1&gt;" in svg and "<b>" not in svg
    assert 'viewBox="0 0 480 ' in svg and 'aria-label="test chart"' in svg


def test_a_claim_without_any_number_is_still_drawn_and_a_timeline_without_numbers_is_empty():
    svg = interval_chart([Row("A", "#000000", [_mark(1, None, None), _mark(2, 1, 2)])], consensus=None, unit="u",
                         label="x")
    assert svg.count('class="claim-mark"') == 2
    assert timeline_chart([Point(when=1000.0, mark=_mark(1, None, None), colour="#000000")], unit="u", label="x") == ""


def test_interval_text_and_dates():
    assert [interval_text(3000, None), interval_text(None, 12000), interval_text(9000, 11000), interval_text(5, 5)] \
        == ["≥ 3,000", "≤ 12,000", "9,000–11,000", "5"]
    assert date.fromordinal(date_number("2024-autumn")) == date(2024, 10, 15)
    assert date.fromordinal(date_number("2024-10")) == date(2024, 10, 15)
    assert date_number(None) is None
    ticks = month_ticks(date(2024, 10, 3).toordinal(), date(2025, 2, 1).toordinal())
    assert [date.fromordinal(t) for t in ticks] == [date(2024, m, 1) for m in (11, 12)] + [date(2025, 1, 1),
                                                                                          date(2025, 2, 1)]
    assert len(month_ticks(date(2020, 1, 1).toordinal(), date(2024, 1, 1).toordinal())) <= 5


def test_sparkline_of_one_value_is_a_dot():
    assert "<polyline" not in sparkline([3.0], label="x") and "<circle" in sparkline([3.0], label="x")
    assert sparkline([], label="x") == ""


def test_segments_mark_claims_mentions_and_refusals_without_overlap():
    text = "In 2024, 500 troops came; then 500 more. Page 3."
    c = _claim(span=[9, 19], quote="500 troops", mentions=[[31, 34]])
    refused = [Rejected(span=[3, 7], quote="2024", reason="date"), Rejected(span=[10, 13], quote="00 ", reason="x")]
    parts = segments(text, text_marks([c], refused))
    assert "".join(t for t, _ in parts) == text
    assert [(t, m.role) for t, m in parts if m] == [("2024", "rejected"), ("500 troops", "claim"), ("500", "mention")]


def test_sentence_is_cut_at_the_span_not_at_the_first_equal_number():
    text = "Intro. Of 10 units, 10 left. End."
    c = _claim(span=[20, 22], quote="10", sentence="Of 10 units, 10 left.")
    assert sentence_parts(c, text) == ("Of 10 units, ", "10", " left.")
    assert sentence_parts(c, None) == ("Of ", "10", " units, 10 left.")
