"""Topic views of the dev set (tests/data/dev, gold topics) against the Flag / Do-not-flag lines of
expected_topics.md. Claims are named `<article>:<quote>`; each row is one line of that page.
"""
import pytest

from schemas.enums import DisagreementType as T
from service.reconcile import conversions, topic_view
from tests.test_reconcile_seeds import DEV, gold_articles, gold_read_claims


@pytest.fixture(scope="module")
def dev():
    claims = gold_read_claims(DEV)
    articles = gold_articles(DEV)
    cache = {}

    def view(key, *related):
        if (key, related) not in cache:
            cache[key, related] = topic_view(key, [c for c in claims if c.topic == key], articles=articles,
                                             related=[c for c in claims if c.topic in related])
        return cache[key, related]
    return view


def _id(view, name):
    article, quote = name.split(":", 1)
    ids = [c.id for s in view.sources for c in s.claims if c.article_id == f"{article}.txt" and c.quote == quote]
    assert len(ids) == 1, f"{name} names {len(ids)} claims"
    return ids[0]


def _between(view, a, b):
    ia, ib = _id(view, a), _id(view, b)
    return [d for d in view.disagreements if {d.a, d.b} == {ia, ib}]


FLAG = [  # (topic, type, claim a, claim b): a disagreement of this type between the two claims
    ("tavrin-quake-killed", T.revision, "dev-002:290", "dev-002:458"),
    ("tavrin-quake-killed", T.change_over_time, "dev-002:458", "dev-003:521"),
    ("tavrin-quake-killed", T.change_over_time, "dev-003:521", "dev-004:604"),
    ("tavrin-quake-injured", T.contradiction, "dev-001:another 1,150", "dev-002:2,013"),
    ("tavrin-quake-homes-destroyed", T.contradiction, "dev-005:9,000", "dev-005:more than 11,000"),
    ("brackport-strikers", T.contradiction, "dev-006:Some 4,200", "dev-006:fewer than 3,000"),
    ("brackport-march-turnout", T.contradiction, "dev-007:25,000", "dev-007:around 8 to 9,000"),
    ("brackport-pay-offer", T.revision, "dev-009:4%", "dev-009:6.5%"),
    ("brackport-strike-duration", T.internal, "dev-010:17-day", "dev-010:16-day"),
    ("veltra-annual-savings", T.contradiction, "dev-011:€3bn", "dev-013:between €2.4bn and €2.8bn"),
    ("veltra-job-cuts-germany", T.contradiction, "dev-011:about 4,000", "dev-012:about 10k"),
    ("veltra-kessingen-strike-turnout", T.contradiction, "dev-014:Around 8,000", "dev-014:3,500"),
    ("orvania-refugees-in-dessaly", T.contradiction, "dev-017:fewer than 30,000", "dev-016:More than 38,000"),
    ("orvania-refugees-in-dessaly", T.contradiction, "dev-017:fewer than 30,000", "dev-017:70,000"),
    ("orvania-refugees-in-dessaly", T.scope, "dev-019:96,000", "dev-019:110,000"),
    ("valtoria-turnout", T.contradiction, "dev-022:58.2%", "dev-022:between 52% and 54%"),
    ("valtoria-turnout", T.contradiction, "dev-023:61.4%", "dev-024:55%"),
    ("valtoria-turnout", T.revision, "dev-022:between 52% and 54%", "dev-024:55%"),
    ("korvel-dam-repair-cost", T.contradiction, "dev-027:€86 million", "dev-027:$125 million"),
    ("sibanda-cholera-deaths", T.revision, "dev-031:37", "dev-032:31"),
    ("sibanda-cholera-deaths", T.revision, "dev-032:31", "dev-034:58"),
    ("sibanda-cholera-cases", T.change_over_time, "dev-031:1,240", "dev-032:2,100"),
    ("unmk-peacekeepers-killed-2025", T.change_over_time, "dev-038:14", "dev-039:17"),
    ("hlf-held-government-soldiers", T.revision, "dev-041:210", "dev-041:340"),
    ("hlf-held-government-soldiers", T.contradiction, "dev-042:126", "dev-041:340"),
    ("hlf-fighters-killed-or-wounded", T.contradiction, "dev-043:1,800", "dev-043:2,500 to 3,000"),
    ("cup-final-crush-injured", T.contradiction, "dev-047:37", "dev-047:52"),
    ("carrow-ridge-evacuees", T.internal, "dev-051:4,500", "dev-051:5,400"),
    ("carrow-ridge-evacuees", T.change_over_time, "dev-051:5,400", "dev-053:Around 9,000"),
    ("carrow-ridge-area", T.contradiction, "dev-052:21,400 hectares", "dev-052:14,000"),
    ("carrow-ridge-area", T.change_over_time, "dev-052:14,000", "dev-053:about 24,700 hectares"),
]


