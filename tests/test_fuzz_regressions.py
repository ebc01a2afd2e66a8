"""Replay every input the fuzzer ever flagged, plus hand-written seeds, through `extract` (issue 9, item 2).

benchmarks/fuzz_extract.py writes failing inputs to tests/data/fuzz_crashes/; once the
extractor is fixed they stay here, so the same crash can never come back unnoticed.
`.txt` files are the text itself (UTF-8); other files are raw libFuzzer artifacts
(timeouts, hard crashes), whose first byte picks the publication date.
Each input is replayed with every publication date the fuzzer uses.
"""
import time
from pathlib import Path

import pytest

from tests.test_reliability_invariants import run_extract

CRASH_DIR = Path(__file__).resolve().parent / "data" / "fuzz_crashes"
DATES = [None, "2024", "2024-10", "2024-10-28", "2024-autumn"]

SEEDED = {
    "empty": "",
    "one-space": " ",
    "lone-digit": "7",
    "lone-dot": ".",
    "lone-comma-number": ",000",
    "trailing-scale": "10 million",
    "scale-without-number": "million billion trillion",
    "max-float": "1.7976931348623157e308 troops",
    "past-max-float": "1e309 troops were killed",
    "range-reversed": "between 12,000 and 11,000 troops",
    "range-reversed-dash": "12,000-11,000 troops",
    "range-huge-reversed": f"between {'9' * 400} and 1 troops",
    "negative-range": "-5 to -10 degrees",
    "up-to-zero": "up to 0 people",
    "nearly-zero": "nearly 0 troops",
    "fewer-than-negative": "fewer than -3 casualties",
    "vague-at-end": "tens of thousands of",
    "qualifier-at-end": "Officials said approximately",
    "unit-before-number": "troops 10,000",
    "bidi-override-number": "\u202e10,000\u202c troops",
    "zero-width-inside-number": "10\u200b,000 troops",
    "isolate-around-unit": "5 \u2066km\u2069",
    "bom-start": "\ufeffabout 3,000 killed",
    "combining-on-digit": "1\u03010,000 troops",
    "fullwidth-digits": "\uff11\uff10\uff0c\uff10\uff10\uff10 troops",
    "arabic-indic": "\u0661\u0660\u066c\u0660\u0660\u0660 troops",
    "surrogate-pair-emoji": "👩‍👩‍👧 3,000 🇺🇦 troops",
    "html-split-number": "<b>10</b>,000 troops",
    "html-entity-number": "10&#44;000 troops &amp; 5&nbsp;km",
    "nested-quotes": "\u201c" * 200 + "about 10,000 troops" + "\u201d" * 200,
    "unbalanced-brackets": "(" * 500 + "3 days",
    "crlf": "about 10,000\r\ntroops\r\n",
    "only-newlines": "\n" * 1000,
    "nul-and-controls": "5\x00 km\x01\x02\x7f troops",
    "money-no-number": "$ million USD",
    "percent-glued": "1e308%",
    "date-like": "2024-10-28 10:00 1,000,000.00.00",
    "ordinal": "the 3rd of 10,000th troops",
    # past float range: these gave value/low/high = inf until a39ace2
    "400-digits": "9" * 400 + " soldiers",
    "309-digits": "9" * 309 + " people",
    "tens-500": "10" * 500 + "%",
    "money-huge": "$" + "9" * 400 + " billion",
    "scale-overflow": "about " + "9" * 300 + " bn troops",
}


def _crash_files() -> list[Path]:
    if not CRASH_DIR.is_dir():
        return []
    return sorted(p for p in CRASH_DIR.iterdir() if p.is_file() and not p.name.startswith((".", "README")))


def _decode(path: Path) -> list[tuple[str, str | None]]:
    raw = path.read_bytes()
    if path.suffix == ".txt":
        return [(raw.decode("utf-8"), d) for d in DATES]
    if not raw:
        return [("", None)]
    return [(raw[1:].decode("utf-8", errors="replace"), DATES[raw[0] % len(DATES)])]


@pytest.mark.parametrize("path", _crash_files(), ids=lambda p: p.name)
def test_fuzz_crash_replays_clean(path):
    """An input the fuzzer flagged keeps every invariant now, within the fuzzer's 10 s timeout."""
    for text, published in _decode(path):
        t0 = time.perf_counter()
        run_extract(text, published=published)
        assert time.perf_counter() - t0 < 10, f"{path.name}: {time.perf_counter() - t0:.1f} s"


@pytest.mark.parametrize("name", sorted(SEEDED))
def test_seeded_input(name):
    """Hand-written edge cases: empty, past float range, reversed ranges, invisible characters, markup."""
    for published in DATES:
        run_extract(SEEDED[name], published=published)


