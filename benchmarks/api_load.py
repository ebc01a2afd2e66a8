"""Load benchmark of the read API on SQLite: 100,000 synthetic claims, then a fixed-rate load on the topics.

    .venv/bin/python benchmarks/api_load.py [--claims 100000] [--topics 2000] [--rate 500 ...] [--seconds 20]
                                            [--workers 1] [--writes 0] [--no-baseline]

Steps: bulk-insert synthetic articles and claims straight into the tables, compute the `topics` rows
with the store's own `refresh_topics`, start `tally serve` in a subprocess, request every topic view once
(as after any real warm-up), then drive an open-loop load at each `--rate` in requests/s (80%
`GET /v1/topics/{key}` over uniformly random keys, 20% `GET /v1/topics` pages in the three sorts), with
`--writes` articles POSTed per second beside it (each commit invalidates the caches). Latency is measured
from each request's scheduled start, so a server that falls behind is charged for the queue (no
coordinated omission). With `wrk` on PATH it also reports the closed-loop maximum throughput.

The same runs are then repeated with the response cache off (TALLY_RESPONSE_CACHE_BYTES=0), the baseline,
and the p99 ratio is printed. Target on a 2-core machine: p99 < 25 ms at 500 requests/s. Not part of
`make test`.
"""
import argparse
import asyncio
import json
import os
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from sqlalchemy import insert

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from service.store import make_engine, make_sessionmaker  # noqa: E402
from service.store.tables import ArticleRow, ClaimRow  # noqa: E402
from service.store.topics import refresh_topics  # noqa: E402

SOURCES = ["Pentagon", "Ukrainian military intelligence", "South Korea's National Intelligence Service", "NATO",
           "Kremlin", "Institute for the Study of War", "UK Ministry of Defence", "Reuters", "article", "White House"]
CLAIMS_PER_ARTICLE = 50


def _claim(article_id: str, ordinal: int, topic: int, rng: random.Random) -> dict:
    base = 1000 * (topic % 50 + 1)
    value = round(base * rng.uniform(0.95, 1.05))  # sources roughly agree, as on most topics
    day = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    quote = f"about {value:,} troops"
    record = {"kind": "personnel", "casualty_type": None, "value": value, "low": round(value * 0.9),
              "high": round(value * 1.1), "qualifier": "approximately", "unit": "person", "per": None,
              "subject": "troops", "location": f"Region {topic}", "attribution": rng.choice(SOURCES),
              "attribution_via": None, "hedged": rng.random() < 0.2, "as_of": day, "as_of_text": None,
              "topic": f"bench-topic-{topic:05d}", "topic_label": f"Troops in region {topic}",
              "stated": {"value": value, "low": None, "high": None, "unit": "person"},
              "span": [ordinal * 100, ordinal * 100 + len(quote)], "quote": quote,
              "sentence": f"Officials said {quote} were in region {topic}.", "rule": "bench", "mentions": [],
              "note": None}
    return {"id": f"c-{article_id}-{ordinal:03d}", "article_id": article_id, "ordinal": ordinal,
            "topic": record["topic"], "kind": "personnel", "attribution": record["attribution"],
            "as_of": day, "hedged": record["hedged"], "extractor_version": "bench", "record": record}


def load(url: str, *, n_claims: int, n_topics: int) -> list[str]:
    """Insert the synthetic store; returns the topic keys."""
    rng = random.Random(7)
    engine = make_engine(url)
    factory = make_sessionmaker(engine)
    n_articles = n_claims // CLAIMS_PER_ARTICLE
    started = time.perf_counter()
    with factory.begin() as session:
        session.execute(insert(ArticleRow), [
            {"id": f"{i:016x}", "text": f"Synthetic article {i}.", "title": f"Article {i}", "published": "2024-12-01",
             "language": "en", "n_claims": CLAIMS_PER_ARTICLE, "extractor_version": "bench"}
            for i in range(n_articles)])
        claims = [_claim(f"{i:016x}", j, (i * CLAIMS_PER_ARTICLE + j) % n_topics, rng)
                  for i in range(n_articles) for j in range(CLAIMS_PER_ARTICLE)]
        session.execute(insert(ClaimRow), claims)
    keys = sorted({c["topic"] for c in claims})
    inserted = time.perf_counter()
    with factory.begin() as session:
        refresh_topics(session, keys=keys)
    print(f"store: {n_articles:,} articles, {len(claims):,} claims, {len(keys):,} topics; inserted in "
          f"{inserted - started:.1f} s, topic summaries in {time.perf_counter() - inserted:.1f} s")
    engine.dispose()
    return keys


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def _get(reader, writer, path: str) -> int:
    writer.write(f"GET {path} HTTP/1.1\r\nHost: bench\r\n\r\n".encode())
    await writer.drain()
    return await _read_answer(reader)