@pytest.mark.parametrize("topic,kind,a,b", FLAG, ids=[f"{t}:{k.value}:{a}~{b}" for t, k, a, b in FLAG])
def test_flagged(dev, topic, kind, a, b):
    view = dev(topic)
    found = _between(view, a, b)
    assert [d.type for d in found] == [kind]
    assert found[0].explanation and found[0].gap >= 0


NOT_CONTRADICTED = [  # (topic, claim a, claim b): never a contradiction or internal slip between them
    ("tavrin-quake-killed", "dev-001:at least 300", "dev-004:604"),
    ("tavrin-quake-killed", "dev-001:At least 312", "dev-003:521"),
    ("tavrin-quake-killed", "dev-002:290", "dev-001:At least 312"),
    ("tavrin-quake-killed", "dev-004:over 600", "dev-005:611"),
    ("tavrin-quake-injured", "dev-001:another 1,150", "dev-002:1,150"),
    ("tavrin-quake-missing", "dev-001:87", "dev-003:as many as 150"),
    ("brackport-strikers", "dev-006:fewer than 3,000", "dev-010:fewer than 3,000"),
    ("brackport-march-turnout", "dev-007:25,000", "dev-007:at least 20,000"),
    ("brackport-march-turnout", "dev-007:Thousands", "dev-007:25,000"),
    ("veltra-job-cuts", "dev-011:up to 9,500", "dev-015:nearly 10,000"),
    ("veltra-job-cuts-germany", "dev-011:about 4,000", "dev-012:4,000"),
    ("european-carmaker-job-cuts", "dev-015:upwards of 40,000", "dev-015:a further 12,000"),
    ("orvania-refugees-in-dessaly", "dev-016:More than 38,000", "dev-016:52,000"),
    ("orvania-refugees-in-dessaly", "dev-019:About 5,000 more", "dev-020:101,300"),
    ("istrel-camp-population", "dev-017:18,700", "dev-018:18,700"),
    ("valtoria-turnout", "dev-022:58.2%", "dev-023:58.2%"),
    ("valtoria-turnout", "dev-023:61.4%", "dev-025:61.4%"),
    ("korvel-reservoir-drawdown", "dev-026:6 metres", "dev-029:9 metres"),
    ("korvel-dam-repair-cost", "dev-030:could reach €140m", "dev-027:€86 million"),
    ("korvel-dam-repair-cost", "dev-027:$125 million", "dev-030:$125 million"),
    ("korvel-dam-repair-cost", "dev-030:about $9 million more", "dev-030:$125 million"),
    ("korvel-dam-damage-estimate", "dev-028:$104 million", "dev-028:about €92 million"),
    ("sibanda-cholera-cases", "dev-032:2,100", "dev-034:approaching 4,000"),
    ("sibanda-cholera-deaths", "dev-035:37", "dev-034:58"),
    ("sibanda-cholera-deaths", "dev-035:31", "dev-035:more than 60"),
    ("sibanda-cholera-deaths", "dev-035:as many as 120", "dev-034:58"),
    ("sibanda-people-vaccinated", "dev-034:140,000", "dev-034:another 160,000"),
    ("unmk-troop-ceiling", "dev-036:9,500", "dev-040:9,500"),
    ("unmk-personnel", "dev-036:7,640", "dev-039:8,610"),
    ("unmk-personnel", "dev-037:about 8,800", "dev-039:8,610"),
    ("unmk-personnel", "dev-037:An additional 1,200", "dev-036:7,640"),
    ("ardeval-ceasefire-duration", "dev-041:72-hour", "dev-043:another 30 days"),
    ("cup-final-attendance", "dev-046:64,312", "dev-049:around 60 to 65,000"),
    ("harrowfield-stadium-capacity", "dev-046:62,000", "dev-050:62,000"),
    ("carrow-ridge-area", "dev-053:approximately 61,000 acres", "dev-053:about 24,700 hectares"),
    ("carrow-ridge-area", "dev-054:26,300 hectares", "dev-054:roughly 65,000 acres"),
    ("carrow-ridge-homes-destroyed", "dev-052:At least 63", "dev-054:148 homes"),
    ("orla-dawn-hostages", "dev-056:21 crew", "dev-058:21 crew"),
    ("orla-dawn-ransom-paid", "dev-058:between $3.2 million and $3.5 million", "dev-059:₩4.9 billion"),
    ("orla-dawn-ransom-paid", "dev-059:₩4.9 billion", "dev-059:about $3.4 million"),
    ("orla-dawn-compensation-promised-per-sailor", "dev-058:500,000 rubles", "dev-060:500,000"),
]


@pytest.mark.parametrize("topic,a,b", NOT_CONTRADICTED, ids=[f"{t}:{a}~{b}" for t, a, b in NOT_CONTRADICTED])
def test_not_contradicted(dev, topic, a, b):
    found = _between(dev(topic), a, b)
    assert not [d for d in found if d.type in (T.contradiction, T.internal)], found


