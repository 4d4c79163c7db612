"""The release pipeline as a plain loop, without Prefect: the baseline the flow is held to.

Same work and batching as flows/release.py: process every report, assemble, validate,
publish, rebuild the catalog. Prints one JSON line: seconds per stage, documents, bytes,
peak RSS of this process.

    python benchmarks/library_loop.py RAW CURATED [--batch-size 200]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import resource
import time
from pathlib import Path

from renda import catalog, pipeline, release, validate
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
    t0 = time.perf_counter()
    files = discover(args.raw)
    stages["discover"] = time.perf_counter() - t0
    t = time.perf_counter()
    batches = [pipeline.process_batch(args.raw, files[i:i + args.batch_size], today)
               for i in range(0, len(files), args.batch_size)]
    merged = pipeline.merge(batches)
    stages["process"] = time.perf_counter() - t
    t = time.perf_counter()
    tables, rejects = pipeline.assemble_tables(merged)
    stages["assemble"] = time.perf_counter() - t
    t = time.perf_counter()
    outcome = validate.validate_tables(tables, SUITES_DIR, today=today)
    stages["validate"] = time.perf_counter() - t
    t = time.perf_counter()
    layout = CuratedLayout(args.curated)
    release.publish_release(layout, outcome.published, rejects, today=today,
                            created=dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
                            quarantine=outcome.quarantine,
                            reports=lambda folder: validate.write_reports(outcome, folder))
    stages["publish"] = time.perf_counter() - t
    t = time.perf_counter()
    catalog.build_catalog(layout)
    stages["catalog"] = time.perf_counter() - t
    total = time.perf_counter() - t0
    size = sum((args.raw / f).stat().st_size for f in files)
    print(json.dumps({"documents": len(files), "bytes": size, "seconds": total, "stages": stages,
                      "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))


if __name__ == "__main__":
    main()
