"""Ingest throughput (articles/s, claims/s) for serial SQLite, serial PostgreSQL and Dask, and the query time of
one topic view, on a generated corpus. Not part of `make test`.

    .venv/bin/python benchmarks/ingest.py                 # 5,000 articles, the real extractor
    .venv/bin/python benchmarks/ingest.py --n 500 --extractor count   # the store alone

PostgreSQL: `--pg-url postgresql+psycopg://...` (an empty database), else a throwaway durable cluster is
started from Debian's binaries (tests/pg.py); skipped when neither is available.
"""
import argparse
import json
import os
import signal
import statistics
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import extractors  # noqa: E402
import service.ingest.pipeline as pipeline  # noqa: E402
from service.ingest.readers import read_paths  # noqa: E402
from service.ingest.synthetic import count_numbers, generate_articles  # noqa: E402
from service.store import make_engine, make_sessionmaker  # noqa: E402


@contextmanager
def refresh_timer(totals: list[float]):
    """Time spent recomputing topic summaries, apart from storing."""
    real = pipeline.refresh_pending

    def timed(factory, **kw):
        start = time.perf_counter()
        try:
            return real(factory, **kw)
        finally:
            totals.append(time.perf_counter() - start)

    pipeline.refresh_pending = timed
    try:
        yield
    finally:
        pipeline.refresh_pending = real


def run(label: str, url: str, corpus: Path, *, dask_workers: int = 0) -> dict:
    factory = make_sessionmaker(make_engine(url))
    refresh: list[float] = []
    start = time.perf_counter()
    with refresh_timer(refresh):
        documents = read_paths([corpus])
        if dask_workers:
            from service.ingest.scale import dask_client, prepare_on_dask

            with dask_client(workers=dask_workers) as client:
                start = time.perf_counter()  # cluster start-up is not ingest
                summary = pipeline.store_all(factory, prepare_on_dask(client, documents))
        else:
            summary = pipeline.store_all(factory, pipeline.prepare_serially(documents))
    seconds = time.perf_counter() - start
    assert summary.failed == 0, summary.failures[:3]
    n = summary.new + summary.updated + summary.unchanged
    return {"engine": label, "seconds": seconds, "articles": n, "claims": summary.claims,
            "articles_per_s": n / seconds, "claims_per_s": summary.claims / seconds,
            "topic_refresh_s": sum(refresh), "factory": factory}


def topic_view_times(factory, repeat: int = 5) -> dict:
    """The largest and the median topic: its stored summary read, and its full view (claims + reconcile)."""
    from sqlalchemy import select

    from service.reconcile import topic_view
    from service.store.reads import articles_by_id, claims_of_topic
    from service.store.tables import TopicRow
    from service.store.topics import topic_summary_of

    with factory() as s:
        sizes = sorted(s.execute(select(TopicRow.key, TopicRow.n_claims)).all(), key=lambda r: (r[1], r[0]))
    out = {"topics": len(sizes)}
    for which, (key, n_claims) in (("largest", sizes[-1]), ("median", sizes[len(sizes) // 2])):
        summary_ms, view_ms = [], []
        for _ in range(repeat):
            with factory() as s:
                t = time.perf_counter()
                topic_summary_of(s.get(TopicRow, key))
                summary_ms.append((time.perf_counter() - t) * 1000)
                t = time.perf_counter()
                claims = claims_of_topic(s, topic=key)
                topic_view(key, claims, articles=articles_by_id(s, ids={c.article_id for c in claims}))
                view_ms.append((time.perf_counter() - t) * 1000)
        out[which] = {"key": key, "claims": n_claims, "summary_ms": statistics.median(summary_ms),
                      "view_ms": statistics.median(view_ms)}
    return out


@contextmanager
def postgres(url: str | None):
    if url:
        yield url
        return
    from tests.pg import ThrowawayPostgres, pg_bin_dir

    bin_dir = pg_bin_dir()
    if bin_dir is None:
        yield None
        return
    server = ThrowawayPostgres(bin_dir, durable=True).init()
    server.start()
    try:
        yield server.create_database()
    finally:
        server.destroy()


def main() -> None:
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # so that a throwaway cluster is stopped
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=5000, help="articles to generate (default 5000)")
    parser.add_argument("--extractor", choices=["real", "count"], default="real",
                        help="real: extractors.extract; count: one claim per number (measures the store)")
    parser.add_argument("--workers", type=int, default=2, help="Dask workers (processes) of the local cluster")
    parser.add_argument("--pg-url", help="an empty PostgreSQL database (default: a throwaway cluster)")
    parser.add_argument("--json", action="store_true", help="print the results as JSON too")
    args = parser.parse_args()
    if args.extractor == "count":
        extractors.extract = count_numbers  # a local cluster's worker processes import the real one

    work = Path(tempfile.mkdtemp(prefix="tally-bench-"))
    corpus = work / "corpus.jsonl"
    corpus.write_text("".join(json.dumps(a.model_dump(exclude_none=True)) + "\n" for a in generate_articles(args.n)))
    load = os.getloadavg()[0]
    print(f"corpus: {args.n} generated articles; extractor {args.extractor} ({extractors.EXTRACTOR_VERSION}); "
          f"{os.cpu_count()} CPUs, load average {load:.1f} at start", flush=True)

    results = [run("serial", f"sqlite:///{work / 'serial.db'}", corpus)]
    print(_row(results[-1]), flush=True)
    with postgres(args.pg_url) as pg_url:
        if pg_url:
            results.append(run("serial", pg_url, corpus))
            print(_row(results[-1]), flush=True)
        else:
            print("serial postgresql: skipped (no --pg-url and no /usr/lib/postgresql/*/bin)")
    if args.extractor == "real":
        results.append(run(f"dask ({args.workers} workers)", f"sqlite:///{work / 'dask.db'}", corpus,
                           dask_workers=args.workers))
        print(_row(results[-1]), flush=True)
    else:
        print("dask: skipped with --extractor count (worker processes would run the real extractor)")
    views = topic_view_times(results[0]["factory"])
    for which in ("largest", "median"):
        v = views[which]
        print(f"topic view, {which} of {views['topics']} topics ({v['key']}, {v['claims']} claims): stored summary "
              f"{v['summary_ms']:.1f} ms, full view (claims + reconcile) {v['view_ms']:.1f} ms")
    print(f"load average {os.getloadavg()[0]:.1f} at the end")
    if args.json:
        print(json.dumps({"results": [{k: v for k, v in r.items() if k != "factory"} for r in results],
                          "topic_view": views}, indent=2))


def _row(r: dict) -> str:
    store = r["factory"].kw["bind"].dialect.name
    return (f"{r['engine']:<18} {store:<10} {r['articles']:>6} articles {r['claims']:>7} claims in "
            f"{r['seconds']:7.1f} s: {r['articles_per_s']:7.1f} articles/s {r['claims_per_s']:8.1f} claims/s "
            f"(topic refresh {r['topic_refresh_s']:.1f} s)")


if __name__ == "__main__":
    main()
