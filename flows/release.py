"""The release flow: discover -> process in batches -> assemble -> publish.

Tasks are thin wrappers around :mod:`renda` library functions. Documents are processed in
batches (``batch_size`` reports per task) so that Prefect's per-task cost stays small
against the work; only I/O tasks retry.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact

from renda import catalog, pipeline, release, validate
from renda.ingest import discover
from renda.layout import CuratedLayout
from renda.settings import BATCH_SIZE, SUITES_DIR


class StrictModeError(RuntimeError):
    """Raised by a ``strict`` run when any input was rejected."""


@task(name="discover-reports", retries=2, retry_delay_seconds=[1, 5])
def discover_reports(raw_dir: Path) -> list[str]:
    return discover(raw_dir)


@task(name="process-batch")
def process_batch(raw_dir: Path, source_files: list[str], today: dt.date,
                  cache_dir: Path | None) -> pipeline.BatchResult:
    return pipeline.process_batch(raw_dir, source_files, today, cache_dir)


@task(name="assemble-tables")
def assemble_tables(result: pipeline.BatchResult) -> tuple[dict[str, Any], list[Any]]:
    return pipeline.assemble_tables(result)


@task(name="validate-tables")
def validate_tables(tables: dict[str, Any], suites_dir: Path, today: dt.date) -> validate.ValidationOutcome:
    return validate.validate_tables(tables, suites_dir, today=today)


@task(name="keep-failed-validation", retries=2, retry_delay_seconds=[1, 5])
def keep_failed_validation(curated_dir: Path, outcome: validate.ValidationOutcome, stamp: str) -> Path:
    folder = CuratedLayout(curated_dir).failed_validation(stamp)
    validate.write_reports(outcome, folder)
    return folder


@task(name="publish-release", retries=2, retry_delay_seconds=[1, 5])
def publish_tables(curated_dir: Path, outcome: validate.ValidationOutcome, rejects: list[Any],
                   today: dt.date, created: str) -> release.PublishOutcome:
    return release.publish_release(
        CuratedLayout(curated_dir), outcome.published, rejects, today=today, created=created,
        quarantine=outcome.quarantine, reports=lambda folder: validate.write_reports(outcome, folder))


@task(name="build-catalog", retries=2, retry_delay_seconds=[1, 5])
def build_catalog(curated_dir: Path) -> Path:
    return catalog.build_catalog(CuratedLayout(curated_dir))


def _batches(items: list[str], size: int) -> list[list[str]]:
    return [items[i:i + size] for i in range(0, len(items), size)]


@flow(name="renda-release", log_prints=True)
def release_flow(raw_dir: Path, curated_dir: Path, strict: bool = False,
                 batch_size: int = BATCH_SIZE, use_cache: bool = True,
                 suites_dir: Path = SUITES_DIR) -> dict[str, Any]:
    """Build and publish a release of every report below ``raw_dir`` into ``curated_dir``.

    With ``use_cache`` (the default), reports processed before with the same bytes and rule
    set are taken from ``curated_dir/cache`` instead of being processed again.
    """
    logger = get_run_logger()
    raw_dir, curated_dir = Path(raw_dir), Path(curated_dir)
    now = dt.datetime.now(dt.timezone.utc)
    files = discover_reports(raw_dir)
    logger.info("discover: %d reports below %s", len(files), raw_dir)
    batches = _batches(files, max(1, batch_size))
    cache_dir = CuratedLayout(curated_dir).cache if use_cache else None
    futures = [process_batch.submit(raw_dir, b, now.date(), cache_dir) for b in batches]
    results = []
    done = 0
    for i, fut in enumerate(futures, 1):
        batch = fut.result()
        results.append(batch)
        done += len(batches[i - 1])
        logger.info("process: batch %d/%d, %d/%d reports (%d rejected in batch)",
                    i, len(batches), done, len(files), len(batch.rejects))
    merged = pipeline.merge(results)
    logger.info("process: %d documents, %d from cache, %d rejected",
                len(merged.documents), merged.cache_hits, len(merged.rejects))
    for reject in merged.rejects:
        logger.warning("rejected %s: %s", reject.source_file, reject.reason)
    if strict and merged.rejects:
        raise StrictModeError(f"{len(merged.rejects)} report(s) rejected; nothing published (--strict)")
    tables, rejects = assemble_tables(merged)
    checked = validate_tables(tables, Path(suites_dir), now.date())
    create_markdown_artifact(key="renda-validation", markdown=checked.summary_markdown(),
                             description="Great Expectations: expectations run, failed, rows quarantined")
    if not checked.ok:
        folder = keep_failed_validation(curated_dir, checked, now.strftime("%Y%m%dT%H%M%SZ"))
        logger.error("validation: critical failures, nothing published (report: %s)", folder / "index.html")
        validate.raise_for_critical(checked)
    logger.info("validation: passed; %d rows quarantined", len(checked.quarantine or []))
    outcome = publish_tables(curated_dir, checked, rejects, now.date(), now.isoformat(timespec="seconds"))
    if outcome.published:
        logger.info("publish: release %s at %s; rows %s; %d rejected, %d quarantined",
                    outcome.version, outcome.path, outcome.row_counts, outcome.n_rejects,
                    outcome.n_quarantined)
    else:
        logger.info("publish: nothing new; tables equal release %s, which stays LATEST",
                    outcome.version)
    index = build_catalog(curated_dir)
    logger.info("catalog: %s", index)
    summary = {
        "published": outcome.published,
        "version": outcome.version,
        "path": str(outcome.path),
        "row_counts": outcome.row_counts,
        "rejected": outcome.n_rejects,
        "quarantined": outcome.n_quarantined,
        "reports": len(files),
        "cache_hits": merged.cache_hits,
    }
    rows = "\n".join(f"| {k} | {v} |" for k, v in outcome.row_counts.items())
    status = "published" if outcome.published else "unchanged (nothing published)"
    create_markdown_artifact(
        key="renda-release",
        markdown=f"# renda release {outcome.version}: {status}\n\n| table | rows |\n|---|---|\n"
                 f"{rows}\n\nReports: {len(files)}, rejected: {outcome.n_rejects}\n",
        description="Rows per table of the published release",
    )
    return summary


def with_task_runner(kind: str, address: str | None = None, workers: int = 2) -> Any:
    """The release flow with the task runner asked for: ``default`` or ``dask``.

    ``dask`` runs the per-document batches on a Dask cluster through prefect-dask: the one at
    ``address`` (``tcp://host:8786``), or a local cluster of ``workers`` processes. Dask
    workers report to the Prefect API, so a real server (PREFECT_API_URL) is required;
    without one each worker would start its own temporary server.
    """
    if kind == "default":
        return release_flow
    if kind != "dask":
        raise ValueError(f"unknown task runner {kind!r}: use 'default' or 'dask'")
    import os

    if not os.environ.get("PREFECT_API_URL"):
        raise RuntimeError(
            "--task-runner dask needs a Prefect server: Dask workers report their task runs to "
            "the Prefect API, and without PREFECT_API_URL each worker would start its own "
            "temporary server. Start one (`prefect server start`) and set PREFECT_API_URL, "
            "e.g. http://127.0.0.1:4200/api")
    from prefect_dask import DaskTaskRunner

    runner = (DaskTaskRunner(address=address) if address else
              DaskTaskRunner(cluster_kwargs={"n_workers": workers, "threads_per_worker": 1,
                                             "processes": True, "dashboard_address": None}))
    return release_flow.with_options(task_runner=runner)
