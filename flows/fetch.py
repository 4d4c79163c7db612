"""The fetch flow, and the nightly flow that fetches and then publishes.

Both are thin: :func:`renda.fetch.fetch_sources` does the work (one task: fetching is I/O
bound and polite, so it runs host by host at a bounded rate, not as thousands of tasks);
the outcome of every source is a row of ``fetch_log.csv`` and of a Prefect table artifact.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_table_artifact

from flows.release import release_flow
from renda.layout import CuratedLayout


@task(name="fetch-sources")
def fetch_sources_task(sources_file: Path, raw_dir: Path, log_path: Path) -> list[dict[str, Any]]:
    from renda.fetch import fetch_sources, load_sources, write_fetch_log

    logger = get_run_logger()
    sources = load_sources(sources_file)

    def progress(host: str, done: int, total: int) -> None:
        logger.info("fetch: %s %d/%d", host, done, total)

    report = fetch_sources(sources, raw_dir, progress=progress)
    write_fetch_log(report, log_path)
    return [dict(row) for row in report.as_dicts()]


@flow(name="renda-fetch", log_prints=True)
def fetch_flow(sources_file: Path, raw_dir: Path, log_path: Path) -> dict[str, Any]:
    """Fetch every source of ``sources_file`` into ``raw_dir``; the report goes to ``log_path``."""
    logger = get_run_logger()
    rows = fetch_sources_task(Path(sources_file), Path(raw_dir), Path(log_path))
    counts: dict[str, int] = {}
    for row in rows:
        counts[row["outcome"]] = counts.get(row["outcome"], 0) + 1
    logger.info("fetch: %d requests; %s", len(rows),
                ", ".join(f"{k} {v}" for k, v in sorted(counts.items())) or "no sources")
    if rows:
        create_table_artifact(key="renda-fetch", table=rows,
                              description="Every source fetched: outcome, status, bytes, seconds")
    return {"requests": len(rows), "outcomes": counts, "log": str(log_path)}


@flow(name="renda-nightly", log_prints=True)
def nightly_flow(sources_file: Path = Path("sources.yml"), raw_dir: Path = Path("raw"),
                 curated_dir: Path = Path("curated"), strict: bool = False,
                 use_cache: bool = True) -> dict[str, Any]:
    """One night: fetch the sources into ``raw_dir`` (when the list has any), then build and
    publish a release of everything below it; the night's fetch log is published with it.
    A night that fetched nothing new publishes nothing (the release flow sees unchanged
    inputs)."""
    raw_dir, curated_dir = Path(raw_dir), Path(curated_dir)
    fetched: dict[str, Any] | None = None
    log_path: Path | None = None
    if Path(sources_file).is_file():
        stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%S")
        log_path = CuratedLayout(curated_dir).root / ".work" / f"fetch-{stamp}.csv"
        log_path.parent.mkdir(parents=True, exist_ok=True)
        fetched = fetch_flow(Path(sources_file), raw_dir, log_path)
    try:
        summary = release_flow(raw_dir=raw_dir, curated_dir=curated_dir, strict=strict,
                               use_cache=use_cache, fetch_log=log_path)
    finally:
        if log_path is not None:
            log_path.unlink(missing_ok=True)
    return {**summary, "fetch": fetched}
