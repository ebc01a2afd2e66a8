"""Coverage-guided fuzzing of `extractors.extract` (issue 9, item 2).

Every input is checked against the invariants of tests/test_reliability_invariants.py
(no exception, spans inside the text and equal to the quote, finite numbers, low <= high).
An input that breaks one is written to tests/data/fuzz_crashes/ (UTF-8 text, one file per
distinct failure), where tests/test_fuzz_regressions.py replays it for ever after.

Engines: atheris (libFuzzer, coverage of the extractor code; `pip install atheris`), or
hypothesis' `fuzz_one_input` driven by random bytes when atheris is not installed.

Example:
    .venv/bin/python benchmarks/fuzz_extract.py --seconds 300
    .venv/bin/python benchmarks/fuzz_extract.py --seconds 60 --engine hypothesis
"""
from __future__ import annotations

import argparse
import hashlib
import os
import re
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CRASH_DIR = ROOT / "tests" / "data" / "fuzz_crashes"
SEED_DIRS = [ROOT / "seeds", ROOT / "tests" / "data" / "dev"]
DATES = [None, "2024", "2024-10", "2024-10-28", "2024-autumn"]
MAX_LEN = 4096


def _rel(path: Path) -> Path:
    return path.relative_to(ROOT) if path.is_relative_to(ROOT) else path


def signature(exc: BaseException) -> str:
    """What makes two failures the same: the broken invariant, or the exception type and the line raising it."""
    if type(exc).__name__ == "InvariantError":
        what = str(exc).split("): ", 1)[-1]
        return "InvariantError: " + re.sub(r"'[^']*'|\"[^\"]*\"|\[[^\]]*\]|-?\d[\d.e+]*", "#", what)[:60]
    tb = traceback.extract_tb(exc.__traceback__)
    where = f"{Path(tb[-1].filename).name}:{tb[-1].lineno}" if tb else "?"
    return f"{type(exc).__name__}@{where}"


class Stats:
    def __init__(self, crash_dir: Path) -> None:
        self.crash_dir = crash_dir
        self.execs = 0
        self.failures = 0
        self.signatures: dict[str, Path] = {}

    def record(self, text: str, exc: BaseException) -> None:
        """Keep the first (hence usually shortest-found-so-far) input of each distinct failure."""
        self.failures += 1
        sig = signature(exc)
        if sig in self.signatures and len(self.signatures[sig].read_bytes()) <= len(text.encode()):
            return
        self.crash_dir.mkdir(parents=True, exist_ok=True)
        name = "crash-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:16] + ".txt"
        path = self.crash_dir / name
        if sig in self.signatures and self.signatures[sig] != path:
            self.signatures[sig].unlink(missing_ok=True)  # a shorter input of the same failure replaces it
        path.write_bytes(text.encode("utf-8"))
        self.signatures[sig] = path
        print(f"\n[fuzz] {sig}: {type(exc).__name__}: {str(exc)[:200]} -> {_rel(path)}", flush=True)


def check(text: str, published: str | None, stats: Stats) -> None:
    from tests.test_reliability_invariants import run_extract

    stats.execs += 1
    try:
        run_extract(text, published=published)
    except Exception as exc:  # noqa: BLE001 - every failure is a finding, recorded and the run goes on
        stats.record(text, exc)


def seed_corpus(folder: Path) -> None:
    """Start from real articles (cut to MAX_LEN bytes) and the figure vocabulary of the property tests."""
    from tests.test_reliability_extractors import (
        HUGE_NUMBERS,
        NUMBERS,
        OVERFLOW_NUMBERS,
        QUALIFIERS,
        UNITS,
    )

    folder.mkdir(parents=True, exist_ok=True)
    n = 0
    for d in SEED_DIRS:
        for p in sorted(d.glob("*.txt")):
            (folder / f"seed-{n}").write_bytes(b"\x00" + p.read_bytes()[:MAX_LEN - 1])
            n += 1
    for q, num, u in zip(QUALIFIERS * 3, (NUMBERS + HUGE_NUMBERS + OVERFLOW_NUMBERS) * 2, UNITS * 2):
        (folder / f"seed-{n}").write_bytes(b"\x00" + f"Officials said {q} {num} {u} were sent.".encode())
        n += 1


