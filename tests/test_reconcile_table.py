"""Table tests of the reconciler: input claims -> expected intervals, disagreements, views and verdicts.

Every case is invented here (multi-source situations the seeds and the dev set do not isolate).
"""
import pytest

from schemas import ArticleRead, Claim, ClaimRead
from schemas.enums import DisagreementType as T
from schemas.enums import Verdict
from service.reconcile import compare, interval_of, judge, topic_view
from service.reconcile.rates import load_rates

_BOUNDS = {"exact": (1, 1), "approximately": (0.9, 1.1), "at_least": (1, None), "more_than": (1, None),
           "up_to": (None, 1), "less_than": (None, 1), "at_most": (None, 1), "additional": (1, 1)}


def claim(cid, value=None, *, q="exact", low=None, high=None, src="Pentagon", art=None, as_of=None, unit="person",
          kind="personnel", subject="North Korean troops", topic="t", stated=None, casualty=None) -> ClaimRead:
    """A claim read from article `art` (default: its own); `low`/`high` default from the qualifier."""
    if value is not None and low is None and high is None and q in _BOUNDS:
        lo, hi = _BOUNDS[q]
        low = None if lo is None else value * lo
        high = None if hi is None else value * hi
    return ClaimRead(id=cid, article_id=art or f"art-{cid}", kind=kind, casualty_type=casualty, value=value, low=low,
                     high=high, qualifier=q, unit=unit, subject=subject, attribution=src, as_of=as_of, topic=topic,
                     span=[0, 1], quote=str(value), stated=stated or {})


# ------------------------------------------------------------------ intervals

INTERVALS = [  # (claim, expected comparable interval)
    ("round 10,000 carries ±500", claim("a", 10000), (9500, 10500)),
    ("10,300 carries ±50", claim("a", 10300), (10250, 10350)),
    ("100 carries ±5", claim("a", 100), (95, 105)),
    ("17 is as precise as written", claim("a", 17), (17, 17)),
    ("approximately keeps its ±10%", claim("a", 10000, q="approximately"), (9000, 11000)),
    ("at least is open above", claim("a", 3000, q="at_least"), (3000, None)),
    ("acres in hectares", claim("a", 61000, q="approximately", unit="acre", kind="measure"), (22217.24, 27154.41)),
    ("four-month (stated 4 month) is 121.75 days, no rounding", claim("a", 121.75, unit="day", kind="duration",
                                                                      stated={"value": 4, "unit": "month"}), (121.75, 121.75)),
]


@pytest.mark.parametrize("c,expected", [(c, e) for _, c, e in INTERVALS], ids=[i for i, _, _ in INTERVALS])
def test_interval_of(c, expected):
    unit = "hectare" if c.unit == "acre" else None
    got = interval_of(c, unit=unit)
    assert got == pytest.approx(expected, rel=1e-4) if None not in expected else got == expected


def test_money_in_another_currency_needs_a_rate():
    won = claim("w", 4.9e9, unit="KRW", kind="money", as_of="2025-11-11")
    assert interval_of(won, unit="USD", tolerance=False) == pytest.approx((3402777.8, 3402777.8))
    with pytest.raises(ValueError):
        interval_of(claim("r", 500000, unit="RUB", kind="money"), unit="USD")


# ------------------------------------------------------------------ pairs

PAIRS = [  # (a, b, expected type or None)
    ("rounding only: 10,000 vs 10,300, two sources", claim("a", 10000), claim("b", 10300, src="NIS"), None),
    ("100 vs 300 conflict", claim("a", 100), claim("b", 300, src="NIS"), T.contradiction),
    ("a source revises its own figure", claim("a", 290, as_of="2025-03-02"),
     claim("b", 458, as_of="2025-03-03"), T.revision),
    ("undated older figure of the same source: a revision, not a contradiction",
     claim("a", 4, unit="percent", kind="percentage"),
     claim("b", 6.5, unit="percent", kind="percentage", as_of="2025-06-12"), T.revision),
    ("two sources, same day", claim("a", 1150, as_of="2025-03-03"), claim("b", 2013, src="WHO", as_of="2025-03-03"),
     T.contradiction),
    ("two sources, a month apart, rising", claim("a", 7640, as_of="2025-02-12"),
     claim("b", 8610, src="UNMK", as_of="2025-08-26"), T.change_over_time),
    ("two sources, a month apart, falling", claim("a", 340, as_of="2025-01-08"),
     claim("b", 126, src="Defence Ministry", as_of="2025-02-10"), T.contradiction),
    ("one article, its own voice vs a source", claim("a", 10000, q="up_to", src="article", art="x"),
     claim("b", None, q="range", low=11000, high=12000, src="intelligence agencies", art="x"), T.internal),
    ("one article, two named sources: the article reports a dispute", claim("a", 25000, art="x", src="union"),
     claim("b", None, q="range", low=8000, high=9000, art="x", src="police"), T.contradiction),
    ("a regiment's losses next to the whole contingent's", claim("a", 9, kind="casualties", casualty="killed",
                                                                 subject="soldiers of the 528th Regiment"),
     claim("b", 600, kind="casualties", casualty="killed", src="NIS", subject="North Korean soldiers"), T.scope),
    ("vague thousands vs 25,000: no order of magnitude", claim("a", None, q="vague", low=2000, high=9999),
     claim("b", 25000, src="union"), None),
    ("vague thousands vs 200,000: an order of magnitude", claim("a", None, q="vague", low=2000, high=9999),
     claim("b", 200000, src="union"), T.contradiction),
    ("won and dollars agree at the dated rate", claim("a", 4.9e9, unit="KRW", kind="money", as_of="2025-11-11"),
     claim("b", 3.4e6, q="approximately", unit="USD", kind="money", src="coastguard", as_of="2025-11-11"), None),
    ("euros and dollars disagree at the dated rate", claim("a", 86e6, unit="EUR", kind="money", as_of="2025-05-08"),
     claim("b", 125e6, unit="USD", kind="money", src="Dravik", as_of="2025-05-09"), T.contradiction),
    ("roubles and dollars: no rate, no comparison", claim("a", 5e5, unit="RUB", kind="money"),
     claim("b", 1e6, unit="USD", kind="money", src="Y"), None),
]


