"""Throughput of Tally's extractor against plain quantulum3 on the same corpus.

    .venv/bin/python benchmarks/extract_throughput.py [--mb 5] [--q-sample-kb 40]

The corpus is the seed texts (and the dev texts) repeated to at least `--mb` megabytes. Tally's
`extract` runs over all of it, as one article per repeated block. quantulum3 is slow (seconds to
load, milliseconds per sentence), so by default it parses a sample of `--q-sample-kb` kilobytes and
its throughput is extrapolated; the output says so. Not part of the test suite.
"""
from __future__ import annotations

import argparse
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def corpus(min_bytes: int) -> list[str]:
    block = "\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt")))
    block += "\n" + "\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests/data/dev").glob("*.txt")))
    n = min_bytes // len(block.encode("utf-8")) + 1
    return [block] * n


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=5.0)
    ap.add_argument("--q-sample-kb", type=float, default=40.0, help="quantulum3 sample size; 0 = the whole corpus")
    args = ap.parse_args()
    docs = corpus(int(args.mb * 1_000_000))
    total = sum(len(d.encode("utf-8")) for d in docs)

    from extractors import extract
    extract(docs[0][:2000])  # warm-up: pint registry, regex caches (not timed)
    t0 = time.perf_counter()
    n_claims = sum(len(extract(d)) for d in docs)
    t_tally = time.perf_counter() - t0
    tally_mbs = total / t_tally / 1e6

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # quantulum3 warns that its classifier is unavailable
        t0 = time.perf_counter()
        from quantulum3 import parser
        parser.parse("warm up 5 km")
        t_load = time.perf_counter() - t0
        sample = "".join(docs)
        sampled = args.q_sample_kb > 0 and args.q_sample_kb * 1000 < total
        if sampled:
            sample = sample[: int(args.q_sample_kb * 1000)]
        t0 = time.perf_counter()
        n_q = len(parser.parse(sample))
        t_q = time.perf_counter() - t0
    q_bytes = len(sample.encode("utf-8"))
    q_mbs = q_bytes / t_q / 1e6

    print(f"corpus: {total / 1e6:.2f} MB ({len(docs)} copies of the seed and dev texts)")
    print(f"tally extract:      {tally_mbs:8.4f} MB/s  ({t_tally:.1f} s, {n_claims} claims)")
    note = f"measured on a {q_bytes / 1e3:.0f} kB sample and extrapolated" if sampled else "measured on the whole corpus"
    print(f"quantulum3 parse:   {q_mbs:8.4f} MB/s  ({t_q:.1f} s for {n_q} quantities, {note}; load {t_load:.1f} s not counted)")
    if sampled:
        print(f"quantulum3 on the whole corpus would take about {total / q_mbs / 1e6:.0f} s")
    print(f"ratio tally / quantulum3: {tally_mbs / q_mbs:.1f}x")


if __name__ == "__main__":
    main()