async def _read_answer(reader) -> int:
    """Read one HTTP/1.1 answer with a Content-Length; returns its status."""
    status_line = await reader.readline()
    length = 0
    while (line := await reader.readline()) not in (b"\r\n", b""):
        name, _, value = line.decode("latin-1").partition(":")
        if name.lower() == "content-length":
            length = int(value)
    await reader.readexactly(length)
    return int(status_line.split()[1])


async def open_loop(port: int, paths: list[tuple[str, str]], *, rate: float, seconds: float,
                    connections: int = 64) -> dict[str, list[float]]:
    """Request `paths[k]` at time k / rate on a pool of keep-alive connections; latency from schedule."""
    total = int(rate * seconds)
    latencies: dict[str, list[float]] = {}
    errors = []
    next_k = 0
    start = time.perf_counter() + 0.2

    async def worker() -> None:
        nonlocal next_k
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        while next_k < total:
            k, next_k = next_k, next_k + 1
            due = start + k / rate
            await asyncio.sleep(max(0.0, due - time.perf_counter()))
            name, path = paths[k % len(paths)]
            status = await _get(reader, writer, path)
            latencies.setdefault(name, []).append(time.perf_counter() - due)
            if status != 200:
                errors.append(status)
        writer.close()

    await asyncio.gather(*(worker() for _ in range(connections)))
    elapsed = time.perf_counter() - start
    latencies["errors"] = errors
    latencies["elapsed"] = [elapsed]
    return latencies


def _pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))] * 1000


def run_wrk(port: int, keys: list[str], seconds: int) -> None:
    script = Path(tempfile.mkdtemp()) / "topics.lua"
    sample = random.Random(3).sample(keys, min(200, len(keys)))
    script.write_text("keys = {" + ",".join(f'"{k}"' for k in sample) + "}\n"
                      "request = function()\n  return wrk.format('GET', '/v1/topics/' .. keys[math.random(#keys)])\nend\n")
    out = subprocess.run(["wrk", "-t2", "-c32", f"-d{seconds}s", "--latency", "-s", str(script),
                          f"http://127.0.0.1:{port}"], capture_output=True, text=True).stdout
    print("wrk, closed loop, 32 connections, GET /v1/topics/{key}:")
    print("\n".join("  " + line for line in out.splitlines() if line.strip()))