@pytest.mark.parametrize("a,b,expected", [(a, b, e) for _, a, b, e in PAIRS], ids=[i for i, *_ in PAIRS])
def test_compare(a, b, expected):
    d = compare(a, b, unit=b.unit if a.unit in ("KRW", "EUR", "RUB") else None)
    assert (d.type if d else None) == expected
    if d:
        assert {d.a, d.b} == {a.id, b.id} and d.explanation and d.gap >= 0


def test_explanation_reads_as_one_line():
    d = compare(claim("a", 10000, q="approximately", as_of="2024-10-28"),
                claim("b", None, q="range", low=12000, high=13000, src="international intelligence agencies"))
    assert d.explanation == ("Pentagon (~10,000, 2024-10-28) vs international intelligence agencies "
                             "(12,000–13,000, undated): 9% apart")
    assert d.gap == pytest.approx(0.0909, abs=1e-4)


# ------------------------------------------------------------------ views

def test_the_same_wire_figure_in_five_outlets_is_one_source():
    claims = [claim(f"c{i}", 10000, q="approximately", art=f"outlet-{i}", as_of="2024-10-28") for i in range(5)]
    articles = {f"outlet-{i}": ArticleRead(id=f"outlet-{i}", outlet=f"Outlet {i}") for i in range(5)}
    view = topic_view("t", claims, articles=articles)
    assert (view.n_claims, view.n_articles, view.n_sources) == (5, 5, 1)
    assert view.disagreements == [] and view.consensus is None
    assert view.sources[0].article_ids == [f"outlet-{i}" for i in range(5)]


def test_a_trend_over_months_is_change_over_time_step_by_step():
    series = [("UNHCR", 38000, "2025-01-14"), ("IOM", 52000, "2025-02-14"), ("UNHCR", 70000, "2025-03-14"),
              ("government", 96000, "2025-04-14")]
    claims = [claim(f"c{i}", v, src=s, as_of=d) for i, (s, v, d) in enumerate(series)]
    view = topic_view("t", claims)
    assert {(d.type, d.a, d.b) for d in view.disagreements} == {
        (T.revision, "c0", "c2"), (T.change_over_time, "c0", "c1"), (T.change_over_time, "c1", "c2"),
        (T.change_over_time, "c2", "c3")}  # adjacent steps only: no c0 -> c3
    assert [p.claim_id for p in view.timeline] == ["c0", "c1", "c2", "c3"] and view.latest.id == "c3"


def test_additional_is_added_to_the_same_sources_earlier_total():
    claims = [claim("over", 10000, q="more_than", src="NIS", as_of="2024-autumn"),
              claim("more", 3000, q="additional", src="NIS", as_of="2025-winter"),
              claim("least", 3000, q="at_least", src="NATO"),
              claim("lone", 1200, q="additional", src="UNMK")]  # no earlier total: never compared, not in range
    view = topic_view("t", claims)
    assert (view.range.low, view.range.high) == (3000, 13000)
    assert view.disagreements == []
    point = next(p for p in view.timeline if p.claim_id == "more")
    assert (point.low, point.high, point.value) == (13000, None, 13000)


