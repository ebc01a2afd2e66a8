"""The invariants every extractor output must keep, whatever the input (issue 9).

`check_extraction` is shared by the property tests, the fuzz regressions and
`benchmarks/fuzz_extract.py`; the tests here feed it broken records to show it
really refuses them (a checker that cannot fail proves nothing).
"""
import math

import pytest

from schemas import Claim, Rejected
from schemas.enums import Kind


class InvariantError(AssertionError):
    """An extractor output broke a contract invariant; the message says which and where."""


def _check_span(text: str, span, quote: str, what: str) -> None:
    if len(span) != 2 or not all(isinstance(i, int) for i in span):
        raise InvariantError(f"{what}: span {span!r} is not two ints")
    start, end = span
    if not 0 <= start < end <= len(text):
        raise InvariantError(f"{what}: span {span!r} outside text of length {len(text)}")
    if quote is not None and text[start:end] != quote:
        raise InvariantError(f"{what}: text[{start}:{end}] = {text[start:end]!r} != quote {quote!r}")


def _check_numbers(value, low, high, what: str) -> None:
    for name, x in (("value", value), ("low", low), ("high", high)):
        if x is not None and not math.isfinite(x):
            raise InvariantError(f"{what}: {name} is {x!r}")
    if low is not None and high is not None and low > high:
        raise InvariantError(f"{what}: low {low!r} > high {high!r}")


def check_claim(text: str, claim: Claim, i: int = 0) -> None:
    """One claim: span inside the text and equal to the quote; finite numbers; low <= high."""
    what = f"claim {i} ({claim.rule or claim.kind.value}, {claim.quote!r})"
    _check_span(text, claim.span, claim.quote, what)
    _check_numbers(claim.value, claim.low, claim.high, what)
    _check_numbers(claim.stated.value, claim.stated.low, claim.stated.high, what + " stated")
    for m in claim.mentions:
        _check_span(text, m, None, what + " mention")


def check_extraction(text: str, claims: list[Claim], rejected: list[Rejected] = ()) -> None:
    """All claims and refusals of one text keep the invariants."""
    if not isinstance(claims, list):
        raise InvariantError(f"extract returned {type(claims).__name__}, not a list")
    for i, c in enumerate(claims):
        if not isinstance(c, Claim):
            raise InvariantError(f"item {i} is {type(c).__name__}, not a Claim")
        check_claim(text, c, i)
    for i, r in enumerate(rejected):
        _check_span(text, r.span, r.quote, f"rejected {i} ({r.reason})")


class SwallowedException(InvariantError):
    """The extractor's engine raised and `extract` hid it by returning no claims: all figures of the text lost."""


def _engine():
    try:
        from extractors import engine
    except ImportError:  # an extractor without the inner engine: only the public functions are checked
        return None
    return engine if hasattr(engine, "extract_article") else None


def run_extract(text: str, *, published: str | None = None) -> list[Claim]:
    """`extract_with_rejections` (what `extract` returns, plus refusals) on one text, every invariant
    checked; returns the claims. One call, not two: the extractor is the slow part of every test.

    `extract` guards against its own crashes by returning nothing for the whole text; an exception caught
    there is still a failure here (SwallowedException), since every figure of that article is silently lost.
    """
    import extractors

    engine, seen = _engine(), []
    if engine is not None:
        inner = engine.extract_article

        def watched(*args, **kwargs):
            try:
                return inner(*args, **kwargs)
            except Exception as exc:
                seen.append(exc)
                raise

        engine.extract_article = watched
    try:
        claims, rejected = extractors.extract_with_rejections(text, published=published)
    finally:
        if engine is not None:
            engine.extract_article = inner
    if seen:
        raise SwallowedException(f"engine raised {type(seen[0]).__name__}: {seen[0]}") from seen[0]
    check_extraction(text, claims, rejected)
    return claims


def _claim(**kw) -> Claim:
    base = {"kind": Kind.personnel, "unit": "person", "span": [0, 6], "quote": "10,000", "value": 10000, "low": 9000, "high": 11000}
    base.update(kw)
    return Claim(**base)


TEXT = "10,000 troops"


def test_a_good_claim_passes():
    check_extraction(TEXT, [_claim()])


@pytest.mark.parametrize("bad, reason", [
    ({"span": [0, 99], "quote": "10,000"}, "outside"),
    ({"span": [-1, 5], "quote": "10,000"}, "outside"),
    ({"span": [3, 3], "quote": ""}, "outside"),
    ({"span": [0, 5], "quote": "10,000"}, "!= quote"),
    ({"low": 12000, "high": 11000}, "low"),
    ({"value": float("nan")}, "value is nan"),
    ({"high": float("inf")}, "high is inf"),
    ({"low": float("-inf"), "high": None}, "low is -inf"),
    ({"mentions": [[7, 100]]}, "mention"),
], ids=["end-past-text", "negative-start", "empty-span", "quote-mismatch", "low-above-high",
        "nan-value", "inf-high", "neg-inf-low", "mention-outside"])
def test_the_checker_refuses_broken_claims(bad, reason):
    """Each invariant is enforced: a checker that never fails would make every test below vacuous."""
    with pytest.raises(InvariantError, match=reason):
        check_extraction(TEXT, [_claim(**bad)])


def test_the_checker_refuses_a_rejected_span_outside_the_text():
    with pytest.raises(InvariantError, match="rejected 0"):
        check_extraction(TEXT, [], [Rejected(span=[10, 20], quote="ps", reason="date")])


def test_extract_is_extract_with_rejections_without_the_rejections():
    """The property tests call `extract_with_rejections`; this keeps them about `extract` too."""
    import extractors

    text = "Officials said about 10,000 troops were sent on 3 October 2024, page 12."
    assert extractors.extract(text, published="2024-10-28") == \
        extractors.extract_with_rejections(text, published="2024-10-28")[0]