async def writer(port: int, *, rate: float, seconds: float, key: str) -> int:
    """POST a new short article `rate` times a second: every commit moves the store's data version, so the
    load is measured while the caches are being invalidated. Returns the number of articles written."""
    if rate <= 0:
        return 0
    reader, writer_ = await asyncio.open_connection("127.0.0.1", port)
    written, start = 0, time.perf_counter()
    while (due := written / rate) < seconds:
        await asyncio.sleep(max(0.0, start + due - time.perf_counter()))
        body = json.dumps({"text": f"Officials said about {1000 + written:,} troops were sent to region {written}.",
                           "published": "2024-12-01"}).encode()
        writer_.write(f"POST /v1/articles HTTP/1.1\r\nHost: bench\r\nX-API-Key: {key}\r\n"
                      f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n".encode() + body)
        await writer_.drain()
        status = await _read_answer(reader)
        if status not in (200, 201):
            raise RuntimeError(f"a write answered {status}")
        written += 1
    writer_.close()
    return written


async def _load_with_writes(port: int, paths, *, rate: float, seconds: float, writes: float, key: str):
    return await asyncio.gather(open_loop(port, paths, rate=rate, seconds=seconds),
                                writer(port, rate=writes, seconds=seconds, key=key))


def measure(url: str, keys: list[str], args, *, label: str, env_extra: dict[str, str]) -> dict[float, float]:
    """Start a server, warm it up, run every rate; returns the p99 (ms) of each rate."""
    port = free_port()
    env = {**os.environ, "TALLY_DATABASE_URL": url, "TALLY_PORT": str(port), "TALLY_API_KEYS": "bench", **env_extra}
    log = tempfile.TemporaryFile("w+")
    server = subprocess.Popen([sys.executable, "-m", "service.cli", "serve", "--workers", str(args.workers)],
                              env=env, cwd=ROOT, stdout=log, stderr=log)
    p99 = {}
    print(f"== {label}, {args.workers} server process(es), {args.writes:g} writes/s during the load")
    try:
        asyncio.run(_wait_ready(port))
        warm = time.perf_counter()
        asyncio.run(open_loop(port, [("warm", f"/v1/topics/{k}") for k in keys], rate=1e9, seconds=len(keys) / 1e9,
                              connections=4))
        print(f"warm-up: {len(keys):,} topic views computed in {time.perf_counter() - warm:.1f} s")
        rng = random.Random(11)
        sorts = ["claims", "disagreements", "latest"]
        paths = [("GET /v1/topics/{key}", f"/v1/topics/{rng.choice(keys)}") if rng.random() < 0.8 else
                 ("GET /v1/topics", f"/v1/topics?sort={rng.choice(sorts)}&limit=50") for _ in range(10_000)]
        for rate in args.rate:
            result, written = asyncio.run(_load_with_writes(port, paths, rate=rate, seconds=args.seconds,
                                                            writes=args.writes, key="bench"))
            errors, elapsed = result.pop("errors"), result.pop("elapsed")[0]
            every = [v for values in result.values() for v in values]
            print(f"open loop at {rate:.0f} requests/s for {args.seconds:.0f} s: {len(every) / elapsed:.0f} requests/s "
                  f"answered, non-200: {dict(Counter(errors)) or 'none'}, articles written: {written}")
            for name, values in sorted(result.items()) + [("all", every)]:
                print(f"  {name:<22} n={len(values):>6}  p50 {_pct(values, 0.5):6.2f} ms  "
                      f"p99 {_pct(values, 0.99):6.2f} ms  max {_pct(values, 1.0):7.2f} ms")
            p99[rate] = _pct(every, 0.99)
        if shutil.which("wrk"):
            run_wrk(port, keys, 10)
    finally:
        server.terminate()
        server.wait(10)
        log.close()
    return p99


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--topics", type=int, default=2000)
    parser.add_argument("--rate", type=float, nargs="+", default=[500], help="One open-loop run per rate.")
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--workers", type=int, default=1, help="Server processes (tally serve --workers).")
    parser.add_argument("--writes", type=float, default=0, help="Articles POSTed per second during each run.")
    parser.add_argument("--no-baseline", action="store_true", help="Skip the run without the response cache.")
    args = parser.parse_args()
    sys.stdout.reconfigure(line_buffering=True)  # progress shows as it happens, also when piped

    folder = Path(tempfile.mkdtemp(prefix="tally-bench-"))
    try:
        keys = load(f"sqlite:///{folder / 'bench.db'}", n_claims=args.claims, n_topics=args.topics)
        shutil.copy(folder / "bench.db", folder / "baseline.db")  # the baseline starts from the same store
        cached = measure(f"sqlite:///{folder / 'bench.db'}", keys, args, label="response cache on (default)",
                         env_extra={})
        if args.no_baseline:
            return
        baseline = measure(f"sqlite:///{folder / 'baseline.db'}", keys, args, label="baseline: response cache off",
                           env_extra={"TALLY_RESPONSE_CACHE_BYTES": "0"})
        print("p99 at each rate, baseline / cached: " + ", ".join(
            f"{rate:.0f}/s: {baseline[rate]:.1f} / {cached[rate]:.1f} ms = {baseline[rate] / cached[rate]:.1f}x"
            for rate in args.rate))
    finally:
        shutil.rmtree(folder, ignore_errors=True)


async def _wait_ready(port: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
            status = await _get(reader, writer, "/readyz")
            writer.close()
            if status == 200:
                return
        except OSError:
            pass
        await asyncio.sleep(0.2)
    raise RuntimeError("the server did not become ready")


if __name__ == "__main__":
    main()