def test_consensus_is_the_median_of_each_sources_latest():
    claims = [claim("p1", 9000, src="Pentagon", as_of="2024-10-01"), claim("p2", 12000, src="Pentagon", as_of="2024-12-01"),
              claim("n", 11000, src="NIS"), claim("u", 13000, src="HUR")]
    view = topic_view("t", claims)
    assert (view.consensus.value, view.consensus.low, view.consensus.high, view.consensus.n_sources) == (12000, 11500, 12500, 3)
    assert [s.latest.id for s in view.sources if s.name == "Pentagon"] == ["p2"]


def test_disagreements_are_sorted_most_severe_first():
    claims = [claim("a", 290, src="Ministry", as_of="2025-03-02"), claim("b", 458, src="Ministry", as_of="2025-03-03"),
              claim("c", 1000, src="Red Crescent", as_of="2025-03-03")]
    types = [d.type for d in topic_view("t", claims).disagreements]
    assert types == [T.contradiction, T.contradiction, T.revision]


def test_sources_are_canonicalised():
    claims = [claim("a", 10000, src="NIS"), claim("b", 10000, src="South Korea's spy agency"),
              claim("c", 10000, src="Seoul's National Intelligence Service")]
    view = topic_view("t", claims)
    assert [s.name for s in view.sources] == ["South Korea National Intelligence Service"] and view.n_sources == 1


SCOPE_ACROSS = [  # (regiment's figure, army's figure, scope flagged?)
    ("a regiment's 9 inside the army's 600: a consistent part", 9, 600, False),
    ("a regiment's 700 above the army's 600: a part larger than the whole", 700, 600, True),
]


@pytest.mark.parametrize("part,whole,flagged", [r[1:] for r in SCOPE_ACROSS], ids=[r[0] for r in SCOPE_ACROSS])
def test_scope_across_topics_of_one_family(part, whole, flagged):
    regiment = claim("r", part, kind="casualties", casualty="killed", src="Kim Jong Un", topic="dprk-528th-regiment-killed")
    army = claim("a", whole, kind="casualties", casualty="killed", src="NIS", topic="dprk-killed-in-russia")
    view = topic_view("dprk-killed-in-russia", [army, regiment])
    assert view.n_claims == 1
    assert [(d.type, d.a, d.b) for d in view.disagreements] == ([(T.scope, "a", "r")] if flagged else [])


# ------------------------------------------------------------------ verdicts

def _new(value, *, q="exact", src="Reuters source", as_of="2024-10-28", unit="person", kind="personnel", low=None, high=None):
    c = claim("new", value, q=q, src=src, as_of=as_of, unit=unit, kind=kind, low=low, high=high)
    return Claim(**c.model_dump(exclude={"id", "article_id", "extractor_version"}))


@pytest.fixture(scope="module")
def troop_view():
    claims = [claim("p", 10000, q="approximately", src="Pentagon", as_of="2024-10-28"),
              claim("n", 11000, src="NIS", as_of="2024-10-28"), claim("u", 12000, q="up_to", src="HUR", as_of="2024-10-28")]
    return topic_view("t", claims)


VERDICTS = [  # (new claim, verdict, sources it disagrees with)
    ("inside the consensus", _new(11000), Verdict.consistent, []),
    ("far above every source of its period", _new(30000), Verdict.outlier,
     ["Pentagon", "South Korea National Intelligence Service", "Ukrainian intelligence"]),
    ("the first figure of a later period", _new(30000, as_of="2025-06-01"), Verdict.novel, []),
    ("no source on a topic where others name theirs", _new(11000, src="article"), Verdict.unattributed, []),
    ("no source, and far off: an outlier first", _new(30000, src="article"), Verdict.outlier,
     ["Pentagon", "South Korea National Intelligence Service", "Ukrainian intelligence"]),
]


@pytest.mark.parametrize("new,verdict,against", [r[1:] for r in VERDICTS], ids=[r[0] for r in VERDICTS])
def test_judge(troop_view, new, verdict, against):
    got, reason, disagrees_with = judge(new, troop_view)
    assert (got, disagrees_with) == (verdict, against) and reason


def test_judge_without_a_topic_is_novel():
    assert judge(_new(5), None)[0] is Verdict.novel


def test_rate_table_says_which_rate_it_used():
    f, note = load_rates().converter("KRW", "USD", None)
    assert note == "1,440 KRW/USD (2025-11)" and f(1440) == pytest.approx(1.0)


def test_views_take_extra_alias_files(tmp_path):
    """TALLY_SOURCE_ALIASES: an extra file merges two names the shipped table keeps apart."""
    extra = tmp_path / "aliases.yaml"
    extra.write_text("sources:\n  Tavrin Health Ministry:\n    - Health Ministry of Tavrin\n", encoding="utf-8")
    claims = [claim("a", 290, src="Tavrin Health Ministry"), claim("b", 290, src="Health Ministry of Tavrin")]
    assert topic_view("t", claims).n_sources == 2
    assert topic_view("t", claims, aliases=extra).n_sources == 1
