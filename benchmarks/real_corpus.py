"""Library throughput on the real corpus: MB of raw report bytes per second on one core.

Every ``.txt`` below ``../shared/corpus`` (jiaocheng, hailaer, web, formats) is decoded,
normalized, described and extracted with :func:`renda.pipeline.process_report` in this one
process (no Prefect, no publishing): the per-document work a release spends its time on.
The reports are read into memory first; the best of ``--repeat`` passes is reported, so that
a busy neighbour on the machine does not count as slowness.

    python benchmarks/real_corpus.py [--corpus ../shared/corpus] [--repeat 5]

Prints one JSON line: documents, bytes, best and median seconds, MB/s (best).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import time
from pathlib import Path

from renda.ingest import RawReport, Reject, discover, read_raw
from renda.pipeline import process_report


def load(corpus: Path) -> list[RawReport]:
    reports = []
    for name in discover(corpus):
        if not name.endswith(".txt"):
            continue
        raw = read_raw(corpus, name)
        if not isinstance(raw, Reject):
            reports.append(raw)
    return reports


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path,
                        default=Path(__file__).resolve().parents[1].parent / "shared" / "corpus")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    reports = load(args.corpus)
    size = sum(len(r.data) for r in reports)
    today = dt.date(2026, 12, 2)
    for r in reports:           # warm-up: imports, compiled patterns, gazetteer
        process_report(r, today)
    times = []
    for _ in range(max(1, args.repeat)):
        t = time.perf_counter()
        for r in reports:
            process_report(r, today)
        times.append(time.perf_counter() - t)
    best = min(times)
    print(json.dumps({"documents": len(reports), "bytes": size, "best_s": round(best, 3),
                      "median_s": round(statistics.median(times), 3),
                      "mb_per_s": round(size / best / 1e6, 3)}))


if __name__ == "__main__":
    main()