QUIET = ["tavrin-quake-missing", "veltra-job-cuts", "european-carmaker-job-cuts", "istrel-camp-population",
         "korvel-dam-damage-estimate", "sibanda-people-vaccinated", "unmk-troop-ceiling", "ardeval-ceasefire-duration",
         "cup-final-attendance", "harrowfield-stadium-capacity", "carrow-ridge-homes-destroyed", "orla-dawn-hostages",
         "orla-dawn-russian-crew", "orla-dawn-ransom-paid", "orla-dawn-compensation-promised-per-sailor",
         "brackport-union-members"]


@pytest.mark.parametrize("topic", QUIET)
def test_topics_without_any_disagreement(dev, topic):
    assert dev(topic).disagreements == []


RANGES = [  # (topic, low, high, unit) as expected_topics.md gives them, converted where it says so
    ("tavrin-quake-killed", 290, 611, "person"),
    ("brackport-strikers", 3000, 4620, "person"),
    ("veltra-job-cuts", 9000, 10000, "job"),
    ("european-carmaker-job-cuts", 40000, 52000, "job"),
    ("orvania-refugees-in-dessaly", 30000, 110000, "person"),
    ("korvel-dam-repair-cost", 97.18e6, 158.2e6, "USD"),
    ("korvel-dam-damage-estimate", 93.56e6, 114.36e6, "USD"),
    ("sibanda-people-vaccinated", 140000, 300000, "person"),
    ("unmk-personnel", 7640, 9680, "person"),
    ("ardeval-ceasefire-duration", 3, 33, "day"),
    ("carrow-ridge-evacuees", 4500, 9900, "person"),
    ("carrow-ridge-area", 10800, 28935, "hectare"),
    ("orla-dawn-ransom-paid", 3.06e6, 3.74e6, "USD"),
]


@pytest.mark.parametrize("topic,low,high,unit", RANGES, ids=[r[0] for r in RANGES])
def test_range(dev, topic, low, high, unit):
    view = dev(topic)
    assert view.unit == unit
    assert view.range.low == pytest.approx(low, rel=1e-3) and view.range.high == pytest.approx(high, rel=1e-3)


def test_conversions_say_which_rate_they_used(dev):
    d = _between(dev("korvel-dam-repair-cost"), "dev-027:€86 million", "dev-027:$125 million")[0]
    assert "EUR/USD (2025-05)" in d.explanation and d.gap == pytest.approx(0.286, abs=1e-3)


def test_one_source_quoted_in_two_articles_counts_once(dev):
    """Veltra's 4,000 relayed by the union chairman is Veltra's: two sources, not three."""
    assert dev("veltra-job-cuts-germany").n_sources == 2


def test_a_part_larger_than_the_whole_is_a_scope_flag(dev):
    """"Nearly 700" buried in one town exceeds every province-wide toll; the 37 rescuers are a consistent part."""
    view = dev("tavrin-quake-killed", "tavrin-quake-killed-kol-dara")
    scope = [d for d in view.disagreements if d.type is T.scope]
    assert len(scope) == 1 and scope[0].b.startswith("dev-005.txt") and "Yusuf Arin (~700, undated" in scope[0].explanation
    assert not [d for d in dev("unmk-personnel", "unmk-personnel-in-field").disagreements if d.type is T.scope]


EXACT = {  # topic -> every disagreement type it must show, with multiplicity (no noise beyond the page's lines)
    "tavrin-quake-injured": [T.contradiction],
    "brackport-strikers": [T.contradiction],
    "brackport-pay-offer": [T.revision],
    "brackport-strike-duration": [T.internal],
    "veltra-kessingen-strike-turnout": [T.contradiction],
    "valtoria-turnout": [T.contradiction, T.contradiction, T.revision, T.revision],
    "hlf-fighters-killed-or-wounded": [T.contradiction],
    "cup-final-crush-injured": [T.contradiction],
    "korvel-reservoir-drawdown": [T.revision],
    "sibanda-cholera-deaths": [T.revision, T.revision, T.revision],
    "tavrin-quake-killed": [T.revision] + [T.change_over_time] * 5,
}


@pytest.mark.parametrize("topic,types", EXACT.items(), ids=list(EXACT))
def test_exactly_these_disagreements(dev, topic, types):
    assert [d.type for d in dev(topic).disagreements] == types


def test_views_say_which_rates_and_units_they_converted_with():
    claims = gold_read_claims(DEV)
    of = lambda key: [c for c in claims if c.topic == key]
    assert conversions(of("orla-dawn-ransom-paid")) == ["KRW -> USD at 1,440 KRW/USD (2025-11)"]
    assert conversions(of("carrow-ridge-area")) == ["acre -> hectare (pint)"]
    assert conversions(of("tavrin-quake-killed")) == []
