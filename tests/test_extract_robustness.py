"""Robustness of the extractor: any Unicode gives records or nothing, spans stay inside the text and
quote it, intervals are ordered, time grows linearly with the text, and the public interface holds."""
import time
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import extractors
from extractors import EXTRACTOR_VERSION, extract, extract_with_rejections
from schemas import Claim, Rejected

ROOT = Path(__file__).resolve().parents[1]
SEED_TEXT = "\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt")))
DEV_TEXT = "\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests/data/dev").glob("*.txt")))


def _check(text, claims):
    for c in claims:
        assert isinstance(c, Claim)
        s, e = c.span
        assert 0 <= s < e <= len(text)
        assert text[s:e] == c.quote
        if c.low is not None and c.high is not None:
            assert c.low <= c.high
        for ms, me in c.mentions:
            assert 0 <= ms < me <= len(text)


NUMBERISH = st.lists(st.sampled_from(list("0123456789,.-–%$€£₩ km()/:") + [
    " about ", " at least ", " killed ", " troops ", " million ", " per ", " day", "nine", " between ", " and ",
    "\n", "'", "“", "”", " said ", " the ", "A", " another ", " 2024", " March ", " on Monday"]), max_size=120).map("".join)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=400))
def test_any_unicode_gives_records_or_nothing(text):
    claims, rejected = extract_with_rejections(text)
    _check(text, claims)
    assert all(isinstance(r, Rejected) for r in rejected)


@settings(max_examples=150, deadline=None)
@given(NUMBERISH, st.sampled_from([None, "2025-03-04", "2024-10", "2024", "garbage"]))
def test_numberish_text_is_safe(text, published):
    _check(text, extract(text, published=published))


def test_odd_inputs():
    for text in ["", " ", "\x00\x01", "9" * 5000, "1," * 3000, "-" * 4000 + "5", "$" * 1000 + "1",
                 "\u202e12\u202c people", "١٢٣ people", "𝟗 soldiers", "½ of them", "10⁶ tonnes",
                 "(" * 2000 + "3)", "between " * 500 + "1 and 2", "a " * 3000 + "month"]:
        _check(text, extract(text))


def test_seed_and_dev_spans():
    _check(SEED_TEXT, extract(SEED_TEXT))
    _check(DEV_TEXT, extract(DEV_TEXT, published="2025-06-01"))


def _growth(run, small, large) -> float:
    """CPU-time ratio of two input sizes, best of three, so a busy machine does not look like a quadratic."""
    def best(n):
        times = []
        for _ in range(3):
            t = time.process_time()
            run(n)
            times.append(time.process_time() - t)
        return min(times)

    return best(large) / best(small)


def test_time_grows_linearly():
    """4x the text may take at most ~6x the time (linear with noise), never 16x (quadratic)."""
    base = SEED_TEXT + "\n" + DEV_TEXT
    extract(base)  # warm-up: pint registry, regex caches

    ratio = _growth(lambda n: extract((base * (n // len(base) + 1))[:n]), 60_000, 240_000)
    assert ratio < 6.5, ratio


def test_time_grows_linearly_without_sentence_breaks():
    """One endless unpunctuated line (a table dump) is cut into bounded pieces: still linear."""
    unit = "some 10,000 troops and 3 km of road according to the ministry and about $5 million "
    extract(unit)

    def run(n):
        text = (unit * (n // len(unit) + 1))[:n]
        _check(text, extract(text))

    ratio = _growth(run, 30_000, 120_000)
    assert ratio < 6.5, ratio


def test_dense_numerals_grow_linearly():
    """Hundreds of numbers in one run ("1 1 1 ...") cost the same per number as a few."""
    extract("1 2 3")

    ratio = _growth(lambda n: extract("1 " * n), 300, 1200)
    assert ratio < 6.5, ratio


def test_numbers_past_float_range_give_nothing():
    for n in ("9" * 400, "9" * 300 + " billion", "1" + "0" * 20):
        claims = extract(f"Officials said {n} troops were counted.")
        assert all(c.value is None or abs(c.value) < 1e15 for c in claims)
        assert claims == []


def test_public_interface():
    assert isinstance(EXTRACTOR_VERSION, str) and EXTRACTOR_VERSION
    claims, rejected = extract_with_rejections("On Monday at least 312 people were killed, officials said. "
                                               "Article 4 of the treaty applies.", published="2025-03-04")
    assert [c.quote for c in claims] == ["at least 312"]
    c = claims[0]
    assert (c.kind.value, c.casualty_type.value, c.low, c.high, c.qualifier.value) == \
        ("casualties", "killed", 312, None, "at_least")
    assert c.attribution == "officials" and c.as_of == "2025-03-03" and c.rule and c.sentence
    assert c.topic  # assign_topic was called
    assert any(r.quote == "4" and r.reason == "identifier" for r in rejected)
    assert extractors.extract("nothing here") == []


def test_mentions_are_one_claim():
    text = "Nine soldiers were killed. The nine soldiers were killed in a raid. Families of the nine soldiers were killed too."
    claims = extract(text)
    assert len(claims) == 1 and len(claims[0].mentions) == 2


def test_stated_keeps_the_written_unit():
    (c,) = extract("The unit returned from a four-month deployment.")
    assert c.value == 121.75 and c.unit == "day"
    assert (c.stated.value, c.stated.unit) == (4, "month")