def write_dict(path: Path) -> None:
    """A libFuzzer dictionary of the words that steer the extractor's rules."""
    from tests.test_reliability_extractors import GLUE, QUALIFIERS, UNITS

    words = set(QUALIFIERS + UNITS + GLUE[1:] + ["according to", " said ", "between", " and ", "thousand",
                                                 "million", "killed", "wounded", "troops", "since", "1e308"])
    lines = []
    for w in sorted(words):
        b = w.encode("utf-8")
        lines.append('"' + "".join(chr(c) if 32 <= c < 127 and chr(c) not in '"\\' else f"\\x{c:02x}" for c in b) + '"')
    path.write_text("\n".join(lines) + "\n")


def decode(data: bytes) -> tuple[str, str | None]:
    """First byte picks the publication date; the rest is the text (UTF-8, bad bytes replaced)."""
    if not data:
        return "", None
    return data[1:].decode("utf-8", errors="replace"), DATES[data[0] % len(DATES)]


def run_atheris(seconds: int, stats: Stats, report, max_len: int = MAX_LEN) -> None:
    import atheris

    import schemas  # noqa: F401 - pydantic and the contract are not what we fuzz: import them uninstrumented
    with atheris.instrument_imports(include=["extractors"]):
        import importlib
        import pkgutil

        import extractors
        for mod in pkgutil.walk_packages(extractors.__path__, "extractors."):
            importlib.import_module(mod.name)  # lazily imported rule modules get coverage too

    work = Path(tempfile.mkdtemp(prefix="tally-fuzz-"))
    corpus, dict_file = work / "corpus", work / "tokens.dict"
    seed_corpus(corpus)
    write_dict(dict_file)
    stats.crash_dir.mkdir(parents=True, exist_ok=True)

    end = time.monotonic() + seconds

    def one_input(data: bytes) -> None:
        if time.monotonic() > end:  # libFuzzer's own exit skips Python's atexit: stop here, report, leave
            report()
            os._exit(1 if stats.signatures else 0)
        text, published = decode(data)
        check(text, published, stats)

    args = [sys.argv[0], str(corpus), f"-max_total_time={seconds + 60}", f"-max_len={max_len}", f"-dict={dict_file}",
            "-timeout=10", f"-artifact_prefix={stats.crash_dir}/", "-print_final_stats=1"]
    atheris.Setup(args, one_input)
    try:
        atheris.Fuzz()
    except SystemExit:
        pass


def run_hypothesis(seconds: int, stats: Stats, report, max_len: int = MAX_LEN) -> None:
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from tests.test_reliability_extractors import figure_soup

    @settings(database=None, deadline=None, suppress_health_check=list(HealthCheck))
    @given(text=st.one_of(figure_soup, st.text(max_size=2000)), published=st.sampled_from(DATES))
    def target(text, published):
        check(text, published, stats)

    end = time.monotonic() + seconds
    while time.monotonic() < end:
        target.hypothesis.fuzz_one_input(os.urandom(max_len))
    report()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seconds", type=int, default=60, help="time budget")
    ap.add_argument("--engine", choices=["auto", "atheris", "hypothesis"], default="auto")
    ap.add_argument("--crashes", type=Path, default=CRASH_DIR, help="where failing inputs are written")
    ap.add_argument("--max-len", type=int, default=MAX_LEN, help="longest input in bytes (shorter runs faster)")
    opts = ap.parse_args(argv)
    engine = opts.engine
    if engine == "auto":
        try:
            import atheris  # noqa: F401
            engine = "atheris"
        except ImportError:
            engine = "hypothesis"
    stats = Stats(opts.crashes)
    t0 = time.monotonic()

    def report() -> None:
        dt = time.monotonic() - t0
        print(f"\n[fuzz] engine={engine} seconds={dt:.0f} executions={stats.execs} "
              f"({stats.execs / max(dt, 1e-9):.0f}/s) failing_inputs={stats.failures} "
              f"distinct_failures={len(stats.signatures)}", flush=True)
        for sig, path in stats.signatures.items():
            print(f"[fuzz]   {sig} -> {_rel(path)}")

    (run_atheris if engine == "atheris" else run_hypothesis)(opts.seconds, stats, report, opts.max_len)
    return 1 if stats.signatures else 0


if __name__ == "__main__":
    sys.exit(main())
