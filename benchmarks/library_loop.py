"""The release pipeline as a plain loop, without Prefect: the baseline the flow is held to.

Same work and batching as flows/release.py: process every report into parts, validate and
publish them, rebuild the catalog. Prints one JSON line: seconds per stage, documents, bytes,
peak RSS of this process.

    python benchmarks/library_loop.py RAW CURATED [--batch-size 200]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import resource
import time
from pathlib import Path

from renda import catalog, pipeline, release
from renda.ingest import discover
from renda.layout import CuratedLayout
from renda.settings import BATCH_SIZE, SUITES_DIR


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("raw", type=Path)
    parser.add_argument("curated", type=Path)
    parser.add_argument("--batch-size", type=int, default=BATCH_SIZE)
    args = parser.parse_args()
    today = dt.date.today()
    stages: dict[str, float] = {}
    peaks: dict[str, float] = {}
    t0 = time.perf_counter()
    files = discover(args.raw)
    stages["discover"] = time.perf_counter() - t0
    t = time.perf_counter()
    layout = CuratedLayout(args.curated)
    work = layout.work("bench")
    shutil.rmtree(work, ignore_errors=True)
    parts = [pipeline.process_part(args.raw, files[i:i + args.batch_size], today,
                                   work / f"part-{i // args.batch_size:05d}")
             for i in range(0, len(files), args.batch_size)]
    stages["process"] = time.perf_counter() - t
    peaks["process"] = _peak_mb()
    t = time.perf_counter()
    release.publish_parts(layout, parts, today=today, suites_dir=SUITES_DIR,
                          created=dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"))
    shutil.rmtree(work, ignore_errors=True)
    stages["validate_publish"] = time.perf_counter() - t
    peaks["validate_publish"] = _peak_mb()
    t = time.perf_counter()
    catalog.build_catalog(layout)
    stages["catalog"] = time.perf_counter() - t
    peaks["catalog"] = _peak_mb()
    total = time.perf_counter() - t0
    size = sum((args.raw / f).stat().st_size for f in files)
    print(json.dumps({"documents": len(files), "bytes": size, "seconds": total, "stages": stages,
                      "peak_rss_mb": _peak_mb(), "peak_rss_mb_after": peaks}))


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


if __name__ == "__main__":
    main()
